import countBy from "lodash-es/countBy.js";
import mapValues from "lodash-es/mapValues.js";
import { boundedLength, isArraySafe, type Mutable, put, readProp, UNREADABLE } from "../internal/safe.js";
import { type AmdOutcome, classifyAmd } from "../outcome/classify-amd.js";
import type { AmdEvent } from "../reading/read-amd.js";
import { situationOf } from "../vocabulary.js";
import { type CallNotification, type CallStatus, parseCallNotification } from "./notification.js";

/**
 * Why a call was not answered, from the reason code and the SIP status:
 *
 * | cause | from |
 * |---|---|
 * | `busy` | 486 Busy Here, 600 Busy Everywhere |
 * | `unavailable` | 503 Service Unavailable and other 5xx |
 * | `rejected` | 480 Temporarily Unavailable (the docs: the person declined), 603 Decline, 403 Forbidden |
 * | `no-answer` | 408 Request Timeout, 487 Request Terminated (rang out) |
 * | `other` | anything else |
 *
 * @example
 * ```ts
 * import type { FailureCause } from "amd-flow/dialer";
 * const cause: FailureCause = "busy";
 * ```
 */
export type FailureCause = "busy" | "unavailable" | "rejected" | "no-answer" | "other";

/**
 * Who ended an answered call: the person (`Caller-disconnected`), the bot
 * (`bot-disconnected`) or Voice Gateway (`KoreVG-disconnected`, after an AMD error or
 * a machine in `disconnect` mode).
 *
 * @example
 * ```ts
 * import type { EndedBy } from "amd-flow/dialer";
 * const endedBy: EndedBy = "bot";
 * ```
 */
export type EndedBy = "person" | "bot" | "voice-gateway";

/**
 * One call's final state, from all its notifications.
 *
 * @example
 * ```ts
 * import type { CallSummary } from "amd-flow/dialer";
 * const summary: Pick<CallSummary, "status" | "machineDetected"> = { status: "completed", machineDetected: false };
 * ```
 */
export interface CallSummary {
  /** The call; `undefined` when no notification could be used. */
  readonly conversationId: string | undefined;
  /** The furthest the call got: `failed` or `completed` once it ended, else `in-progress`, `answered`, or `unknown` with nothing to go on. */
  readonly status: CallStatus | "unknown";
  /** With `failed`: why. */
  readonly failureCause?: FailureCause;
  /** With `completed`: who ended the call, when the reason code says. */
  readonly endedBy?: EndedBy;
  /** The reason code of the final notification. */
  readonly reasonCode?: string;
  /** The SIP reason of the final notification. */
  readonly reason?: string;
  /** What AMD concluded, by the same classifier the bot uses, over every `machineDetection` value. */
  readonly amd: AmdOutcome;
  /** `true` when the dial-out's mode was `disconnect` and a machine or a tone was detected: the platform marks such calls. */
  readonly machineDetected: boolean;
  /** Ringing to connection, in ms. */
  readonly ringDurationMs?: number;
  /** Dialling to connection, in ms. */
  readonly connectDurationMs?: number;
  /** Connection to the end, in seconds. */
  readonly callDurationSeconds?: number;
  /** When the call connected (the earliest time reported). */
  readonly callConnectTime?: string;
  /** When the call ended (the latest time reported). */
  readonly callDisconnectTime?: string;
  /** The bot session, when reported. */
  readonly sessionId?: string;
  /** How many distinct notifications were used (a repeated delivery counts once). */
  readonly notifications: number;
  /** Notifications that could not be used, and of other calls; never mixed in. */
  readonly issues: readonly string[];
}

/**
 * How {@link summarizeCall} reads the notifications.
 *
 * @example
 * ```ts
 * import type { SummarizeOptions } from "amd-flow/dialer";
 * const options: SummarizeOptions = { machineDetection: "disconnect" };
 * ```
 */
export interface SummarizeOptions {
  /** The dial-out's `machineDetection` mode; `machineDetected` needs `disconnect`. */
  readonly machineDetection?: "disconnect" | "detect" | "disabled";
  /** The call to summarise; by default the one most notifications are about. */
  readonly conversationId?: string;
}

