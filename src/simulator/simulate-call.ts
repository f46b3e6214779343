import {
  isCheckedPolicy,
  type Policy,
  parsePolicy,
  ROUTE_ACTIONS,
  type RouteAction,
  type RouteDecision,
  type RouteOptions,
  routeCall,
} from "../core.js";
import type { AmdEventEntry } from "../reading/schemas.js";
import { type AmdSettings, amdSettingsProblems, type ResolvedAmdSettings } from "./amd-settings.js";
import { type CallMetrics, callMetrics } from "./call-metrics.js";
import { type CallScript, callScriptProblems, listProblems } from "./call-script.js";
import { deliver } from "./delivery.js";
import { engineEvents, type TimedAmdEvent } from "./simulate-amd.js";

/**
 * What the bot's routing function is given besides the context, on each run of the
 * script node.
 *
 * @example
 * ```ts
 * import type { RouterOptions } from "amd-flow/simulator";
 * const first: RouterOptions = { amdRequested: true, waitedMs: 0, state: undefined };
 * ```
 */
export interface RouterOptions {
  /** The dial-out asked for AMD. */
  readonly amdRequested: boolean;
  /** How long the flow has waited on AMD so far: the sum of every `recheckAfterMs` waited. */
  readonly waitedMs: number;
  /** The previous run's `decision.state`; `undefined` on the first run. */
  readonly state: unknown;
}

/**
 * What a routing function returns: at least an action, and with `wait` when to run
 * again; `state` is carried to the next run; anything else is kept in the steps.
 *
 * @example
 * ```ts
 * import type { RouterDecision } from "amd-flow/simulator";
 * const waiting: RouterDecision = { action: "wait", recheckAfterMs: 500 };
 * ```
 */
export interface RouterDecision {
  /** What the bot does now. */
  readonly action: RouteAction;
  /** With `wait`: run again after this many ms (1 to 600000). */
  readonly recheckAfterMs?: number;
  /** What the next run is given as `options.state`. */
  readonly state?: unknown;
}

/**
 * The bot's routing function: what its script node computes from the bot `context`
 * the platform holds. The default is amd-flow's `routeCall` with the policy given to
 * the simulation; any other (another version's bot file, a hand-written switch, the
 * platform's disconnect mode) can be scored in its place.
 *
 * @example
 * ```ts
 * import type { Router } from "amd-flow/simulator";
 * // The platform's "disconnect" mode: hang up on a machine verdict or a tone, else talk.
 * const disconnect: Router = (context) => {
 *   const events = JSON.stringify(context);
 *   return { action: /amd_machine_detected|amd_tone_detected/.test(events) ? "hang-up" : "continue" };
 * };
 * ```
 */
export type Router<D extends RouterDecision = RouterDecision> = (context: unknown, options: RouterOptions) => D;

/**
 * How the bot and the platform are simulated. Every field is optional; a bad one is
 * refused with one `RangeError` listing every problem (settings included), even when no
 * call would use it.
 *
 * @example
 * ```ts
 * import type { SimulateOptions } from "amd-flow/simulator";
 * const options: SimulateOptions = { botStartMs: 500, deliveryDelayMs: 150, settings: { thresholdWordCount: 7 } };
 * ```
 */
