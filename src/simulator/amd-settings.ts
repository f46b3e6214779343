/**
 * How the simulated AMD engine is configured: the dial-out's `timers`,
 * `thresholdWordCount` and `digitCount`, the voicemail hints, and how the speech
 * recognizer delivers transcripts. Every field is optional; {@link DEFAULT_AMD_SETTINGS}
 * holds the default of each.
 *
 * @example
 * ```ts
 * import type { AmdSettings } from "amd-flow/simulator";
 * const settings: AmdSettings = { timers: { noSpeechTimeoutMs: 4000 }, hints: ["leave a message"] };
 * ```
 */
export interface AmdSettings {
  /** The dial-out's AMD timers, in ms from the answer (the greeting-completion timer from the last transcript). */
  readonly timers?: {
    /** No transcript by then → `amd_no_speech_detected`. Default 5000. */
    readonly noSpeechTimeoutMs?: number;
    /** No decision by then → `amd_decision_timeout`. Default 15000. */
    readonly decisionTimeoutMs?: number;
    /** No beep by then → AMD stops (no event of its own). Default 20000. */
    readonly toneTimeoutMs?: number;
    /** After a machine verdict, this long without a transcript → `amd_machine_stopped_speaking`. Default 2000 (1000 once a beep was heard, as the engine fixes it). */
    readonly greetingCompletionTimeoutMs?: number;
  };
  /** A final transcript under this many words is a person; this many or more, a machine. Default 9. */
  readonly thresholdWordCount?: number;
  /** When set, this many digits in a row in a transcript mean a machine. Default unset. */
  readonly digitCount?: number;
  /** Voicemail phrases; one contained in a transcript, ignoring case, means a machine. Default none, as an engine without a hints file. */
  readonly hints?: readonly string[];
  /** How long after an utterance's last word the recognizer sends its final result (vendor endpointing). Default 500. */
  readonly finalResultDelayMs?: number;
  /** How often the recognizer sends an interim result while someone speaks. Default 300. */
  readonly interimSpacingMs?: number;
  /** The recognizer's language, sent in the verdicts' `language`. Default `"en-US"`. */
  readonly language?: string;
}

/**
 * {@link AmdSettings} with every field filled in.
 *
 * @example
 * ```ts
 * import { DEFAULT_AMD_SETTINGS, type ResolvedAmdSettings } from "amd-flow/simulator";
 * const settings: ResolvedAmdSettings = { ...DEFAULT_AMD_SETTINGS, thresholdWordCount: 6 };
 * ```
 */
export interface ResolvedAmdSettings {
  /** See {@link AmdSettings}. */
  readonly noSpeechTimeoutMs: number;
  /** See {@link AmdSettings}. */
  readonly decisionTimeoutMs: number;
  /** See {@link AmdSettings}. */
  readonly toneTimeoutMs: number;
  /** See {@link AmdSettings}. */
  readonly greetingCompletionTimeoutMs: number;
  /** See {@link AmdSettings}. */
  readonly thresholdWordCount: number;
  /** 0 when digits do not count. */
  readonly digitCount: number;
  /** See {@link AmdSettings}. */
  readonly hints: readonly string[];
  /** See {@link AmdSettings}. */
  readonly finalResultDelayMs: number;
  /** See {@link AmdSettings}. */
  readonly interimSpacingMs: number;
  /** See {@link AmdSettings}. */
  readonly language: string;
}

/**
 * The simulated engine's defaults: the engine's own timers and word threshold, no
 * digit rule, no hints, a final result 500 ms after the last word, an interim result
 * every 300 ms, `en-US`.
 *
 * @example
 * ```ts
 * import { DEFAULT_AMD_SETTINGS } from "amd-flow/simulator";
 * DEFAULT_AMD_SETTINGS.decisionTimeoutMs; // 15000
 * ```
 */
export const DEFAULT_AMD_SETTINGS: ResolvedAmdSettings = Object.freeze({
  noSpeechTimeoutMs: 5000,
  decisionTimeoutMs: 15_000,
  toneTimeoutMs: 20_000,
  greetingCompletionTimeoutMs: 2000,
  thresholdWordCount: 9,
  digitCount: 0,
  hints: Object.freeze([]) as readonly string[],
  finalResultDelayMs: 500,
  interimSpacingMs: 300,
  language: "en-US",
});

/**
 * The engine's greeting-completion timer once a beep was heard, in ms: the engine fixes
 * it, whatever the dial-out's timers say.
 *
 * @example
 * ```ts
 * import { AFTER_BEEP_GREETING_COMPLETION_MS } from "amd-flow/simulator";
 * AFTER_BEEP_GREETING_COMPLETION_MS; // 1000
 * ```
 */
export const AFTER_BEEP_GREETING_COMPLETION_MS = 1000;

function amount(value: number | undefined, fallback: number, path: string, min: number, problems: string[]): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isFinite(value) && value >= min) return value;
  problems.push(`${path}: expected a number ≥ ${min}`);
  return fallback;
}

/**
 * `settings` with defaults filled in; throws a `RangeError` listing every bad field.
 *
 * @param settings - what the caller set.
 * @returns every setting.
 */
export function resolveAmdSettings(settings: AmdSettings = {}): ResolvedAmdSettings {
  const problems: string[] = [];
  const d = DEFAULT_AMD_SETTINGS;
  const timers = settings.timers ?? {};
  const hints = settings.hints ?? d.hints;
  if (!Array.isArray(hints) || hints.some((hint) => typeof hint !== "string" || hint === ""))
    problems.push("settings.hints: expected a list of non-empty phrases");
  const language = settings.language ?? d.language;
  if (typeof language !== "string") problems.push("settings.language: expected text");
  const resolved: ResolvedAmdSettings = {
    noSpeechTimeoutMs: amount(
      timers.noSpeechTimeoutMs,
      d.noSpeechTimeoutMs,
      "settings.timers.noSpeechTimeoutMs",
      0,
      problems,
    ),
    decisionTimeoutMs: amount(
      timers.decisionTimeoutMs,
      d.decisionTimeoutMs,
      "settings.timers.decisionTimeoutMs",
      0,
      problems,
    ),
    toneTimeoutMs: amount(timers.toneTimeoutMs, d.toneTimeoutMs, "settings.timers.toneTimeoutMs", 0, problems),
    greetingCompletionTimeoutMs: amount(
      timers.greetingCompletionTimeoutMs,
      d.greetingCompletionTimeoutMs,
      "settings.timers.greetingCompletionTimeoutMs",
      0,
      problems,
    ),
    thresholdWordCount: amount(
      settings.thresholdWordCount,
      d.thresholdWordCount,
      "settings.thresholdWordCount",
      1,
      problems,
    ),
    digitCount: amount(settings.digitCount, d.digitCount, "settings.digitCount", 0, problems),
    hints,
    finalResultDelayMs: amount(
      settings.finalResultDelayMs,
      d.finalResultDelayMs,
      "settings.finalResultDelayMs",
      0,
      problems,
    ),
    interimSpacingMs: amount(settings.interimSpacingMs, d.interimSpacingMs, "settings.interimSpacingMs", 1, problems),
    language,
  };
  if (problems.length > 0) throw new RangeError(`Bad simulator settings: ${problems.join("; ")}`);
  return resolved;
}
