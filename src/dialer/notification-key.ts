import type { CallNotification } from "./notification.js";

/** The documented fields, the ones a summary reads: what tells two notifications apart. */
const DOCUMENTED_FIELDS = [
  "conversationId",
  "status",
  "reason",
  "reasonCode",
  "callConnectTime",
  "callDisconnectTime",
  "ringDurationInMS",
  "connectDurationInMS",
  "callDuration",
  "machineDetection",
  "sessionId",
] as const;

/**
 * A structural key for a parsed notification: its documented fields (text, numbers or
 * absent) as JSON text. A repeated delivery has the same key; so does a copy that
 * differs only in fields the docs do not list, which no summary reads. Never throws:
 * extra fields (a BigInt, a cycle, a throwing `toJSON`, a Proxy) are never touched.
 *
 * @param notification - a notification from `parseCallNotification`.
 * @returns the key.
 */
export function notificationKey(notification: CallNotification): string {
  const values: Array<string | number | null> = [];
  for (const field of DOCUMENTED_FIELDS) values.push(notification[field] ?? null);
  return JSON.stringify(values);
}
