import { match } from "ts-pattern";
import { AMD_EVENTS, type AmdEventName, toAmdEventName } from "../events.js";
import { isArraySafe, isObjectLike, type Mutable, put, readProp } from "../internal/safe.js";
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
  /** Always `"human"`. */
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
  /** Always `"machine"`. */
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
  /** Always `"silence"`. */
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
  /** Always `"undecided"`. */
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
  /** Always `"error"`. */
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
  /** Always `"not-run"`. */
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
const BIT = AMD_EVENTS.reduce(
  (bits, name, index) => {
    bits[name] = 1 << index;
    return bits;
  },
  {} as Record<AmdEventName, number>,
) as Readonly<Record<AmdEventName, number>>;

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

const VERDICT_MASKS = VERDICTS.map(
  ([verdict, names]) => [verdict, names.reduce((mask, name) => mask | BIT[name], 0)] as const,
);

function verdictOf(mask: number, hasUnknown: boolean): Verdict {
  for (const [verdict, required] of VERDICT_MASKS) if ((mask & required) === required) return verdict;
  return hasUnknown ? "unknown-only" : "nothing";
}

/**
 * Keeps one value of several, whatever their order: the longest text, ties broken
 * alphabetically, so the same set of events always yields the same value.
 */
function betterText(best: string | undefined, value: string | undefined): string | undefined {
  if (value === undefined || value === "") return best;
  // Stryker disable next-line EqualityOperator: on a tie of equal text either one is the same value.
  if (best === undefined || value.length > best.length || (value.length === best.length && value < best)) return value;
  return best;
}

/** The lowest number, whatever the order. */
function lowerNumber(best: number | undefined, value: number | undefined): number | undefined {
  // Stryker disable next-line EqualityOperator: equal numbers are the same value.
  return value !== undefined && (best === undefined || value < best) ? value : best;
}

const MACHINE_BITS = BIT.amd_machine_detected | BIT.amd_machine_stopped_speaking | BIT.amd_tone_detected;

/** The details events carry, gathered in one pass; each field picked order-free. */
interface Details {
  mask: number;
  machineReason?: string | undefined;
  machineGreeting?: string | undefined;
  hint?: string | undefined;
  humanReason?: string | undefined;
  humanGreeting?: string | undefined;
  language?: string | undefined;
  toneFrequency?: number | undefined;
  error?: string | undefined;
}

function gather(events: readonly unknown[]): Details {
  // Stryker disable next-line ObjectLiteral: an absent mask acts as 0 under |= and &, so {} is equivalent.
  const details: Details = { mask: 0 };
  for (const entry of events) {
    // Readings made by hand (from JavaScript) may hold bare names or holes; read them as readAmd would.
    const event = (
      typeof entry === "string" ? { name: toAmdEventName(entry) } : isObjectLike(entry) ? entry : {}
    ) as AmdEvent;
    const bit = BIT[event.name] ?? 0;
    details.mask |= bit;
    details.language = betterText(details.language, event.language);
    if ((bit & MACHINE_BITS) !== 0) {
      details.machineReason = betterText(details.machineReason, event.reason);
      details.machineGreeting = betterText(details.machineGreeting, event.greeting);
      details.hint = betterText(details.hint, event.hint);
      if (bit === BIT.amd_tone_detected) details.toneFrequency = lowerNumber(details.toneFrequency, event.frequency);
    } else if (bit === BIT.amd_human_detected) {
      details.humanReason = betterText(details.humanReason, event.reason);
      details.humanGreeting = betterText(details.humanGreeting, event.greeting);
    } else if (bit === BIT.amd_error) {
      details.error = betterText(details.error, event.error);
    }
  }
  return details;
}

function machineOutcome(
  phase: MachinePhase,
  reading: AmdReading,
  details: Details,
  evidence: AmdEventName[],
): MachineOutcome {
  const outcome: Mutable<MachineOutcome> = { kind: "machine", phase, evidence };
  put(outcome, "reason", reading.reason ?? details.machineReason);
  put(outcome, "greeting", reading.greeting ?? details.machineGreeting);
  put(outcome, "hint", details.hint);
  put(outcome, "language", details.language);
  put(outcome, "toneFrequency", details.toneFrequency);
  return outcome;
}

function humanOutcome(reading: AmdReading, details: Details, evidence: AmdEventName[]): HumanOutcome {
  const outcome: Mutable<HumanOutcome> = { kind: "human", evidence };
  put(outcome, "greeting", reading.greeting ?? details.humanGreeting);
  put(outcome, "reason", details.humanReason);
  put(outcome, "language", details.language);
  return outcome;
}

function errorOutcome(details: Details, evidence: AmdEventName[]): ErrorOutcome {
  const outcome: Mutable<ErrorOutcome> = { kind: "error", evidence };
  put(outcome, "error", details.error);
  return outcome;
}

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
  const listed = readProp(reading, "events");
  const details = gather(isArraySafe(listed) ? listed : []);
  const evidence: AmdEventName[] = [];
  for (const name of AMD_EVENTS) if ((details.mask & BIT[name]) !== 0) evidence.push(name);

  const unknown = readProp(reading, "unknownEvents");
  return match(verdictOf(details.mask, isArraySafe(unknown) && unknown.length > 0))
    .returnType<AmdOutcome>()
    .with("beep", "greeting-ended", "greeting", (phase) => machineOutcome(phase, reading, details, evidence))
    .with("human", () => humanOutcome(reading, details, evidence))
    .with("silence", () => ({ kind: "silence", evidence }))
    .with("error", () => errorOutcome(details, evidence))
    .with("undecided", "unknown-only", () => ({ kind: "undecided", evidence }))
    .with("nothing", () => ({ kind: "not-run", evidence }))
    .exhaustive();
}
