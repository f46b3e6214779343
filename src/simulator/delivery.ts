import type { TimedAmdEvent } from "./simulate-amd.js";

/** An AMD event as it reaches the bot's session. */
export interface Arrival {
  /** When the session holds it, in ms from the answer. */
  readonly atMs: number;
  /** The event. */
  readonly event: TimedAmdEvent;
}

/** A small seeded generator (mulberry32): the same seed gives the same shuffle on every host. */
function random(seed: number): () => number {
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
 * it is emitted. With a `seed`, each event is held back a further random part of that
 * delay, as the platform posts events unawaited: events emitted closer together than
 * the delay may then arrive in either order.
 */
export function deliver(events: readonly TimedAmdEvent[], deliveryDelayMs: number, seed?: number): Arrival[] {
  const jitter = seed === undefined ? () => 0 : random(seed);
  const arrivals = events.map((event) => ({
    atMs: event.atMs + deliveryDelayMs + Math.floor(jitter() * deliveryDelayMs),
    event,
  }));
  // A stable sort: without a seed, arrival order is emission order.
  return arrivals.sort((a, b) => a.atMs - b.atMs);
}
