import type { RouteAction } from "../vocabulary.js";

/**
 * Let the bot talk.
 *
 * @example
 * ```ts
 * import type { ContinueRule } from "amd-flow";
 * const rule: ContinueRule = { action: "continue" };
 * ```
 */
export interface ContinueRule {
  /** Always `"continue"`. */
  readonly action: "continue";
}

/**
 * Hand the call to an agent.
 *
 * @example
 * ```ts
 * import type { TransferRule } from "amd-flow";
 * const rule: TransferRule = { action: "transfer", target: "sip:sales@pbx.example.com" };
 * ```
 */
export interface TransferRule {
  /** Always `"transfer"`. */
  readonly action: "transfer";
  /** Where to transfer (a queue, a number, a SIP URI); copied to the decision's `transferTarget`. */
  readonly target?: string;
}

/**
 * Play the voicemail message now.
 *
 * @example
 * ```ts
 * import type { VoicemailRule } from "amd-flow";
 * const rule: VoicemailRule = { action: "leave-voicemail" };
 * ```
 */
export interface VoicemailRule {
  /** Always `"leave-voicemail"`. */
  readonly action: "leave-voicemail";
}

/**
 * End the call.
 *
 * @example
 * ```ts
 * import type { HangUpRule } from "amd-flow";
 * const rule: HangUpRule = { action: "hang-up", retry: true, retryAfterMs: 3_600_000 };
 * ```
 */
export interface HangUpRule {
  /** Always `"hang-up"`. */
  readonly action: "hang-up";
  /** Whether the dialer should call again later; `true` when `retryAfterMs` is given. */
  readonly retry: boolean;
  /** How long the dialer should wait before calling again. */
  readonly retryAfterMs?: number;
}

/**
 * A rule that ends the routing: anything but `wait`.
 *
 * @example
 * ```ts
 * import type { FinalRule } from "amd-flow";
 * const rule: FinalRule = { action: "hang-up", retry: false };
 * ```
 */
export type FinalRule = ContinueRule | TransferRule | VoicemailRule | HangUpRule;

/**
 * Wait for AMD to say more: route again after `recheckAfterMs`, and once the flow has
 * waited `maxWaitMs` in all, apply `then` instead.
 *
 * @example
 * ```ts
 * import type { WaitRule } from "amd-flow";
 * const rule: WaitRule = { action: "wait", recheckAfterMs: 1000, maxWaitMs: 30_000, then: { action: "leave-voicemail" } };
 * ```
 */
export interface WaitRule {
  /** Always `"wait"`. */
  readonly action: "wait";
  /** How long to wait before routing again, in ms (1 to 600000). */
  readonly recheckAfterMs: number;
  /** Once the flow has waited this long (`options.waitedMs`), `then` applies (0 to 3600000). */
  readonly maxWaitMs: number;
  /** What to do once the wait is over. */
  readonly then: FinalRule;
}

/**
 * What the flow does in one situation.
 *
 * @example
 * ```ts
 * import type { PolicyRule } from "amd-flow";
 * const rule: PolicyRule = { action: "transfer" };
 * ```
 */
export type PolicyRule = FinalRule | WaitRule;

/**
 * What the flow does for each outcome; a machine by its phase. Build one with
 * {@link parsePolicy}, which fills what you leave out from {@link defaultPolicy}.
 *
 * @example
 * ```ts
 * import { parsePolicy, type Policy } from "amd-flow";
 * const policy: Policy = parsePolicy({ human: "transfer" });
 * policy.machine.beep.action; // "leave-voicemail"
 * ```
 */
export interface Policy {
  /** A person answered. */
  readonly human: PolicyRule;
  /** A machine answered, by where it is in its greeting. */
  readonly machine: {
    /** The greeting is still playing. */
    readonly greeting: PolicyRule;
    /** The greeting ended, or AMD stopped listening, with no beep heard. */
    readonly "greeting-ended": PolicyRule;
    /** The beep was heard. */
    readonly beep: PolicyRule;
  };
  /** Nobody spoke. */
  readonly silence: PolicyRule;
  /** AMD could not decide. */
  readonly undecided: PolicyRule;
  /** AMD failed. */
  readonly error: PolicyRule;
  /** A fax machine answered (a tone at 1100 or 2100 Hz, no speech). */
  readonly fax: PolicyRule;
  /** AMD was asked for and has not decided yet (the `amdRequested` option). */
  readonly pending: PolicyRule;
  /** No AMD result, and AMD not known to be asked for (disabled, or nothing reported yet). */
  readonly "not-run": PolicyRule;
  /**
   * Whether the greeting's words may overrule the engine's word count (a short greeting
   * that says "leave a message" is a voicemail; a long one that says "speaking, how can I
   * help" is a person). Absent: `true`. `false` follows the engine's word count; the other
   * judgements (a tone's pitch, when each event was first seen) still apply.
   */
  readonly greetingText?: boolean;
}

