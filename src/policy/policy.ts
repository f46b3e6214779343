import { clip, describeError, isObjectLike, isRecord, parseJsonText, readProp, UNREADABLE } from "../internal/safe.js";

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
 * The policy's situations: each outcome kind, with a machine split by its phase. Every
 * situation maps to exactly one {@link PolicyRule}.
 *
 * @example
 * ```ts
 * import { POLICY_SITUATIONS } from "amd-flow";
 * POLICY_SITUATIONS.includes("machine.beep"); // true
 * ```
 */
export const POLICY_SITUATIONS = Object.freeze([
  "human",
  "machine.greeting",
  "machine.greeting-ended",
  "machine.beep",
  "silence",
  "undecided",
  "error",
  "not-run",
] as const);

/**
 * One of {@link POLICY_SITUATIONS}, written as its path in a {@link Policy}.
 *
 * @example
 * ```ts
 * import type { PolicySituation } from "amd-flow";
 * const situation: PolicySituation = "machine.greeting";
 * ```
 */
export type PolicySituation = (typeof POLICY_SITUATIONS)[number];

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
  /** No AMD result (disabled, or nothing reported yet). */
  readonly "not-run": PolicyRule;
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
  /** How long to wait before routing again, in ms (1 to 600000); default 1000. */
  readonly recheckAfterMs?: number | string;
  /** The wait limit, in ms (0 to 3600000); default 30000. */
  readonly maxWaitMs?: number | string;
  /** What to do once the wait is over; default the default policy's (the voicemail for a machine greeting, else continue). */
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
  /** No AMD result; default `continue`. */
  readonly "not-run"?: PolicyRuleInput;
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

const parsed = new WeakSet<object>();

