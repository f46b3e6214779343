import type { RouteAction } from "../core.js";
import { type CallScript, firstUtteranceEndOf, lastSpeechEndOf } from "./call-script.js";

/**
 * How one simulated call went.
 *
 * @example
 * ```ts
 * import type { CallMetrics } from "amd-flow/simulator";
 * const metrics: CallMetrics = { right: true, personSilenceMs: 700, voicemailClipped: false };
 * ```
 */
export interface CallMetrics {
  /**
   * The move suited who answered: a person → `continue` or `transfer`; a machine →
   * `leave-voicemail` at or after the end of its greeting and at or after its beep (heard
   * or missed), or `hang-up` when the policy hangs up on machines (the decision's
   * `outcome` is a machine; a router's decision without an `outcome` is taken at its
   * word); a fax → `hang-up`; nobody → `continue`. `false` when the callee hung up
   * before any move.
   */
  readonly right: boolean;
  /**
   * A person: from the end of their first utterance (the answer, when they never spoke)
   * to the bot's move; negative when the bot spoke over them. Absent when no person
   * answered or they hung up before the bot moved.
   */
  readonly personSilenceMs?: number;
  /** A machine: the message began before the greeting's last words ended or before the beep. */
  readonly voicemailClipped: boolean;
  /** A machine with a beep (heard or missed) that got a voicemail: from the beep to the message. */
  readonly voicemailAfterBeepMs?: number;
}

type Move = Exclude<RouteAction, "wait">;

/** Whether the decision hung up on what it took for a machine (a decision that gives no outcome: yes). */
function hangsUpOnMachine(last: object): boolean {
  const outcome: unknown = (last as { readonly outcome?: unknown }).outcome;
  if (outcome === undefined) return true;
  return typeof outcome === "object" && outcome !== null && (outcome as { readonly kind?: unknown }).kind === "machine";
}

function isRight(call: CallScript, action: Move, atMs: number, last: object): boolean {
  switch (call.answeredBy) {
    case "person":
      return action === "continue" || action === "transfer";
    case "machine":
      if (action === "hang-up") return hangsUpOnMachine(last);
      return action === "leave-voicemail" && !clipped(call, atMs);
    case "fax":
      return action === "hang-up";
    case "nobody":
      return action === "continue";
  }
}

function clipped(call: CallScript, atMs: number): boolean {
  const greetingEnd = lastSpeechEndOf(call);
  return (greetingEnd !== undefined && atMs < greetingEnd) || (call.beep !== undefined && atMs < call.beep.atMs);
}

/**
 * The metrics of one call: `action` is the bot's first move other than `wait`, made at
 * `atMs` on `last` (all `null` when the callee hung up first).
 */
export function callMetrics(
  call: CallScript,
  action: Move | null,
  atMs: number | null,
  last: object | null,
): CallMetrics {
  if (action === null || atMs === null || last === null) return { right: false, voicemailClipped: false };
  const metrics: { -readonly [K in keyof CallMetrics]: CallMetrics[K] } = {
    right: isRight(call, action, atMs, last),
    voicemailClipped: false,
  };
  if (call.answeredBy === "person") metrics.personSilenceMs = atMs - (firstUtteranceEndOf(call) ?? 0);
  if (call.answeredBy === "machine" && action === "leave-voicemail") {
    metrics.voicemailClipped = clipped(call, atMs);
    if (call.beep !== undefined) metrics.voicemailAfterBeepMs = atMs - call.beep.atMs;
  }
  return metrics;
}
