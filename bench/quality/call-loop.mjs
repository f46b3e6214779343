// The documented script-node loop over one simulated call, with a router in the bot's
// place: what the platform sends (entries `{ type, ...data }`, no times, in arrival
// order), the first run at 300 ms, a rerun after each wait's `recheckAfterMs`, `state`
// carried from run to run.
//
// This is a local shim for `simulateCall(call, undefined, { router })`, the router option
// being added to amd-flow/simulator with the same interface:
//   router(context, { amdRequested, waitedMs, state }) → { action, recheckAfterMs?, state? }
// Once that lands, runCall should become that call (with `seed` for the jitter) and the
// figures should come from its metrics.
import { makeBotContext } from "../../dist/fixtures.js";
import { simulateAmd } from "../../dist/simulator.js";

export const BOT_START_MS = 300;
export const DELIVERY_DELAY_MS = 100;
/** More runs than any router needs on one call; a guard against one that waits for ever. */
const MAX_RUNS = 1000;

/** mulberry32, as the simulator's delivery shuffle: the same jitter on every host. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every tone of a call script, by time: its `beep` and its `tones`. */
export const tonesOf = (call) =>
  [...(call.beep === undefined ? [] : [call.beep]), ...(call.tones ?? [])].sort((a, b) => a.atMs - b.atMs);

// Whether this build's simulateAmd reads `tones` (several tones, detection reporting the
// first one heard). Until it does, the call is given to it with that first tone as its
// one `beep`, which is what the engine reports either way.
const READS_TONES = simulateAmd({ answeredBy: "nobody", tones: [{ atMs: 100 }] }).some(
  (event) => event.name === "amd_tone_detected",
);

function engineCall(call) {
  if (READS_TONES || call.tones === undefined) return call;
  const { tones: _, beep: __, ...rest } = call;
  const heard = tonesOf(call).find((tone) => tone.detected !== false);
  return heard === undefined ? rest : { ...rest, beep: heard };
}

/** When each event reaches the bot: 100 ms after it is emitted, plus up to 100 ms of jitter. */
function arrivalsOf(events, seed) {
  const jitter = random(seed);
  return events
    .map((event) => ({ atMs: event.atMs + DELIVERY_DELAY_MS + Math.floor(jitter() * DELIVERY_DELAY_MS), event }))
    .sort((a, b) => a.atMs - b.atMs);
}

/**
 * Runs `router` on `call` as the platform would run the script node.
 * @returns {{ action: string | null, atMs: number | null, decision: object | null, runs: number }}
 *   the first move other than `wait` (null when the callee hung up first).
 */
export function runCall(call, router, seed) {
  const arrivals = arrivalsOf(simulateAmd(engineCall(call)), seed);
  const endMs = call.hangUpAtMs ?? Number.POSITIVE_INFINITY;
  const entries = [];
  let delivered = 0;
  let atMs = BOT_START_MS;
  let waitedMs = 0;
  let state;
  for (let runs = 1; atMs < endMs && runs <= MAX_RUNS; runs++) {
    for (let next = arrivals[delivered]; next !== undefined && next.atMs <= atMs; next = arrivals[++delivered])
      entries.push({ type: next.event.name, ...next.event.data });
    const decision = router(makeBotContext(entries), { amdRequested: true, waitedMs, state });
    if (decision.action !== "wait") return { action: decision.action, atMs, decision, runs };
    state = decision.state;
    atMs += decision.recheckAfterMs;
    waitedMs += decision.recheckAfterMs;
  }
  return { action: null, atMs: null, decision: null, runs: 0 };
}

export const toneShim = !READS_TONES;
