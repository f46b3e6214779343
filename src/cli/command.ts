import type { Reader } from "./input.js";
import type { ChunkReader } from "./text-chunks.js";

/** What every command gets besides its arguments. */
export interface CommandContext {
  /** Reads a file, or standard input for `-`. */
  readonly read: Reader;
  /** Whether output may carry colour (a terminal, and NO_COLOR not set). */
  readonly color: boolean;
  /** Reads a file, or standard input for `-`, a piece at a time: for a command that streams its input. */
  readonly chunks: ChunkReader;
  /** Prints a result now, for a command whose output is too long to return at once; its last piece is returned. */
  readonly out: (text: string) => void;
  /** Prints a warning line to standard error. */
  readonly err: (text: string) => void;
  /** Shows progress on a terminal (empty text clears it); `undefined` when standard error is not a terminal. */
  readonly progress: ((text: string) => void) | undefined;
}

/** A command's output when it decides its own exit code: 0 prints to stdout, 1 to stderr. */
export interface CommandResult {
  readonly text: string;
  readonly exitCode: 0 | 1;
}

/** One command of the command line, as the dispatch table in run.ts lists it. */
export interface Command {
  /** The usage line's start, as in the main help: `route [file|-]`. */
  readonly synopsis: string;
  /** One line for the main help. */
  readonly summary: string;
  /** The command's own help (`amd-flow <command> --help`). */
  readonly help: string;
  /** Runs the command: text for stdout (exit 0), or a result; bad input throws a CliError. */
  readonly run: (argv: readonly string[], context: CommandContext) => string | CommandResult;
}
