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

/**
 * One stretch of speech on the line, in ms from the answer.
 *
 * @example
 * ```ts
 * import type { SpeechSegment } from "amd-flow/simulator";
 * const hello: SpeechSegment = { startMs: 400, endMs: 1000, text: "Hello?" };
 * ```
 */
export interface SpeechSegment {
  /** When the first word starts. */
  readonly startMs: number;
  /** When the last word ends. */
  readonly endMs: number;
  /** What is said; words are separated by spaces. */
  readonly text: string;
}

/**
 * The voicemail beep (or a fax tone, or any tone) on a simulated call.
 *
 * @example
 * ```ts
 * import type { CallBeep } from "amd-flow/simulator";
 * const beep: CallBeep = { atMs: 6200, frequency: 1400 };
 * ```
 */
export interface CallBeep {
  /** When the tone is heard, in ms from the answer. */
  readonly atMs: number;
  /** The tone's frequency in Hz; 1000 when absent (2100 when a fax answered). */
  readonly frequency?: number;
  /** The tone's frequency variance as the beep detector reports it; 0 when absent. */
  readonly variance?: number;
  /** `false`: the beep detector misses this tone (the recording still starts after it). */
  readonly detected?: boolean;
}

/**
 * What happens on one outbound call after it is answered, in ms from the answer: who
 * answered, what they said and when, the beep, a speech-recognizer failure, the callee
 * hanging up, or a call dialled without AMD.
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
  /** What is said on the line, in time order. */
  readonly speech?: readonly SpeechSegment[];
  /** The beep or tone, when there is one. */
  readonly beep?: CallBeep;
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

/** The frequency of a beep given without one: a fax's answer tone, or a typical voicemail beep. */
export function beepFrequencyOf(call: CallScript, beep: CallBeep): number {
  return beep.frequency ?? (call.answeredBy === "fax" ? 2100 : 1000);
}

/** When the callee's first utterance ends (`undefined` when they never speak). */
export function firstUtteranceEndOf(call: CallScript): number | undefined {
  let first: SpeechSegment | undefined;
  for (const segment of call.speech ?? []) if (first === undefined || segment.startMs < first.startMs) first = segment;
  return first?.endMs;
}

/** When the callee's last words end (`undefined` when they never speak). */
export function lastSpeechEndOf(call: CallScript): number | undefined {
  let end: number | undefined;
  for (const segment of call.speech ?? []) if (end === undefined || segment.endMs > end) end = segment.endMs;
  return end;
}
