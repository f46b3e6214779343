import { instantOf } from "./instant.js";

// Times and durations across a call's notifications: the earliest connect, the latest
// disconnect, the largest duration, each chosen the same way in any order.

/**
 * The earliest (`min`) or latest (`max`) of the times given, by the instant each names
 * (`+02:00` and `Z` compare correctly); of two spellings of one instant, the first in
 * text order. Times that name no instant are passed over (the parser has reported them).
 */
export function extreme(values: ReadonlyArray<string | undefined>, pick: "min" | "max"): string | undefined {
  let best: { text: string; ms: number } | undefined;
  for (const text of values) {
    const ms = text === undefined ? undefined : instantOf(text);
    if (text === undefined || ms === undefined) continue;
    const later = ms > (best?.ms ?? ms);
    const earlier = ms < (best?.ms ?? ms);
    if (best === undefined || (pick === "min" ? earlier : later) || (ms === best.ms && text < best.text))
      best = { text, ms };
  }
  return best?.text;
}

/** The instant a time names, or `-Infinity` for none: what sorts a notification without a time first. */
export function instantOrEarliest(text: string | undefined): number {
  return (text === undefined ? undefined : instantOf(text)) ?? Number.NEGATIVE_INFINITY;
}

/** The largest of the numbers given. */
export function largest(values: ReadonlyArray<number | undefined>): number | undefined {
  let best: number | undefined;
  for (const value of values) if (value !== undefined && (best === undefined || value > best)) best = value;
  return best;
}
