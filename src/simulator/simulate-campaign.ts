import mapValues from "lodash-es/mapValues.js";
import { type CallMetrics, callMetrics } from "./call-metrics.js";
import {
  ANSWERED_BY,
  type AnsweredBy,
  type CallScript,
  callScriptProblems,
  firstUtteranceEndOf,
  listProblems,
} from "./call-script.js";
import { engineEvents } from "./simulate-amd.js";
import {
  type RouterDecision,
  resolveOptions,
  runBot,
  type SimulatedCall,
  type SimulateOptions,
} from "./simulate-call.js";

/**
 * Under the FCC/FTC rule a person is abandoned unless the bot speaks or transfers
 * within this many ms of the end of their greeting.
 *
 * @example
 * ```ts
 * import { ABANDONMENT_WINDOW_MS } from "amd-flow/simulator";
 * ABANDONMENT_WINDOW_MS; // 2000
 * ```
 */
export const ABANDONMENT_WINDOW_MS = 2000;

/**
 * Calls and right moves for one kind of callee.
 *
 * @example
 * ```ts
 * import type { AnsweredByFigures } from "amd-flow/simulator";
 * const figures: AnsweredByFigures = { calls: 4, right: 3, rightRate: 0.75 };
 * ```
 */
export interface AnsweredByFigures {
  /** Calls this kind of callee answered. */
  readonly calls: number;
  /** Of those, calls where the bot's move was right. */
  readonly right: number;
  /** `right / calls`; 0 without calls. */
  readonly rightRate: number;
}

/**
 * What a policy did to a set of calls.
 *
 * @example
 * ```ts
 * import { simulateCampaign, type CampaignResult } from "amd-flow/simulator";
 * const result: CampaignResult = simulateCampaign([{ answeredBy: "nobody" }]);
 * result.rightRate; // 1
 * ```
 */
export interface CampaignResult {
  /** Calls simulated. */
  readonly calls: number;
  /** Calls where the bot's move was right (see `CallMetrics.right`). */
  readonly right: number;
  /** `right / calls`; 0 without calls. */
  readonly rightRate: number;
  /**
   * Persons abandoned: the bot did not speak or transfer within 2000 ms of the end of
   * their greeting (a person who hung up first counts when the hang-up came later than
   * that), or it hung up or left a voicemail on them.
   */
  readonly personsAbandoned: number;
  /** `personsAbandoned` over the calls a person answered; 0 without such calls. */
  readonly abandonmentRate: number;
  /** Voicemails begun before the greeting's end or the beep. */
  readonly clippedVoicemails: number;
  /** Persons' silence before the bot's move (nearest-rank percentiles); `null` without values. */
  readonly personSilenceMs: {
    /** The median. */
    readonly p50: number | null;
    /** The 95th percentile. */
    readonly p95: number | null;
    /** The longest. */
    readonly max: number | null;
  };
  /** From the beep (heard or missed) to the voicemail (nearest-rank percentiles); `null` without values. */
  readonly voicemailAfterBeepMs: {
    /** The median. */
    readonly p50: number | null;
    /** The 95th percentile. */
    readonly p95: number | null;
  };
  /** The same figures per kind of callee. */
  readonly byAnsweredBy: Readonly<Record<AnsweredBy, AnsweredByFigures>>;
}

/** What the figures need of one simulated call. */
interface Scored {
  readonly action: SimulatedCall["action"];
  readonly metrics: CallMetrics;
}

/** The nearest-rank percentile `p` (0–1) of `sorted`, or `null` when it is empty. */
function percentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
}

/**
 * Whether a person-answered call was abandoned: the bot did not speak or transfer within
 * {@link ABANDONMENT_WINDOW_MS} of the end of their greeting, or it hung up or left a
 * voicemail on them.
 */
export function personAbandoned(call: CallScript, result: Scored): boolean {
  if (result.action === null) {
    const greetingEnd = firstUtteranceEndOf(call) ?? 0;
    // No hang-up: the bot never moved on a call that went on.
    return (call.hangUpAtMs ?? Infinity) - greetingEnd > ABANDONMENT_WINDOW_MS;
  }
  if (result.action !== "continue" && result.action !== "transfer") return true;
  return (result.metrics.personSilenceMs as number) > ABANDONMENT_WINDOW_MS;
}

const rate = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/** A growing list of numbers, kept as doubles (8 bytes each). */
class Numbers {
  private values = new Float64Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  /** The values, sorted ascending. */
  sorted(): Float64Array {
    return this.values.subarray(0, this.length).sort();
  }
}

/** Campaign figures gathered one call at a time: a few counters and two lists of numbers, never the calls. */
export class CampaignTally {
  private readonly by = new Map<AnsweredBy, { calls: number; right: number }>(
    ANSWERED_BY.map((kind) => [kind, { calls: 0, right: 0 }]),
  );
  private calls = 0;
  private right = 0;
  private personsAbandoned = 0;
  private clippedVoicemails = 0;
  private readonly silences = new Numbers();
  private readonly afterBeep = new Numbers();

