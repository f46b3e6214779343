import countBy from "lodash-es/countBy.js";
import { type Mutable, put, readProp } from "../internal/safe.js";
import { classifyAmd } from "../outcome/classify-amd.js";
import type { AmdEvent } from "../reading/read-amd.js";
import type { CallSummary, SummarizeOptions } from "./call-summary.js";
import { extreme, largest } from "./call-times.js";
import { failureCauseOf } from "./failure-cause.js";
import { ENDED_BY, finalOf } from "./final-state.js";
import type { CallNotification } from "./notification.js";
import { readUsableNotifications } from "./usable-notifications.js";

/** Most notifications first, then the alphabetically first id: the same answer in any order. */
function mainConversation(notifications: readonly CallNotification[]): string | undefined {
  const counts = Object.entries(countBy(notifications, (notification) => notification.conversationId));
  // Ids are distinct keys, so the alphabetical tie-break never meets two equal ids.
  // Stryker disable next-line EqualityOperator: as above, < and <= agree.
  return counts.sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))[0]?.[0];
}

/**
 * Reduces one call's notify-webhook bodies to its final state. Order-free: any arrival
 * order (and any repetition) of the same notifications gives the same summary.
 * Notifications of another call are listed in `issues` and left out; unusable ones
 * too. Never throws.
 *
 * @param notifications - the call's webhook bodies, as objects or raw JSON text.
 * @param options - the dial-out's `machineDetection` mode, and which call to summarise.
 * @returns the {@link CallSummary}.
 * @example
 * ```ts
 * import { summarizeCall } from "amd-flow/dialer";
 * const summary = summarizeCall(
 *   [
 *     { conversationId: "c1", status: "Answered", reasonCode: "OK" },
 *     { conversationId: "c1", status: "Call-In-Progress", machineDetection: "amd_machine_detected" },
 *     { conversationId: "c1", status: "completed", reasonCode: "KoreVG-disconnected", callDuration: 9 },
 *   ],
 *   { machineDetection: "disconnect" },
 * );
 * summary.machineDetected; // true
 * summary.endedBy; // "voice-gateway"
 * ```
 */
export function summarizeCall(notifications: unknown, options: SummarizeOptions = {}): CallSummary {
  const issues: string[] = [];
  const valid = readUsableNotifications(notifications, issues);

  const named = readProp(options, "conversationId");
  const wanted = typeof named === "string" ? named : mainConversation(valid);
  const mine = valid.filter((notification) => notification.conversationId === wanted);
  const others = countBy(
    valid.filter((notification) => notification.conversationId !== wanted),
    (notification) => notification.conversationId,
  );
  for (const id of Object.keys(others).sort()) {
    issues.push(`conversationId ${id}: ${others[id]} notification(s) of another call, left out`);
  }

  const events: AmdEvent[] = [];
  for (const notification of mine) {
    if (notification.machineDetection !== undefined)
      events.push({ name: notification.machineDetection, source: "amdEvents" });
  }
  const amd = classifyAmd({ events, unknownEvents: [], issues: [] });
  const machineDetected =
    readProp(options, "machineDetection") === "disconnect" &&
    (amd.evidence.includes("amd_machine_detected") || amd.evidence.includes("amd_tone_detected"));

  const final = finalOf(mine);
  const summary: Mutable<CallSummary> = {
    conversationId: wanted,
    status: final?.status ?? "unknown",
    amd,
    machineDetected,
    notifications: mine.length,
    issues,
  };
  put(summary, "reasonCode", final?.reasonCode);
  put(summary, "reason", final?.reason);
  if (final?.status === "failed") summary.failureCause = failureCauseOf(final.reasonCode, final.reason);
  if (final?.status === "completed") put(summary, "endedBy", ENDED_BY[(final.reasonCode ?? "").toLowerCase()]);
  put(summary, "ringDurationMs", largest(mine.map((notification) => notification.ringDurationInMS)));
  put(summary, "connectDurationMs", largest(mine.map((notification) => notification.connectDurationInMS)));
  put(summary, "callDurationSeconds", largest(mine.map((notification) => notification.callDuration)));
  put(
    summary,
    "callConnectTime",
    extreme(
      mine.map((notification) => notification.callConnectTime),
      "min",
    ),
  );
  put(
    summary,
    "callDisconnectTime",
    extreme(
      mine.map((notification) => notification.callDisconnectTime),
      "max",
    ),
  );
  put(
    summary,
    "sessionId",
    [...new Set(mine.map((notification) => notification.sessionId).filter((id) => id !== undefined))].sort()[0],
  );
  return summary;
}
