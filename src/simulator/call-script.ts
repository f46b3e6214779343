import maxBy from "lodash-es/maxBy.js";
import minBy from "lodash-es/minBy.js";

/**
 * Who or what picked up a simulated call.
 *
 * @example
 * ```ts
 * import type { AnsweredBy } from "amd-flow/simulator";
 * const who: AnsweredBy = "machine";
 * ```
 */
export type AnsweredBy = "person" | "machine" | "fax" | "nobody";

/** The kinds of callee, in the order figures list them. */
export const ANSWERED_BY: readonly AnsweredBy[] = Object.freeze(["person", "machine", "fax", "nobody"]);

/**
 * One stretch of speech on the line, in ms from the answer.
 *
 * @example
 * ```ts
 * import type { SpeechSegment } from "amd-flow/simulator";
 * const hello: SpeechSegment = { startMs: 400, endMs: 1000, text: "Hello?" };
 * const noise: SpeechSegment = { startMs: 300, endMs: 600, text: "(a cough)", recognized: "" };
 * ```
 */
export interface SpeechSegment {
  /** When the first word starts. */
  readonly startMs: number;
  /** When the last word ends (at or after `startMs`). */
  readonly endMs: number;
  /** What is said; words are separated by spaces. */
  readonly text: string;
  /**
   * What the speech recognizer returns for it, when that is not `text`: a mishearing,
   * or `""`, an empty result (the engine still receives it as a final transcript, so
   * it is a human verdict with `greeting: ""`). A segment whose `text` is `""` and has
   * no `recognized` is an empty result too; one of spaces only is not heard at all.
   */
  readonly recognized?: string;
}

/**
 * A tone on a simulated call: the voicemail beep, a fax tone, a ringback, a call-waiting tone.
 *
 * @example
 * ```ts
 * import type { CallTone } from "amd-flow/simulator";
 * const ringback: CallTone = { atMs: 300, frequency: 480 };
 * ```
 */
export interface CallTone {
  /** When the tone is heard, in ms from the answer. */
  readonly atMs: number;
  /** The tone's frequency in Hz; 1000 when absent (2100 when a fax answered). */
  readonly frequency?: number;
  /** The tone's frequency variance as the beep detector reports it; 0 when absent. */
  readonly variance?: number;
  /** `false`: the beep detector misses this tone. */
  readonly detected?: boolean;
}

/**
 * The voicemail's beep (or a fax's tone): a {@link CallTone}, and the one the call's
 * metrics measure from (a message before it is clipped; it still starts the recording
 * when the detector misses it).
 *
 * @example
 * ```ts
 * import type { CallBeep } from "amd-flow/simulator";
 * const beep: CallBeep = { atMs: 6200, frequency: 1400 };
 * ```
 */
export type CallBeep = CallTone;

/**
 * What happens on one outbound call after it is answered, in ms from the answer: who
 * answered, what they said and when, the beep and other tones, a speech-recognizer
 * failure, the callee hanging up, or a call dialled without AMD.
 *
 * Times are finite numbers ≥ 0; a segment ends at or after its start. The simulator
 * refuses a script that breaks this with one `RangeError` listing every problem.
 *
 * @example
 * ```ts
 * import type { CallScript } from "amd-flow/simulator";
 * const voicemail: CallScript = {
 *   name: "voicemail with a beep",
 *   answeredBy: "machine",
 *   speech: [{ startMs: 300, endMs: 4300, text: "Hi you have reached Sam please leave a message after the tone" }],
 *   beep: { atMs: 4800 },
 * };
 * ```
 */
export interface CallScript {
  /** A name for reports. */
  readonly name?: string;
  /** Who or what picked up. */
  readonly answeredBy: AnsweredBy;
  /** What is said on the line. */
  readonly speech?: readonly SpeechSegment[];
  /** The voicemail's beep or the fax's tone, when there is one. */
  readonly beep?: CallBeep;
  /**
   * Other tones on the line (a ringback before the greeting, a call-waiting tone). The
   * detector reports them as it reports the beep; it stops at the first tone it
   * reports, whichever it is.
   */
  readonly tones?: readonly CallTone[];
  /** The speech recognizer fails to start; AMD learns it at this time. */
  readonly sttError?: {
    /** When AMD learns of the failure, in ms from the answer. */
    readonly atMs: number;
  };
  /** The callee hangs up at this time. */
  readonly hangUpAtMs?: number;
  /** `false`: the call was dialled without AMD, so AMD emits nothing. */
  readonly amd?: false;
}

/** The frequency of a tone given without one: a fax's answer tone, or a typical voicemail beep. */
export function toneFrequencyOf(call: CallScript, tone: CallTone): number {
  return tone.frequency ?? (call.answeredBy === "fax" ? 2100 : 1000);
}

/** When the callee's first utterance ends (`undefined` when they never speak). */
export function firstUtteranceEndOf(call: CallScript): number | undefined {
  return minBy(call.speech, "startMs")?.endMs;
}

/** When the callee's last words end (`undefined` when they never speak). */
export function lastSpeechEndOf(call: CallScript): number | undefined {
  return maxBy(call.speech, "endMs")?.endMs;
}

/** The longest list of segments or tones a call script may hold. */
export const MAX_SCRIPT_LIST = 100_000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isTime = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0;

/** The field `key` of `record`, or `undefined` with a problem when reading it throws. */
function read(record: Record<string, unknown>, key: string, path: string, problems: string[]): unknown {
  try {
    return record[key];
  } catch {
    problems.push(`${path}.${key}: could not be read`);
    return undefined;
  }
}

