import { boundedLength, isArraySafe, readProp, UNREADABLE } from "../internal/safe.js";
import { type CallNotification, parseCallNotification } from "./notification.js";

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
 * delivery must not count twice (nor tip which call is summarised).
 */
export function readUsableNotifications(notifications: unknown, issues: string[]): CallNotification[] {
  if (!isArraySafe(notifications)) {
    issues.push("notifications: expected a list");
    return [];
  }
  const bounds = boundedLength(notifications, MAX_NOTIFICATIONS);
  if (bounds === undefined) {
    issues.push("notifications: could not read its length");
    return [];
  }
  if (bounds.total > bounds.length)
    issues.push(`notifications: ${bounds.total} given; read the first ${bounds.length}`);
  const seen = new Set<string>();
  const valid: CallNotification[] = [];
  for (let index = 0; index < bounds.length; index++) {
    const body = readProp(notifications, String(index));
    if (body === UNREADABLE) {
      issues.push(`notifications[${index}]: could not be read`);
      continue;
    }
    const parsed = parseCallNotification(body);
    if (!parsed.ok) {
      issues.push(...parsed.issues.map((issue) => `notifications[${index}]: ${issue}`));
      continue;
    }
    const key = JSON.stringify(parsed.value);
    if (seen.has(key)) continue;
    seen.add(key);
    valid.push(parsed.value);
  }
  return valid;
}
