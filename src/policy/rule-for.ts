import {
  type AmdOutcomeKind,
  MACHINE_PHASES,
  MACHINE_SITUATIONS,
  type MachinePhase,
  POLICY_SITUATIONS,
  type PolicySituation,
} from "../vocabulary.js";
import type { Policy, PolicyRule } from "./policy.js";

/**
 * The rule a policy holds for a situation.
 *
 * @param policy - a complete policy.
 * @param situation - one of {@link POLICY_SITUATIONS}.
 * @returns the rule that applies there.
 * @throws TypeError when `situation` is not one of {@link POLICY_SITUATIONS} (from plain JavaScript).
 * @example
 * ```ts
 * import { defaultPolicy, ruleFor } from "amd-flow";
 * ruleFor(defaultPolicy, "machine.beep"); // { action: "leave-voicemail" }
 * ```
 */
export function ruleFor(policy: Policy, situation: PolicySituation): PolicyRule {
  const phase = MACHINE_PHASES[MACHINE_SITUATIONS.indexOf(situation as never)];
  if (phase !== undefined) return policy.machine[phase];
  if (POLICY_SITUATIONS.indexOf(situation) === -1) throw new TypeError("ruleFor: expected one of POLICY_SITUATIONS");
  return policy[situation as Exclude<PolicySituation, `machine.${string}`>];
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
