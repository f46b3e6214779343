import type { CallSummary } from "./call-summary.js";
import { ABANDONMENT_LIMIT, type CampaignFigures } from "./campaign-figures.js";
import { IssueList } from "./issue-list.js";
import { type CountedCall, readUsableSummaries } from "./usable-summaries.js";

/** Counts by key, as a plain record; keys are the vocabulary's words, never outside text. */
function countBy(calls: readonly CountedCall[], key: (call: CountedCall) => string): Record<string, number> {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(key(call), (counts.get(key(call)) ?? 0) + 1);
  const record: Record<string, number> = {};
  for (const [name, count] of counts) record[name] = count;
  return record;
}

// Every count comes from the same list as its total, so a total is never 0 when there is a count.
function rates(counts: Readonly<Record<string, number>>, total: number): Record<string, number> {
  const record: Record<string, number> = {};
  for (const [name, count] of Object.entries(counts)) record[name] = count / total;
  return record;
}

/** A person may have been there: answered, and AMD found neither a machine nor a fax. */
const isLiveAnswer = (call: CountedCall): boolean =>
  call.status !== "failed" && call.status !== "unknown" && call.kind !== "machine" && call.kind !== "fax";

/**
 * Campaign figures from call summaries: counts and rates per status, failure cause and
 * AMD outcome, and the live answers cut off as far as notifications show: those Voice
 * Gateway ended, and those the bot ended without a human verdict from AMD. That is not
 * the abandonment rate (notifications do not say whether the bot spoke first); for a
 * policy's abandonment rate use `simulateCampaign` from `amd-flow/simulator`. Never
 * throws: entries that are not summaries are listed in `issues` and left out, and at
 * most {@link MAX_SUMMARIES} are read.
 *
 * @param summaries - what {@link summarizeCall} returned for each call.
 * @returns the {@link CampaignFigures}.
 * @example
 * ```ts
 * import { summarizeCall, summarizeCalls } from "amd-flow/dialer";
 * const figures = summarizeCalls([summarizeCall([{ conversationId: "c1", status: "Failed", reason: "486 Busy Here" }])]);
 * figures.byFailureCause; // { busy: 1 }
 * ```
 */
export function summarizeCalls(summaries: readonly CallSummary[]): CampaignFigures {
  const issues = new IssueList();
  const calls = readUsableSummaries(summaries, issues);
  const failed = calls.filter((call) => call.status === "failed");
  const byStatus = countBy(calls, (call) => call.status);
  const byFailureCause = countBy(failed, (call) => call.failureCause);
  const byOutcome = countBy(calls, (call) => call.situation);
  const live = calls.filter(isLiveAnswer);
  const byGateway = live.filter((call) => call.endedBy === "voice-gateway").length;
  const byBot = live.filter((call) => call.endedBy === "bot" && call.kind !== "human").length;
  const cutOffRate = live.length === 0 ? 0 : (byGateway + byBot) / live.length;
  return {
    calls: calls.length,
    byStatus,
    statusRates: rates(byStatus, calls.length),
    byFailureCause,
    failureCauseRates: rates(byFailureCause, failed.length),
    byOutcome,
    outcomeRates: rates(byOutcome, calls.length),
    machineDetected: calls.filter((call) => call.machineDetected).length,
    liveAnswers: live.length,
    liveAnswersEndedByGateway: byGateway,
    liveAnswersEndedByBotWithoutHumanVerdict: byBot,
    liveAnswersCutOff: byGateway + byBot,
    cutOffRate,
    abandonmentLimit: ABANDONMENT_LIMIT,
    overAbandonmentLimit: cutOffRate > ABANDONMENT_LIMIT,
    routedAwayFromPerson: byGateway,
    abandonmentRate: cutOffRate,
    issues: issues.lines(),
  };
}