function checkTime(value: unknown, path: string, problems: string[]): void {
  if (!isTime(value)) problems.push(`${path}: expected a finite number of ms ≥ 0`);
}

/** `value` as a list of at most MAX_SCRIPT_LIST entries, or `undefined` with a problem. */
function listAt(value: unknown, path: string, problems: string[]): readonly unknown[] | undefined {
  if (!Array.isArray(value)) problems.push(`${path}: expected a list`);
  else if (value.length > MAX_SCRIPT_LIST) problems.push(`${path}: more than ${MAX_SCRIPT_LIST} entries`);
  else return value;
  return undefined;
}

function checkSegment(segment: unknown, path: string, problems: string[]): void {
  if (!isObject(segment)) {
    problems.push(`${path}: expected a segment { startMs, endMs, text }`);
    return;
  }
  const startMs = read(segment, "startMs", path, problems);
  const endMs = read(segment, "endMs", path, problems);
  checkTime(startMs, `${path}.startMs`, problems);
  checkTime(endMs, `${path}.endMs`, problems);
  if (isTime(startMs) && isTime(endMs) && endMs < startMs)
    problems.push(`${path}.endMs: ends before it starts (${endMs} < ${startMs})`);
  if (typeof read(segment, "text", path, problems) !== "string") problems.push(`${path}.text: expected text`);
  const recognized = read(segment, "recognized", path, problems);
  if (recognized !== undefined && typeof recognized !== "string")
    problems.push(`${path}.recognized: expected text, or absent`);
}

function checkTone(tone: unknown, path: string, problems: string[]): void {
  if (!isObject(tone)) {
    problems.push(`${path}: expected a tone { atMs, frequency?, variance?, detected? }`);
    return;
  }
  checkTime(read(tone, "atMs", path, problems), `${path}.atMs`, problems);
  const frequency = read(tone, "frequency", path, problems);
  if (frequency !== undefined && !(typeof frequency === "number" && Number.isFinite(frequency) && frequency > 0))
    problems.push(`${path}.frequency: expected a finite number of Hz > 0, or absent`);
  const variance = read(tone, "variance", path, problems);
  if (variance !== undefined && !(typeof variance === "number" && Number.isFinite(variance)))
    problems.push(`${path}.variance: expected a finite number, or absent`);
  const detected = read(tone, "detected", path, problems);
  if (detected !== undefined && typeof detected !== "boolean")
    problems.push(`${path}.detected: expected true or false, or absent`);
}

/**
 * Adds to `problems` every way `call` is not a valid {@link CallScript}, each starting
 * with `path`. Reads each field once, never writes, and takes time linear in the script.
 */
export function callScriptProblems(call: unknown, path: string, problems: string[]): void {
  try {
    checkCall(call, path, problems);
  } catch {
    // A hostile object (a revoked Proxy, a throwing trap) that read() could not contain.
    problems.push(`${path}: could not be read`);
  }
}

function checkCall(call: unknown, path: string, problems: string[]): void {
  if (!isObject(call)) {
    problems.push(`${path}: expected a call script object`);
    return;
  }
  const answeredBy = read(call, "answeredBy", path, problems);
  if (typeof answeredBy !== "string" || ANSWERED_BY.indexOf(answeredBy as AnsweredBy) === -1)
    problems.push(`${path}.answeredBy: expected one of ${ANSWERED_BY.join(", ")}`);
  const name = read(call, "name", path, problems);
  if (name !== undefined && typeof name !== "string") problems.push(`${path}.name: expected text, or absent`);
  const speech = read(call, "speech", path, problems);
  if (speech !== undefined) {
    const segments = listAt(speech, `${path}.speech`, problems) ?? [];
    // By index, not forEach: a hole is a missing segment, not one to skip.
    for (let index = 0; index < segments.length; index++)
      checkSegment(segments[index], `${path}.speech[${index}]`, problems);
  }
  const beep = read(call, "beep", path, problems);
  if (beep !== undefined) checkTone(beep, `${path}.beep`, problems);
  const tones = read(call, "tones", path, problems);
  if (tones !== undefined) {
    const list = listAt(tones, `${path}.tones`, problems) ?? [];
    for (let index = 0; index < list.length; index++) checkTone(list[index], `${path}.tones[${index}]`, problems);
  }
  const sttError = read(call, "sttError", path, problems);
  if (sttError !== undefined) {
    if (isObject(sttError)) checkTime(read(sttError, "atMs", path, problems), `${path}.sttError.atMs`, problems);
    else problems.push(`${path}.sttError: expected { atMs }`);
  }
  const hangUpAtMs = read(call, "hangUpAtMs", path, problems);
  if (hangUpAtMs !== undefined) checkTime(hangUpAtMs, `${path}.hangUpAtMs`, problems);
  const amd = read(call, "amd", path, problems);
  if (amd !== undefined && amd !== false) problems.push(`${path}.amd: expected false (AMD off), or absent`);
}

/** At most this many problems are listed in one error; the rest are counted. */
export const MAX_PROBLEMS_LISTED = 50;

/** One line listing `problems` (at most MAX_PROBLEMS_LISTED, then how many more). */
export function listProblems(problems: readonly string[]): string {
  const shown = problems.slice(0, MAX_PROBLEMS_LISTED).join("; ");
  const more = problems.length - MAX_PROBLEMS_LISTED;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}
