import type { AmdEventName } from "../events.js";
import type { Judgement, MachinePhase } from "../vocabulary.js";

// The outcome shapes, one per kind of OUTCOME_KINDS; classifyAmd builds them.

/** What every outcome carries. */
interface OutcomeBase {
  /** The distinct AMD events behind this outcome, in `AMD_EVENTS` order. */
  readonly evidence: readonly AmdEventName[];
  /**
   * The judgements amd-flow made on top of the engine's verdicts (see `JUDGEMENTS`):
   * present only when one shaped this outcome, such as `"greeting-says-voicemail"` for a
   * short greeting the engine called a person.
   */
  readonly judgements?: readonly Judgement[];
  /** The greeting's phrase a judgement rests on (`"leave a message"`), as the lexicon writes it. */
  readonly phrase?: string;
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
  /** The frequency in Hz of a tone heard besides the person (a call-waiting or line tone), when one was. */
  readonly toneFrequency?: number;
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
 * A fax machine answered: a tone at a fax frequency and no human or machine verdict.
 * Beep detectors report a fax's calling tone at about 1100 Hz and the V.21 signalling
 * that follows its 2100 Hz answer tone at about 1650 Hz (the answer tone itself is never
 * reported); 2100 Hz counts too, for detectors that report it (each ± 50 Hz). A bot message
 * or a voicemail would go to a machine that only speaks fax.
 *
 * @example
 * ```ts
 * import type { FaxOutcome } from "amd-flow";
 * const fax: FaxOutcome = { kind: "fax", evidence: ["amd_tone_detected"], toneFrequency: 2100 };
 * ```
 */
export interface FaxOutcome extends OutcomeBase {
  /** Always `"fax"`. */
  readonly kind: "fax";
  /** The tone's frequency in Hz: within 50 Hz of 1100, 1650 or 2100. */
  readonly toneFrequency: number;
}

/**
 * AMD was asked for and has not decided yet: no AMD event has arrived (right after the
 * call connects), or only a tone that is not a fax's, with no speech verdict and
 * nothing that ends AMD. Only with the `amdRequested` option; without it the same
 * reading is `not-run` (no events) or a machine at the `beep` (a lone tone).
 *
 * @example
 * ```ts
 * import type { PendingOutcome } from "amd-flow";
 * const pending: PendingOutcome = { kind: "pending", evidence: [] };
 * ```
 */
export interface PendingOutcome extends OutcomeBase {
  /** Always `"pending"`. */
  readonly kind: "pending";
}

/**
 * No AMD result at all, and AMD not known to be asked for: AMD is disabled, or (when
 * the `amdRequested` option is not given) no event has arrived yet.
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
  | FaxOutcome
  | PendingOutcome
  | NotRunOutcome;
