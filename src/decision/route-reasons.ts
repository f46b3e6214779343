import { POLICY_SITUATIONS, type PolicySituation } from "../vocabulary.js";

/**
 * The reason code of each situation: a table over every situation, so a new one does
 * not compile until it has its code.
 */
export const REASON_OF = {
  human: "human-answered",
  "machine.greeting": "machine-greeting-playing",
  "machine.greeting-ended": "machine-greeting-ended",
  "machine.beep": "machine-beep-heard",
  silence: "no-speech",
  undecided: "amd-undecided",
  error: "amd-error",
  fax: "fax-detected",
  pending: "amd-pending",
  "not-run": "amd-not-run",
} as const satisfies Record<PolicySituation, RouteReason>;

/**
 * Stable, machine-readable codes for why a decision was made: one per situation, and
 * `wait-limit-reached` when a wait ran out and its `then` rule applied.
 *
 * | reason | situation |
 * |---|---|
 * | `human-answered` | a person answered |
 * | `machine-greeting-playing` | a machine greeting is still playing |
 * | `machine-greeting-ended` | the greeting ended, or AMD stopped listening, with no beep |
 * | `machine-beep-heard` | the beep (or a lone tone) was heard |
 * | `no-speech` | nobody spoke |
 * | `amd-undecided` | AMD could not decide |
 * | `amd-error` | AMD failed |
 * | `fax-detected` | a fax machine answered |
 * | `amd-pending` | AMD was asked for and has not decided yet |
 * | `amd-not-run` | no AMD result |
 * | `wait-limit-reached` | the flow waited `maxWaitMs` and the wait's `then` applies |
 *
 * @example
 * ```ts
 * import { ROUTE_REASONS } from "amd-flow";
 * ROUTE_REASONS.includes("machine-beep-heard"); // true
 * ```
 */
export const ROUTE_REASONS: readonly RouteReason[] = Object.freeze([
  // One per situation, in the situations' order (REASON_OF above), then the wait's end.
  ...POLICY_SITUATIONS.map((situation) => REASON_OF[situation]),
  "wait-limit-reached",
]);

/**
 * One of {@link ROUTE_REASONS}.
 *
 * @example
 * ```ts
 * import type { RouteReason } from "amd-flow";
 * const reason: RouteReason = "no-speech";
 * ```
 */
export type RouteReason =
  | "human-answered"
  | "machine-greeting-playing"
  | "machine-greeting-ended"
  | "machine-beep-heard"
  | "no-speech"
  | "amd-undecided"
  | "amd-error"
  | "fax-detected"
  | "amd-pending"
  | "amd-not-run"
  | "wait-limit-reached";
