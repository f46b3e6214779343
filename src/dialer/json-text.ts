// The one guarded serialiser of the dialer: JSON text of a value from outside, or
// `undefined` when it has none. JSON.stringify throws on cycles, BigInt, a throwing
// `toJSON` or getter, a hostile Proxy, and overflows the stack on deep nesting.

/**
 * `JSON.stringify(value)`, or `undefined` when it throws or gives no text.
 *
 * @param value - anything.
 * @returns the JSON text, or `undefined`.
 */
export function jsonTextOf(value: unknown): string | undefined {
  try {
    const text: unknown = JSON.stringify(value);
    return typeof text === "string" ? text : undefined;
  } catch {
    return undefined;
  }
}
