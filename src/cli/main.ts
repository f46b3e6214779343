// The amd-flow command line's entry; the commands are dispatched in run.ts.
import { readFileSync } from "node:fs";
import { run } from "./run.js";

// Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
const noColor = process.env["NO_COLOR"] !== undefined && process.env["NO_COLOR"] !== "";

process.exitCode = run(
  process.argv.slice(2),
  {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    stdin: () => readFileSync(0, "utf8"),
    stdinIsTTY: process.stdin.isTTY === true,
  },
  { color: process.stdout.isTTY === true && !noColor },
);