export interface SimulateOptions<D extends RouterDecision = RouteDecision> {
  /** When the bot's script node first runs, in ms from the answer. Default 300. */
  readonly botStartMs?: number;
  /** How long an AMD event takes to reach the bot's session at least. Default 100. */
  readonly deliveryDelayMs?: number;
  /**
   * Each event reaches the session up to this much later again, at random (seeded): events
   * emitted closer together than this may arrive in either order. Default 200.
   */
  readonly deliveryJitterMs?: number;
  /** The seed of that randomness (a whole number): the same seed gives the same arrivals. Default 1; a campaign gives its n-th call (from 0) `seed + n`. */
  readonly seed?: number;
  /** The AMD engine's settings, for `simulateAmd`. Default: the engine's. */
  readonly settings?: AmdSettings;
  /** Given to the router: the dial-out asked for AMD. Default `true`, or `false` when the call says `amd: false`. */
  readonly amdRequested?: boolean;
  /**
   * The bot's routing function, in place of `routeCall` with the policy (then give no
   * policy). It is called on each run with the bot context and `{ amdRequested,
   * waitedMs, state }`. The context is one object for the whole call, updated as events
   * arrive, as the platform's session is: `session.UserSession.amdInfo.amdEvents` holds
   * the events delivered so far (`{ type, ...data }`, in arrival order) and `amd` the
   * latest one's name; a router may keep values of its own on it.
   */
  readonly router?: Router<D>;
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
 * How long an AMD event takes at least to reach the bot's session by default, in ms.
 *
 * @example
 * ```ts
 * import { DEFAULT_DELIVERY_DELAY_MS } from "amd-flow/simulator";
 * DEFAULT_DELIVERY_DELAY_MS; // 100
 * ```
 */
export const DEFAULT_DELIVERY_DELAY_MS = 100;

/**
 * How much later again, at most, an AMD event may reach the bot's session by default,
 * in ms: each event is posted on its own, unawaited, so events emitted close together
 * may arrive in either order. An assumption (a few hundred ms), not a measurement.
 *
 * @example
 * ```ts
 * import { DEFAULT_DELIVERY_JITTER_MS } from "amd-flow/simulator";
 * DEFAULT_DELIVERY_JITTER_MS; // 200
 * ```
 */
export const DEFAULT_DELIVERY_JITTER_MS = 200;

/**
 * The seed of the delivery jitter by default: simulations are reproducible.
 *
 * @example
 * ```ts
 * import { DEFAULT_SEED } from "amd-flow/simulator";
 * DEFAULT_SEED; // 1
 * ```
 */
export const DEFAULT_SEED = 1;

/**
 * One run of the bot's script node: when, and what the router decided.
 *
 * @example
 * ```ts
 * import { simulateCall, type BotStep } from "amd-flow/simulator";
 * const [first]: readonly BotStep[] = simulateCall({ answeredBy: "nobody" }).steps;
 * first?.atMs; // 300
 * ```
 */
export interface BotStep<D extends RouterDecision = RouteDecision> {
  /** When the script node ran, in ms from the answer. */
  readonly atMs: number;
  /** What it decided. */
  readonly decision: D;
}

/**
 * One simulated call: what AMD emitted, each run of the bot, the bot's move and how it went.
 *
 * @example
 * ```ts
 * import { simulateCall, type SimulatedCall } from "amd-flow/simulator";
 * const result: SimulatedCall = simulateCall({ answeredBy: "fax", beep: { atMs: 600, frequency: 1100 } });
 * result.action; // "hang-up"
 * ```
 */
export interface SimulatedCall<D extends RouterDecision = RouteDecision> {
  /** What AMD emitted, by time. */
  readonly events: readonly TimedAmdEvent[];
  /** Each run of the script node, by time. */
  readonly steps: readonly BotStep<D>[];
  /** The first move other than `wait`; `null` when the callee hung up first. */
  readonly action: Exclude<RouteAction, "wait"> | null;
  /** When that move was made; `null` with a `null` action. */
  readonly actionAtMs: number | null;
  /** How the call went. */
  readonly metrics: CallMetrics;
}

/** The longest a valid policy waits in all (`maxWaitMs` ≤ 1 h), plus its longest recheck (10 min). */
export const MAX_WAITED_MS = 3_600_000 + 600_000;
const MAX_RECHECK_MS = 600_000;

/** `policy` as a checked policy: the default when absent; throws `PolicyError` when it is not valid. */
export function checkedPolicy(policy: unknown): Policy {
  return isCheckedPolicy(policy) ? policy : parsePolicy(policy);
}

/** Options checked and filled in. */
export interface ResolvedOptions<D extends RouterDecision> {
  readonly botStartMs: number;
  readonly deliveryDelayMs: number;
  readonly deliveryJitterMs: number;
  readonly seed: number;
  readonly settings: ResolvedAmdSettings;
  readonly amdRequested: boolean | undefined;
  readonly router: Router<D>;
}

const OPTIONS = [
  "botStartMs",
  "deliveryDelayMs",
  "deliveryJitterMs",
  "seed",
  "settings",
  "amdRequested",
  "router",
] as const;

function nonNegative(value: unknown, fallback: number, name: string, problems: string[]): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && value >= 0 && Number.isFinite(value)) return value;
  problems.push(`${name}: expected a number ≥ 0`);
  return fallback;
}