function deepFreeze<T>(value: T): T {
  if (isObjectLike(value) && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

function remember(policy: Policy): Policy {
  deepFreeze(policy);
  parsed.add(policy);
  return policy;
}

/** Milliseconds in a second, a minute and an hour, for readable bounds. */
const SECOND = 1000;

/**
 * The default policy: never drop a call that may have a person on it, and leave a
 * voicemail only once the greeting is over.
 *
 * | situation | action |
 * |---|---|
 * | human | continue (the bot talks) |
 * | machine, greeting | wait, recheck after 1000 ms; once `waitedMs` ≥ 30000 → leave-voicemail |
 * | machine, greeting-ended | leave-voicemail |
 * | machine, beep | leave-voicemail |
 * | silence | continue (the person may be waiting for us to speak) |
 * | undecided | continue |
 * | error | continue (an AMD failure must never drop a live call) |
 * | not-run | continue |
 *
 * Deeply frozen.
 *
 * @example
 * ```ts
 * import { defaultPolicy } from "amd-flow";
 * defaultPolicy.machine.greeting; // { action: "wait", recheckAfterMs: 1000, maxWaitMs: 30000, then: { action: "leave-voicemail" } }
 * ```
 */
export const defaultPolicy: Policy = remember({
  human: { action: "continue" },
  machine: {
    greeting: { action: "wait", recheckAfterMs: SECOND, maxWaitMs: 30 * SECOND, then: { action: "leave-voicemail" } },
    "greeting-ended": { action: "leave-voicemail" },
    beep: { action: "leave-voicemail" },
  },
  silence: { action: "continue" },
  undecided: { action: "continue" },
  error: { action: "continue" },
  "not-run": { action: "continue" },
});

/**
 * The error {@link parsePolicy} throws: one error listing every problem, each starting
 * with its path in the policy.
 *
 * @example
 * ```ts
 * import { PolicyError, parsePolicy } from "amd-flow";
 * try {
 *   parsePolicy({ human: "talk" });
 * } catch (error) {
 *   if (error instanceof PolicyError) error.problems; // ["human: expected one of continue, transfer, leave-voicemail, wait, hang-up"]
 * }
 * ```
 */
export class PolicyError extends Error {
  /** Every problem found, each starting with its path. */
  readonly problems: readonly string[];

  /**
   * @param problems - every problem found, each starting with its path.
   */
  constructor(problems: readonly string[]) {
    super(`invalid AMD policy: ${problems.join("; ")}`);
    this.name = "PolicyError";
    this.problems = Object.freeze([...problems]);
  }
}

const TOP_KEYS = ["human", "machine", "silence", "undecided", "error", "not-run"] as const;
const PHASE_KEYS = ["greeting", "greeting-ended", "beep"] as const;
const FINAL_ACTIONS = ROUTE_ACTIONS.filter((action) => action !== "wait");
const RULE_KEYS: Readonly<Record<RouteAction, readonly string[]>> = {
  continue: ["action"],
  "leave-voicemail": ["action"],
  transfer: ["action", "target"],
  "hang-up": ["action", "retry", "retryAfterMs"],
  wait: ["action", "recheckAfterMs", "maxWaitMs", "then"],
};
const MAX_TARGET = 512;
const MAX_KEYS_CHECKED = 100;

type Problems = string[];

function oneOf(values: readonly string[]): string {
  return `expected one of ${values.join(", ")}`;
}

/** Own enumerable keys, or `undefined` (with a problem) when they cannot be listed. */
function keysOf(value: object, path: string, problems: Problems): string[] | undefined {
  try {
    return Object.keys(value).slice(0, MAX_KEYS_CHECKED);
  } catch (error) {
    problems.push(`${path === "" ? "policy" : path}: could not be read (${describeError(error)})`);
    return undefined;
  }
}

function checkKeys(value: object, allowed: readonly string[], path: string, problems: Problems): void {
  for (const key of keysOf(value, path, problems) ?? []) {
    if (allowed.indexOf(key) === -1) problems.push(`${join(path, clip(key, 40))}: unknown key; ${oneOf(allowed)}`);
  }
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function field(value: object, key: string, path: string, problems: Problems): unknown {
  const found = readProp(value, key);
  if (found === UNREADABLE) {
    problems.push(`${join(path, key)}: could not be read`);
    return undefined;
  }
  return found;
}

function milliseconds(value: unknown, min: number, max: number, path: string, problems: Problems): number | undefined {
  const number = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== "number" || !Number.isInteger(number)) {
    problems.push(`${path}: expected a whole number of milliseconds`);
    return undefined;
  }
  if (number < min || number > max) {
    problems.push(`${path}: must be from ${min} to ${max}`);
    return undefined;
  }
  return number;
}

function parseRule(
  input: unknown,
  path: string,
  fallback: PolicyRule,
  problems: Problems,
  finalOnly = false,
): PolicyRule {
  const actions: readonly string[] = finalOnly ? FINAL_ACTIONS : ROUTE_ACTIONS;
  const rule = typeof input === "string" ? { action: input } : input;
  if (!isRecord(rule)) {
    problems.push(`${path}: expected an action name or an object with "action"`);
    return fallback;
  }
  const action = field(rule, "action", path, problems);
  if (typeof action !== "string" || actions.indexOf(action) === -1) {
    problems.push(`${typeof input === "string" ? path : join(path, "action")}: ${oneOf(actions)}`);
    return fallback;
  }
  const known = action as RouteAction;
  // A bare action name is { action } and passes the key check; its options take their defaults.
  checkKeys(rule, RULE_KEYS[known], path, problems);
  return buildRule(known, rule, path, fallback, problems);
}

function buildRule(
  action: RouteAction,
  rule: object,
  path: string,
  fallback: PolicyRule,
  problems: Problems,
): PolicyRule {
  const get = (key: string): unknown => field(rule, key, path, problems);
  switch (action) {
    case "continue":
    case "leave-voicemail":
      return { action };
    case "transfer": {
      const target = get("target");
      if (target === undefined) return { action };
      if (typeof target !== "string" || target.trim() === "" || target.length > MAX_TARGET) {
        problems.push(`${join(path, "target")}: expected non-empty text of at most ${MAX_TARGET} characters`);
        return { action };
      }
      return { action, target };
    }
    case "hang-up": {
      const retry = get("retry");
      const after = get("retryAfterMs");
      const retryAfterMs =
        after === undefined
          ? undefined
          : milliseconds(after, 0, 30 * 24 * 3600 * SECOND, join(path, "retryAfterMs"), problems);
      if (retry !== undefined && typeof retry !== "boolean")
        problems.push(`${join(path, "retry")}: expected true or false`);
      if (retry === false && retryAfterMs !== undefined) {
        problems.push(`${join(path, "retryAfterMs")}: given, but retry is false`);
      }
      const rule: { action: "hang-up"; retry: boolean; retryAfterMs?: number } = {
        action,
        retry: typeof retry === "boolean" ? retry : retryAfterMs !== undefined,
      };
      if (retryAfterMs !== undefined) rule.retryAfterMs = retryAfterMs;
      return rule;
    }
    case "wait": {
      const base: WaitRule =
        fallback.action === "wait"
          ? fallback
          : { action, recheckAfterMs: SECOND, maxWaitMs: 30 * SECOND, then: fallback };
      const recheck = get("recheckAfterMs");
      const max = get("maxWaitMs");
      const then = get("then");
      return {
        action,
        recheckAfterMs:
          (recheck === undefined
            ? undefined
            : milliseconds(recheck, 1, 600 * SECOND, join(path, "recheckAfterMs"), problems)) ?? base.recheckAfterMs,
        maxWaitMs:
          (max === undefined ? undefined : milliseconds(max, 0, 3600 * SECOND, join(path, "maxWaitMs"), problems)) ??
          base.maxWaitMs,
        then:
          then === undefined
            ? base.then
            : (parseRule(then, join(path, "then"), base.then, problems, true) as FinalRule),
      };
    }
  }
}

function parseMachine(input: unknown, problems: Problems): Policy["machine"] {
  const fallback = defaultPolicy.machine;
  if (input === undefined) return fallback;
  const isRule = typeof input === "string" || (isObjectLike(input) && readProp(input, "action") !== undefined);
  if (isRule) {
    // One rule for every phase; each phase keeps its own defaults for what is left out.
    // The input is checked once: the other two phases would only repeat its problems.
    const unreported: Problems = [];
    return {
      greeting: parseRule(input, "machine", fallback.greeting, problems),
      "greeting-ended": parseRule(input, "machine", fallback["greeting-ended"], unreported),
      beep: parseRule(input, "machine", fallback.beep, unreported),
    };
  }
  if (!isRecord(input)) {
    problems.push(`machine: expected a rule or an object with ${PHASE_KEYS.join(", ")}`);
    return fallback;
  }
  checkKeys(input, PHASE_KEYS, "machine", problems);
  const phase = (key: (typeof PHASE_KEYS)[number]): PolicyRule => {
    const value = field(input, key, "machine", problems);
    return value === undefined ? fallback[key] : parseRule(value, `machine.${key}`, fallback[key], problems);
  };
  return { greeting: phase("greeting"), "greeting-ended": phase("greeting-ended"), beep: phase("beep") };
}

function parseAll(input: unknown, problems: Problems): Policy {
  const source = typeof input === "string" ? (parseJsonText(input) ?? input) : input;
  if (!isRecord(source)) {
    problems.push(`policy: expected an object${typeof input === "string" ? " (or its JSON text)" : ""}`);
    return defaultPolicy;
  }
  checkKeys(source, TOP_KEYS, "", problems);
  const rule = (key: Exclude<(typeof TOP_KEYS)[number], "machine">): PolicyRule => {
    const value = field(source, key, "", problems);
    return value === undefined ? defaultPolicy[key] : parseRule(value, key, defaultPolicy[key], problems);
  };
  const machine = field(source, "machine", "", problems);
  return {
    human: rule("human"),
    machine: parseMachine(machine, problems),
    silence: rule("silence"),
    undecided: rule("undecided"),
    error: rule("error"),
    "not-run": rule("not-run"),
  };
}

/**
 * Checks a policy and fills what it leaves out from {@link defaultPolicy}. For
 * authoring time: it throws one {@link PolicyError} listing every problem by its path
 * (`machine.greeting: expected one of …`). A rule may be an action name or an object;
 * a wait rule's `then` defaults to the default policy's at the same place (the
 * voicemail for a machine greeting), else to what the situation had.
 * Milliseconds may be written as text (`"1000"`). The result is deeply frozen and is
 * accepted by {@link routeCall} without being checked again.
 *
 * @param input - a {@link PolicyInput}, its JSON text, or `undefined` for the default.
 * @returns the complete policy.
 * @throws {@link PolicyError} when anything is wrong.
 * @example
 * ```ts
 * import { parsePolicy } from "amd-flow";
 * const policy = parsePolicy({ human: { action: "transfer", target: "sales" }, machine: { greeting: "hang-up" } });
 * policy.machine.greeting; // { action: "hang-up", retry: false }
 * ```
 */
export function parsePolicy(input: unknown): Policy {
  if (input === undefined || input === null) return defaultPolicy;
  if (isObjectLike(input) && parsed.has(input)) return input as Policy;
  const problems: Problems = [];
  let policy: Policy;
  try {
    policy = parseAll(input, problems);
    // Stryker disable all: every read is guarded; this catch is for what no guard foresaw.
  } catch (error) {
    // Every read is guarded; this is for what no guard foresaw (a Proxy's ownKeys
    // returning nonsense, say): still one PolicyError, never a raw TypeError.
    problems.push(`policy: could not be read (${describeError(error)})`);
    policy = defaultPolicy;
  }
  // Stryker restore all
  if (problems.length > 0) throw new PolicyError(problems);
  return remember(policy);
}

/**
 * `true` for a policy this package produced ({@link defaultPolicy} or a
 * {@link parsePolicy} result), which can be used without being checked again.
 *
 * @param value - anything.
 * @returns whether `value` is a checked, frozen policy.
 * @example
 * ```ts
 * import { defaultPolicy, isCheckedPolicy } from "amd-flow";
 * isCheckedPolicy(defaultPolicy); // true
 * isCheckedPolicy({ human: "continue" }); // false
 * ```
 */
export function isCheckedPolicy(value: unknown): value is Policy {
  return isObjectLike(value) && parsed.has(value);
}

const RULE_OF: Readonly<Record<PolicySituation, (policy: Policy) => PolicyRule>> = {
  human: (policy) => policy.human,
  "machine.greeting": (policy) => policy.machine.greeting,
  "machine.greeting-ended": (policy) => policy.machine["greeting-ended"],
  "machine.beep": (policy) => policy.machine.beep,
  silence: (policy) => policy.silence,
  undecided: (policy) => policy.undecided,
  error: (policy) => policy.error,
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
