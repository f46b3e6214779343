import * as z from "zod";
import { type AmdEventName, toAmdEventName } from "../events.js";
import { isRecord, parseJsonText } from "../internal/safe.js";
import { numericText } from "../vocabulary.js";
import { instantOf } from "./instant.js";
import { describeIssues } from "./problems.js";

/**
 * A call's status in a notification, whatever case the platform used:
 * `answered`, `in-progress` (`Call-In-Progress`), `completed` or `failed`.
 *
 * @example
 * ```ts
 * import type { CallStatus } from "amd-flow/dialer";
 * const status: CallStatus = "in-progress";
 * ```
 */
export type CallStatus = "answered" | "in-progress" | "completed" | "failed";

// Lookups by outside text go through Maps: a status of "constructor" or "__proto__" is
// an unknown status, never a built-in found on Object.prototype.
const STATUSES: ReadonlyMap<string, CallStatus> = new Map<string, CallStatus>([
  ["answered", "answered"],
  ["call-in-progress", "in-progress"],
  ["in-progress", "in-progress"],
  ["completed", "completed"],
  ["failed", "failed"],
]);

/** The documented reason codes, by their folded spelling. */
const REASON_CODES = [
  "OK",
  "Busy Here",
  "Service Unavailable",
  "Temporarily Unavailable",
  "Caller-disconnected",
  "bot-disconnected",
  "KoreVG-disconnected",
] as const;
const REASON_CODE_BY_FOLD = new Map<string, string>(REASON_CODES.map((code) => [code.toLowerCase(), code]));

const NOT_AMOUNT = "expected a non-negative number";
const amount = z.preprocess(
  numericText,
  z.number({ error: NOT_AMOUNT }).min(0, { error: NOT_AMOUNT }).refine(Number.isFinite, { error: NOT_AMOUNT }),
);
const NOT_TIME = "expected an ISO 8601 time with a zone, such as 2025-06-26T12:49:17.600Z";
const time = z.string({ error: NOT_TIME }).refine((value) => instantOf(value) !== undefined, { error: NOT_TIME });

const notificationSchema = z.looseObject({
  conversationId: z.string({ error: "expected text" }).min(1, { error: "expected text" }),
  status: z.string({ error: "expected a status" }).transform((value, ctx) => {
    const status = STATUSES.get(value.trim().toLowerCase());
    if (status === undefined) {
      ctx.issues.push({
        code: "custom",
        message: "expected Answered, Call-In-Progress, completed or Failed",
        input: value,
      });
      return z.NEVER;
    }
    return status;
  }),
  reason: z.string({ error: "expected text" }).optional(),
  reasonCode: z
    .string({ error: "expected text" })
    .transform((value) => REASON_CODE_BY_FOLD.get(value.trim().toLowerCase()) ?? value.trim())
    .optional(),
  callConnectTime: time.optional(),
  callDisconnectTime: time.optional(),
  ringDurationInMS: amount.optional(),
  connectDurationInMS: amount.optional(),
  callDuration: amount.optional(),
  machineDetection: z
    .string({ error: "expected an AMD event name" })
    .transform((value, ctx) => {
      const name = toAmdEventName(value);
      if (name === undefined) {
        ctx.issues.push({ code: "custom", message: "expected an AMD event name", input: value });
        return z.NEVER;
      }
      return name;
    })
    .optional(),
  sessionId: z.string({ error: "expected text" }).optional(),
});

/**
 * One notify-webhook body, checked and normalised: the status in one spelling, the
 * reason code in its documented spelling, numbers as numbers, the AMD event canonical.
 * Fields the docs do not list are kept as they came.
 *
 * @example
 * ```ts
 * import type { CallNotification } from "amd-flow/dialer";
 * const answered: CallNotification = { conversationId: "433a…", status: "answered", reasonCode: "OK" };
 * ```
 */
