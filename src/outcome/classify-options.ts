import { readProp, UNREADABLE } from "../internal/safe.js";
import { readClock } from "../state/flow-state.js";
import { isAmount, numericText } from "../vocabulary.js";
import type { VerdictOptions } from "./verdict.js";

/**
 * How to classify a reading.
 *
 * @example
 * ```ts
 * import type { ClassifyOptions } from "amd-flow";
 * const options: ClassifyOptions = { amdRequested: true, beepWindowMs: 1000 };
 * ```
 */
export interface ClassifyOptions {
  /**
   * `true` when the dial-out asked for AMD (`machineDetection` `detect` or
   * `disconnect`). Then no AMD event yet means AMD has not decided (`pending`), not
   * that it is off (`not-run`), and a lone tone that is not a fax's is `pending` too
   * until speech or the end of AMD confirms it. Default `false`.
   */
  readonly amdRequested?: boolean;
  /**
   * For events that carry times (`atMs`, or a `timestamp`): a tone heard more than this
   * many ms before the human verdict was heard before the person spoke, and the
   * outcome stays human; a tone within it is a short voicemail greeting's beep.
   * Default 1000.
   */
  readonly beepWindowMs?: number;
  /**
   * Whether the greeting's words may overrule the engine's word count: a short greeting
   * that says "leave a message" is a voicemail, a long one that says "speaking, how can I
   * help" is a person. Default `true`; a policy's `greetingText` sets it in `routeCall`.
   */
  readonly greetingText?: boolean;
  /**
   * The previous decision's `state` (see `RouteOptions.state`): when the flow first saw
   * each event, which tells a tone heard before a person spoke from a voicemail's beep,
   * and a greeting that has just ended from one long over. Missing: a first run.
   */
  readonly state?: unknown;
  /** How long the flow has waited on AMD in all (see `RouteOptions.waitedMs`); with a `state`, the state's own count when absent. */
  readonly waitedMs?: number;
}

/** The default of {@link ClassifyOptions.beepWindowMs}: the engine's final result comes a few hundred ms after the words. */
export const DEFAULT_BEEP_WINDOW_MS = 1000;

/** `options.key: problem; what was used`, the problem being that `raw` could not be read or was not `expected`. */
export function optionIssue(
  issues: string[] | undefined,
  key: string,
  raw: unknown,
  expected: string,
  used: string,
): void {
  issues?.push(`options.${key}: ${raw === UNREADABLE ? "could not be read" : `expected ${expected}`}; ${used}`);
}

/**
 * The options as they will be used; a value that cannot be used takes its default and,
 * when `issues` is given, is reported there.
 */
export function verdictOptions(options: unknown, issues?: string[]): VerdictOptions {
  const requested = readProp(options, "amdRequested");
  let amdRequested = false;
  if (typeof requested === "boolean") amdRequested = requested;
  else if (requested !== undefined && requested !== null) {
    optionIssue(issues, "amdRequested", requested, "true or false", "false was used");
  }
  const window = readProp(options, "beepWindowMs");
  let beepWindowMs = DEFAULT_BEEP_WINDOW_MS;
  const number = numericText(window);
  if (isAmount(number)) beepWindowMs = number;
  else if (window !== undefined && window !== null) {
    optionIssue(issues, "beepWindowMs", window, "a non-negative number", `${DEFAULT_BEEP_WINDOW_MS} was used`);
  }
  let useText = true;
  const text = readProp(options, "greetingText");
  if (typeof text === "boolean") useText = text;
  else if (text !== undefined && text !== null) {
    optionIssue(issues, "greetingText", text, "true or false", "true was used");
  }
  return {
    amdRequested,
    beepWindowMs,
    greetingText: useText,
    clock: readClock(options, issues),
  };
}
