import { isAmount, numericText } from "../vocabulary.js";

// What each field of an event or of amdInfo may hold and how it is coerced, written out
// by hand for the reader (and so for the bot bundle, which carries no zod). The zod leaf
// schemas in leaf-schemas.ts state the same rules for the exported object schemas; a
// property test holds the two equal on generated input.

/** What a leaf reader returns for a value it refuses. */
export const INVALID: unique symbol = Symbol("invalid");

/** The problem each kind of field reports for a value it refuses. */
export const LEAF_PROBLEMS = {
  text: "expected text",
  amount: "expected a non-negative number",
  time: "expected a time (epoch milliseconds or a date)",
} as const;

/** Like {@link numericText}, and date strings (`"2026-11-24T09:00:00Z"`) become epoch ms. */
export function timeText(value: unknown): unknown {
  const number = numericText(value);
  if (typeof number !== "string") return number;
  const ms = Date.parse(number);
  return Number.isNaN(ms) ? number : ms;
}

const amount = (value: unknown): unknown => (isAmount(value) ? value : INVALID);

/** A kind of field: how a value is read (its coerced value, or {@link INVALID}) and the problem it reports. */
export interface LeafKind {
  readonly read: (value: unknown) => unknown;
  readonly problem: string;
}

const TEXT: LeafKind = { read: (value) => (typeof value === "string" ? value : INVALID), problem: LEAF_PROBLEMS.text };
const AMOUNT: LeafKind = { read: (value) => amount(numericText(value)), problem: LEAF_PROBLEMS.amount };
const TIME: LeafKind = { read: (value) => amount(timeText(value)), problem: LEAF_PROBLEMS.time };

/** The fields read from an event entry (see `amdEventDataSchema`). */
export const EVENT_FIELDS = {
  reason: TEXT,
  greeting: TEXT,
  transcript: TEXT,
  hint: TEXT,
  language: TEXT,
  frequency: AMOUNT,
  variance: AMOUNT,
  error: TEXT,
  atMs: AMOUNT,
  timestamp: TIME,
} as const satisfies Record<string, LeafKind>;

/** The scalar fields read from `amdInfo` (see `amdInfoSchema`). */
export const INFO_FIELDS = {
  amdGreeting: TEXT,
  amdReason: TEXT,
  amdRingDurationInMs: AMOUNT,
  amdConnectDurationInMs: AMOUNT,
} as const satisfies Record<string, LeafKind>;
