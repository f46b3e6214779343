import { AMD_EVENTS, type AmdEventName } from "../events.js";
import { isObjectLike, parseJsonText, readProp } from "../internal/safe.js";
import { isAmount, numericText } from "../vocabulary.js";

// The clock real payloads lack. Voice Gateway's AMD events carry no times, but the bot's
// script node runs again after every wait, so the flow itself can tell when it first saw
// each event: the state it hands back with each decision records that, and how long it
// has waited in all, and the next run reads it back.

/**
 * What the flow carries from one run of the bot's script node to the next: store
 * `decision.state` (in `context.amdState`, say) and pass it back as `options.state`.
 * Small and JSON-safe. With it amd-flow counts the waits itself (`waitedMs` is then
 * optional) and knows at which run it first saw each AMD event.
 *
 * @example
 * ```ts
 * import type { FlowState } from "amd-flow";
 * const state: FlowState = { version: 1, waitedMs: 1250, seenMs: { amd_machine_detected: 750 } };
 * ```
 */
export interface FlowState {
  /** The format of this state; always 1. */
  readonly version: 1;
  /** How long the flow will have waited on AMD in all when it next runs, in ms. */
  readonly waitedMs: number;
  /**
   * When the flow first saw each AMD event, as its `waitedMs` at that run; `-1` for an
   * event that was already there when the flow first looked (its age is unknown).
   */
  readonly seenMs: Readonly<Partial<Record<AmdEventName, number>>>;
}

/** The state's format version. */
const VERSION = 1;
/** No flow waits longer than this in all (each policy wait is at most an hour, and there are a few); a larger count is forged. */
const MAX_WAITED_MS = 24 * 60 * 60 * 1000;
/** Longer text cannot be a state: it is not parsed. */
const MAX_STATE_TEXT = 2000;
/** In `seenMs`: the event was there at the flow's first look. */
export const SEEN_BEFORE_FIRST_LOOK = -1;

/** When this run happens and when each event was first seen, as classification uses them. */
export interface Clock {
  /** The flow's waited time at this run. */
  readonly now: number;
  /** Whether a state from an earlier run was read: only then are events first seen now of known age. */
  readonly running: boolean;
  /** Per event, in `AMD_EVENTS` order: when first seen by an earlier run, or `undefined`. */
  readonly seen: readonly (number | undefined)[];
}

/** A first run: no earlier state. */
const NO_SEEN: readonly undefined[] = AMD_EVENTS.map(() => undefined);

/**
 * When the flow first saw the event at `index` (of `AMD_EVENTS`), the event being present
 * now: at this run when no earlier run saw it, {@link SEEN_BEFORE_FIRST_LOOK} on a first run.
 */
export function seenAt(clock: Clock, index: number): number {
  if (!clock.running) return SEEN_BEFORE_FIRST_LOOK;
  const seen = clock.seen[index];
  return seen === undefined ? clock.now : seen;
}

/** How long ago the flow first saw the event at `index`; `Infinity` when it was there before the flow first looked. */
export function ageOf(clock: Clock, index: number): number {
  const seen = seenAt(clock, index);
  return seen < 0 ? Infinity : clock.now - seen;
}

function problem(issues: string[] | undefined, why: string): void {
  issues?.push(`options.state: ${why}; read as the flow's first run`);
}

/** `options.waitedMs` when it is a usable count (a finite non-negative number, or a whole number as text). */
function givenWaitedMs(options: unknown): number | undefined {
  const raw = readProp(options, "waitedMs");
  const waited = numericText(raw);
  return isAmount(waited) && (typeof raw !== "string" || Number.isInteger(waited)) ? waited : undefined;
}

type SeenMs = { readonly [name in AmdEventName]?: unknown };

/**
 * `seenMs`'s value for each event, in `AMD_EVENTS` order: all read by name in one go
 * (each read keeps its own fast path), or, when a read throws, each read alone, guarded.
 */
function seenValues(seenMs: SeenMs): unknown[] {
  try {
    return [
      seenMs.amd_human_detected,
      seenMs.amd_machine_detected,
      seenMs.amd_no_speech_detected,
      seenMs.amd_decision_timeout,
      seenMs.amd_machine_stopped_speaking,
      seenMs.amd_tone_detected,
      seenMs.amd_error,
      seenMs.amd_stopped,
    ];
  } catch {
    return AMD_EVENTS.map((name) => readProp(seenMs, name));
  }
}

/**
 * The clock for this run, from `options.state` and `options.waitedMs`. A missing state
 * is a first run; a state that is not one this flow wrote (wrong shape, a count out of
 * range, an event seen after this run) is a first run too, reported in `issues`. `options.waitedMs`, when usable, is this run's time; otherwise
 * the state's count.
 */
export function readClock(options: unknown, issues?: string[]): Clock {
  // A count past any real wait is kept within the state's range, so the state stays readable.
  const given = givenWaitedMs(options);
  const waited = given === undefined ? undefined : Math.min(given, MAX_WAITED_MS);
  let state = readProp(options, "state");
  const first: Clock = { now: waited ?? 0, running: false, seen: NO_SEEN };
  if (state === undefined || state === null) return first;
  if (typeof state === "string") {
    state = state.length <= MAX_STATE_TEXT ? parseJsonText(state) : undefined;
  }
  if (!isObjectLike(state) || readProp(state, "version") !== VERSION) {
    problem(issues, "expected the state of an earlier decision (decision.state)");
    return first;
  }
  const count = readProp(state, "waitedMs");
  if (!isAmount(count) || count > MAX_WAITED_MS) {
    problem(issues, "its waitedMs is not a count of milliseconds");
    return first;
  }
  const now = waited ?? count;
  const seenMs = readProp(state, "seenMs");
  if (!isObjectLike(seenMs)) {
    problem(issues, "its seenMs is not an object");
    return first;
  }
  // Only the eight names are read: a forged object with a million keys costs nothing more.
  const seen = seenValues(seenMs as SeenMs);
  for (let index = 0; index < seen.length; index++) {
    const at = seen[index];
    if (at !== undefined && at !== SEEN_BEFORE_FIRST_LOOK && !(isAmount(at) && at <= now)) {
      problem(issues, `its seenMs.${AMD_EVENTS[index]} is not a time of an earlier run`);
      return first;
    }
  }
  return { now, running: true, seen: seen as (number | undefined)[] };
}

/**
 * The state to hand back: the events present now (`present`: their names, anything else
 * left out), each with
 * when the flow first saw it, and the waited count at the next run (`waitMs` later, 0
 * for a final move).
 */
export function nextState(clock: Clock, present: readonly unknown[], waitMs: number): FlowState {
  const seenMs: Partial<Record<AmdEventName, number>> = {};
  for (const name of present) {
    // Only event names count (a hand-made outcome's evidence may hold anything); a repeat sets the same time.
    const index = AMD_EVENTS.indexOf(name as AmdEventName);
    if (index !== -1) seenMs[name as AmdEventName] = seenAt(clock, index);
  }
  // A wait happens only below its limit (an hour at most), so the count stays far within MAX_WAITED_MS.
  return { version: VERSION, waitedMs: clock.now + waitMs, seenMs };
}
