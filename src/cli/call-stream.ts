import { CallAccumulator } from "../dialer/call-accumulator.js";
import type { CallNotification } from "../dialer/index.js";
import { notificationKey } from "../dialer/notification-key.js";

/**
 * What bounds the memory of a summary over a stream: the calls still open and what
 * each keeps, never the length of the stream.
 */
export interface CallStreamLimits {
  /** Calls open at once (no final status yet); past it, the least recently active is printed as it is. */
  readonly maxOpenCalls: number;
  /** Notifications read after a call's final status before it is printed: late ones still reach it. */
  readonly graceNotifications: number;
  /** Notifications read without one for an open call before it is printed as it is: it has gone quiet. */
  readonly maxIdleNotifications: number;
  /** Distinct notifications kept for one call; past it, the call's others are left out (but its final status). */
  readonly maxNotificationsPerCall: number;
  /** Characters kept for one call (its notifications' keys and texts); past it, as above. */
  readonly maxCallChars: number;
  /** Characters kept for all the calls held; past it, the least recently active open call is printed as it is. */
  readonly maxKeptChars: number;
  /** Ids of printed calls remembered, to tell a late notification from a new call. */
  readonly rememberPrinted: number;
}

/** The bounds `amd-flow summarize` uses (a few hundred MB at most, whatever the input's length). */
export const CALL_STREAM_LIMITS: CallStreamLimits = {
  maxOpenCalls: 100_000,
  graceNotifications: 10_000,
  maxIdleNotifications: 1_000_000,
  maxNotificationsPerCall: 1_000,
  maxCallChars: 4_000_000,
  maxKeptChars: 64_000_000,
  rememberPrinted: 100_000,
};

/** How many lines of each kind of left-out notification are named. */
const NAMED_LINES = 5;

/** One kind of notification left out: how many, and the lines of the first few. */
export interface LeftOutNotifications {
  count: number;
  readonly lines: number[];
}

/** What a summary over a stream left out to keep its bounds, for the report. */
export interface LeftOut {
  /** Notifications longer than the bound on one value (counted by the reader). */
  readonly tooLong: LeftOutNotifications;
  /** Notifications of a call already printed. */
  readonly late: LeftOutNotifications;
  /** Notifications past what one call keeps. */
  readonly pastCallLimit: LeftOutNotifications;
  /** Calls printed before their final status because too many were open, or kept too much. */
  printedBeforeFinal: number;
}

/** Notes one left-out notification at `line`. */
export function noteLeftOut(kind: LeftOutNotifications, line: number): void {
  kind.count++;
  if (kind.lines.length < NAMED_LINES) kind.lines.push(line);
}

interface HeldCall {
  readonly id: string;
  readonly call: CallAccumulator;
  /** The notification count when it was last written to. */
  last: number;
  /** The notification count when its final status came, once it has. */
  endedAt: number | undefined;
  /** What it keeps, in characters, as last measured. */
  kept: number;
  /** Notifications of this call left out past its limits. */
  leftOut: number;
  /** Printed early to keep the bounds. */
  early: boolean;
}

/**
 * A first-in, first-out list of ids, each with the notification count it was put at.
 * Entries go stale rather than being removed from the middle (a Map used this way keeps
 * its removed entries as holes that every walk from the start steps over).
 */
class Queue {
  private ids: string[] = [];
  private counts: number[] = [];
  private head = 0;

  get size(): number {
    return this.ids.length - this.head;
  }

  push(id: string, count: number): void {
    this.ids.push(id);
    this.counts.push(count);
  }

  /** The id at `offset` from the front, and its count; `undefined` past the end. */
  at(offset: number): [string, number] | undefined {
    const index = this.head + offset;
    return index < this.ids.length ? [this.ids[index] as string, this.counts[index] as number] : undefined;
  }

  shift(): void {
    this.head++;
    if (this.head >= 4096 && this.head * 2 >= this.ids.length) {
      this.ids = this.ids.slice(this.head);
      this.counts = this.counts.slice(this.head);
      this.head = 0;
    }
  }
}

/**
 * Notifications of many calls, read in one pass: each call's are folded as they come,
 * and a call is printed (handed to `print`) once its final status has arrived and
 * `graceNotifications` more were read, or when it has gone quiet, or, to keep the
 * bounds, when it is the least recently active of too many. Memory is bounded by the
 * limits, whatever the number of notifications.
 */
export class CallStream {
  private count = 0;
  private kept = 0;
  private endedHeld = 0;
  /** The calls held, by id. */
  private readonly calls = new Map<string, HeldCall>();
  /** Each notification's call, in order: a call's entry at its `last` count is its place by activity. */
  private readonly activity = new Queue();
  /** The calls that got their final status, in that order. */
  private readonly ended = new Queue();
  /** Ids of the calls printed last, oldest first. */
  private readonly printed = new Set<string>();
  readonly leftOut: LeftOut = {
    tooLong: { count: 0, lines: [] },
    late: { count: 0, lines: [] },
    pastCallLimit: { count: 0, lines: [] },
    printedBeforeFinal: 0,
  };

