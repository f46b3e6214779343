import { match } from "ts-pattern";
import { AMD_EVENTS, type AmdEventName } from "../events.js";
import type { AmdEvent, AmdReading } from "../reading/read-amd.js";

/**
 * Where a machine is in its greeting, which decides when a voicemail can be left:
 *
 * - `"greeting"`: the greeting is still playing; a message left now would be cut off;
 * - `"greeting-ended"`: the greeting ended (or AMD stopped listening) with no beep heard;
 * - `"beep"`: the beep was heard; a message left now is recorded from the start.
 *
 * @example
 * ```ts
 * import type { MachinePhase } from "amd-flow";
 * const phase: MachinePhase = "greeting-ended";
 * ```
 */
export type MachinePhase = "greeting" | "greeting-ended" | "beep";

/**
 * The outcome kinds, in the words of a bot designer.
 *
 * @example
 * ```ts
 * import type { AmdOutcomeKind } from "amd-flow";
 * const kind: AmdOutcomeKind = "silence";
 * ```
 */
export type AmdOutcomeKind = AmdOutcome["kind"];

interface OutcomeBase {
  /** The distinct AMD events behind this outcome, in {@link AMD_EVENTS} order. */
  readonly evidence: readonly AmdEventName[];
}

/**
 * A person answered.
 *
 * @example
 * ```ts
 * import type { HumanOutcome } from "amd-flow";
 * const person: HumanOutcome = { kind: "human", evidence: ["amd_human_detected"], greeting: "Hello?" };
 * ```
 */
export interface HumanOutcome extends OutcomeBase {
  readonly kind: "human";
  /** What the person said, when known. */
  readonly greeting?: string;
  /** The engine's reason, usually `"short greeting"`. */
  readonly reason?: string;
  /** The recognizer's language, when known. */
  readonly language?: string;
}

/**
 * An answering machine or voicemail, at a {@link MachinePhase}.
 *
 * @example
 * ```ts
 * import type { MachineOutcome } from "amd-flow";
 * const machine: MachineOutcome = { kind: "machine", phase: "beep", evidence: ["amd_tone_detected"] };
 * ```
 */
export interface MachineOutcome extends OutcomeBase {
  readonly kind: "machine";
  /** Where the machine is in its greeting. */
  readonly phase: MachinePhase;
  /** The engine's reason: `"hint"`, `"long greeting"` or `"digit count"`. */
  readonly reason?: string;
  /** What the machine said, when known. */
  readonly greeting?: string;
  /** The voicemail phrase that matched, when the reason is `"hint"`. */
  readonly hint?: string;
  /** The recognizer's language, when known. */
  readonly language?: string;
  /** The beep's frequency in Hz, when a tone was heard. */
  readonly toneFrequency?: number;
}

/**
 * Nobody spoke within the no-speech timer (5 s by default).
 *
 * @example
 * ```ts
 * import type { SilenceOutcome } from "amd-flow";
 * const silence: SilenceOutcome = { kind: "silence", evidence: ["amd_no_speech_detected"] };
 * ```
 */
export interface SilenceOutcome extends OutcomeBase {
  readonly kind: "silence";
}

/**
 * AMD ran but reached no verdict: the decision timer fired, or AMD stopped without one.
 *
 * @example
 * ```ts
 * import type { UndecidedOutcome } from "amd-flow";
 * const undecided: UndecidedOutcome = { kind: "undecided", evidence: ["amd_decision_timeout"] };
 * ```
 */
export interface UndecidedOutcome extends OutcomeBase {
  readonly kind: "undecided";
}

/**
 * The AMD engine failed and nothing decisive arrived.
 *
 * @example
 * ```ts
 * import type { ErrorOutcome } from "amd-flow";
 * const failed: ErrorOutcome = { kind: "error", evidence: ["amd_error"], error: "recognizer unavailable" };
 * ```
 */
export interface ErrorOutcome extends OutcomeBase {
  readonly kind: "error";
  /** What the engine said went wrong, when it said. */
  readonly error?: string;
}

/**
 * No AMD result at all: AMD is disabled, or no event has arrived yet.
 *
 * @example
 * ```ts
 * import type { NotRunOutcome } from "amd-flow";
 * const none: NotRunOutcome = { kind: "not-run", evidence: [] };
 * ```
 */
export interface NotRunOutcome extends OutcomeBase {
  readonly kind: "not-run";
}

/**
 * What AMD concluded about a call, tagged on `kind`; a machine also has a `phase`.
 *
 * @example
 * ```ts
 * import { classifyAmd, readAmd, type AmdOutcome } from "amd-flow";
 * const outcome: AmdOutcome = classifyAmd(readAmd({ session: { UserSession: { amd: "amd_human_detected" } } }));
 * outcome.kind; // "human"
 * ```
 */
export type AmdOutcome =
  | HumanOutcome
  | MachineOutcome
  | SilenceOutcome
  | UndecidedOutcome
  | ErrorOutcome
  | NotRunOutcome;

// One bit per event; AMD_EVENTS has eight, so a byte describes any set of them.
const bitOf = new Map<AmdEventName, number>(AMD_EVENTS.map((name, index) => [name, 1 << index]));
const bit = (name: AmdEventName): number => bitOf.get(name) ?? 0;

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

type Verdict = (typeof VERDICTS)[number][0] | "unknown-only" | "nothing";