/**
 * The options with defaults filled in and the router to call (`routeCall` with
 * `policy` unless a router is given); throws `PolicyError` for a bad policy, then one
 * `RangeError` listing every bad option and setting.
 */
export function resolveOptions<D extends RouterDecision>(
  policy: unknown,
  options: SimulateOptions<D> | undefined,
): ResolvedOptions<D> {
  const problems: string[] = [];
  let given: Record<string, unknown> = {};
  if (isRecordLike(options)) given = options as Record<string, unknown>;
  else if (options !== undefined) problems.push("options: expected an object");
  const read = (key: (typeof OPTIONS)[number]): unknown => given[key];
  for (const key of Object.keys(given))
    if ((OPTIONS as readonly string[]).indexOf(key) === -1)
      problems.push(`${JSON.stringify(key).slice(1, -1)}: unknown option`);
  const seed = read("seed") ?? DEFAULT_SEED;
  if (!(typeof seed === "number" && Number.isSafeInteger(seed))) problems.push("seed: expected a whole number");
  const amdRequested = read("amdRequested");
  if (amdRequested !== undefined && typeof amdRequested !== "boolean")
    problems.push("amdRequested: expected true or false");
  const router = read("router");
  if (router !== undefined && typeof router !== "function") problems.push("router: expected a function");
  if (router !== undefined && policy !== undefined)
    problems.push("router: replaces the policy, so the policy must be left out (pass undefined)");
  const resolved = {
    botStartMs: nonNegative(read("botStartMs"), DEFAULT_BOT_START_MS, "botStartMs", problems),
    deliveryDelayMs: nonNegative(read("deliveryDelayMs"), DEFAULT_DELIVERY_DELAY_MS, "deliveryDelayMs", problems),
    deliveryJitterMs: nonNegative(read("deliveryJitterMs"), DEFAULT_DELIVERY_JITTER_MS, "deliveryJitterMs", problems),
    seed: typeof seed === "number" ? seed : DEFAULT_SEED,
    settings: amdSettingsProblems(read("settings"), "settings", problems),
    amdRequested: typeof amdRequested === "boolean" ? amdRequested : undefined,
  };
  // A bad policy is its own error (PolicyError), reported before the options.
  const chosen = router === undefined ? checkedPolicy(policy) : undefined;
  if (problems.length > 0) throw new RangeError(`Bad simulator options: ${listProblems(problems)}`);
  return {
    ...resolved,
    router:
      (router as Router<D> | undefined) ??
      ((context, routeOptions) => routeCall(context, chosen, routeOptions as RouteOptions) as unknown as D),
  };
}

function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function entryOf(event: TimedAmdEvent): AmdEventEntry {
  // Exactly the engine's payload: no time field.
  return { type: event.name, ...event.data } as AmdEventEntry;
}

