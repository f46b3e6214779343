import type { PolicySituation } from "../vocabulary.js";
import type { Policy, PolicyRule } from "./policy.js";

const RULE_OF: Readonly<Record<PolicySituation, (policy: Policy) => PolicyRule>> = {
  human: (policy) => policy.human,
  "machine.greeting": (policy) => policy.machine.greeting,
  "machine.greeting-ended": (policy) => policy.machine["greeting-ended"],
  "machine.beep": (policy) => policy.machine.beep,
  silence: (policy) => policy.silence,
  undecided: (policy) => policy.undecided,
  error: (policy) => policy.error,
  fax: (policy) => policy.fax,
  pending: (policy) => policy.pending,
  "not-run": (policy) => policy["not-run"],
};

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
  return RULE_OF[situation](policy);
}
