import { readProp } from "../internal/safe.js";
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

/** The keys of {@link EVENT_FIELDS} in order: the order of an event's values. */
export const EVENT_KEYS = Object.keys(EVENT_FIELDS) as ReadonlyArray<keyof typeof EVENT_FIELDS>;
/** The keys of {@link INFO_FIELDS} in order: the order of `amdInfo`'s values. */
export const INFO_KEYS = Object.keys(INFO_FIELDS) as ReadonlyArray<keyof typeof INFO_FIELDS>;

type Fields<K extends string> = { readonly [key in K]?: unknown };

// Each field read by its name at its own place, so each read stays fast however many
// shapes of entry a bot sends; a read that throws throws out of these, and the reader
// then reads each field alone, guarded. A test holds the names here equal to the keys.

/** An entry's fields in {@link EVENT_KEYS} order. */
export function eventValues(entry: Fields<keyof typeof EVENT_FIELDS>): unknown[] {
  return [
    entry.reason,
    entry.greeting,
    entry.transcript,
    entry.hint,
    entry.language,
    entry.frequency,
    entry.variance,
    entry.error,
    entry.atMs,
    entry.timestamp,
  ];
}

/** `amdInfo`'s fields in {@link INFO_KEYS} order. */
export function infoValues(info: Fields<keyof typeof INFO_FIELDS>): unknown[] {
  return [info.amdGreeting, info.amdReason, info.amdRingDurationInMs, info.amdConnectDurationInMs];
}

/** A group of fields read together: their keys and kinds in order, and how to read them all by name. */
export interface FieldGroup {
  readonly keys: readonly string[];
  readonly kinds: readonly LeafKind[];
  readonly values: (source: never) => unknown[];
}

/** An event entry's fields. */
export const EVENT_GROUP: FieldGroup = {
  keys: EVENT_KEYS,
  kinds: EVENT_KEYS.map((key) => EVENT_FIELDS[key]),
  values: eventValues,
};
/** `amdInfo`'s scalar fields. */
export const INFO_GROUP: FieldGroup = {
  keys: INFO_KEYS,
  kinds: INFO_KEYS.map((key) => INFO_FIELDS[key]),
  values: infoValues,
};

/**
 * The fields of `group` in `source`, in its key order, as they are (not coerced): all
 * read by name in one go; when a read throws, each is read again alone, guarded, so one
 * bad field costs only itself (it reads as `UNREADABLE`).
 */
export function valuesOf(source: object, group: FieldGroup): unknown[] {
  try {
    return group.values(source as never);
  } catch {
    return group.keys.map((key) => readProp(source, key));
  }
}
