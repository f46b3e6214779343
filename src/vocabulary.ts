/**
 * The words of the domain, each defined once: the moves a bot can make, the outcome
 * kinds and machine phases, the policy situations (with their one spelling), the
 * dial-out's machine-detection modes, and the rule for numbers written as text.
 * Everything else imports them from here.
 *
 * @module
 */

/**
 * The five moves a bot script node can make on an outbound call.
 *
 * | action | what the bot does |
 * |---|---|
 * | `continue` | the bot talks (a person is there, or may be) |
 * | `transfer` | hand the call to an agent |
 * | `leave-voicemail` | play the voicemail message now |
 * | `wait` | do nothing yet; route again after `recheckAfterMs` |
 * | `hang-up` | end the call, maybe to retry later |
 *
 * @example
 * ```ts
 * import { ROUTE_ACTIONS } from "amd-flow";
 * ROUTE_ACTIONS.length; // 5
 * ```
 */
export const ROUTE_ACTIONS = Object.freeze(["continue", "transfer", "leave-voicemail", "wait", "hang-up"] as const);

/**
 * One of {@link ROUTE_ACTIONS}.
 *
 * @example
 * ```ts
 * import type { RouteAction } from "amd-flow";
 * const next: RouteAction = "leave-voicemail";
 * ```
 */
export type RouteAction = (typeof ROUTE_ACTIONS)[number];

/**
 * What AMD can conclude about a call, in the words of a bot designer: the `kind` of an
 * outcome from `classifyAmd`. `fax` is a fax machine's tone with no speech; `pending`
 * is AMD asked for by the dial-out but not decided yet; `not-run` is no AMD result with
 * AMD not known to be asked for.
 *
 * @example
 * ```ts
 * import { OUTCOME_KINDS } from "amd-flow";
 * OUTCOME_KINDS[0]; // "human"
 * ```
 */
export const OUTCOME_KINDS = Object.freeze([
  "human",
  "machine",
  "silence",
  "undecided",
  "error",
  "fax",
  "pending",
  "not-run",
] as const);

/**
 * One of {@link OUTCOME_KINDS}.
 *
 * @example
 * ```ts
 * import type { AmdOutcomeKind } from "amd-flow";
 * const kind: AmdOutcomeKind = "silence";
 * ```
 */
export type AmdOutcomeKind = (typeof OUTCOME_KINDS)[number];

/**
 * Where a machine is in its greeting, which decides when a voicemail can be left:
 *
 * - `"greeting"`: the greeting is still playing; a message left now would be cut off;
 * - `"greeting-ended"`: the greeting ended (or AMD stopped listening) with no beep heard;
 * - `"beep"`: the beep was heard; a message left now is recorded from the start.
 *
 * @example
 * ```ts
 * import { MACHINE_PHASES } from "amd-flow";
 * MACHINE_PHASES.length; // 3
 * ```
 */
export const MACHINE_PHASES = Object.freeze(["greeting", "greeting-ended", "beep"] as const);

/**
 * One of {@link MACHINE_PHASES}.
 *
 * @example
 * ```ts
 * import type { MachinePhase } from "amd-flow";
 * const phase: MachinePhase = "greeting-ended";
 * ```
 */
export type MachinePhase = (typeof MACHINE_PHASES)[number];

// The machine's situations, each string made once (routing looks them up in tables).
export const MACHINE_SITUATIONS = MACHINE_PHASES.map((phase) => `machine.${phase}` as const);

/**
 * The policy's situations: each outcome kind, with a machine split by its phase and
 * written `machine.<phase>`, the one spelling used in policies, decisions, tables,
 * summaries and the command line. Every situation maps to exactly one policy rule.
 *
 * @example
 * ```ts
 * import { POLICY_SITUATIONS } from "amd-flow";
 * POLICY_SITUATIONS.includes("machine.beep"); // true
 * ```
 */
export const POLICY_SITUATIONS: readonly PolicySituation[] = Object.freeze(
  // The kinds in their order, a machine expanded into its phases in theirs.
  OUTCOME_KINDS.reduce<PolicySituation[]>(
    (situations, kind) => situations.concat(kind === "machine" ? MACHINE_SITUATIONS : kind),
    [],
  ),
);

/**
 * One of {@link POLICY_SITUATIONS}, written as its path in a policy.
 *
 * @example
 * ```ts
 * import type { PolicySituation } from "amd-flow";
 * const situation: PolicySituation = "machine.greeting";
 * ```
 */
export type PolicySituation = Exclude<AmdOutcomeKind, "machine"> | `machine.${MachinePhase}`;

/**
 * The situation an outcome is in: its kind, or `machine.<phase>` for a machine.
 *
 * @param outcome - an outcome from `classifyAmd` (only `kind` and `phase` are read).
 * @returns the policy situation, which is also how tables and summaries name the outcome.
 * @example
 * ```ts
 * import { situationOf } from "amd-flow";
 * situationOf({ kind: "machine", phase: "beep" }); // "machine.beep"
 * ```
 */
