import type { EndedBy } from "./call-summary.js";
import { instantOf } from "./instant.js";
import type { CallStatus } from "./notification.js";

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

/** What a notification says of the call's final state, and its key (see `notificationKey`). */
export interface FinalState {
  readonly status: CallStatus;
  readonly reasonCode: string | undefined;
  readonly reason: string | undefined;
  readonly disconnectTime: string | undefined;
  /** The instant `disconnectTime` names, or `-Infinity`. */
  readonly disconnectMs: number;
  readonly key: string;
}

/** The instant a time names, or `-Infinity` for none: what sorts a notification without a time first. */
export function instantOrEarliest(text: string | undefined): number {
  return (text === undefined ? undefined : instantOf(text)) ?? Number.NEGATIVE_INFINITY;
}

/**
 * Whether a notification (its status, disconnect instant and key) decides the final state
 * over `b`: the highest status, then the latest disconnect, then a stable tie-break on
 * their keys, so the same one wins in any order.
 */
export function decidesOver(status: CallStatus, disconnectMs: number, key: string, b: FinalState): boolean {
  const byStatus = STATUS_RANK[status] - STATUS_RANK[b.status];
  if (byStatus !== 0) return byStatus > 0;
  if (disconnectMs !== b.disconnectMs) return disconnectMs > b.disconnectMs;
  // Distinct notifications have distinct keys (they were told apart by them), so this never ties.
  return key < b.key;
}
