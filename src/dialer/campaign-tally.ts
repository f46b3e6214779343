import { mapValues } from "lodash-es";
import { ABANDONMENT_LIMIT, type CampaignFigures } from "./campaign-figures.js";
import type { CountedCall } from "./usable-summaries.js";

/** Adds one to `key`'s count; keys are the vocabulary's words, never outside text. */
function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

// Every count comes from the same calls as its total, so a total is never 0 when there is a count.
const rates = (counts: Readonly<Record<string, number>>, total: number): Record<string, number> =>
  mapValues(counts, (count) => count / total);

/**
 * Campaign figures counted one call at a time, so a campaign of any size costs the same
 * few counters: what `summarizeCalls` and the command line's streaming summary share.
 */
export class CampaignTally {
  private calls = 0;
  private failed = 0;
  private readonly byStatus: Record<string, number> = {};
  private readonly byFailureCause: Record<string, number> = {};
  private readonly byOutcome: Record<string, number> = {};
  private machineDetected = 0;
  private liveAnswers = 0;
  private byGateway = 0;
  private byBot = 0;

  /** Counts one call. */
  add(call: CountedCall): void {
    this.calls++;
    bump(this.byStatus, call.status);
    bump(this.byOutcome, call.situation);
    if (call.status === "failed") {
      this.failed++;
      bump(this.byFailureCause, call.failureCause);
    }
    if (call.machineDetected) this.machineDetected++;
    // A person may have been there: answered, and AMD found neither a machine nor a fax.
    const live =
      call.status !== "failed" && call.status !== "unknown" && call.kind !== "machine" && call.kind !== "fax";
    if (!live) return;
    this.liveAnswers++;
    if (call.endedBy === "voice-gateway") this.byGateway++;
    if (call.endedBy === "bot" && call.kind !== "human") this.byBot++;
  }

  /**
   * The figures for the calls counted so far.
   *
   * @param issues - the problems to report with them.
   */
  figures(issues: readonly string[]): CampaignFigures {
    const cutOff = this.byGateway + this.byBot;
    const cutOffRate = this.liveAnswers === 0 ? 0 : cutOff / this.liveAnswers;
    return {
      calls: this.calls,
      byStatus: { ...this.byStatus },
      statusRates: rates(this.byStatus, this.calls),
      byFailureCause: { ...this.byFailureCause },
      failureCauseRates: rates(this.byFailureCause, this.failed),
      byOutcome: { ...this.byOutcome },
      outcomeRates: rates(this.byOutcome, this.calls),
      machineDetected: this.machineDetected,
      liveAnswers: this.liveAnswers,
      liveAnswersEndedByGateway: this.byGateway,
      liveAnswersEndedByBotWithoutHumanVerdict: this.byBot,
      liveAnswersCutOff: cutOff,
      cutOffRate,
      abandonmentLimit: ABANDONMENT_LIMIT,
      overAbandonmentLimit: cutOffRate > ABANDONMENT_LIMIT,
      routedAwayFromPerson: this.byGateway,
      abandonmentRate: cutOffRate,
      issues: [...issues],
    };
  }
}
