// Times and durations across a call's notifications: the earliest connect, the latest
// disconnect, the largest duration, chosen the same way in any order.

/** The earliest (`min`) or latest (`max`) of the times given, by instant, then by text. */
export function extreme(values: ReadonlyArray<string | undefined>, pick: "min" | "max"): string | undefined {
  let best: { text: string; ms: number } | undefined;
  for (const text of values) {
    if (text === undefined) continue;
    const ms = Date.parse(text);
    // Stryker disable next-line EqualityOperator: equal text is the same value, so < and <= agree on the tie-break.
    if (best === undefined || (pick === "min" ? ms < best.ms : ms > best.ms) || (ms === best.ms && text < best.text))
      best = { text, ms };
  }
  return best?.text;
}

/** The largest of the numbers given. */
export function largest(values: ReadonlyArray<number | undefined>): number | undefined {
  let best: number | undefined;
  // Stryker disable next-line EqualityOperator: equal numbers are the same value.
  for (const value of values) if (value !== undefined && (best === undefined || value > best)) best = value;
  return best;
}
