import type { TimedAmdEvent } from "./simulate-amd.js";

/** An AMD event as it reaches the bot's session. */
export interface Arrival {
  /** When the session holds it, in ms from the answer. */
  readonly atMs: number;
  /** The event. */
  readonly event: TimedAmdEvent;
}

/** A small seeded generator (mulberry32): the same seed gives the same numbers on every host. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * When each event reaches the bot's session, in arrival order: `deliveryDelayMs` after
 * it is emitted, plus a random part of `jitterMs` (drawn per event, in emission order,
 * from `seed`), as the platform posts each event on its own, unawaited. Events emitted
 * closer together than the jitter (a verdict and `amd_stopped`, emitted in the same
 * ms) may arrive in either order; events at least the jitter apart arrive in order.
 */
export function deliver(
  events: readonly TimedAmdEvent[],
  deliveryDelayMs: number,
  jitterMs: number,
  seed: number,
): Arrival[] {
  const random = seededRandom(seed);
  const arrivals = events.map((event) => ({ atMs: event.atMs + deliveryDelayMs + random() * jitterMs, event }));
  // A stable sort: with no jitter, arrival order is emission order.
  return arrivals.sort((a, b) => a.atMs - b.atMs);
}
