// The documented script-node loop over one simulated call, with a router in the bot's
// place: simulateCall's own loop (amd-flow/simulator), which hands the bot what the
// platform sends (entries `{ type, ...data }`, no times, in arrival order, each event
// delivered `deliveryDelayMs` plus a seeded jitter after it is emitted), runs the script
// node first at 300 ms and again after each wait's `recheckAfterMs`, and carries `state`.
import {
  DEFAULT_BOT_START_MS,
  DEFAULT_DELIVERY_DELAY_MS,
  DEFAULT_DELIVERY_JITTER_MS,
  simulateCall,
} from "../../dist/simulator.js";

export const BOT_START_MS = DEFAULT_BOT_START_MS;
export const DELIVERY_DELAY_MS = DEFAULT_DELIVERY_DELAY_MS;
export const DELIVERY_JITTER_MS = DEFAULT_DELIVERY_JITTER_MS;

/** Every tone of a call script, by time: its `beep` and its `tones`. */
export const tonesOf = (call) =>
  [...(call.beep === undefined ? [] : [call.beep]), ...(call.tones ?? [])].sort((a, b) => a.atMs - b.atMs);

/**
 * Runs `router` on `call` as the platform would run the script node.
 * @returns {{ action: string | null, atMs: number | null, decision: object | null, runs: number }}
 *   the first move other than `wait` (null when the callee hung up first).
 */
export function runCall(call, router, seed) {
  const result = simulateCall(call, undefined, { router, seed });
  const last = result.steps.at(-1);
  return {
    action: result.action,
    atMs: result.actionAtMs,
    decision: result.action === null ? null : (last?.decision ?? null),
    runs: result.steps.length,
  };
}