const verdictMasks = VERDICTS.map(([verdict, names]) => [verdict, names.reduce((mask, name) => mask | bit(name), 0)] as const);

function verdictOf(mask: number, hasUnknown: boolean): Verdict {
  for (const [verdict, required] of verdictMasks) if ((mask & required) === required) return verdict;
  return hasUnknown ? "unknown-only" : "nothing";
}

/**
 * Picks one value from several order-free: the longest text, ties broken
 * alphabetically, so the same set of events always yields the same value.
 */
function pickText(values: Iterable<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const value of values) {
    if (value === undefined || value === "") continue;
    if (best === undefined || value.length > best.length || (value.length === best.length && value < best)) best = value;
  }
  return best;
}

function pickNumber(values: Iterable<number | undefined>): number | undefined {
  let best: number | undefined;
  for (const value of values) if (value !== undefined && (best === undefined || value < best)) best = value;
  return best;
}

function* field<K extends keyof AmdEvent>(events: readonly AmdEvent[], names: number, key: K): Generator<AmdEvent[K]> {
  for (const event of events) if ((bit(event.name) & names) !== 0) yield event[key];
}

/** Copies the defined entries of `extra` onto `base` (optional fields stay absent, never `undefined`). */
function withDefined<T extends object>(base: T, extra: Record<string, unknown>): T {
  const out = { ...base } as Record<string, unknown>;
  for (const key of Object.keys(extra)) if (extra[key] !== undefined) out[key] = extra[key];
  return out as T;
}

const MACHINE_BITS = bit("amd_machine_detected") | bit("amd_machine_stopped_speaking") | bit("amd_tone_detected");
const HUMAN_BITS = bit("amd_human_detected");
const ANY_BITS = 0xff;

/**
 * Classifies a reading into an {@link AmdOutcome}. Order-free and duplicate-safe: any
 * permutation or repetition of the same events gives the same outcome.
 *
 * The rules, strongest evidence first (the first row that applies wins):
 *
 * | events present | outcome |
 * |---|---|
 * | `amd_tone_detected` | machine, `beep` (a tone with no speech, such as a fax, too) |
 * | `amd_machine_stopped_speaking` | machine, `greeting-ended` |
 * | `amd_machine_detected` and `amd_stopped` | machine, `greeting-ended` (AMD stopped listening; nothing more will come) |
 * | `amd_machine_detected` | machine, `greeting` (still playing) |
 * | `amd_human_detected` | human |
 * | `amd_no_speech_detected` | silence |
 * | `amd_error` | error |
 * | `amd_decision_timeout` | undecided |
 * | `amd_stopped` alone, or only unknown event names | undecided |
 * | nothing | not-run |
 *
 * So machine evidence outranks a human verdict, and a decisive verdict outranks
 * error, timeout and stopped. Machine details (reason, greeting, hint, language, tone
 * frequency) come from the events and from `amdInfo`; where several events disagree,
 * the longest text (then the alphabetically first) and the lowest number win.
 *
 * @param reading - what {@link readAmd} returned.
 * @returns the outcome, with the events it rests on in `evidence`.
 * @example
 * ```ts
 * import { classifyAmd, readAmd } from "amd-flow";
 * const reading = readAmd({ session: { UserSession: { amdInfo: { amdEvents: ["amd_stopped", "amd_machine_detected"] } } } });
 * classifyAmd(reading); // { kind: "machine", phase: "greeting-ended", … }
 * ```
 */
export function classifyAmd(reading: AmdReading): AmdOutcome {
  let mask = 0;
  for (const event of reading.events) mask |= bit(event.name);
  const evidence = AMD_EVENTS.filter((name) => (mask & bit(name)) !== 0);
  const events = reading.events;
  const base = { evidence };
  const greeting = (names: number): string | undefined => reading.greeting ?? pickText(field(events, names, "greeting"));
  const language = (): string | undefined => pickText(field(events, ANY_BITS, "language"));

  const machine = (phase: MachinePhase): MachineOutcome =>
    withDefined<MachineOutcome>(
      { kind: "machine", phase, ...base },
      {
        reason: reading.reason ?? pickText(field(events, MACHINE_BITS, "reason")),
        greeting: greeting(MACHINE_BITS),
        hint: pickText(field(events, MACHINE_BITS, "hint")),
        language: language(),
        toneFrequency: pickNumber(field(events, bit("amd_tone_detected"), "frequency")),
      },
    );

  return match(verdictOf(mask, reading.unknownEvents.length > 0))
    .returnType<AmdOutcome>()
    .with("beep", "greeting-ended", "greeting", (phase) => machine(phase))
    .with("human", () =>
      withDefined<HumanOutcome>(
        { kind: "human", ...base },
        {
          greeting: greeting(HUMAN_BITS),
          reason: pickText(field(events, HUMAN_BITS, "reason")),
          language: language(),
        },
      ),
    )
    .with("silence", () => ({ kind: "silence", ...base }))
    .with("error", () =>
      withDefined<ErrorOutcome>({ kind: "error", ...base }, { error: pickText(field(events, bit("amd_error"), "error")) }),
    )
    .with("undecided", "unknown-only", () => ({ kind: "undecided", ...base }))
    .with("nothing", () => ({ kind: "not-run", ...base }))
    .exhaustive();
}
