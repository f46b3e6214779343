/**
 * The speech recognizer AMD uses. They differ, for the simulation, only in `language`:
 * Google returns the language it recognized (the configured one), so the verdicts carry
 * it; Deepgram and Microsoft return none, so the verdicts have no `language`.
 *
 * @example
 * ```ts
 * import type { RecognizerVendor } from "amd-flow/simulator";
 * const vendor: RecognizerVendor = "deepgram";
 * ```
 */
export type RecognizerVendor = "google" | "deepgram" | "microsoft";

/**
 * How the call was placed, which decides whether the callee hanging up emits
 * `amd_stopped`: `"rest"`, by the REST API (the dial-out), stops AMD while the line is
 * still up, so `amd_stopped` is emitted; `"dial"`, by a dial verb, finds the line
 * already gone, so AMD stops without it.
 *
 * @example
 * ```ts
 * import type { HangUpPath } from "amd-flow/simulator";
 * const path: HangUpPath = "dial";
 * ```
 */
export type HangUpPath = "rest" | "dial";

/**
 * How the simulated AMD engine is configured: the dial-out's `timers`,
 * `thresholdWordCount` and `digitCount`, the voicemail hints, the speech recognizer
 * (vendor, language, how it delivers transcripts) and how the call was placed. Every
 * field is optional; {@link DEFAULT_AMD_SETTINGS} holds the default of each.
 *
 * Values are used as the engine uses them. A timer is started as Node's `setTimeout`
 * starts it: a value under 1 ms, `NaN` or over 2³¹ − 1 ms fires after 1 ms, and a
 * fraction of a ms is cut off. `thresholdWordCount` 0 (or `NaN`) means 9. What the
 * engine would misread in a way that cannot be shown exactly is refused: a
 * `digitCount` that is not a whole number ≥ 0 (the engine would build a pattern that
 * never matches), a setting of the wrong type, an unknown setting.
 *
 * @example
 * ```ts
 * import type { AmdSettings } from "amd-flow/simulator";
 * const settings: AmdSettings = { timers: { noSpeechTimeoutMs: 4000 }, hints: ["leave a message"], vendor: "deepgram" };
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
  /** A final transcript under this many words is a person; this many or more, a machine. Default 9; 0 means 9. */
  readonly thresholdWordCount?: number;
  /** When set (a whole number > 0), this many digits in a row in a transcript mean a machine. Default 0: unset. */
  readonly digitCount?: number;
  /** Voicemail phrases; one contained in a transcript, ignoring case, means a machine. Default none, as an engine without a hints file. */
  readonly hints?: readonly string[];
  /** How long after an utterance's last word the recognizer sends its final result (vendor endpointing). Default 500. */
  readonly finalResultDelayMs?: number;
  /** How often the recognizer sends an interim result while someone speaks (at least 1 ms). Default 300. */
  readonly interimSpacingMs?: number;
  /** The recognizer's language; Google returns it, so the verdicts carry it as `language` (not when empty). Default `"en-US"`. */
  readonly language?: string;
  /** The speech recognizer's vendor. Default `"google"`. */
  readonly vendor?: RecognizerVendor;
  /** How the call was placed, for what a hang-up emits. Default `"rest"`. */
  readonly hangUpPath?: HangUpPath;
}

/**
 * {@link AmdSettings} with every field filled in, as given (the engine's reading of
 * each, such as a timer's coercion, applies when it runs).
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
  /** See {@link AmdSettings}. */
  readonly vendor: RecognizerVendor;
  /** See {@link AmdSettings}. */
  readonly hangUpPath: HangUpPath;
}

/**
 * The simulated engine's defaults: the engine's own timers and word threshold, no
 * digit rule, no hints, a final result 500 ms after the last word, an interim result
 * every 300 ms, Google recognizing `en-US`, a call placed by the REST API.
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
  vendor: "google",
  hangUpPath: "rest",
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

const VENDORS: readonly RecognizerVendor[] = ["google", "deepgram", "microsoft"];
const HANG_UP_PATHS: readonly HangUpPath[] = ["rest", "dial"];
const TIMERS = ["noSpeechTimeoutMs", "decisionTimeoutMs", "toneTimeoutMs", "greetingCompletionTimeoutMs"] as const;
const SETTINGS = [
  "timers",
  "thresholdWordCount",
  "digitCount",
  "hints",
  "finalResultDelayMs",
  "interimSpacingMs",
  "language",
  "vendor",
  "hangUpPath",
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Own keys of `record` that are not in `known`, each as a problem under `path`. */
function unknownKeys(record: Record<string, unknown>, known: readonly string[], path: string, problems: string[]) {
  for (const key of Object.keys(record))
    if (known.indexOf(key) === -1) problems.push(`${path}.${JSON.stringify(key).slice(1, -1)}: unknown setting`);
}

