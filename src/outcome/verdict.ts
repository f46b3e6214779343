import type { AmdEventName } from "../events.js";
import { BIT, type Details } from "../reading/details.js";

// The verdict: what the set of events says, as one small key. It is a pure function of
// the mask and a few flags, so the mapping from verdict to outcome (classifyAmd's one
// match) can be computed once per verdict and remembered.

/**
 * The strongest evidence first: the verdict is the first row whose events are all
 * present. Order and repetition of events cannot change a set, so neither can change
 * the verdict.
 */
const VERDICTS = [
  ["beep", ["amd_tone_detected"]],
  ["greeting-ended", ["amd_machine_stopped_speaking"]],
  ["greeting-ended", ["amd_machine_detected", "amd_stopped"]],
  ["greeting", ["amd_machine_detected"]],
  ["human", ["amd_human_detected"]],
  ["silence", ["amd_no_speech_detected"]],
  ["error", ["amd_error"]],
  ["undecided", ["amd_decision_timeout"]],
  ["undecided", ["amd_stopped"]],
] as const satisfies ReadonlyArray<readonly [string, readonly AmdEventName[]]>;

/** What the events say: a machine phase, another outcome kind, or why there is none. */
export type Verdict = (typeof VERDICTS)[number][0] | "fax" | "pending" | "unknown-only" | "nothing";

/** Every verdict, each once. */
export const ALL_VERDICTS: readonly Verdict[] = [
  ...VERDICTS.map(([verdict]) => verdict).filter((verdict, index, all) => all.indexOf(verdict) === index),
  "fax",
  "pending",
  "unknown-only",
  "nothing",
];

// Flat lists walked by index: the hot path destructures nothing.
const VERDICT_NAMES = VERDICTS.map(([verdict]) => verdict);
const VERDICT_MASKS = VERDICTS.map(([, names]) => names.reduce((mask, name) => mask | BIT[name], 0));

const SPEECH_VERDICT = BIT.amd_human_detected | BIT.amd_machine_detected | BIT.amd_machine_stopped_speaking;

/** Fax tones: the calling tone (1100 Hz) and the answer tone (2100 Hz), each ± 50 Hz. */
const FAX_TONES = [1100, 2100] as const;
const FAX_TOLERANCE = 50;

/**
 * `true` for a frequency within {@link FAX_TOLERANCE} Hz of a fax tone. A tone without
 * a frequency, or at any other, is a voicemail beep.
 */
export function isFaxFrequency(frequency: number | undefined): boolean {
  if (frequency === undefined) return false;
  return Math.abs(frequency - FAX_TONES[0]) <= FAX_TOLERANCE || Math.abs(frequency - FAX_TONES[1]) <= FAX_TOLERANCE;
}

/** How classification is asked for: see `ClassifyOptions`. */
export interface VerdictOptions {
  readonly amdRequested: boolean;
  readonly beepWindowMs: number;
}

/**
 * `true` when every timed tone was heard more than `beepWindowMs` before every timed
 * human verdict, on a clock both carry (`atMs` first, else `timestamp`): the tone came
 * before the person spoke (a call-waiting beep, the tail of early media), not at the
 * end of a short voicemail greeting. Copies without a time (the `amd` value repeats
 * the latest event by name) change nothing. With no shared clock, `false`: the
 * order-free rule (machine evidence outranks human) stands.
 */
export function toneBeforePerson(details: Details, beepWindowMs: number): boolean {
  const { toneAtMs, humanAtMs, toneTimestamp, humanTimestamp } = details;
  // Tone times are kept negated (see Details): human + tone is the gap from the latest tone.
  if (toneAtMs !== undefined && humanAtMs !== undefined) return humanAtMs + toneAtMs > beepWindowMs;
  return toneTimestamp !== undefined && humanTimestamp !== undefined && humanTimestamp + toneTimestamp > beepWindowMs;
}

/**
 * The verdict for a set of events (as a mask of bits), strongest evidence first:
 * fax, then pending (only when AMD was asked for), then the rows of `VERDICTS`. A tone
 * heard well before the person spoke is left out of the machine evidence.
 */
export function verdictOf(details: Details, hasUnknown: boolean, options: VerdictOptions): Verdict {
  let mask = details.mask;
  const tone = (mask & BIT.amd_tone_detected) !== 0;
  if (tone && (mask & SPEECH_VERDICT) === 0 && isFaxFrequency(details.toneFrequency)) return "fax";
  if (options.amdRequested && (mask === BIT.amd_tone_detected || (mask === 0 && !hasUnknown))) return "pending";
  if (toneBeforePerson(details, options.beepWindowMs)) mask &= ~BIT.amd_tone_detected;
  for (let index = 0; index < VERDICT_MASKS.length; index++) {
    const required = VERDICT_MASKS[index] as number;
    if ((mask & required) === required) return VERDICT_NAMES[index] as Verdict;
  }
  return hasUnknown ? "unknown-only" : "nothing";
}
