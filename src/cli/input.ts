import { readFileSync } from "node:fs";
import { type Policy, type PolicyError, parsePolicy } from "../index.js";
import { type CliError, invalid } from "./cli-error.js";
import { parseJsonText } from "./json-text.js";
import { oneLine } from "./one-line.js";

/** The one name of standard input, in every command, its help and its errors. */
export const STDIN = "-";

/**
 * How a source is named in messages: its path (control characters escaped, so a file
 * name cannot break a line or reach the terminal as an escape sequence), or
 * `standard input (-)`.
 */
export const sourceName = (file: string): string => (file === STDIN ? `standard input (${STDIN})` : oneLine(file));

/** Reads a file, or standard input for `-`, naming `what` in errors. */
export type Reader = (file: string, what: string) => string;

/** Where the command line's text comes from and goes to; tests pass their own. */
export interface CliIo {
  /** Prints a result. */
  readonly out: (text: string) => void;
  /** Prints an error line. */
  readonly err: (text: string) => void;
  /** Reads all of standard input. */
  readonly stdin: () => string;
  /** Whether standard input is a terminal: reading it then waits for a person to type, so a hint is printed first. */
  readonly stdinIsTTY?: boolean;
  /** Reads standard input a piece at a time, for commands that stream it; without it, `stdin` is read whole. */
  readonly stdinChunks?: () => Iterable<string>;
  /** Shows progress on a terminal, overwriting the last progress (empty text clears it); absent elsewhere. */
  readonly progress?: (text: string) => void;
}

const REASONS: Readonly<Record<string, string>> = { ENOENT: "no such file", EISDIR: "is a folder" };

/** What a person at a terminal is told before the command waits for them to type. */
export const typingHint = (what: string): string =>
  `amd-flow: reading the ${what} from standard input (the terminal): paste or type JSON, then press Ctrl-D; or give a file (--help)`;
/** The one-line error for `what` in `file` that could not be read: no such file, a folder, or cannot be read. */
export function cannotRead(error: unknown, what: string, file: string): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = (code !== undefined && REASONS[code]) || "cannot be read";
  return invalid(`${what} ${sourceName(file)}: ${reason}`);
}

/** A reader over `io`: files from disk, `-` from standard input. */
export function readerFor(io: CliIo): Reader {
  return (file, what) => {
    if (file === STDIN && io.stdinIsTTY === true) io.err(typingHint(what));
    try {
      return file === STDIN ? io.stdin() : readFileSync(file, "utf8");
    } catch (error) {
      throw cannotRead(error, what, file);
    }
  };
}

/** `null`, `a list`, `an object`, `a string`, …: what a JSON value is, for messages. */
export const describeType = (value: unknown): string =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "a list"
      : typeof value === "object"
        ? "an object"
        : `a ${typeof value}`;

/** One JSON value from a file or standard input (a byte order mark before it allowed, as `parsePolicy` allows it). */
export function readJson(read: Reader, file: string, what: string): unknown {
  const parsed = parseJsonText(read(file, what));
  if (!parsed.ok) throw invalid(`${what} ${sourceName(file)} is not valid JSON: ${parsed.reason}`);
  return parsed.value;
}

/** One JSON object (not a list, not null) from a file or standard input; `expected` says what it should be. */
export function readJsonObject(read: Reader, file: string, what: string, expected: string): Record<string, unknown> {
  const value = readJson(read, file, what);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalid(`${what} ${sourceName(file)}: expected ${expected}, got ${describeType(value)}`);
  }
  return value as Record<string, unknown>;
}

/** The policy in `file` (a JSON object), or the default policy when there is no file. */
export function loadPolicy(read: Reader, file: string | undefined): Policy {
  if (file === undefined) return parsePolicy(undefined);
  const input = readJsonObject(read, file, "policy", "a JSON object");
  try {
    return parsePolicy(input);
  } catch (error) {
    // parsePolicy throws nothing but PolicyError.
    throw invalid(`policy ${sourceName(file)}: ${(error as PolicyError).problems.join("; ")}`);
  }
}
