import { type Mutable, put, readProp } from "../internal/safe.js";
import { classifyAmd } from "../outcome/classify-amd.js";
import type { AmdEvent } from "../reading/read-amd.js";
import type { CallSummary, SummarizeOptions } from "./call-summary.js";
import { extreme, largest } from "./call-times.js";
import { failureCauseOf } from "./failure-cause.js";
import { endedByOf, finalOf } from "./final-state.js";
import { IssueList } from "./issue-list.js";
import type { CallNotification } from "./notification.js";
import { printable } from "./problems.js";
import { readUsableNotifications } from "./usable-notifications.js";

/** How many notifications each call has; a Map, so any id (`__proto__` too) is just a key. */
function countByCall(notifications: readonly CallNotification[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { conversationId } of notifications) counts.set(conversationId, (counts.get(conversationId) ?? 0) + 1);
  return counts;
}

/** Most notifications first, then the alphabetically first id: the same answer in any order. */
function mainConversation(notifications: readonly CallNotification[]): string | undefined {
  let best: { id: string; count: number } | undefined;
  for (const [id, count] of countByCall(notifications)) {
    if (best === undefined || count > best.count || (count === best.count && id < best.id)) best = { id, count };
  }
  return best?.id;
}

/**
 * Reduces one call's notify-webhook bodies to its final state. Order-free: any arrival
 * order (and any repetition) of the same notifications gives the same summary.
 * Notifications of another call are listed in `issues` and left out; unusable ones
 * too (at most 50 problems are listed, then counted). Times are compared as instants.
 * Never throws, whatever the list, its entries or their extra fields hold.
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
  const issues = new IssueList();
  const valid = readUsableNotifications(notifications, issues);

  const named = readProp(options, "conversationId");
  const wanted = typeof named === "string" ? named : mainConversation(valid);
  const mine = valid.filter((notification) => notification.conversationId === wanted);
  const others = countByCall(valid.filter((notification) => notification.conversationId !== wanted));
  for (const id of [...others.keys()].sort()) {
    issues.add(`conversationId ${printable(id)}: ${others.get(id)} notification(s) of another call, left out`);
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
    issues: issues.lines(),
  };
  put(summary, "reasonCode", final?.reasonCode);
  put(summary, "reason", final?.reason);
  if (final?.status === "failed") summary.failureCause = failureCauseOf(final.reasonCode, final.reason);
  if (final?.status === "completed") put(summary, "endedBy", endedByOf(final.reasonCode));
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
