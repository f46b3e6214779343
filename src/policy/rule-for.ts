import {
  type AmdOutcomeKind,
  MACHINE_PHASES,
  MACHINE_SITUATIONS,
  type MachinePhase,
  type PolicySituation,
} from "../vocabulary.js";
import type { Policy, PolicyRule } from "./policy.js";

/**
 * The rule a policy holds for a situation.
 *
 * @param policy - a complete policy.
 * @param situation - one of {@link POLICY_SITUATIONS}.
 * @returns the rule that applies there.
 * @example
 * ```ts
 * import { defaultPolicy, ruleFor } from "amd-flow";
 * ruleFor(defaultPolicy, "machine.beep"); // { action: "leave-voicemail" }
 * ```
 */
export function ruleFor(policy: Policy, situation: PolicySituation): PolicyRule {
  const phase = MACHINE_PHASES[MACHINE_SITUATIONS.indexOf(situation as never)];
  return phase === undefined
    ? policy[situation as Exclude<PolicySituation, `machine.${string}`>]
    : policy.machine[phase];
}

/** The rule a policy holds for an outcome's situation: {@link ruleFor} without spelling the situation. */
export function ruleOf(
  policy: Policy,
  outcome:
    | { readonly kind: "machine"; readonly phase: MachinePhase }
    | { readonly kind: Exclude<AmdOutcomeKind, "machine"> },
): PolicyRule {
  return outcome.kind === "machine" ? policy.machine[outcome.phase] : policy[outcome.kind];
}
