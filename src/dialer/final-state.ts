import type { EndedBy } from "./call-summary.js";
import { instantOrEarliest } from "./call-times.js";
import type { CallNotification, CallStatus } from "./notification.js";
import { notificationKey } from "./notification-key.js";

const STATUS_RANK: Readonly<Record<CallStatus, number>> = { answered: 1, "in-progress": 2, failed: 3, completed: 4 };

/** Who ended an answered call, by the folded reason code; a Map, so no reason code finds a built-in. */
const ENDED_BY: ReadonlyMap<string, EndedBy> = new Map<string, EndedBy>([
  ["caller-disconnected", "person"],
  ["bot-disconnected", "bot"],
  ["korevg-disconnected", "voice-gateway"],
]);

/**
 * Who ended a completed call, from its reason code, or `undefined` when the code does not say.
 *
 * @param reasonCode - the final notification's reason code.
 */
export function endedByOf(reasonCode: string | undefined): EndedBy | undefined {
  return reasonCode === undefined ? undefined : ENDED_BY.get(reasonCode.trim().toLowerCase());
}

/** The notification that decides the final state: highest status, then the latest disconnect, then a stable tie-break. */
export function finalOf(notifications: readonly CallNotification[]): CallNotification | undefined {
  let best: CallNotification | undefined;
  for (const notification of notifications) {
    if (best === undefined || compareFinal(notification, best) > 0) best = notification;
  }
  return best;
}

function compareFinal(a: CallNotification, b: CallNotification): number {
  const byStatus = STATUS_RANK[a.status] - STATUS_RANK[b.status];
  if (byStatus !== 0) return byStatus;
  const aTime = instantOrEarliest(a.callDisconnectTime);
  const bTime = instantOrEarliest(b.callDisconnectTime);
  if (aTime !== bTime) return aTime > bTime ? 1 : -1;
  // Distinct notifications have distinct keys (they were told apart by them), so this never ties.
  return notificationKey(a) < notificationKey(b) ? 1 : -1;
}
