import type { CallSummary } from "./call-summary.js";
import type { CampaignFigures } from "./campaign-figures.js";
import { CampaignTally } from "./campaign-tally.js";
import { IssueList } from "./issue-list.js";
import { readUsableSummaries } from "./usable-summaries.js";

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
  const tally = new CampaignTally();
  for (const call of readUsableSummaries(summaries, issues)) tally.add(call);
  return tally.figures(issues.lines());
}
