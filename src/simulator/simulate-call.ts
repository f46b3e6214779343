import { isCheckedPolicy, type Policy, parsePolicy, type RouteAction, type RouteDecision, routeCall } from "../core.js";
import { makeBotContext } from "../fixtures/bot-context.js";
import type { AmdEventEntry } from "../reading/schemas.js";
import type { AmdSettings } from "./amd-settings.js";
import { type CallMetrics, callMetrics } from "./call-metrics.js";
import type { CallScript } from "./call-script.js";
import { deliver } from "./delivery.js";
import { simulateAmd, type TimedAmdEvent } from "./simulate-amd.js";

/**
 * How the bot and the platform are simulated. Every field is optional.
 *
 * @example
 * ```ts
 * import type { SimulateOptions } from "amd-flow/simulator";
 * const options: SimulateOptions = { botStartMs: 500, deliveryDelayMs: 150, settings: { thresholdWordCount: 7 } };
 * ```
 */
export interface SimulateOptions {
  /** When the bot's script node first runs, in ms from the answer. Default 300. */
  readonly botStartMs?: number;
  /** How long an AMD event takes to reach the bot's session. Default 100. */
  readonly deliveryDelayMs?: number;
  /** The AMD engine's settings, for `simulateAmd`. Default: the engine's. */
  readonly settings?: AmdSettings;
  /** Passed to `routeCall`: the dial-out asked for AMD. Default `true`, or `false` when the call says `amd: false`. */
  readonly amdRequested?: boolean;
  /** Shuffles arrival order: each event reaches the session a further random part of `deliveryDelayMs` late. Default: no shuffle. */
  readonly seed?: number;
}

/**
 * When the bot's script node first runs by default, in ms from the answer: the
 * platform connects the bot a moment after the call is answered.
 *
 * @example
 * ```ts
 * import { DEFAULT_BOT_START_MS } from "amd-flow/simulator";
 * DEFAULT_BOT_START_MS; // 300
 * ```
 */
export const DEFAULT_BOT_START_MS = 300;

/**
 * How long an AMD event takes to reach the bot's session by default, in ms.
 *
 * @example
 * ```ts
 * import { DEFAULT_DELIVERY_DELAY_MS } from "amd-flow/simulator";
 * DEFAULT_DELIVERY_DELAY_MS; // 100
 * ```
 */
export const DEFAULT_DELIVERY_DELAY_MS = 100;

/**
 * One run of the bot's script node: when, and what `routeCall` decided.
 *
 * @example
 * ```ts
 * import { simulateCall, type BotStep } from "amd-flow/simulator";
 * const [first]: readonly BotStep[] = simulateCall({ answeredBy: "nobody" }).steps;
 * first?.atMs; // 300
 * ```
 */
export interface BotStep {
  /** When the script node ran, in ms from the answer. */
  readonly atMs: number;
  /** What it decided. */
  readonly decision: RouteDecision;
}

/**
 * One simulated call: what AMD emitted, each run of the bot, the bot's move and how it went.
 *
 * @example
 * ```ts
 * import { simulateCall, type SimulatedCall } from "amd-flow/simulator";
 * const result: SimulatedCall = simulateCall({ answeredBy: "fax", beep: { atMs: 600 } });
 * result.action; // "hang-up"
 * ```
 */
export interface SimulatedCall {
  /** What AMD emitted, by time. */
  readonly events: readonly TimedAmdEvent[];
  /** Each run of the script node, by time. */
  readonly steps: readonly BotStep[];
  /** The first move other than `wait`; `null` when the callee hung up first. */
  readonly action: Exclude<RouteAction, "wait"> | null;
  /** When that move was made; `null` with a `null` action. */
  readonly actionAtMs: number | null;
  /** How the call went. */
  readonly metrics: CallMetrics;
}

/** More script-node runs than any valid policy needs on one call; a guard, never reached by real scripts. */
const MAX_STEPS = 100_000;

/** `policy` as a checked policy: the default when absent; throws `PolicyError` when it is not valid. */
export function checkedPolicy(policy: unknown): Policy {
  return isCheckedPolicy(policy) ? policy : parsePolicy(policy);
}

function nonNegativeOption(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && value >= 0 && Number.isFinite(value)) return value;
  throw new RangeError(`Bad simulator options: ${name}: expected a number ≥ 0`);
}

function entryOf(event: TimedAmdEvent): AmdEventEntry {
  return { type: event.name, atMs: event.atMs, ...event.data } as AmdEventEntry;
}

/**
 * Simulates one call: AMD's events ({@link simulateAmd}) reach the bot's session
 * `deliveryDelayMs` after they are emitted; the bot's script node first runs at
 * `botStartMs` and calls `routeCall` on a context holding the events delivered so far
 * (objects `{ type, atMs, ...data }`, in arrival order), with `waitedMs` and
 * `amdRequested`; after each `wait` it runs again `recheckAfterMs` later, adding that
 * to `waitedMs`. The first other move ends the simulation, as does the callee hanging up.
 *
 * @param call - the call script.
 * @param policy - a policy or policy input; the default policy when absent.
 * @param options - see {@link SimulateOptions} for each default.
 * @returns the events, the bot's steps, its move and the call's metrics.
 * @throws PolicyError when `policy` is not valid; RangeError for a bad option or setting.
 * @example
 * ```ts
 * import { simulateCall } from "amd-flow/simulator";
 * const result = simulateCall({ answeredBy: "person", speech: [{ startMs: 400, endMs: 1000, text: "Hello?" }] });
 * result.action; // "continue"
 * result.metrics.personSilenceMs; // 700
 * ```
 */
export function simulateCall(call: CallScript, policy?: unknown, options: SimulateOptions = {}): SimulatedCall {
  const chosen = checkedPolicy(policy);
  const botStartMs = nonNegativeOption(options.botStartMs, DEFAULT_BOT_START_MS, "botStartMs");
  const deliveryDelayMs = nonNegativeOption(options.deliveryDelayMs, DEFAULT_DELIVERY_DELAY_MS, "deliveryDelayMs");
  const amdRequested = options.amdRequested ?? call.amd !== false;
  const events = simulateAmd(call, options.settings);
  const arrivals = deliver(events, deliveryDelayMs, options.seed);
  const endMs = call.hangUpAtMs ?? Infinity;
  const steps: BotStep[] = [];
  const entries: AmdEventEntry[] = [];
  let delivered = 0;
  let atMs = botStartMs;
  let waitedMs = 0;
  let last: RouteDecision | undefined;
  while (atMs < endMs && steps.length < MAX_STEPS) {
    const before = delivered;
    for (let next = arrivals[delivered]; next !== undefined && next.atMs <= atMs; next = arrivals[++delivered])
      entries.push(entryOf(next.event));
    // Nothing new arrived and the wait's limit is not reached: routeCall would give the
    // same wait again (a wait decision does not depend on waitedMs below its limit).
    const decision =
      last !== undefined && delivered === before && waitedMs < (last.maxWaitMs as number)
        ? last
        : routeCall(makeBotContext(entries), chosen, { waitedMs, amdRequested });
    steps.push({ atMs, decision });
    if (decision.action !== "wait") {
      return {
        events,
        steps,
        action: decision.action,
        actionAtMs: atMs,
        metrics: callMetrics(call, decision.action, atMs, decision),
      };
    }
    last = decision;
    // A wait decision always carries recheckAfterMs: the fallback only satisfies the type.
    const recheck = decision.recheckAfterMs ?? 1000;
    atMs += recheck;
    waitedMs += recheck;
  }
  return { events, steps, action: null, actionAtMs: null, metrics: callMetrics(call, null, null, null) };
}