  constructor(
    private readonly limits: CallStreamLimits,
    private readonly print: (call: CallAccumulator, issues: string[]) => void,
  ) {}

  /** How many calls are held now (open, or ended and waiting for late notifications). */
  get held(): number {
    return this.calls.size;
  }

  /** Adds one notification, read at `line`; may print calls. */
  add(notification: CallNotification, line: number): void {
    this.count++;
    const id = notification.conversationId;
    if (this.printed.has(id)) {
      noteLeftOut(this.leftOut.late, line);
      return;
    }
    let held = this.calls.get(id);
    if (held === undefined) {
      held = { id, call: new CallAccumulator(id), last: 0, endedAt: undefined, kept: 0, leftOut: 0, early: false };
      this.calls.set(id, held);
    }
    held.last = this.count;
    // The call's own id, one string for all its entries (each notification brings its own copy).
    this.activity.push(held.id, this.count);
    this.file(held, notification, line);
    this.printDue();
  }

  /** The input has ended: prints every call still held, the ended ones first, in the order they ended. */
  finish(): void {
    for (let offset = 0; offset < this.ended.size; offset++) {
      const held = this.live(this.ended.at(offset) as [string, number], "endedAt");
      if (held !== undefined) this.printHeld(held);
    }
    for (const held of [...this.calls.values()]) this.printHeld(held);
  }

  private file(held: HeldCall, notification: CallNotification, line: number): void {
    const { call } = held;
    const key = notificationKey(notification);
    if (call.has(key)) return; // a repeated delivery: nothing to keep
    const final = notification.status === "completed" || notification.status === "failed";
    const full =
      call.size >= this.limits.maxNotificationsPerCall || held.kept + 2 * key.length > this.limits.maxCallChars;
    // A call's first final status is always taken, so a full call still ends.
    if (full && !(final && !call.ended)) {
      held.leftOut++;
      noteLeftOut(this.leftOut.pastCallLimit, line);
      return;
    }
    call.add(notification, key);
    const kept = call.keptChars();
    this.kept += kept - held.kept;
    held.kept = kept;
    if (call.ended && held.endedAt === undefined) {
      held.endedAt = this.count;
      this.endedHeld++;
      this.ended.push(held.id, this.count);
    }
  }

  /** The call an entry names, if it is still held and the entry is still its place (by `last` or `endedAt`). */
  private live([id, count]: [string, number], place: "last" | "endedAt"): HeldCall | undefined {
    const held = this.calls.get(id);
    return held !== undefined && held[place] === count ? held : undefined;
  }

  /** Prints the calls whose grace has run out, the quiet ones, and the least recently active past the bounds. */
  private printDue(): void {
    for (let entry = this.ended.at(0); entry !== undefined; entry = this.ended.at(0)) {
      const held = this.live(entry, "endedAt");
      if (held !== undefined && this.count - entry[1] < this.limits.graceNotifications) break;
      this.ended.shift();
      if (held !== undefined) this.printHeld(held);
    }
    for (let entry = this.activity.at(0); entry !== undefined; entry = this.activity.at(0)) {
      const held = this.live(entry, "last");
      if (held !== undefined && this.count - entry[1] < this.limits.maxIdleNotifications) break;
      this.activity.shift();
      if (held !== undefined) this.printHeld(held);
    }
    let offset = 0;
    for (let entry = this.activity.at(0); entry !== undefined; entry = this.activity.at(offset)) {
      const tooMany = this.calls.size - this.endedHeld > this.limits.maxOpenCalls;
      const tooBig = this.kept > this.limits.maxKeptChars;
      // The call just written to is last: it is never printed to make room for itself.
      if ((!tooMany && !tooBig) || entry[1] === this.count) break;
      const held = this.live(entry, "last");
      if (held !== undefined && held.endedAt !== undefined && !tooBig) {
        offset++; // an ended call frees memory, but no open call's place
        continue;
      }
      if (offset === 0) this.activity.shift();
      else offset++;
      if (held === undefined) continue;
      if (held.endedAt === undefined) {
        held.early = true;
        this.leftOut.printedBeforeFinal++;
      }
      this.printHeld(held);
    }
  }

  private printHeld(held: HeldCall): void {
    this.calls.delete(held.id);
    if (held.endedAt !== undefined) this.endedHeld--;
    this.kept -= held.kept;
    this.printed.add(held.id);
    if (this.printed.size > this.limits.rememberPrinted) {
      for (const oldest of this.printed) {
        this.printed.delete(oldest);
        break;
      }
    }
    const issues: string[] = [];
    if (held.leftOut > 0)
      issues.push(
        `${held.leftOut} notification(s) left out: one call keeps at most ${this.limits.maxNotificationsPerCall} notifications and ${this.limits.maxCallChars} characters`,
      );
    if (held.early)
      issues.push(
        `printed before its final status: more than ${this.limits.maxOpenCalls} calls were open, or they kept more than ${this.limits.maxKeptChars} characters`,
      );
    this.print(held.call, issues);
  }
}
