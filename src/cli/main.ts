// The amd-flow command line's entry; the commands are dispatched in run.ts.
import { readFileSync, writeSync } from "node:fs";
import { isatty } from "node:tty";
import { run } from "./run.js";
import { chunksOf } from "./text-chunks.js";

// Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
const noColor = process.env["NO_COLOR"] !== undefined && process.env["NO_COLOR"] !== "";

const pause = new Int32Array(new SharedArrayBuffer(4));

// Output is written with writeSync, not process.stdout: a long output is written as it is
// made, in order, and a reader that went away (`amd-flow summarize … | head -1`) is seen
// at once as EPIPE, which ends the run quietly: the reader had what it wanted. (Node's
// stream would report it later as an unhandled error with a stack trace.)
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPIPE") process.exit(process.exitCode ?? 0);
      if (code !== "EAGAIN") throw error;
      Atomics.wait(pause, 0, 0, 5); // a non-blocking pipe that is full: wait for the reader
    }
  }
}

// Standard output in pieces of 64 KB: one write per call of a long summary would cost a system call each.
let pending = "";
const flush = (): void => {
  if (pending === "") return;
  const text = pending;
  pending = "";
  writeAll(1, text);
};

const progress = isatty(2)
  ? (text: string) => writeAll(2, `\r${text}\u001b[K`) // one line, overwritten; "" clears it
  : undefined;

process.exitCode = run(
  process.argv.slice(2),
  {
    out: (text) => {
      pending += `${text}\n`;
      if (pending.length >= 65_536) flush();
    },
    err: (text) => {
      flush();
      writeAll(2, `${text}\n`);
    },
    stdin: () => readFileSync(0, "utf8"),
    stdinIsTTY: process.stdin.isTTY === true,
    stdinChunks: () => chunksOf(0),
    ...(progress === undefined ? {} : { progress }),
  },
  { color: process.stdout.isTTY === true && !noColor },
);
flush();