/**
 * A rule as written by a person: an action name (`"hang-up"`) or an object with
 * `action` and the options of that action; anything left out takes its default.
 *
 * @example
 * ```ts
 * import type { PolicyRuleInput } from "amd-flow";
 * const rules: PolicyRuleInput[] = ["continue", { action: "wait", maxWaitMs: "20000" }];
 * ```
 */
export type PolicyRuleInput = RouteAction | FinalRuleInput | WaitRuleInput;

/**
 * A final rule as written: {@link ContinueRule}, {@link VoicemailRule},
 * {@link TransferRule}, or a hang-up whose options may be left out.
 *
 * @example
 * ```ts
 * import type { FinalRuleInput } from "amd-flow";
 * const rule: FinalRuleInput = { action: "hang-up", retryAfterMs: "3600000" };
 * ```
 */
export type FinalRuleInput = ContinueRule | VoicemailRule | TransferRule | HangUpRuleInput;

/**
 * A hang-up rule as written.
 *
 * @example
 * ```ts
 * import type { HangUpRuleInput } from "amd-flow";
 * const rule: HangUpRuleInput = { action: "hang-up", retry: true };
 * ```
 */
export interface HangUpRuleInput {
  /** Always `"hang-up"`. */
  readonly action: "hang-up";
  /** Whether the dialer should call again; default `true` when `retryAfterMs` is given, else `false`. */
  readonly retry?: boolean;
  /** How long the dialer should wait before calling again, in ms (a number or its text). */
  readonly retryAfterMs?: number | string;
}

/**
 * A wait rule as written; what is left out comes from the default policy.
 *
 * @example
 * ```ts
 * import type { WaitRuleInput } from "amd-flow";
 * const rule: WaitRuleInput = { action: "wait", maxWaitMs: 20_000, then: "hang-up" };
 * ```
 */
export interface WaitRuleInput {
  /** Always `"wait"`. */
  readonly action: "wait";
  /** How long to wait before routing again, in ms (1 to 600000); default 1000 (250 for `pending`). */
  readonly recheckAfterMs?: number | string;
  /** The wait limit, in ms (0 to 3600000); default 30000 (6000 for `pending`). */
  readonly maxWaitMs?: number | string;
  /** What to do once the wait is over; default the default policy's at the same place (the voicemail for a machine greeting, `continue` for `pending`), else what the situation had. */
  readonly then?: Exclude<RouteAction, "wait"> | FinalRuleInput;
}

/**
 * A partial policy as {@link parsePolicy} accepts it. `machine` may be one rule for
 * every phase.
 *
 * @example
 * ```ts
 * import type { PolicyInput } from "amd-flow";
 * const agentless: PolicyInput = { machine: "hang-up", silence: "hang-up" };
 * ```
 */
export interface PolicyInput {
  /** A person answered; default `continue`. */
  readonly human?: PolicyRuleInput;
  /** A machine answered: one rule for every phase, or one per phase. */
  readonly machine?: PolicyRuleInput | MachinePolicyInput;
  /** Nobody spoke; default `continue`. */
  readonly silence?: PolicyRuleInput;
  /** AMD could not decide; default `continue`. */
  readonly undecided?: PolicyRuleInput;
  /** AMD failed; default `continue`. */
  readonly error?: PolicyRuleInput;
  /** A fax machine answered; default `hang-up` with no retry. */
  readonly fax?: PolicyRuleInput;
  /** AMD was asked for and has not decided yet; default wait, recheck after 250 ms, up to 6000 ms, then `continue`. */
  readonly pending?: PolicyRuleInput;
  /** No AMD result; default `continue`. */
  readonly "not-run"?: PolicyRuleInput;
  /** Whether the greeting's words may overrule the engine's word count; default `true`. */
  readonly greetingText?: boolean;
}

/**
 * The machine rules as written, by phase.
 *
 * @example
 * ```ts
 * import type { MachinePolicyInput } from "amd-flow";
 * const machine: MachinePolicyInput = { greeting: "hang-up" };
 * ```
 */
export interface MachinePolicyInput {
  /** The greeting is still playing; default wait 1 s up to 30 s, then leave the voicemail. */
  readonly greeting?: PolicyRuleInput;
  /** The greeting ended, or AMD stopped listening, with no beep; default `leave-voicemail`. */
  readonly "greeting-ended"?: PolicyRuleInput;
  /** The beep was heard; default `leave-voicemail`. */
  readonly beep?: PolicyRuleInput;
}
