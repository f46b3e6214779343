import * as z from "zod/mini";
import { numericText } from "../vocabulary.js";

// The leaf schemas are the authority on what a field may hold and how it is coerced.
// The reader only short-cuts values that are already canonical (a string for text, a
// finite non-negative number for numbers) and sends everything else to the schema, so
// coercion and the wording of problems live in one place.
//
// They are built on first use: a bot context with canonical values never needs them,
// and building them costs about 0.7 ms of the bot bundle's cold start (bench/). The
// object schemas in schemas.ts export these same instances.

/** Like {@link numericText}, and date strings (`"2026-11-24T09:00:00Z"`) become epoch ms. */
function timeText(value: unknown): unknown {
  const number = numericText(value);
  if (typeof number !== "string") return number;
  const ms = Date.parse(number);
  return Number.isNaN(ms) ? number : ms;
}

function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

const nonNegative = (error: string) => z.number({ error }).check(z.gte(0, { error }));

/** The text leaf: any string. */
export const textLeaf = once(() => z.string({ error: "expected text" }));
/** The number leaf: a non-negative number, or one written as text. */
export const numberLeaf = once(() => z.pipe(z.transform(numericText), nonNegative("expected a non-negative number")));
/** The time leaf: epoch ms as a number or text, or a date string. */
export const timeLeaf = once(() =>
  z.pipe(z.transform(timeText), nonNegative("expected a time (epoch milliseconds or a date)")),
);

/** A kind of field: its schema, and the check for values that are already canonical. */
export interface LeafKind {
  readonly schema: () => z.ZodMiniType;
  readonly canonical: (value: unknown) => boolean;
}

// The canonical checks are a fast path: a value they pass must come out of the schema
// unchanged (a test holds them to it); a value they miss goes through the schema. So a
// narrower check changes only speed.
// Stryker disable next-line EqualityOperator,ConditionalExpression,LogicalOperator: see above; 0 and text both go through the schema unchanged.
const isAmount = (value: unknown): boolean => typeof value === "number" && value >= 0 && value < Infinity;
// Stryker disable next-line ConditionalExpression: see above.
const TEXT: LeafKind = { schema: textLeaf, canonical: (value) => typeof value === "string" };
const AMOUNT: LeafKind = { schema: numberLeaf, canonical: isAmount };
const TIME: LeafKind = { schema: timeLeaf, canonical: isAmount };

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