  /** Counts one call and how it went. */
  add(call: CallScript, result: Scored): void {
    const { metrics } = result;
    const figures = this.by.get(call.answeredBy) as { calls: number; right: number };
    this.calls++;
    figures.calls++;
    if (metrics.right) {
      this.right++;
      figures.right++;
    }
    if (call.answeredBy === "person" && personAbandoned(call, result)) this.personsAbandoned++;
    if (metrics.voicemailClipped) this.clippedVoicemails++;
    if (metrics.personSilenceMs !== undefined) this.silences.push(metrics.personSilenceMs);
    if (metrics.voicemailAfterBeepMs !== undefined) this.afterBeep.push(metrics.voicemailAfterBeepMs);
  }

  /** The figures of the calls counted so far. */
  result(): CampaignResult {
    const silences = this.silences.sorted();
    const afterBeep = this.afterBeep.sorted();
    const perKind = (kind: AnsweredBy): AnsweredByFigures => {
      const { calls, right } = this.by.get(kind) as { calls: number; right: number };
      return { calls, right, rightRate: rate(right, calls) };
    };
    return {
      calls: this.calls,
      right: this.right,
      rightRate: rate(this.right, this.calls),
      personsAbandoned: this.personsAbandoned,
      abandonmentRate: rate(this.personsAbandoned, perKind("person").calls),
      clippedVoicemails: this.clippedVoicemails,
      personSilenceMs: {
        p50: percentile(silences, 0.5),
        p95: percentile(silences, 0.95),
        max: silences.length === 0 ? null : (silences[silences.length - 1] as number),
      },
      voicemailAfterBeepMs: { p50: percentile(afterBeep, 0.5), p95: percentile(afterBeep, 0.95) },
      byAnsweredBy: mapValues(
        { person: 0, machine: 0, fax: 0, nobody: 0 } satisfies Record<AnsweredBy, number>,
        (_zero, kind) => perKind(kind as AnsweredBy),
      ),
    };
  }
}

/** The campaign figures of calls already simulated. */
export function campaignOf(calls: readonly CallScript[], results: readonly Scored[]): CampaignResult {
  const tally = new CampaignTally();
  calls.forEach((call, index) => {
    tally.add(call, results[index] as Scored);
  });
  return tally.result();
}

/**
 * Simulates every call under one policy or router ({@link simulateCall}) and scores the
 * lot: right moves, persons abandoned (no speech or transfer within 2 s of the end of
 * their greeting, or hung up on, or left a voicemail), clipped voicemails, persons'
 * silence and the time from beep to message.
 *
 * The options, the policy and every call script are checked before any call is
 * simulated, whether or not a call uses them. Call n (from 0) is simulated with seed
 * `seed + n`. Only the figures are kept, never the simulated calls: memory grows by 16
 * bytes per call at most (the silences and beep-to-message times the percentiles need),
 * and 10⁶ calls take well under a minute.
 *
 * @param calls - the call scripts.
 * @param policy - a policy or policy input; the default policy when absent. Leave it out with `options.router`.
 * @param options - see {@link SimulateOptions}; the same for every call.
 * @returns the campaign figures.
 * @throws PolicyError when `policy` is not valid; RangeError listing every problem for bad options or settings, or bad call scripts (each named by its place, `calls[3].speech[0].endMs`); what {@link simulateCall} throws for a bad router.
 * @example
 * ```ts
 * import { simulateCampaign } from "amd-flow/simulator";
 * const result = simulateCampaign([
 *   { answeredBy: "person", speech: [{ startMs: 400, endMs: 1000, text: "Hello?" }] },
 *   { answeredBy: "fax", beep: { atMs: 600, frequency: 1100 } },
 * ]);
 * result.right; // 2
 * result.abandonmentRate; // 0
 * ```
 */
export function simulateCampaign(
  calls: readonly CallScript[],
  policy?: unknown,
  options?: SimulateOptions<RouterDecision>,
): CampaignResult {
  const resolved = resolveOptions(policy, options);
  const problems: string[] = [];
  if (!Array.isArray(calls)) problems.push("calls: expected a list of call scripts");
  else for (let index = 0; index < calls.length; index++) callScriptProblems(calls[index], `calls[${index}]`, problems);
  if (problems.length > 0) throw new RangeError(`Bad call scripts: ${listProblems(problems)}`);
  const tally = new CampaignTally();
  calls.forEach((call, index) => {
    const end = runBot(call, engineEvents(call, resolved.settings), resolved, resolved.seed + index);
    tally.add(call, { action: end.action, metrics: callMetrics(call, end.action, end.actionAtMs, end.decision) });
  });
  return tally.result();
}
