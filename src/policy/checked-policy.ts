import { isObjectLike } from "../internal/safe.js";
import type { Policy } from "./policy.js";

// Policies this package produced (the default and parsePolicy's results): frozen, so
// they cannot change after the check, and used by routeCall without being checked again.
const parsed = new WeakSet<object>();

// A frozen object is taken as frozen through and through: this package freezes bottom-up
// (deepFreeze, and the default policy as it is written), so nothing is walked twice.
function deepFreeze<T>(value: T): T {
  if (isObjectLike(value) && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

export function remember(policy: Policy): Policy {
  deepFreeze(policy);
  parsed.add(policy);
  return policy;
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
