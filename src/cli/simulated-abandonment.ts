// What the simulator measures of a policy's abandoned persons, said the same way by
// `check-policy` and `simulate`: one call set, one figure, one warning.

import { type CallMixScript, callMix } from "../fixtures/index.js";
import { ABANDONMENT_RULE, type Policy } from "../index.js";
import { type CampaignResult, simulateCampaign } from "../simulator/index.js";
import { TEXT_WIDTH, wrap, wrapLine } from "./wrap.js";

/**
 * The calls a policy's abandonment is simulated over, and how messages name them: the
 * call mix, as `simulate`'s campaign figures (a realistic outbound campaign).
 */
export const SIMULATED_CALLS: { readonly name: string; readonly calls: readonly CallMixScript[] } = {
  name: "the bundled call mix",
  calls: callMix,
};

/** A policy's abandoned persons in simulation, and whether they are over the rule's limit. */
export interface SimulatedAbandonment {
  /** How the calls are named: `the bundled timed scenarios`. */
  readonly calls: string;
  /** Calls answered by a person. */
  readonly persons: number;
  /** Of those, persons abandoned. */
  readonly personsAbandoned: number;
  /** `personsAbandoned / persons`; 0 without persons. */
  readonly abandonmentRate: number;
  /** Whether the rate is over `ABANDONMENT_RULE.maxRate`. */
  readonly overLimit: boolean;
}

/** The abandonment figures of a campaign already simulated over `calls`. */
export function abandonmentOf(campaign: CampaignResult, calls: string): SimulatedAbandonment {
  return {
    calls,
    persons: campaign.byAnsweredBy.person.calls,
    personsAbandoned: campaign.personsAbandoned,
    abandonmentRate: campaign.abandonmentRate,
    overLimit: campaign.abandonmentRate > ABANDONMENT_RULE.maxRate,
  };
}

/** Simulates `policy` over {@link SIMULATED_CALLS}. */
export function simulatedAbandonment(policy: Policy): SimulatedAbandonment {
  return abandonmentOf(simulateCampaign(SIMULATED_CALLS.calls, policy), SIMULATED_CALLS.name);
}

/** `14.3 %`. */
export const percent = (rate: number): string => `${(rate * 100).toFixed(1)} %`;

/**
 * The figure in words: `abandons 1 of 7 persons (14.3 %) on the bundled timed
 * scenarios: over the 3 % limit` (or `within the 3 % limit`).
 */
export function describeAbandonment(figures: SimulatedAbandonment): string {
  const limit = `the ${ABANDONMENT_RULE.maxRate * 100} % limit`;
  const persons = `${figures.personsAbandoned} of ${figures.persons} person${figures.persons === 1 ? "" : "s"}`;
  const verdict = figures.overLimit ? `over ${limit}` : `within ${limit}`;
  return `abandons ${persons} (${percent(figures.abandonmentRate)}) on ${figures.calls}: ${verdict}`;
}

/** After the warnings that concern abandoned calls (`which` names them): the rule, stated once, wrapped to 80 columns. */
export function ruleParagraph(which: string): string[] {
  return wrap(`${which} about abandoned calls. ${ABANDONMENT_RULE.text}`, TEXT_WIDTH);
}

/** What `simulate` prints when a policy abandons too many persons: the warning, then the rule. */
export function abandonmentWarning(figures: SimulatedAbandonment): string[] {
  return [...wrapLine(`warning: this policy ${describeAbandonment(figures)}`), "", ...ruleParagraph("The warning is")];
}
