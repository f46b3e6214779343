// The amd-flow command line's entry; the commands live in run.ts.
import { run } from "./run.js";

process.exitCode = run(
  process.argv.slice(2),
  (text) => process.stdout.write(`${text}\n`),
  (text) => process.stderr.write(`${text}\n`),
);
