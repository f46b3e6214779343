import type { AmdOutcome } from "../outcome/classify-amd.js";
import type { MachineDetectionMode } from "../vocabulary.js";
import type { CallStatus } from "./notification.js";

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
  readonly machineDetection?: MachineDetectionMode;
  /** The call to summarise; by default the one most notifications are about. */
  readonly conversationId?: string;
}
