/**
 * The US FCC/FTC abandoned-call rule, stated once: the policy warnings, the command
 * line (`check-policy`, `simulate`) and the Policies guide all say it in these words.
 *
 * @module
 */

const RULE =
  "Under the US FCC/FTC telemarketing rule, a telemarketing call answered by a person is abandoned unless a live agent is connected within 2 s of the end of the person's greeting (amd-flow counts the bot speaking, or the transfer, as that connection), and abandoned calls may be at most 3 % of the calls answered by a person, per campaign per 30-day period.";
const COUNSEL =
  "Whether the bot counts as a live agent for your calls, and whether your calls are telemarketing at all, are judgements for your counsel.";

/**
 * The FCC/FTC abandoned-call rule as amd-flow applies it: what the rule is (`rule`),
 * what is a judgement for your counsel (`counsel`), both in one text (`text`), and its
 * two figures: the window after a person's greeting (`windowMs`) and the largest share
 * of abandoned calls (`maxRate`). The simulator counts a person as abandoned, and the
 * policy warnings flag a choice that abandons one, by this rule.
 *
 * @example
 * ```ts
 * import { ABANDONMENT_RULE } from "amd-flow";
 * ABANDONMENT_RULE.windowMs; // 2000
 * ABANDONMENT_RULE.maxRate; // 0.03
 * console.log(ABANDONMENT_RULE.text);
 * ```
 */
export const ABANDONMENT_RULE = Object.freeze({
  /** How messages name it. */
  name: "the FCC/FTC abandoned-call rule",
  /** A person must hear a live agent within this long after the end of their greeting. */
  windowMs: 2000,
  /** The largest share of abandoned calls, of the calls answered by a person, per campaign per 30-day period. */
  maxRate: 0.03,
  /** What the rule is. */
  rule: RULE,
  /** What the rule leaves to your counsel. */
  counsel: COUNSEL,
  /** `rule` and `counsel`, one after the other. */
  text: `${RULE} ${COUNSEL}`,
} as const);

/** How a policy warning names what a choice risks: it names the rule, and {@link ABANDONMENT_RULE} states it. */
export const ABANDONED = `an abandoned call under ${ABANDONMENT_RULE.name}`;