/** A value the engine takes as a number: any number (the engine's reading of odd ones is modelled). */
function anyNumber(value: unknown, fallback: number, path: string, problems: string[]): number {
  if (value === undefined) return fallback;
  if (typeof value === "number") return value;
  problems.push(`${path}: expected a number`);
  return fallback;
}

/** A recognizer pacing of ours: a finite number ≥ `min`. */
function pacing(value: unknown, fallback: number, path: string, min: number, problems: string[]): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isFinite(value) && value >= min) return value;
  problems.push(`${path}: expected a finite number ≥ ${min}`);
  return fallback;
}

function oneOf<T extends string>(value: unknown, values: readonly T[], fallback: T, path: string, problems: string[]) {
  if (value === undefined) return fallback;
  if (typeof value === "string" && values.indexOf(value as T) !== -1) return value as T;
  problems.push(`${path}: expected one of ${values.join(", ")}`);
  return fallback;
}

/**
 * Adds to `problems` every bad field of `settings` (each starting with `path`) and
 * returns the settings with defaults filled in (a default in place of each bad field).
 */
export function amdSettingsProblems(settings: unknown, path: string, problems: string[]): ResolvedAmdSettings {
  const d = DEFAULT_AMD_SETTINGS;
  if (settings === undefined) return d;
  if (!isRecord(settings)) {
    problems.push(`${path}: expected an object`);
    return d;
  }
  unknownKeys(settings, SETTINGS, path, problems);
  let timers: Record<string, unknown> = {};
  if (isRecord(settings["timers"])) {
    timers = settings["timers"];
    unknownKeys(timers, TIMERS, `${path}.timers`, problems);
  } else if (settings["timers"] !== undefined) problems.push(`${path}.timers: expected an object`);
  const hints = settings["hints"] ?? d.hints;
  const goodHints = Array.isArray(hints) && hints.every((hint) => typeof hint === "string" && hint !== "");
  if (!goodHints) problems.push(`${path}.hints: expected a list of non-empty phrases`);
  const language = settings["language"] ?? d.language;
  if (typeof language !== "string") problems.push(`${path}.language: expected text`);
  const digitCount = settings["digitCount"] ?? d.digitCount;
  const goodDigits = typeof digitCount === "number" && Number.isSafeInteger(digitCount) && digitCount >= 0;
  if (!goodDigits)
    problems.push(
      `${path}.digitCount: expected a whole number ≥ 0 (the engine would build a digit pattern that never matches from ${String(digitCount)})`,
    );
  const timer = (name: (typeof TIMERS)[number]) => anyNumber(timers[name], d[name], `${path}.timers.${name}`, problems);
  return {
    noSpeechTimeoutMs: timer("noSpeechTimeoutMs"),
    decisionTimeoutMs: timer("decisionTimeoutMs"),
    toneTimeoutMs: timer("toneTimeoutMs"),
    greetingCompletionTimeoutMs: timer("greetingCompletionTimeoutMs"),
    thresholdWordCount: anyNumber(
      settings["thresholdWordCount"],
      d.thresholdWordCount,
      `${path}.thresholdWordCount`,
      problems,
    ),
    digitCount: goodDigits ? digitCount : d.digitCount,
    hints: goodHints ? (hints as readonly string[]) : d.hints,
    finalResultDelayMs: pacing(
      settings["finalResultDelayMs"],
      d.finalResultDelayMs,
      `${path}.finalResultDelayMs`,
      0,
      problems,
    ),
    interimSpacingMs: pacing(settings["interimSpacingMs"], d.interimSpacingMs, `${path}.interimSpacingMs`, 1, problems),
    language: typeof language === "string" ? language : d.language,
    vendor: oneOf(settings["vendor"], VENDORS, d.vendor, `${path}.vendor`, problems),
    hangUpPath: oneOf(settings["hangUpPath"], HANG_UP_PATHS, d.hangUpPath, `${path}.hangUpPath`, problems),
  };
}
