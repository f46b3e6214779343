// The command line in-process through run() (the same code as dist/cli.js), with files
// written to a fresh temporary folder: what every in-process CLI test needs.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/run.js";

/** What a run printed and its exit code; each stream's lines joined by newlines. */
export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `amd-flow ...args` with `stdin` as standard input. */
export function withStdin(stdin: string, ...args: string[]): CliResult {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, { out: (text) => out.push(text), err: (text) => err.push(text), stdin: () => stdin });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Runs `amd-flow ...args` with empty standard input. */
export const cli = (...args: string[]): CliResult => withStdin("", ...args);

/**
 * A fresh temporary folder, and a writer of files in it: `file(name, content)` writes
 * text as it is and anything else as JSON, and returns the file's path.
 */
export function tempFolder(prefix: string): { dir: string; file: (name: string, content: unknown) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = (name: string, content: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
    return path;
  };
  return { dir, file };
}
