import { version as VERSION } from "../../package.json";
import { checkPolicy } from "./check-policy.js";
import { CliError, usage } from "./cli-error.js";
import type { Command } from "./command.js";
import { didYouMean } from "./did-you-mean.js";
import { type CliIo, readerFor, STDIN } from "./input.js";
import { oneLine } from "./one-line.js";
import { route } from "./route.js";
import { simulate } from "./simulate.js";
import { summarize } from "./summarize.js";
import { table } from "./table.js";
import { chunkReaderFor } from "./text-chunks.js";

export type { CliIo } from "./input.js";

/**
 * Every command, by the name typed after `amd-flow`, in the order the help lists them.
 * A new command is one file exporting a `Command` and one line here.
 */
const COMMANDS: Readonly<Record<string, Command>> = {
  route,
  table,
  summarize,
  "check-policy": checkPolicy,
  simulate,
};

function mainHelp(): string {
  const names = Object.keys(COMMANDS);
  const synopses = names.map((name) => (COMMANDS[name] as Command).synopsis);
  const width = Math.max(...synopses.map((synopsis) => synopsis.length)) + 2;
  const lines = names.map((name, index) => {
    const synopsis = synopses[index] as string;
    return `  ${synopsis}${" ".repeat(width - synopsis.length)}${(COMMANDS[name] as Command).summary}`;
  });
  return `amd-flow: route Kore.ai outbound calls on their AMD results

Usage: amd-flow <command> [options]

Commands:
${lines.join("\n")}

Every input is a file, or standard input given ${STDIN} (or no file where it is optional).

Options:
  --help      help for a command (amd-flow route --help)
  --version   the version

Exit status: 0 fine, 1 invalid input, 2 usage error.`;
}

/** How this run may print: colour only when the caller says the output is a terminal that wants it. */
export interface RunOptions {
  readonly color?: boolean;
}

/** Runs the command line; returns the exit code. Never throws. */
export function run(argv: string[], io: CliIo, options: RunOptions = {}): number {
  const { out, err } = io;
  const [name, ...rest] = argv;
  const known = name !== undefined && Object.hasOwn(COMMANDS, name);
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      out(mainHelp());
      return name === undefined ? 2 : 0;
    }
    if (name === "--version") {
      out(VERSION);
      return 0;
    }
    const command = known ? COMMANDS[name] : undefined;
    if (command === undefined) {
      const suggestion = didYouMean(name, Object.keys(COMMANDS), (word) => `"${word}"`);
      throw usage(`unknown command "${name}"${suggestion || "; try amd-flow --help"}`);
    }
    const result = command.run(rest, {
      read: readerFor(io),
      chunks: chunkReaderFor(io),
      out,
      err,
      progress: io.progress,
      color: options.color === true,
    });
    if (typeof result === "string") {
      out(result);
      return 0;
    }
    (result.exitCode === 0 ? out : err)(result.text);
    return result.exitCode;
  } catch (error) {
    // Every error is one line, whatever the input held (oneLine escapes control characters).
    /* v8 ignore next 4: every command turns bad input into a CliError; this is for what none foresaw. */
    if (!(error instanceof CliError)) {
      err(oneLine(`amd-flow: unexpected failure: ${error instanceof Error ? error.message : String(error)}`));
      return 1;
    }
    err(oneLine(`amd-flow${known ? ` ${name}` : ""}: ${error.message}`));
    return error.exitCode;
  }
}
