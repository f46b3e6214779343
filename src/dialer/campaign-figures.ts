/**
 * Figures for a campaign: how calls ended and what AMD found, as counts and rates, and
 * how many live answers were cut off, as far as notifications can tell.
 *
 * Notifications say who ended a call but not whether the bot spoke first, so the
 * cut-off figures are what notifications show, not the FCC/FTC abandonment rate (a
 * person not connected to a live agent within 2 s of their greeting). For a policy's
 * abandonment rate, run it over call scripts with `simulateCampaign` from
 * `amd-flow/simulator`.
 *
 * @example
 * ```ts
 * import type { CampaignFigures } from "amd-flow/dialer";
 * const none: Pick<CampaignFigures, "calls" | "liveAnswersCutOff"> = { calls: 0, liveAnswersCutOff: 0 };
 * ```
 */
export interface CampaignFigures {
  /** How many calls (usable summaries). */
  readonly calls: number;
  /** Calls by final status. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** The share of calls by final status, 0 to 1. */
  readonly statusRates: Readonly<Record<string, number>>;
  /** Failed calls by cause. */
  readonly byFailureCause: Readonly<Record<string, number>>;
  /** The share of failed calls by cause, 0 to 1. */
  readonly failureCauseRates: Readonly<Record<string, number>>;
  /** Calls by AMD outcome, named by situation (`human`, `machine.beep`, …). */
  readonly byOutcome: Readonly<Record<string, number>>;
  /** The share of calls by AMD outcome, 0 to 1. */
  readonly outcomeRates: Readonly<Record<string, number>>;
  /** Calls marked `machineDetected`. */
  readonly machineDetected: number;
  /** Live answers: calls answered (not failed, not unknown) on which AMD found no machine and no fax, so a person may have been there. */
  readonly liveAnswers: number;
  /** Live answers Voice Gateway ended (`KoreVG-disconnected`). */
  readonly liveAnswersEndedByGateway: number;
  /** Live answers the bot ended (`bot-disconnected`) with no human verdict from AMD: the person may not have been spoken with. */
  readonly liveAnswersEndedByBotWithoutHumanVerdict: number;
  /** Live answers cut off: `liveAnswersEndedByGateway + liveAnswersEndedByBotWithoutHumanVerdict`. */
  readonly liveAnswersCutOff: number;
  /** `liveAnswersCutOff / liveAnswers` (0 with no live answers). Not the abandonment rate: see above. */
  readonly cutOffRate: number;
  /** The FCC/FTC limit on abandoned calls per campaign per 30 days: 0.03. */
  readonly abandonmentLimit: number;
  /** Whether `cutOffRate` is over `abandonmentLimit`: a warning sign, not a measurement of abandonment. */
  readonly overAbandonmentLimit: boolean;
  /**
   * The same number as `liveAnswersEndedByGateway`.
   *
   * @deprecated Use `liveAnswersEndedByGateway`; this 0.1.0 name claimed more than notifications show.
   */
  readonly routedAwayFromPerson: number;
  /**
   * The same number as `cutOffRate`.
   *
   * @deprecated Use `cutOffRate`; notifications cannot give the abandonment rate (use `simulateCampaign`).
   */
  readonly abandonmentRate: number;
  /** Summaries that could not be used, and why; at most 50 listed, then counted. */
  readonly issues: readonly string[];
}

/**
 * The FCC/FTC limit: at most 3 % of live answers abandoned, per campaign per 30 days.
 *
 * @example
 * ```ts
 * import { ABANDONMENT_LIMIT } from "amd-flow/dialer";
 * ABANDONMENT_LIMIT; // 0.03
 * ```
 */
export const ABANDONMENT_LIMIT = 0.03;
