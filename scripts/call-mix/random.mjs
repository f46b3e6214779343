// A small seeded generator (mulberry32) and the draws the call mix is made of: the same
// seed gives the same mix on every host and Node version.

/** @param {number} seed */
export function randomSource(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** A whole number from `low` to `high`, both included. */
  const int = (low, high) => low + Math.floor(next() * (high - low + 1));
  /** One of `items`. */
  const pick = (items) => items[Math.floor(next() * items.length)];
  /** `true` with probability `p`. */
  const chance = (p) => next() < p;
  /** A whole number near `mean` (the sum of three draws), kept within `low`–`high`. */
  const near = (mean, spread, low, high) => {
    const value = Math.round(mean + ((next() + next() + next()) / 3 - 0.5) * 2 * spread);
    return Math.max(low, Math.min(high, value));
  };
  return { next, int, pick, chance, near };
}
