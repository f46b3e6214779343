import type { AmdEventName } from "../events.js";
import { type Mutable, put } from "../internal/safe.js";
import { classifyAmd } from "../outcome/classify-amd.js";
import type { CallSummary } from "./call-summary.js";
import { failureCauseOf } from "./failure-cause.js";
import { decidesOver, endedByOf, type FinalState, instantOrEarliest } from "./final-state.js";
import { instantOf } from "./instant.js";
import type { CallNotification } from "./notification.js";
import { notificationKey } from "./notification-key.js";

/** A time as written, and the instant it names. */
interface Instant {
  readonly text: string;
  readonly ms: number;
}

/** The earlier (`min`) or later (`max`) of two times by instant; of two spellings of one instant, the first in text order. */
function pickInstant(best: Instant | undefined, text: string | undefined, pick: "min" | "max"): Instant | undefined {
  const ms = text === undefined ? undefined : instantOf(text);
  // Times that name no instant are passed over (the parser has reported them).
  if (text === undefined || ms === undefined) return best;
  if (best === undefined || (pick === "min" ? ms < best.ms : ms > best.ms) || (ms === best.ms && text < best.text))
    return { text, ms };
  return best;
}

const larger = (best: number | undefined, value: number | undefined): number | undefined =>
  value !== undefined && (best === undefined || value > best) ? value : best;

/** What a kept text costs besides its characters: a rough upper bound of a V8 string's and a Set entry's overhead. */
const ENTRY_OVERHEAD = 64;

/**
 * One call's notifications folded as they arrive, keeping only what its summary needs:
 * the final state, the AMD events heard, the largest durations, the earliest connect and
 * latest disconnect, the first session id, and a key per distinct notification (so a
 * repeated delivery counts once). Every step is order-free, so any arrival order gives
 * the same summary; what is kept does not grow with a notification's extra fields.
 */
export class CallAccumulator {
  private readonly keys = new Set<string>();
  private keyChars = 0;
  private readonly events = new Set<AmdEventName>();
  private final: FinalState | undefined;
  private ring: number | undefined;
  private connect: number | undefined;
  private duration: number | undefined;
  private connectTime: Instant | undefined;
  private disconnectTime: Instant | undefined;
  private sessionId: string | undefined;

  /** @param conversationId - the call; `undefined` for a summary of nothing usable. */
  constructor(readonly conversationId: string | undefined) {}

  /** Whether a notification with this key (see `notificationKey`) was added. */
  has(key: string): boolean {
    return this.keys.has(key);
  }

  /**
   * Adds one parsed notification of this call.
   *
   * @param key - its `notificationKey`, when the caller has it already.
   * @returns `false` when it repeats one already added (nothing changes).
   */
  add(notification: CallNotification, key = notificationKey(notification)): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    this.keyChars += key.length;
    if (notification.machineDetection !== undefined) this.events.add(notification.machineDetection);
    const { status, callDisconnectTime } = notification;
    const disconnectMs = instantOrEarliest(callDisconnectTime);
    if (this.final === undefined || decidesOver(status, disconnectMs, key, this.final)) {
      const { reasonCode, reason } = notification;
      this.final = { status, reasonCode, reason, disconnectTime: callDisconnectTime, disconnectMs, key };
    }
    this.ring = larger(this.ring, notification.ringDurationInMS);
    this.connect = larger(this.connect, notification.connectDurationInMS);
    this.duration = larger(this.duration, notification.callDuration);
    this.connectTime = pickInstant(this.connectTime, notification.callConnectTime, "min");
    this.disconnectTime = pickInstant(this.disconnectTime, notification.callDisconnectTime, "max");
    const session = notification.sessionId;
    if (session !== undefined && (this.sessionId === undefined || session < this.sessionId)) this.sessionId = session;
    return true;
  }

  /** How many distinct notifications were added. */
  get size(): number {
    return this.keys.size;
  }

  /** Whether a final status (`completed` or `failed`) has arrived. */
  get ended(): boolean {
    return this.final?.status === "completed" || this.final?.status === "failed";
  }

  /**
   * About how much memory the call keeps, in characters: its keys and the texts it
   * holds, each with an allowance for its overhead. Bounds a collection of calls.
   */
  keptChars(): number {
    const texts = [
      this.conversationId,
      this.final?.reason,
      this.final?.reasonCode,
      this.final?.disconnectTime,
      this.connectTime?.text,
      this.disconnectTime?.text,
      this.sessionId,
    ];
    let chars = this.keyChars + this.keys.size * ENTRY_OVERHEAD + ENTRY_OVERHEAD * 4;
    for (const text of texts) if (text !== undefined) chars += text.length + ENTRY_OVERHEAD;
    return chars;
  }

  /**
   * The call's summary so far.
   *
   * @param machineDetection - the dial-out's mode; `machineDetected` needs `disconnect`.
   * @param issues - the problems to report with it.
   */
  summary(machineDetection: unknown, issues: readonly string[]): CallSummary {
    const amd = classifyAmd({
      events: [...this.events].map((name) => ({ name, source: "amdEvents" as const })),
      unknownEvents: [],
      issues: [],
    });
    const final = this.final;
    const summary: Mutable<CallSummary> = {
      conversationId: this.conversationId,
      status: final?.status ?? "unknown",
      amd,
      machineDetected:
        machineDetection === "disconnect" &&
        (amd.evidence.includes("amd_machine_detected") || amd.evidence.includes("amd_tone_detected")),
      notifications: this.keys.size,
      issues: [...issues],
    };
    put(summary, "reasonCode", final?.reasonCode);
    put(summary, "reason", final?.reason);
    if (final?.status === "failed") summary.failureCause = failureCauseOf(final.reasonCode, final.reason);
    if (final?.status === "completed") put(summary, "endedBy", endedByOf(final.reasonCode));
    put(summary, "ringDurationMs", this.ring);
    put(summary, "connectDurationMs", this.connect);
    put(summary, "callDurationSeconds", this.duration);
    put(summary, "callConnectTime", this.connectTime?.text);
    put(summary, "callDisconnectTime", this.disconnectTime?.text);
    put(summary, "sessionId", this.sessionId);
    return summary;
  }
}
