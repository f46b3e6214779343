import { POLICY_SITUATIONS, type PolicySituation } from "../vocabulary.js";
import type { Policy } from "./policy.js";
import { ruleFor } from "./rule-for.js";

/**
 * A choice in a policy that is allowed but risky, with its path in the policy.
 *
 * @example
 * ```ts
 * import type { PolicyWarning } from "amd-flow";
 * const warning: PolicyWarning = { path: "silence", message: "hangs up on a call where a person may be waiting" };
 * ```
 */
export interface PolicyWarning {
  /** Where in the policy, for example `"machine.greeting"` or `"error.then"`. */
  readonly path: string;
  /** What the risk is, in one sentence. */
  readonly message: string;
}

/** Who may be on the line in each situation; `undefined` where it is surely a machine. */
const MAYBE_A_PERSON: Readonly<Record<PolicySituation, string | undefined>> = {
  human: "AMD heard a person",
  "machine.greeting": undefined,
  "machine.greeting-ended": undefined,
  "machine.beep": undefined,
  silence: "a person may be waiting for the bot to speak",
  undecided: "AMD could not rule out a person",
  error: "AMD failed and a person may be there",
  "not-run": "there is no AMD result and a person may be there",
};

const ABANDONMENT_RULE =
  "under the FCC/FTC rule a telemarketing call with no live agent connected within 2 s of the greeting counts as abandoned, and abandonment must stay under 3 % per campaign per 30 days";

/**
 * Warnings, not errors, for choices that risk hanging up on or stalling a live person
 * (the FCC/FTC abandoned-call rule: a live agent within 2 s of the greeting, under 3 %
 * abandoned per campaign per 30 days), and for a voicemail left while the greeting
 * still plays (its start would be lost).
 *
 * @param policy - a complete policy, as {@link parsePolicy} returns.
 * @returns the warnings, in {@link POLICY_SITUATIONS} order; empty for {@link defaultPolicy}.
 * @example
 * ```ts
 * import { lintPolicy, parsePolicy } from "amd-flow";
 * lintPolicy(parsePolicy({ error: "hang-up" }))[0]?.path; // "error"
 * ```
 */
export function lintPolicy(policy: Policy): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  for (const situation of POLICY_SITUATIONS) {
    const rule = ruleFor(policy, situation);
    const person = MAYBE_A_PERSON[situation];
    const final = rule.action === "wait" ? rule.then : rule;
    const finalPath = rule.action === "wait" ? `${situation}.then` : situation;
    if (person !== undefined && final.action === "hang-up") {
      warnings.push({ path: finalPath, message: `hangs up although ${person}; ${ABANDONMENT_RULE}` });
    }
    if (person !== undefined && final.action === "leave-voicemail") {
      warnings.push({ path: finalPath, message: `plays the voicemail message although ${person}` });
    }
    if (situation === "human" && rule.action === "wait") {
      warnings.push({ path: situation, message: `keeps a person waiting in silence; ${ABANDONMENT_RULE}` });
    }
    if (situation === "machine.greeting" && rule.action === "leave-voicemail") {
      warnings.push({
        path: situation,
        message:
          "leaves the message while the greeting still plays, so the recording misses its start; wait for the greeting to end",
      });
    }
  }
  return warnings;
}
