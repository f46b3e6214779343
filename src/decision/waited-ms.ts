import { readProp } from "../internal/safe.js";
import { optionIssue } from "../outcome/classify-options.js";
import { isAmount, numericText } from "../vocabulary.js";
import { formatMs } from "./explain.js";

/**
 * `options.waitedMs`: a finite non-negative number, or a whole number written as text; 0
 * when absent. Anything else (`Infinity`, `NaN`, a negative, other text, any other
 * value) counts as past every limit, with an issue. So a wait always ends, even when
 * the flow's own sum of `recheckAfterMs` went wrong: `NaN` stays `NaN` however much is
 * added, and text gets the number joined to it (`"0.5"` + 1000 is `"0.51000"`, still
 * under a second; whole numbers as text only grow when joined).
 */
export function waitedOf(options: unknown, issues: string[]): number {
  const raw = readProp(options, "waitedMs");
  if (raw === undefined || raw === null) return 0;
  const waited = numericText(raw);
  const whole = typeof raw !== "string" || Number.isInteger(waited);
  if (isAmount(waited) && whole) return waited;
  optionIssue(issues, "waitedMs", raw, "a non-negative number", "every wait's limit counts as reached");
  return Infinity;
}

/** How long the flow waited, for an explanation; an unusable `waitedMs` is an unknown wait. */
export function waitedText(waitedMs: number): string {
  return waitedMs < Infinity ? `after ${formatMs(waitedMs)} of waiting` : "after a wait of unknown length";
}