const STATUS_RANK: Readonly<Record<CallStatus, number>> = { answered: 1, "in-progress": 2, failed: 3, completed: 4 };

/** SIP statuses at the start of the reason (`"486 Busy Here"`). */
const SIP_CAUSES: ReadonlyArray<readonly [RegExp, FailureCause]> = [
  [/^\s*(486|600)\b/, "busy"],
  [/^\s*(480|603|403)\b/, "rejected"],
  [/^\s*(408|487)\b/, "no-answer"],
  [/^\s*5\d\d\b/, "unavailable"],
];
const CODE_CAUSES: Readonly<Record<string, FailureCause>> = {
  "busy here": "busy",
  "busy everywhere": "busy",
  "service unavailable": "unavailable",
  "temporarily unavailable": "rejected",
  decline: "rejected",
  declined: "rejected",
  forbidden: "rejected",
  "request timeout": "no-answer",
  "request terminated": "no-answer",
  "no answer": "no-answer",
};

/**
 * The failure cause for a failed call: from the SIP status in `reason` when there is
 * one, else from the reason code (see {@link FailureCause}).
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
// Stryker disable next-line StringLiteral: the defaults only stand for "nothing"; any text that is no status or code reads the same.
export function failureCauseOf(reasonCode: string | undefined = "", reason: string | undefined = ""): FailureCause {
  for (const [pattern, cause] of SIP_CAUSES) if (pattern.test(reason)) return cause;
  return CODE_CAUSES[reasonCode.trim().toLowerCase()] ?? "other";
}

const ENDED_BY: Readonly<Record<string, EndedBy>> = {
  "caller-disconnected": "person",
  "bot-disconnected": "bot",
  "korevg-disconnected": "voice-gateway",
};

/** Most notifications first, then the alphabetically first id: the same answer in any order. */
function mainConversation(notifications: readonly CallNotification[]): string | undefined {
  const counts = Object.entries(countBy(notifications, (notification) => notification.conversationId));
  // Ids are distinct keys, so the alphabetical tie-break never meets two equal ids.
  // Stryker disable next-line EqualityOperator: as above, < and <= agree.
  return counts.sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))[0]?.[0];
}

