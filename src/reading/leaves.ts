import * as z from "zod/mini";

// The leaf schemas are the authority on what a field may hold and how it is coerced.
// The reader only short-cuts values that are already canonical (a string for text, a
// finite non-negative number for numbers) and sends everything else here, so coercion
// and the wording of problems live in one place. They are all the bot bundle carries
// of zod: object schemas cost kilobytes and start-up time there (see bench/).

const NUMERIC_TEXT = /^\s*\d+(?:\.\d+)?\s*$/;

/** Numbers written as text (`"440"`) become numbers; anything else is left for the check. */
function numericText(value: unknown): unknown {
  return typeof value === "string" && NUMERIC_TEXT.test(value) ? Number(value) : value;
}

/** Like {@link numericText}, and date strings (`"2026-11-24T09:00:00Z"`) become epoch ms. */
function timeText(value: unknown): unknown {
  const number = numericText(value);
  if (typeof number !== "string") return number;
  const ms = Date.parse(number);
  return Number.isNaN(ms) ? number : ms;
}

/**
 * A piece of text in AMD data: a greeting, a reason, a hint, a language tag.
 *
 * @example
 * ```ts
 * import { amdTextSchema } from "amd-flow";
 * amdTextSchema.safeParse("leave a message").success; // true
 * ```
 */
export const amdTextSchema = z.string({ error: "expected text" });

/**
 * A non-negative number, or the same number written as text (`"440"`): session values
 * and webhook fields arrive as either.
 *
 * @example
 * ```ts
 * import { amdNumberSchema } from "amd-flow";
 * amdNumberSchema.parse("3000"); // 3000
 * ```
 */
export const amdNumberSchema = z.pipe(
  z.transform(numericText),
  z.number({ error: "expected a non-negative number" }).check(z.gte(0, { error: "expected a non-negative number" })),
);

/**
 * When an event happened: epoch milliseconds as a number or numeric text, or a date
 * string that `Date.parse` understands (`"2026-11-24T09:00:00Z"`), as milliseconds.
 *
 * @example
 * ```ts
 * import { amdTimestampSchema } from "amd-flow";
 * amdTimestampSchema.parse("2026-11-24T09:00:00.000Z"); // 1795510800000
 * ```
 */
export const amdTimestampSchema = z.pipe(
  z.transform(timeText),
  z.number({ error: "expected a time (epoch milliseconds or a date)" }).check(
    z.gte(0, { error: "expected a time (epoch milliseconds or a date)" }),
  ),
);

/** The fields read from an event entry, each with its leaf schema (see `amdEventDataSchema`). */
export const EVENT_FIELDS = {
  reason: amdTextSchema,
  greeting: amdTextSchema,
  transcript: amdTextSchema,
  hint: amdTextSchema,
  language: amdTextSchema,
  frequency: amdNumberSchema,
  variance: amdNumberSchema,
  error: amdTextSchema,
  timestamp: amdTimestampSchema,
} as const;

/** The scalar fields read from `amdInfo`, each with its leaf schema (see `amdInfoSchema`). */
export const INFO_FIELDS = {
  amdGreeting: amdTextSchema,
  amdReason: amdTextSchema,
  amdRingDurationInMs: amdNumberSchema,
  amdConnectDurationInMs: amdNumberSchema,
} as const;