export interface CallNotification {
  /** The call's id (the dial-out response's `callId` names the same call). */
  readonly conversationId: string;
  /** The call's status. */
  readonly status: CallStatus;
  /** Free text, usually the SIP status line (`"486 Busy Here"`). */
  readonly reason?: string;
  /** Why the call failed or ended (`"Busy Here"`, `"bot-disconnected"`, …). */
  readonly reasonCode?: string;
  /** When the call connected (ISO 8601, with a zone). */
  readonly callConnectTime?: string;
  /** When the call was disconnected (ISO 8601, with a zone). */
  readonly callDisconnectTime?: string;
  /** Ringing to connection, in ms. */
  readonly ringDurationInMS?: number;
  /** Dialling to connection, in ms. */
  readonly connectDurationInMS?: number;
  /** Connection to the end of the call, in seconds. */
  readonly callDuration?: number;
  /** The AMD event this notification reports. */
  readonly machineDetection?: AmdEventName;
  /** The bot session's id. */
  readonly sessionId?: string;
  /** Any other field, as it came. */
  readonly [extra: string]: unknown;
}

/**
 * The result of {@link parseCallNotification}.
 *
 * @example
 * ```ts
 * import type { ParsedNotification } from "amd-flow/dialer";
 * const failed: ParsedNotification = { ok: false, issues: ["status: expected a status"] };
 * ```
 */
export type ParsedNotification =
  | {
      /** The body is a call notification. */
      readonly ok: true;
      /** The notification, normalised. */
      readonly value: CallNotification;
    }
  | {
      /** The body is not a call notification. */
      readonly ok: false;
      /** What is wrong, by field. */
      readonly issues: readonly string[];
    };

/** Spellings the docs also use, mapped to the field they mean. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ["machinedetection", "machineDetection"],
  ["callconnecttime", "callConnectTime"],
  ["callDisconnecttime", "callDisconnectTime"],
  ["ringDurationInMs", "ringDurationInMS"],
  ["connectDurationInMs", "connectDurationInMS"],
  ["duration", "callDuration"],
]);

/** A plain copy of `body`'s own fields, with the docs' other spellings renamed. */
function canonicalFields(body: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(body)) {
    const value = (body as Record<string, unknown>)[key];
    const alias = ALIASES.get(key);
    const name = alias ?? key;
    if (alias !== undefined && Object.hasOwn(out, name)) continue; // the canonical spelling wins
    setOwn(out, name, value);
  }
  return out;
}

/**
 * `target[key] = value` as an own data property, even for `__proto__`, whose assignment
 * would set the prototype instead. Only that key pays for defineProperty: with it on
 * every key, summarizing 10⁵ notifications took twice as long.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** The largest body text {@link parseCallNotification} parses (real ones are under 1 KB). */
const MAX_BODY_TEXT = 4 * 1024 * 1024;

/**
 * Checks one notify-webhook body from Voice Gateway: a parsed object, or the raw JSON
 * text (a `Buffer` too, up to 4 MB, a UTF-8 byte order mark allowed; real ones are
 * under 1 KB). Times must be ISO 8601 with a zone. Never throws.
 *
 * @param body - the request body.
 * @returns `{ ok: true, value }` with the normalised {@link CallNotification}, or `{ ok: false, issues }`.
 * @example
 * ```ts
 * import { parseCallNotification } from "amd-flow/dialer";
 * const parsed = parseCallNotification('{"conversationId":"c1","status":"Call-In-Progress","machineDetection":"amd_machine_detected"}');
 * if (parsed.ok) parsed.value.status; // "in-progress"
 * ```
 */
export function parseCallNotification(body: unknown): ParsedNotification {
  try {
    const text =
      typeof body === "string" ? body : body instanceof Uint8Array ? Buffer.from(body).toString("utf8") : undefined;
    // parseJsonText skips one byte order mark, which some senders put before UTF-8 text.
    const value = text === undefined ? body : parseJsonText(text, MAX_BODY_TEXT);
    if (!isRecord(value)) {
      return {
        ok: false,
        issues: [
          text === undefined ? "(body): expected an object" : "(body): expected a JSON object (of at most 4 MB)",
        ],
      };
    }
    const result = notificationSchema.safeParse(canonicalFields(value));
    if (!result.success) return { ok: false, issues: describeIssues(result.error.issues, "(body)") };
    const parsed: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(result.data)) {
      if (field === undefined) continue;
      setOwn(parsed, key, field);
    }
    return { ok: true, value: parsed as CallNotification };
  } catch {
    return { ok: false, issues: ["(body): could not be read"] };
  }
}