/** The notification that decides the final state: highest status, then the latest disconnect, then a stable tie-break. */
function finalOf(notifications: readonly CallNotification[]): CallNotification | undefined {
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

function extreme(values: ReadonlyArray<string | undefined>, pick: "min" | "max"): string | undefined {
  let best: { text: string; ms: number } | undefined;
  for (const text of values) {
    if (text === undefined) continue;
    const ms = Date.parse(text);
    // Stryker disable next-line EqualityOperator: equal text is the same value, so < and <= agree on the tie-break.
    if (best === undefined || (pick === "min" ? ms < best.ms : ms > best.ms) || (ms === best.ms && text < best.text))
      best = { text, ms };
  }
  return best?.text;
}

function largest(values: ReadonlyArray<number | undefined>): number | undefined {
  let best: number | undefined;
  // Stryker disable next-line EqualityOperator: equal numbers are the same value.
  for (const value of values) if (value !== undefined && (best === undefined || value > best)) best = value;
  return best;
}

/**
 * The usable notifications, each once: platforms retry webhooks, and a repeated
 * delivery must not count twice (nor tip which call is summarised).
 */
function readNotifications(notifications: unknown, issues: string[]): CallNotification[] {
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
  const valid = readNotifications(notifications, issues);

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

/**
 * Figures for a campaign: how calls ended and what AMD found, as counts and rates.
 *
 * @example
 * ```ts
 * import type { CampaignFigures } from "amd-flow/dialer";
 * const none: Pick<CampaignFigures, "calls"> = { calls: 0 };
 * ```
 */
export interface CampaignFigures {
  /** How many calls. */
  readonly calls: number;
  /** Calls by final status. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** The share of calls by final status, 0 to 1. */
  readonly statusRates: Readonly<Record<string, number>>;
  /** Failed calls by cause. */
  readonly byFailureCause: Readonly<Record<string, number>>;
  /** The share of failed calls by cause, 0 to 1. */
  readonly failureCauseRates: Readonly<Record<string, number>>;
  /** Calls by AMD outcome (`machine` split by phase: `machine.beep`, …). */
  readonly byOutcome: Readonly<Record<string, number>>;
  /** The share of calls by AMD outcome, 0 to 1. */
  readonly outcomeRates: Readonly<Record<string, number>>;
  /** Calls marked `machineDetected`. */
  readonly machineDetected: number;
  /** Answered calls on which a person may have been (AMD did not find a machine). */
  readonly liveAnswers: number;
  /** Of those, calls Voice Gateway cut off (`KoreVG-disconnected`): routed away from a possible person. */
  readonly routedAwayFromPerson: number;
  /** `routedAwayFromPerson / liveAnswers` (0 with no live answers). */
  readonly abandonmentRate: number;
  /** The FCC/FTC limit on abandoned calls per campaign per 30 days: 0.03. */
  readonly abandonmentLimit: number;
  /** Whether `abandonmentRate` is over the limit. */
  readonly overAbandonmentLimit: boolean;
}

/**
 * The FCC/FTC limit: at most 3 % of live answers abandoned, per campaign per 30 days.
 *
 * @example
 * ```ts
 * import { ABANDONMENT_LIMIT } from "amd-flow/dialer";
 * ABANDONMENT_LIMIT; // 0.03
 * ```
 */
export const ABANDONMENT_LIMIT = 0.03;

const outcomeKey = (outcome: AmdOutcome): string => situationOf(outcome);
// Every count comes from the same list as its total, so a total is never 0 when there is a count.
const rates = (counts: Record<string, number>, total: number): Record<string, number> =>
  mapValues(counts, (count) => count / total);

/**
 * Campaign figures from call summaries: counts and rates per status, failure cause and
 * AMD outcome, and the abandonment risk: the share of live answers (answered, and AMD
 * found no machine) that Voice Gateway cut off, against the 3 % limit.
 *
 * @param summaries - what {@link summarizeCall} returned for each call.
 * @returns the {@link CampaignFigures}.
 * @example
 * ```ts
 * import { summarizeCall, summarizeCalls } from "amd-flow/dialer";
 * const figures = summarizeCalls([summarizeCall([{ conversationId: "c1", status: "Failed", reason: "486 Busy Here" }])]);
 * figures.byFailureCause; // { busy: 1 }
 * ```
 */
export function summarizeCalls(summaries: readonly CallSummary[]): CampaignFigures {
  const calls = summaries.length;
  const failed = summaries.filter((summary) => summary.status === "failed");
  const byStatus = countBy(summaries, (summary) => summary.status);
  const byFailureCause = countBy(failed, (summary) => summary.failureCause ?? "other");
  const byOutcome = countBy(summaries, (summary) => outcomeKey(summary.amd));
  const live = summaries.filter(
    (summary) => summary.status !== "failed" && summary.status !== "unknown" && summary.amd.kind !== "machine",
  );
  // A live answer has no machine evidence, so machineDetected cannot mark it; Voice Gateway cutting it off can.
  const routedAway = live.filter((summary) => summary.endedBy === "voice-gateway").length;
  const abandonmentRate = live.length === 0 ? 0 : routedAway / live.length;
  return {
    calls,
    byStatus,
    statusRates: rates(byStatus, calls),
    byFailureCause,
    failureCauseRates: rates(byFailureCause, failed.length),
    byOutcome,
    outcomeRates: rates(byOutcome, calls),
    machineDetected: summaries.filter((summary) => summary.machineDetected).length,
    liveAnswers: live.length,
    routedAwayFromPerson: routedAway,
    abandonmentRate,
    abandonmentLimit: ABANDONMENT_LIMIT,
    overAbandonmentLimit: abandonmentRate > ABANDONMENT_LIMIT,
  };
}
