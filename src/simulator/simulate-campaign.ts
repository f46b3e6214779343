import type { AnsweredBy, CallScript } from "./call-script.js";
import { firstUtteranceEndOf } from "./call-script.js";
import { checkedPolicy, type SimulatedCall, type SimulateOptions, simulateCall } from "./simulate-call.js";

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

/** The nearest-rank percentile `p` (0–1) of `sorted`, or `null` when it is empty. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
}

/**
 * Whether a person-answered call was abandoned: the bot did not speak or transfer within
 * {@link ABANDONMENT_WINDOW_MS} of the end of their greeting, or it hung up or left a
 * voicemail on them.
 */
export function personAbandoned(call: CallScript, result: SimulatedCall): boolean {
  if (result.action === null) {
    const greetingEnd = firstUtteranceEndOf(call) ?? 0;
    // No hang-up: the bot never moved on a call that went on (a policy that waits for ever).
    return (call.hangUpAtMs ?? Infinity) - greetingEnd > ABANDONMENT_WINDOW_MS;
  }
  if (result.action !== "continue" && result.action !== "transfer") return true;
  return (result.metrics.personSilenceMs as number) > ABANDONMENT_WINDOW_MS;
}

const rate = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
const ascending = (values: number[]): number[] => values.sort((a, b) => a - b);

/** The campaign figures of calls already simulated. */
export function campaignOf(calls: readonly CallScript[], results: readonly SimulatedCall[]): CampaignResult {
  const by: Record<AnsweredBy, { calls: number; right: number }> = {
    person: { calls: 0, right: 0 },
    machine: { calls: 0, right: 0 },
    fax: { calls: 0, right: 0 },
    nobody: { calls: 0, right: 0 },
  };
  let right = 0;
  let personsAbandoned = 0;
  let clippedVoicemails = 0;
  const silences: number[] = [];
  const afterBeep: number[] = [];
  calls.forEach((call, index) => {
    const result = results[index] as SimulatedCall;
    const { metrics } = result;
    const figures = by[call.answeredBy];
    figures.calls++;
    if (metrics.right) {
      right++;
      figures.right++;
    }
    if (call.answeredBy === "person" && personAbandoned(call, result)) personsAbandoned++;
    if (metrics.voicemailClipped) clippedVoicemails++;
    if (metrics.personSilenceMs !== undefined) silences.push(metrics.personSilenceMs);
    if (metrics.voicemailAfterBeepMs !== undefined) afterBeep.push(metrics.voicemailAfterBeepMs);
  });
  ascending(silences);
  ascending(afterBeep);
  const perKind = (kind: AnsweredBy): AnsweredByFigures => ({
    ...by[kind],
    rightRate: rate(by[kind].right, by[kind].calls),
  });
  return {
    calls: calls.length,
    right,
    rightRate: rate(right, calls.length),
    personsAbandoned,
    abandonmentRate: rate(personsAbandoned, by.person.calls),
    clippedVoicemails,
    personSilenceMs: {
      p50: percentile(silences, 0.5),
      p95: percentile(silences, 0.95),
      max: silences.length === 0 ? null : (silences[silences.length - 1] as number),
    },
    voicemailAfterBeepMs: { p50: percentile(afterBeep, 0.5), p95: percentile(afterBeep, 0.95) },
    byAnsweredBy: {
      person: perKind("person"),
      machine: perKind("machine"),
      fax: perKind("fax"),
      nobody: perKind("nobody"),
    },
  };
}

/**
 * Simulates every call under one policy ({@link simulateCall}) and scores the lot: right
 * moves, persons abandoned (no speech or transfer within 2 s of the end of their
 * greeting, or hung up on, or left a voicemail), clipped voicemails, persons' silence
 * and the time from beep to message.
 *
 * @param calls - the call scripts.
 * @param policy - a policy or policy input; the default policy when absent.
 * @param options - see {@link SimulateOptions}; the same for every call.
 * @returns the campaign figures.
 * @throws PolicyError when `policy` is not valid; RangeError for a bad option or setting.
 * @example
 * ```ts
 * import { simulateCampaign } from "amd-flow/simulator";
 * const result = simulateCampaign([
 *   { answeredBy: "person", speech: [{ startMs: 400, endMs: 1000, text: "Hello?" }] },
 *   { answeredBy: "fax", beep: { atMs: 600 } },
 * ]);
 * result.right; // 2
 * result.abandonmentRate; // 0
 * ```
 */
export function simulateCampaign(
  calls: readonly CallScript[],
  policy?: unknown,
  options?: SimulateOptions,
): CampaignResult {
  const chosen = checkedPolicy(policy);
  return campaignOf(
    calls,
    calls.map((call) => simulateCall(call, chosen, options)),
  );
}
