import {
  clip,
  describeError,
  isObjectLike,
  isPlainObject,
  isRecord,
  parseJsonText,
  readOwnProp,
  UNREADABLE,
} from "../internal/safe.js";
import { MACHINE_PHASES, numericText, OUTCOME_KINDS, ROUTE_ACTIONS, type RouteAction } from "../vocabulary.js";
import { isCheckedPolicy, remember } from "./checked-policy.js";
import { defaultPolicy } from "./default-policy.js";
import type { FinalRule, Policy, PolicyRule, WaitRule } from "./policy.js";
import { PolicyError } from "./policy-error.js";

/** The policy's own keys: the outcome kinds; `machine` holds one rule per phase. */
const TOP_KEYS = OUTCOME_KINDS;
/** Every key a policy may hold: a rule per outcome kind, and the greeting-text switch. */
const POLICY_KEYS: readonly string[] = [...TOP_KEYS, "greetingText"];
const PHASE_KEYS = MACHINE_PHASES;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
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

/**
 * `true` when `value`, already known to be an object, is a plain one; otherwise a problem. Only plain objects are read, and only their own keys, so nothing
 * inherited (from a class, a Map, or keys put on `Object.prototype`) becomes a rule.
 */
function plain(value: object, path: string, problems: Problems): boolean {
  if (isPlainObject(value)) return true;
  problems.push(`${path}: expected a plain object (not a Map, a Date, a class instance or a function)`);
  return false;
}

function field(value: object, key: string, path: string, problems: Problems): unknown {
  const found = readOwnProp(value, key);
  if (found === UNREADABLE) {
    problems.push(`${join(path, key)}: could not be read`);
    return undefined;
  }
  return found;
}

function milliseconds(value: unknown, min: number, max: number, path: string, problems: Problems): number | undefined {
  const number = numericText(value);
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
  if (!plain(rule, path, problems)) return fallback;
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
        after === undefined ? undefined : milliseconds(after, 0, 30 * DAY, join(path, "retryAfterMs"), problems);
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
          : Object.assign({}, defaultPolicy.machine.greeting as WaitRule, { then: fallback });
      const recheck = get("recheckAfterMs");
      const max = get("maxWaitMs");
      const then = get("then");
      return {
        action,
        recheckAfterMs:
          (recheck === undefined
            ? undefined
            : milliseconds(recheck, 1, 10 * MINUTE, join(path, "recheckAfterMs"), problems)) ?? base.recheckAfterMs,
        maxWaitMs:
          (max === undefined ? undefined : milliseconds(max, 0, HOUR, join(path, "maxWaitMs"), problems)) ??
          base.maxWaitMs,
        then:
          then === undefined
            ? base.then
            : (parseRule(then, join(path, "then"), base.then, problems, true) as FinalRule),
      };
    }
  }
}

type Phases = Policy["machine"];

function parseMachine(input: unknown, problems: Problems): Phases {
  const fallback = defaultPolicy.machine;
  if (input === undefined) return fallback;
  const machine: Partial<Record<keyof Phases, PolicyRule>> = {};
  if (typeof input === "string" || (isObjectLike(input) && readOwnProp(input, "action") !== undefined)) {
    // One rule for every phase; each phase keeps its own defaults for what is left out.
    // The input is checked once: the other two phases would only repeat its problems.
    for (const phase of PHASE_KEYS)
      machine[phase] = parseRule(input, "machine", fallback[phase], phase === "greeting" ? problems : []);
    return machine as Phases;
  }
  if (!isRecord(input)) {
    problems.push(`machine: expected a rule or an object with ${PHASE_KEYS.join(", ")}`);
    return fallback;
  }
  if (!plain(input, "machine", problems)) return fallback;
  checkKeys(input, PHASE_KEYS, "machine", problems);
  for (const phase of PHASE_KEYS) {
    const value = field(input, phase, "machine", problems);
    machine[phase] =
      value === undefined ? fallback[phase] : parseRule(value, `machine.${phase}`, fallback[phase], problems);
  }
  return machine as Phases;
}

function parseAll(input: unknown, problems: Problems): Policy {
  const source = typeof input === "string" ? (parseJsonText(input) ?? input) : input;
  if (!isRecord(source)) {
    problems.push(`policy: expected an object${typeof input === "string" ? " (or its JSON text)" : ""}`);
    return defaultPolicy;
  }
  if (!plain(source, "policy", problems)) return defaultPolicy;
  checkKeys(source, POLICY_KEYS, "", problems);
  const policy: Record<string, unknown> = {};
  for (const key of TOP_KEYS) {
    const value = field(source, key, "", problems);
    policy[key] =
      key === "machine"
        ? parseMachine(value, problems)
        : value === undefined
          ? defaultPolicy[key]
          : parseRule(value, key, defaultPolicy[key], problems);
  }
  const greetingText = field(source, "greetingText", "", problems);
  if (typeof greetingText === "boolean") policy["greetingText"] = greetingText;
  else if (greetingText !== undefined) problems.push("greetingText: expected true or false");
  return policy as unknown as Policy;
}

/**
 * Checks a policy and fills what it leaves out from {@link defaultPolicy}. For
 * authoring time: it throws one {@link PolicyError} listing every problem by its path
 * (`machine.greeting: expected one of …`). A rule may be an action name or an object;
 * a wait rule's `then` and timings default to the default policy's at the same place
 * (the voicemail for a machine greeting; continue after 250 ms rechecks up to 6000 ms
 * for `pending`), else to what the situation had, rechecked every 1000 ms up to 30000 ms.
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
  if (isCheckedPolicy(input)) return input;
  const problems: Problems = [];
  let policy: Policy;
  try {
    policy = parseAll(input, problems);
  } catch (error) {
    // Every read is guarded; this is for what no guard foresaw (a Proxy's ownKeys
    // returning nonsense, say): still one PolicyError, never a raw TypeError.
    problems.push(`policy: could not be read (${describeError(error)})`);
    policy = defaultPolicy;
  }
  if (problems.length > 0) throw new PolicyError(problems);
  return remember(policy);
}
