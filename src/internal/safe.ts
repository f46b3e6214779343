// Defensive access to values from outside. Bot contexts and webhook bodies may hold
// getters that throw, Proxies whose traps throw, revoked Proxies and cycles: every
// touch of such a value goes through here, so a single try/catch boundary keeps the
// promise that the public readers never throw.

/** What a failed read returns: never a value a caller could confuse with data. */
export const UNREADABLE: unique symbol = Symbol("unreadable");
export type Unreadable = typeof UNREADABLE;

/** A short, single-line description of anything thrown, without trusting it. */
export function describeError(error: unknown): string {
  try {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
    return clip(text.replace(/\s+/g, " "), 120);
  } catch {
    return "an unreadable error";
  }
}

/** `text` cut to `max` characters, with an ellipsis when cut. */
export function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `true` for values whose properties can be read: objects (Proxies too) and functions. */
export function isObjectLike(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}

/**
 * `value[key]`, or {@link UNREADABLE} when reading it throws. Only own or inherited
 * properties of ordinary lookups are read: keys are always fixed names chosen by this
 * package, never taken from the input, so `__proto__` and friends are never asked for.
 */
export function readProp(value: unknown, key: string): unknown {
  if (!isObjectLike(value)) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return UNREADABLE;
  }
}

/** `Array.isArray(value)` that survives revoked Proxies. */
export function isArraySafe(value: unknown): value is readonly unknown[] {
  try {
    return Array.isArray(value);
    // Stryker disable next-line BlockStatement: an empty catch returns undefined, as falsy as false.
  } catch {
    return false;
  }
}

/** `true` for objects (Proxies too) and functions that are not lists: what can carry named fields. */
export function isRecord(value: unknown): value is object {
  return isObjectLike(value) && !isArraySafe(value);
}

/** `T` with its properties writable, for building a readonly result step by step. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Sets `key` on `target` only when `value` is defined: optional fields stay absent, never `undefined`. */
export function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** The readable length of an array-like, clamped to `[0, cap]`; `undefined` when unreadable. */
export function boundedLength(value: readonly unknown[], cap: number): { length: number; total: number } | undefined {
  try {
    const total = value.length;
    if (typeof total !== "number" || !(total >= 0)) return undefined;
    return { length: Math.min(total, cap), total };
  } catch {
    return undefined;
  }
}

/** Largest JSON text this package will parse from a string-valued field. */
export const MAX_JSON_TEXT = 1_000_000;

/**
 * `JSON.parse(text)` for strings that look like a JSON object or array (platforms
 * sometimes store session values as text), or `undefined` when it is not JSON or is
 * longer than `max` characters.
 */
export function parseJsonText(text: string, max = MAX_JSON_TEXT): unknown {
  if (text.length > max) return undefined;
  if (!/^\s*[{[]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
