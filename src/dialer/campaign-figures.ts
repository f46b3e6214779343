/**
 * Figures for a campaign: how calls ended and what AMD found, as counts and rates.
 *
 * @example
 * ```ts
 * import type { CampaignFigures } from "amd-flow/dialer";
 * const none: Pick<CampaignFigures, "calls"> = { calls: 0 };
 * ```
 */
export interface CampaignFigures {
  /** How many calls. */
  readonly calls: number;
  /** Calls by final status. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** The share of calls by final status, 0 to 1. */
  readonly statusRates: Readonly<Record<string, number>>;
  /** Failed calls by cause. */
  readonly byFailureCause: Readonly<Record<string, number>>;
  /** The share of failed calls by cause, 0 to 1. */
  readonly failureCauseRates: Readonly<Record<string, number>>;
  /** Calls by AMD outcome (`machine` split by phase: `machine.beep`, …). */
  readonly byOutcome: Readonly<Record<string, number>>;
  /** The share of calls by AMD outcome, 0 to 1. */
  readonly outcomeRates: Readonly<Record<string, number>>;
  /** Calls marked `machineDetected`. */
  readonly machineDetected: number;
  /** Answered calls on which a person may have been (AMD did not find a machine). */
  readonly liveAnswers: number;
  /** Of those, calls Voice Gateway cut off (`KoreVG-disconnected`): routed away from a possible person. */
  readonly routedAwayFromPerson: number;
  /** `routedAwayFromPerson / liveAnswers` (0 with no live answers). */
  readonly abandonmentRate: number;
  /** The FCC/FTC limit on abandoned calls per campaign per 30 days: 0.03. */
  readonly abandonmentLimit: number;
  /** Whether `abandonmentRate` is over the limit. */
  readonly overAbandonmentLimit: boolean;
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