/** A short, one-line picture of what a router returned, for an error. */
function preview(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "function" ? "a function" : (JSON.stringify(value) ?? String(value));
  } catch {
    text = `a ${typeof value} that cannot be shown`;
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** `value` when it is a decision the loop can follow; otherwise throws a `TypeError` saying why. */
function checkedDecision<D extends RouterDecision>(value: unknown, atMs: number): D {
  const action = isRecordLike(value) ? value["action"] : undefined;
  const recheck = isRecordLike(value) ? value["recheckAfterMs"] : undefined;
  const valid =
    typeof action === "string" &&
    (ROUTE_ACTIONS as readonly string[]).indexOf(action) !== -1 &&
    (action !== "wait" || (typeof recheck === "number" && recheck >= 1 && recheck <= MAX_RECHECK_MS));
  if (!valid)
    throw new TypeError(
      `router: returned ${preview(value)} at ${atMs} ms, which is not a decision: expected { action } with an action among ${ROUTE_ACTIONS.join(", ")}, and with "wait" a recheckAfterMs from 1 to ${MAX_RECHECK_MS} ms`,
    );
  return value as unknown as D;
}

/**
 * Whether two decision values are equal as data: the same primitive, or arrays and
 * plain objects with equal entries. (lodash's isEqual does this too, but compares a
 * decision in about ten times the time, and the check runs on every run of a long wait.)
 */
function sameData(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length) return false;
    for (let index = 0; index < x.length; index++) if (!sameData(x[index], y[index])) return false;
    return true;
  }
  if (Array.isArray(y) || Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return false;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys)
    if (!sameData((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key])) return false;
  return true;
}

/** Two waits that decide the same, `state` apart (the flow's count of its own runs). */
function sameWait(a: RouterDecision, b: RouterDecision): boolean {
  if (a.action !== "wait" || b.action !== "wait" || a.recheckAfterMs !== b.recheckAfterMs) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys)
    if (
      key !== "state" &&
      !sameData((a as unknown as Record<string, unknown>)[key], (b as unknown as Record<string, unknown>)[key])
    )
      return false;
  return true;
}

/** The end of one call's loop: the move (or none), when, and on which decision. */
export interface CallEnd<D extends RouterDecision> {
  readonly action: Exclude<RouteAction, "wait"> | null;
  readonly actionAtMs: number | null;
  readonly decision: D | null;
}

/**
 * Runs past which a wait that decides as the previous run did (its `state` apart) shares
 * that run's decision object in `steps`.
 */
export const STEPS_KEPT_WHOLE = 10_000;

/**
 * Runs the bot's script node on `events` until it moves or the callee hangs up. With
 * `steps`, records each run there; past the first {@link STEPS_KEPT_WHOLE} runs,
 * consecutive waits that decide the same apart from `state` share one decision object,
 * so memory stops growing with the decisions.
 */
export function runBot<D extends RouterDecision>(
  call: CallScript,
  events: readonly TimedAmdEvent[],
  options: ResolvedOptions<D>,
  seed: number,
  steps?: BotStep<D>[],
): CallEnd<D> {
  const arrivals = deliver(events, options.deliveryDelayMs, options.deliveryJitterMs, seed);
  const amdRequested = options.amdRequested ?? call.amd !== false;
  const endMs = call.hangUpAtMs ?? Infinity;
  // One context for the call, updated as events arrive, as the platform's session is.
  const entries: AmdEventEntry[] = [];
  const session: { amd?: string; amdInfo: { amdEvents: AmdEventEntry[] } } = { amdInfo: { amdEvents: entries } };
  const context = { session: { UserSession: session } };
  let delivered = 0;
  let atMs = options.botStartMs;
  let waitedMs = 0;
  let state: unknown;
  let previous: D | undefined;
  while (atMs < endMs) {
    for (let next = arrivals[delivered]; next !== undefined && next.atMs <= atMs; next = arrivals[++delivered]) {
      entries.push(entryOf(next.event));
      // The platform keeps the latest event's name in `amd`.
      session.amd = next.event.name;
    }
    let returned: unknown;
    try {
      returned = options.router(context, { amdRequested, waitedMs, state });
    } catch (error) {
      const message = error instanceof Error ? error.message : preview(error);
      throw new Error(`router: threw at ${atMs} ms: ${message}`, { cause: error });
    }
    const decision = checkedDecision<D>(returned, atMs);
    if (steps !== undefined) {
      const kept =
        previous !== undefined && steps.length >= STEPS_KEPT_WHOLE && sameWait(previous, decision)
          ? previous
          : decision;
      steps.push({ atMs, decision: kept });
      previous = kept;
    }
    if (decision.action !== "wait") return { action: decision.action, actionAtMs: atMs, decision };
    if (waitedMs >= MAX_WAITED_MS)
      throw new RangeError(
        `router: still waiting at ${atMs} ms after waiting ${waitedMs} ms in all; a valid policy stops waiting within ${MAX_WAITED_MS} ms (maxWaitMs at most 3600000, plus one recheck)`,
      );
    state = decision.state;
    const recheck = decision.recheckAfterMs as number;
    atMs += recheck;
    waitedMs += recheck;
  }
  return { action: null, actionAtMs: null, decision: null };
}

