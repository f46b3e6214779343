import { AMD_EVENTS, type AmdEventName } from "../events.js";
import { isArraySafe, type Mutable, readProp } from "../internal/safe.js";
import { type Details, usableText } from "../reading/details.js";
import type { AmdReading } from "../reading/read-amd.js";
import type { AmdOutcomeKind, MachinePhase } from "../vocabulary.js";
import { type ClassifyOptions, verdictOptions } from "./classify-options.js";
import { gatherDetails } from "./event-details.js";
import { type OutcomeShape, shapeFor } from "./outcome-shape.js";
import type { AmdOutcome, ErrorOutcome, FaxOutcome, HumanOutcome, MachineOutcome } from "./outcomes.js";
import { judge, type VerdictOptions } from "./verdict.js";

export type {
  AmdOutcome,
  ErrorOutcome,
  FaxOutcome,
  HumanOutcome,
  MachineOutcome,
  NotRunOutcome,
  PendingOutcome,
  SilenceOutcome,
  UndecidedOutcome,
} from "./outcomes.js";

/** What the outcome builders read besides the verdict: the details, and `amdInfo`'s own greeting and reason. */
interface Facts {
  readonly details: Details;
  readonly evidence: AmdEventName[];
  readonly greeting: string | undefined;
  readonly reason: string | undefined;
}

// Optional fields are set only when present, each by name: outcomes stay free of
// `undefined` values, and each store stays fast.

type Build = (facts: Facts, shape: OutcomeShape) => AmdOutcome;

const plain: Build = (facts, [kind]) => ({ kind, evidence: facts.evidence }) as AmdOutcome;

/** How each kind of outcome is built from the facts: which details it carries. */
const BUILD: { readonly [kind in AmdOutcomeKind]: Build } = {
  machine: (facts, [, phase]) => {
    const { details } = facts;
    const outcome: Mutable<MachineOutcome> = {
      kind: "machine",
      phase: phase as MachinePhase,
      evidence: facts.evidence,
    };
    // A short voicemail greeting the engine called a person carries the human verdict's details.
    const reason = facts.reason ?? details.machineReason ?? details.humanReason;
    if (reason !== undefined) outcome.reason = reason;
    const greeting = facts.greeting ?? details.machineGreeting ?? details.humanGreeting;
    if (greeting !== undefined) outcome.greeting = greeting;
    if (details.hint !== undefined) outcome.hint = details.hint;
    if (details.language !== undefined) outcome.language = details.language;
    if (details.toneFrequency !== undefined) outcome.toneFrequency = details.toneFrequency;
    return outcome;
  },
  human: (facts) => {
    const { details } = facts;
    const outcome: Mutable<HumanOutcome> = { kind: "human", evidence: facts.evidence };
    // A person's long greeting the engine called a machine carries the machine verdict's details.
    const greeting = facts.greeting ?? details.humanGreeting ?? details.machineGreeting;
    if (greeting !== undefined) outcome.greeting = greeting;
    const reason = details.humanReason ?? details.machineReason;
    if (reason !== undefined) outcome.reason = reason;
    if (details.toneFrequency !== undefined) outcome.toneFrequency = details.toneFrequency;
    if (details.language !== undefined) outcome.language = details.language;
    return outcome;
  },
  error: (facts) => {
    const outcome: Mutable<ErrorOutcome> = { kind: "error", evidence: facts.evidence };
    if (facts.details.error !== undefined) outcome.error = facts.details.error;
    return outcome;
  },
  // The verdict is fax only for a tone with a fax frequency, so the frequency is there.
  fax: (facts): FaxOutcome => ({
    kind: "fax",
    evidence: facts.evidence,
    toneFrequency: facts.details.toneFrequency as number,
  }),
  silence: plain,
  undecided: plain,
  pending: plain,
  "not-run": plain,
};

