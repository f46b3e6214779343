import { UNREADABLE } from "../internal/safe.js";
import { readBoundedList } from "./bounded-list.js";
import type { IssueList } from "./issue-list.js";
import { type CallNotification, parseCallNotification } from "./notification.js";
import { notificationKey } from "./notification-key.js";

/**
 * At most this many notifications are read for one call; a real call sends fewer
 * than 20. A longer list is reported in the summary's `issues`.
 *
 * @example
 * ```ts
 * import { MAX_NOTIFICATIONS } from "amd-flow/dialer";
 * MAX_NOTIFICATIONS; // 100000
 * ```
 */
export const MAX_NOTIFICATIONS = 100_000;

/**
 * The usable notifications, each once: platforms retry webhooks, and a repeated
 * delivery must not count twice (nor tip which call is summarised). Reads at most
 * {@link MAX_NOTIFICATIONS} entries, so a sparse list of length 2³² − 1 costs no more.
 */
export function readUsableNotifications(notifications: unknown, issues: IssueList): CallNotification[] {
  const seen = new Set<string>();
  const valid: CallNotification[] = [];
  readBoundedList(notifications, "notifications", MAX_NOTIFICATIONS, issues).forEach((body, index) => {
    if (body === UNREADABLE) {
      issues.add(`notifications[${index}]: could not be read`);
      return;
    }
    const parsed = parseCallNotification(body);
    if (!parsed.ok) {
      for (const issue of parsed.issues) issues.add(`notifications[${index}]: ${issue}`);
      return;
    }
    const key = notificationKey(parsed.value);
    if (seen.has(key)) return;
    seen.add(key);
    valid.push(parsed.value);
  });
  return valid;
}
