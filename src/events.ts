/**
 * The eight AMD events that Kore.ai Voice Gateway (jambonz's AMD engine) can post,
 * in the order they are described in the docs.
 *
 * | event | what the engine heard | what follows |
 * |---|---|---|
 * | `amd_human_detected` | a short greeting ("Hello?") | `amd_stopped` |
 * | `amd_machine_detected` | a voicemail phrase, a long greeting or a run of digits | `amd_tone_detected`, `amd_machine_stopped_speaking`, `amd_stopped` |
 * | `amd_no_speech_detected` | nothing within the no-speech timer (5 s) | `amd_stopped` |
 * | `amd_decision_timeout` | speech, but no decision within the decision timer (15 s) | `amd_stopped` |
 * | `amd_machine_stopped_speaking` | the machine greeting ended | `amd_stopped` |
 * | `amd_tone_detected` | a beep (carries `frequency` and `variance`) | usually `amd_machine_stopped_speaking` |
 * | `amd_error` | the engine failed (speech recognition, configuration) | sometimes `amd_stopped` |
 * | `amd_stopped` | AMD stopped listening | nothing more |
 *
 * @example
 * ```ts
 * import { AMD_EVENTS } from "amd-flow";
 * AMD_EVENTS.includes("amd_tone_detected"); // true
 * ```
 */
export const AMD_EVENTS = Object.freeze([
  "amd_human_detected",
  "amd_machine_detected",
  "amd_no_speech_detected",
  "amd_decision_timeout",
  "amd_machine_stopped_speaking",
  "amd_tone_detected",
  "amd_error",
  "amd_stopped",
] as const);

/**
 * One of the eight AMD event names in {@link AMD_EVENTS}.
 *
 * @example
 * ```ts
 * import type { AmdEventName } from "amd-flow";
 * const beep: AmdEventName = "amd_tone_detected";
 * ```
 */
export type AmdEventName = (typeof AMD_EVENTS)[number];

const byFoldedName: ReadonlyMap<string, AmdEventName> = new Map(AMD_EVENTS.map((name) => [name, name]));

/**
 * The canonical AMD event name for `raw`, matched after trimming and ignoring case,
 * or `undefined` when `raw` is not one of {@link AMD_EVENTS}.
 *
 * @param raw - an event name as it arrived, for example `" AMD_Tone_Detected "`.
 * @returns the canonical name, or `undefined` for anything else (including non-strings).
 * @example
 * ```ts
 * import { toAmdEventName } from "amd-flow";
 * toAmdEventName(" AMD_Stopped "); // "amd_stopped"
 * toAmdEventName("amd_beep"); // undefined
 * ```
 */
export function toAmdEventName(raw: unknown): AmdEventName | undefined {
  if (typeof raw !== "string") return undefined;
  // Exact names are the common case; folding allocates, so try the map first.
  return byFoldedName.get(raw) ?? byFoldedName.get(raw.trim().toLowerCase());
}