/**
 * Classifies a reading into an {@link AmdOutcome}. Order-free and duplicate-safe: any
 * permutation or repetition of the same events gives the same outcome. Never throws,
 * whatever the reading holds (a hand-made one too).
 *
 * The rules on the set of events, strongest evidence first (the first row that applies
 * wins), before the judgements below:
 *
 * | events present | outcome |
 * |---|---|
 * | a tone within 50 Hz of 1100, 1650 or 2100 Hz, no human or machine verdict | fax |
 * | with `amdRequested`: no event at all, or only a tone (not a fax's) | pending |
 * | `amd_tone_detected` | machine, `beep` (a tone without a frequency, or at another, with no speech too) |
 * | `amd_machine_stopped_speaking` | machine, `greeting-ended` |
 * | `amd_machine_detected` and `amd_stopped` | machine, `greeting-ended` (AMD stopped listening) |
 * | `amd_machine_detected` | machine, `greeting` (still playing) |
 * | `amd_human_detected` | human |
 * | `amd_no_speech_detected` | silence |
 * | `amd_error` | error |
 * | `amd_decision_timeout` | undecided |
 * | `amd_stopped` alone, or only unknown event names | undecided |
 * | nothing | not-run |
 *
 * The judgements (each named in `judgements`, see `JUDGEMENTS`) then weigh what the
 * engine does not: the greeting's words (a short greeting that says voicemail is a
 * machine; a long one whose first words hold no voicemail phrase is a person; an empty
 * one is no evidence; `options.greetingText: false` turns the words off), a tone's pitch
 * (400–580 Hz is a call-progress tone, not a beep), and, with `options.state`, when the
 * flow first saw each event (a tone well before a verdict is no beep; a greeting that has
 * just ended may still get a late beep; AMD stopped on its tone timer may leave a greeting
 * playing; `amd_stopped` alone may have its verdict in flight). Times the events carry
 * (`atMs`, else `timestamp`) count too: a tone more than `beepWindowMs` before the human
 * verdict was heard before the person spoke.
 *
 * Details (reason, greeting, hint, language, tone frequency, error) count only when
 * present and usable: text with more than white space, a finite non-negative number.
 * `amdInfo`'s greeting comes first (and, for a machine, its reason); where several events disagree, the
 * longest text (then the first in code-unit order) and the lowest number win.
 *
 * @param reading - what {@link readAmd} returned.
 * @param options - {@link ClassifyOptions}: whether the dial-out asked for AMD, the beep window, the greeting-text switch and the flow's state.
 * @returns the outcome, with the events it rests on in `evidence`.
 * @example
 * ```ts
 * import { classifyAmd, readAmd } from "amd-flow";
 * const reading = readAmd({ session: { UserSession: { amdInfo: { amdEvents: ["amd_stopped", "amd_machine_detected"] } } } });
 * classifyAmd(reading); // { kind: "machine", phase: "greeting-ended", … }
 * classifyAmd(readAmd({}), { amdRequested: true }).kind; // "pending"
 * ```
 */
export function classifyAmd(reading: AmdReading, options?: ClassifyOptions): AmdOutcome {
  const unknown = readProp(reading, "unknownEvents");
  let hasUnknown = false;
  try {
    hasUnknown = isArraySafe(unknown) && unknown.length > 0;
  } catch {
    // A list whose length cannot be read holds nothing usable.
  }
  return outcomeOf(
    gatherDetails(readProp(reading, "events")),
    hasUnknown,
    readProp(reading, "greeting"),
    readProp(reading, "reason"),
    verdictOptions(options),
  );
}

// The events of each set, in AMD_EVENTS order (AMD_EVENTS[n] has bit 1 << n), listed the
// first time the set is met; each outcome gets its own copy.
const EVIDENCE: AmdEventName[][] = [];

function evidenceOf(mask: number): AmdEventName[] {
  let evidence = EVIDENCE[mask];
  if (evidence === undefined) {
    evidence = AMD_EVENTS.filter((_, index) => (mask & (1 << index)) !== 0);
    EVIDENCE[mask] = evidence;
  }
  return evidence.slice();
}

/**
 * The outcome for what the events say (`details`), whether unknown names were read,
 * `amdInfo`'s own greeting and reason (used only when usable), and the options.
 */
export function outcomeOf(
  details: Details,
  hasUnknown: boolean,
  greeting: unknown,
  reason: unknown,
  options: VerdictOptions,
): AmdOutcome {
  const facts: Facts = {
    details,
    evidence: evidenceOf(details.mask),
    greeting: usableText(greeting),
    reason: usableText(reason),
  };
  const judged = judge(
    details,
    hasUnknown,
    {
      human: facts.greeting ?? details.humanGreeting,
      machine: facts.greeting ?? details.machineGreeting,
      machineReason: facts.reason ?? details.machineReason,
    },
    options,
  );
  const shape = shapeFor(judged.verdict);
  const outcome = BUILD[shape[0]](facts, shape) as Mutable<AmdOutcome>;
  if (judged.judgements.length > 0) outcome.judgements = judged.judgements;
  if (judged.phrase !== undefined) outcome.phrase = judged.phrase;
  return outcome;
}

/**
 * `outcome` as `classifyAmd` would have given it with `amdRequested`: no event, or a
 * machine whose only evidence is a tone that is not a fax's, is pending.
 */
export function asRequested(outcome: AmdOutcome, amdRequested: boolean): AmdOutcome {
  if (!amdRequested) return outcome;
  const { evidence } = outcome;
  const toneOnly = evidence.length === 1 && evidence[0] === "amd_tone_detected";
  if ((outcome.kind === "not-run" && evidence.length === 0) || (outcome.kind === "machine" && toneOnly)) {
    return { kind: "pending", evidence };
  }
  return outcome;
}
