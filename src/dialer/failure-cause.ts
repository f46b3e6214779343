import type { FailureCause } from "./call-summary.js";

/** SIP statuses at the start of the reason (`"486 Busy Here"`). */
const SIP_CAUSES: ReadonlyArray<readonly [RegExp, FailureCause]> = [
  [/^\s*(486|600)\b/, "busy"],
  [/^\s*(480|603|403)\b/, "rejected"],
  [/^\s*(408|487)\b/, "no-answer"],
  [/^\s*5\d\d\b/, "unavailable"],
];
/** Reason codes by their folded spelling; a Map, so no reason code finds a built-in. */
const CODE_CAUSES: ReadonlyMap<string, FailureCause> = new Map<string, FailureCause>([
  ["busy here", "busy"],
  ["busy everywhere", "busy"],
  ["service unavailable", "unavailable"],
  ["temporarily unavailable", "rejected"],
  ["decline", "rejected"],
  ["declined", "rejected"],
  ["forbidden", "rejected"],
  ["request timeout", "no-answer"],
  ["request terminated", "no-answer"],
  ["no answer", "no-answer"],
]);

/**
 * The failure cause for a failed call: from the SIP status in `reason` when there is
 * one, else from the reason code (see {@link FailureCause}); `other` for anything else,
 * text or not.
 *
 * @param reasonCode - the notification's `reasonCode`, for example `"Busy Here"`.
 * @param reason - the notification's `reason`, for example `"486 Busy Here"`.
 * @returns the cause.
 * @example
 * ```ts
 * import { failureCauseOf } from "amd-flow/dialer";
 * failureCauseOf("Temporarily Unavailable", "480 Temporarily Unavailable"); // "rejected"
 * ```
 */
export function failureCauseOf(reasonCode?: string, reason?: string): FailureCause {
  if (typeof reason === "string") for (const [pattern, cause] of SIP_CAUSES) if (pattern.test(reason)) return cause;
  return (typeof reasonCode === "string" ? CODE_CAUSES.get(reasonCode.trim().toLowerCase()) : undefined) ?? "other";
}