export function situationOf(
  outcome:
    | { readonly kind: "machine"; readonly phase: MachinePhase }
    | { readonly kind: Exclude<AmdOutcomeKind, "machine"> },
): PolicySituation {
  if (outcome.kind !== "machine") return outcome.kind;
  return MACHINE_SITUATIONS[MACHINE_PHASES.indexOf(outcome.phase)] ?? `machine.${outcome.phase}`;
}

/**
 * The dial-out's `machineDetection` modes: `disconnect` (the platform hangs up on a
 * machine), `detect` (AMD runs and reports) and `disabled` (no AMD).
 *
 * @example
 * ```ts
 * import { MACHINE_DETECTION_MODES } from "amd-flow";
 * MACHINE_DETECTION_MODES.includes("detect"); // true
 * ```
 */
export const MACHINE_DETECTION_MODES = /* @__PURE__ */ Object.freeze(["disconnect", "detect", "disabled"] as const);

/**
 * One of {@link MACHINE_DETECTION_MODES}.
 *
 * @example
 * ```ts
 * import type { MachineDetectionMode } from "amd-flow";
 * const mode: MachineDetectionMode = "detect";
 * ```
 */
export type MachineDetectionMode = (typeof MACHINE_DETECTION_MODES)[number];

/**
 * A finite non-negative number: what a duration, a frequency, a time or a wait may be
 * (NaN, negatives and ±Infinity are not), as zod's `number().check(gte(0))` accepts.
 *
 * @param value - anything.
 * @returns whether `value` is such a number.
 * @example
 * ```ts
 * import { isAmount } from "amd-flow";
 * isAmount(2100); // true
 * isAmount(Infinity); // false
 * ```
 */
export function isAmount(value: unknown): value is number {
  return typeof value === "number" && value >= 0 && value < Infinity;
}

/** Digits, optionally with a decimal part, and surrounding white space: how platforms write numbers as text. */
const NUMERIC_TEXT = /^\s*\d+(?:\.\d+)?\s*$/;

/**
 * A number written as text (`"440"`, `" 2.5 "`) as a number; anything else as it is.
 * Voice Gateway and its docs write durations, frequencies and timers either way.
 *
 * @param value - anything.
 * @returns the number for numeric text, else `value` unchanged.
 * @example
 * ```ts
 * import { numericText } from "amd-flow";
 * numericText(" 2100 "); // 2100
 * numericText("-5"); // "-5"
 * ```
 */
export function numericText(value: unknown): unknown {
  return typeof value === "string" && NUMERIC_TEXT.test(value) ? Number(value) : value;
}

/**
 * The judgements amd-flow makes on top of the AMD engine's verdicts, from evidence the
 * engine does not weigh: the greeting's words, a tone's pitch, and when the flow first
 * saw each event (the `state` carried between runs). An outcome lists the judgements
 * that shaped it in `judgements`; its explanation says them in words.
 *
 * | judgement | what amd-flow concluded |
 * |---|---|
 * | `greeting-says-voicemail` | the engine heard a short greeting and called it a person, but its words are a voicemail's ("leave a message") |
 * | `greeting-says-person` | the engine counted a long greeting as a machine, but its first words are a person's ("speaking", "how can I help") |
 * | `no-voicemail-phrase` | the engine counted a long greeting as a machine, but its first words hold no voicemail phrase: the word count alone does not outweigh a person who may be on the line |
 * | `blank-greeting` | the engine called an empty transcript a person: no evidence of anyone |
 * | `tone-before-person` | the tone came well before the person's verdict: a call-waiting or line tone, not a voicemail beep |
 * | `call-progress-tone` | the tone's pitch (a ringback or call-waiting tone, reported at 440–560 Hz; 400–580 Hz allowing for the detector's error) is not a voicemail beep |
 * | `tone-before-greeting` | the tone came before the machine's greeting was detected, so it is not the beep that ends it |
 * | `person-still-speaking` | a person with a long greeting may still be talking: wait a moment before the bot speaks |
 * | `beep-may-follow` | the greeting has just ended: wait a moment for a late beep before the message starts |
 * | `greeting-may-still-play` | AMD stopped listening before the greeting ended (its 20 s tone timer): it may still be playing |
 * | `verdict-in-flight` | AMD has stopped and its verdict is on its way (events arrive out of order) |
 *
 * @example
 * ```ts
 * import { JUDGEMENTS } from "amd-flow";
 * JUDGEMENTS.includes("greeting-says-voicemail"); // true
 * ```
 */
export const JUDGEMENTS = Object.freeze([
  "greeting-says-voicemail",
  "greeting-says-person",
  "no-voicemail-phrase",
  "blank-greeting",
  "tone-before-person",
  "call-progress-tone",
  "tone-before-greeting",
  "person-still-speaking",
  "beep-may-follow",
  "greeting-may-still-play",
  "verdict-in-flight",
] as const);

/**
 * One of {@link JUDGEMENTS}.
 *
 * @example
 * ```ts
 * import type { Judgement } from "amd-flow";
 * const why: Judgement = "tone-before-person";
 * ```
 */
export type Judgement = (typeof JUDGEMENTS)[number];
