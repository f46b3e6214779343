import { countBy } from "lodash-es";
import { readProp } from "../internal/safe.js";
import { CallAccumulator } from "./call-accumulator.js";
import type { CallSummary, SummarizeOptions } from "./call-summary.js";
import { IssueList } from "./issue-list.js";
import type { CallNotification } from "./notification.js";
import { printable } from "./problems.js";
import { readUsableNotifications } from "./usable-notifications.js";

/** Most notifications first, then the alphabetically first id: the same answer in any order. */
function mainConversation(notifications: readonly CallNotification[]): string | undefined {
  let best: { id: string; count: number } | undefined;
  // countBy gives own keys only (`__proto__` and `constructor` are just ids).
  const counts = countBy(notifications, (notification) => notification.conversationId);
  for (const id of Object.keys(counts)) {
    const count = counts[id] as number;
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
  const call = new CallAccumulator(wanted);
  const others = new Map<string, number>();
  for (const notification of valid) {
    const id = notification.conversationId;
    if (id === wanted) call.add(notification);
    else others.set(id, (others.get(id) ?? 0) + 1);
  }
  for (const id of [...others.keys()].sort()) {
    issues.add(`conversationId ${printable(id)}: ${others.get(id)} notification(s) of another call, left out`);
  }
  return call.summary(readProp(options, "machineDetection"), issues.lines());
}