/**
 * Simulates one call: AMD's events ({@link simulateAmd}) reach the bot's session
 * `deliveryDelayMs` after they are emitted, plus a seeded jitter of up to
 * `deliveryJitterMs` (so events emitted together may arrive in either order). The bot's
 * script node first runs at `botStartMs` and calls the router (by default `routeCall`
 * with `policy`) on a context holding the events delivered so far, exactly the
 * platform's payloads `{ type, ...data }` in arrival order (no times: the platform sends
 * none), with `{ amdRequested, waitedMs, state }`: `state` is the previous decision's
 * `state` (`undefined` on the first run), as a bot stores `context.amdState =
 * decision.state` and passes it back. After each `wait` it runs again `recheckAfterMs`
 * later, adding that to `waitedMs`. The first other move ends the simulation, as does
 * the callee hanging up.
 *
 * Every valid policy ends where its waits end: a wait rechecks after at least 1 ms and
 * stops waiting after at most 1 h, so one call runs the script node at most 3.6 million
 * times. `steps` keeps one entry per run, each with its own decision for the first
 * 10 000 runs; past them, a wait that decides as the run before it did (`state` apart)
 * shares that run's decision object, so a policy that rechecks every millisecond for
 * an hour costs about 100 MB, not gigabytes.
 *
 * @param call - the call script.
 * @param policy - a policy or policy input; the default policy when absent. Leave it out with `options.router`.
 * @param options - see {@link SimulateOptions} for each default.
 * @returns the events, the bot's steps, its move and the call's metrics.
 * @throws PolicyError when `policy` is not valid; RangeError listing every problem for a bad call script, option or setting, or a router still waiting after 70 minutes; TypeError for a router that returns something that is not a decision; Error (its `cause` the original) for a router that throws.
 * @example
 * ```ts
 * import { simulateCall } from "amd-flow/simulator";
 * const result = simulateCall({ answeredBy: "person", speech: [{ startMs: 400, endMs: 1000, text: "Hello?" }] });
 * result.action; // "continue"
 * // Score another router: here, talk at once whatever AMD says.
 * simulateCall({ answeredBy: "nobody" }, undefined, { router: () => ({ action: "continue" }) }).actionAtMs; // 300
 * ```
 */
export function simulateCall<D extends RouterDecision = RouteDecision>(
  call: CallScript,
  policy?: unknown,
  options?: SimulateOptions<D>,
): SimulatedCall<D> {
  const resolved = resolveOptions(policy, options);
  const problems: string[] = [];
  callScriptProblems(call, "call", problems);
  if (problems.length > 0) throw new RangeError(`Bad call script: ${listProblems(problems)}`);
  const events = engineEvents(call, resolved.settings);
  const steps: BotStep<D>[] = [];
  const end = runBot(call, events, resolved, resolved.seed, steps);
  return {
    events,
    steps,
    action: end.action,
    actionAtMs: end.actionAtMs,
    metrics: callMetrics(call, end.action, end.actionAtMs, end.decision),
  };
}
