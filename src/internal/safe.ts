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

// Characters that would break a problem or an explanation out of its one line, or make
// it display as something else: the C0 and C1 controls and DEL, the line and paragraph
// separators (U+2028, U+2029), and the bidirectional embeddings, overrides (U+202A to
// U+202E) and isolates (U+2066 to U+2069).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/;

/** The character at `code` as it is shown: `\u` and four hex digits (`\u000a`, `\u2028`). */
function escaped(code: number): string {
  return `\\u${`000${code.toString(16)}`.slice(-4)}`;
}

/**
 * `text` as one safe line of at most `max` characters: every control character, line or
 * paragraph separator and bidirectional control escaped (`\u000a`, `\u2028`), and cut with
 * an ellipsis when longer. An escape or a surrogate pair is never cut in two. Every text
 * from outside that reaches a problem list or an explanation goes through here.
 */
export function clip(text: string, max = 80): string {
  // Short text with nothing to escape (most of it) is its own clip.
  if (text.length <= max && !UNSAFE.test(text)) return text;
  const end = Math.min(text.length, max + 1);
  let out = "";
  let fits = 0;
  for (let index = 0; index < end; index++) {
    const code = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    const piece = pair
      ? text.slice(index, index + 2)
      : UNSAFE.test(text.charAt(index))
        ? escaped(code)
        : text.charAt(index);
    if (pair) index++;
    if (out.length + piece.length > max) return `${out.slice(0, fits)}…`;
    out += piece;
    if (out.length < max) fits = out.length;
  }
  return out;
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

/**
 * `read(value)`, or {@link UNREADABLE} when it throws: a guarded read by name, written at
 * the caller (`guarded(entry, (entry) => entry.type)`), so each read keeps its own
 * fast path where a read by a key held in a variable would not.
 */
export function guarded<T>(value: T, read: (value: T) => unknown): unknown {
  try {
    return read(value);
  } catch {
    return UNREADABLE;
  }
}

/**
 * `value[key]` when `key` is the value's own property, `undefined` when it is not (an
 * inherited key, or one put on `Object.prototype`, never counts), or {@link UNREADABLE}
 * when asking throws.
 */
export function readOwnProp(value: unknown, key: string): unknown {
  if (!isObjectLike(value)) return undefined;
  try {
    // A descriptor, not Object.hasOwn: the bot's sandbox has ES2015 built-ins only.
    return Object.getOwnPropertyDescriptor(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  } catch {
    return UNREADABLE;
  }
}

/**
 * `true` for plain objects: not a list or a function, with `Object.prototype` (of this
 * realm or another, such as a vm context's) or `null` as prototype. A `Map`, a `Date`, a
 * boxed primitive or a class instance is not plain; neither is a Proxy that cannot say.
 */
export function isPlainObject(value: unknown): value is object {
  if (typeof value !== "object" || value === null || isArraySafe(value)) return false;
  try {
    const prototype: unknown = Object.getPrototypeOf(value);
    return prototype === null || Object.getPrototypeOf(prototype) === null;
  } catch {
    return false;
  }
}

/** At most this many prototypes are looked through for a list entry's fields (see the reader's `nameOf`). */
export const MAX_PROTOTYPES = 32;

/** `Array.isArray(value)` that survives revoked Proxies. */
export function isArraySafe(value: unknown): value is readonly unknown[] {
  try {
    return Array.isArray(value);
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
 * longer than `max` characters. One byte order mark (U+FEFF) before the JSON is skipped.
 */
export function parseJsonText(text: string, max = MAX_JSON_TEXT): unknown {
  if (text.length > max) return undefined;
  // A UTF-8 byte order mark decoded as text: editors and some HTTP stacks write one, and JSON.parse refuses it.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!JSON_START.test(json)) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

/** An object or array after JSON's own whitespace (space, tab, LF, CR), which is all JSON.parse skips. */
const JSON_START = /^[ \t\n\r]*[{[]/;
