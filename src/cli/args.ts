import { numericText } from "../index.js";
import { usage } from "./cli-error.js";
import { didYouMean } from "./did-you-mean.js";

/** Each option a command takes: a value (`--policy file`) or a switch (`--json`). */
export type OptionSpec = Readonly<Record<string, "string" | "boolean">>;

type Values<T extends OptionSpec> = {
  -readonly [K in keyof T]?: T[K] extends "string" ? string : boolean;
};

/** What a command line holds: its options, its inputs, and whether it asked for help. */
export interface ParsedArgs<T extends OptionSpec> {
  readonly values: Values<T>;
  readonly positionals: string[];
  readonly help: boolean;
}

/**
 * Reads `--name value`, `--name=value` and `--switch`; `-` is an input (standard input)
 * and `--` ends the options. A value may start with a dash (`--waited -1` reaches the
 * command's own check), so every mistake gets one line naming the option.
 */
export function parseOptions<const T extends OptionSpec>(argv: readonly string[], spec: T): ParsedArgs<T> {
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  let help = false;
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index] as string;
    if (token === "--") {
      // One by one: spreading 10⁵ arguments into push overflows the call stack.
      for (let rest = index + 1; rest < argv.length; rest++) positionals.push(argv[rest] as string);
      break;
    }
    if (token === "--help" || token === "-h") {
      help = true;
      continue;
    }
    if (token === "-" || !token.startsWith("-")) {
      positionals.push(token);
      continue;
    }
    const equals = token.indexOf("=");
    const name = token.slice(2, equals === -1 ? undefined : equals);
    const kind = token.startsWith("--") && Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (kind === undefined) {
      const typed = equals === -1 ? token : token.slice(0, equals);
      const known = [...Object.keys(spec), "help"];
      throw usage(`unknown option ${typed}${didYouMean(typed.replace(/^-+/, ""), known, (name) => `--${name}`)}`);
    }
    if (Object.hasOwn(values, name)) throw usage(`--${name} given twice`);
    if (kind === "boolean") {
      if (equals !== -1) throw usage(`--${name} takes no value`);
      values[name] = true;
      continue;
    }
    if (equals !== -1) {
      values[name] = token.slice(equals + 1);
      continue;
    }
    const next = argv[index + 1];
    if (next === undefined || isOption(next, spec)) throw usage(`--${name} needs a value`);
    values[name] = next;
    index++;
  }
  return { values: values as Values<T>, positionals, help };
}

/** `--json`, `--policy=x`, `--help`: an option of the command, not a value that starts with dashes. */
function isOption(token: string, spec: OptionSpec): boolean {
  const name = token.startsWith("--") ? (token.slice(2).split("=")[0] ?? "") : "";
  return name === "help" || Object.hasOwn(spec, name);
}

/** The one input a command reads, if any (`undefined` when none was named). */
export function onePositional(positionals: readonly string[], command: string): string | undefined {
  if (positionals.length > 1) throw usage(`${command} takes one input, got ${positionals.length}`);
  return positionals[0];
}

/**
 * A milliseconds option (`--waited 6000`): numeric text as the library reads it (digits,
 * a decimal part, white space around), finite; anything else is a usage error naming
 * the option.
 */
export function millisecondsOption(name: string, text: string): number {
  const value = numericText(text);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw usage(`--${name}: expected milliseconds, a number 0 or more, got "${text}"`);
  }
  return value;
}
