import countBy from "lodash-es/countBy.js";
import mapValues from "lodash-es/mapValues.js";
import type { AmdOutcome } from "../outcome/classify-amd.js";
import { situationOf } from "../vocabulary.js";
import type { CallSummary } from "./call-summary.js";
import { ABANDONMENT_LIMIT, type CampaignFigures } from "./campaign-figures.js";

const outcomeKey = (outcome: AmdOutcome): string => situationOf(outcome);
// Every count comes from the same list as its total, so a total is never 0 when there is a count.
const rates = (counts: Record<string, number>, total: number): Record<string, number> =>
  mapValues(counts, (count) => count / total);

/**
 * Campaign figures from call summaries: counts and rates per status, failure cause and
 * AMD outcome, and the abandonment risk: the share of live answers (answered, and AMD
 * found no machine) that Voice Gateway cut off, against the 3 % limit.
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
  const calls = summaries.length;
  const failed = summaries.filter((summary) => summary.status === "failed");
  const byStatus = countBy(summaries, (summary) => summary.status);
  const byFailureCause = countBy(failed, (summary) => summary.failureCause ?? "other");
  const byOutcome = countBy(summaries, (summary) => outcomeKey(summary.amd));
  const live = summaries.filter(
    (summary) => summary.status !== "failed" && summary.status !== "unknown" && summary.amd.kind !== "machine",
  );
  // A live answer has no machine evidence, so machineDetected cannot mark it; Voice Gateway cutting it off can.
  const routedAway = live.filter((summary) => summary.endedBy === "voice-gateway").length;
  const abandonmentRate = live.length === 0 ? 0 : routedAway / live.length;
  return {
    calls,
    byStatus,
    statusRates: rates(byStatus, calls),
    byFailureCause,
    failureCauseRates: rates(byFailureCause, failed.length),
    byOutcome,
    outcomeRates: rates(byOutcome, calls),
    machineDetected: summaries.filter((summary) => summary.machineDetected).length,
    liveAnswers: live.length,
    routedAwayFromPerson: routedAway,
    abandonmentRate,
    abandonmentLimit: ABANDONMENT_LIMIT,
    overAbandonmentLimit: abandonmentRate > ABANDONMENT_LIMIT,
  };
}
