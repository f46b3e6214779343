// The amd-flow command line's entry; the commands live in run.ts.
import { readFileSync } from "node:fs";
import { run } from "./run.js";

process.exitCode = run(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  stdin: () => readFileSync(0, "utf8"),
});
