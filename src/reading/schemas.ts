import * as z from "zod/mini";
import { AMD_EVENTS } from "../events.js";
import { numberLeaf, textLeaf, timeLeaf } from "./leaf-schemas.js";

// Object schemas of what a bot context may hold, for types, docs and users who want to
// validate. The reader walks the same fields (EVENT_FIELDS, INFO_FIELDS in leaves.ts)
// with the same rules written by hand, which keeps zod out of the bot bundle; tests hold
// the field lists and the leaf rules equal.

/**
 * A piece of text in AMD data: a greeting, a reason, a hint, a language tag.
 *
 * @example
 * ```ts
 * import { amdTextSchema } from "amd-flow";
 * amdTextSchema.safeParse("leave a message").success; // true
 * ```
 */
export const amdTextSchema = textLeaf();

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
export const amdNumberSchema = numberLeaf();

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
export const amdTimestampSchema = timeLeaf();

/**
 * The data an AMD event may carry besides its name. Every field is optional: the
 * engine sends only what applies, and `language` is often missing.
 *
 * @example
 * ```ts
 * import { amdEventDataSchema } from "amd-flow";
 * amdEventDataSchema.parse({ reason: "hint", hint: "leave a message" });
 * ```
 */
export const amdEventDataSchema = z.object({
  /** Why the engine decided: `"hint"`, `"digit count"`, `"short greeting"` or `"long greeting"`. */
  reason: z.optional(amdTextSchema),
  /** What was heard (the final transcript of the greeting). */
  greeting: z.optional(amdTextSchema),
  /** The same as `greeting` under the name the jambonz source uses; read as the greeting when `greeting` is absent. */
  transcript: z.optional(amdTextSchema),
  /** The voicemail phrase that matched, when `reason` is `"hint"`. */
  hint: z.optional(amdTextSchema),
  /** The recognizer's language, for example `"en-US"`; may be missing. */
  language: z.optional(amdTextSchema),
  /** Tone frequency in Hz, on `amd_tone_detected`. */
  frequency: z.optional(amdNumberSchema),
  /** Tone frequency variance, on `amd_tone_detected`. */
  variance: z.optional(amdNumberSchema),
  /** What went wrong, on `amd_error`. */
  error: z.optional(amdTextSchema),
  /** When the event happened, in ms from the answer (as the simulator and some recorders give it). */
  atMs: z.optional(amdNumberSchema),
  /** When the event happened, in epoch milliseconds, when the platform records it; kept beside `atMs`. */
  timestamp: z.optional(amdTimestampSchema),
});

/**
 * One entry of `amdInfo.amdEvents` (or the `amd` value itself): a bare event name, or
 * an object that names the event in `type`, `event` or `name` and carries its data,
 * or a notify-URL body naming it in `machineDetection`.
 *
 * @example
 * ```ts
 * import { amdEventEntrySchema } from "amd-flow";
 * amdEventEntrySchema.safeParse("amd_stopped").success; // true
 * amdEventEntrySchema.safeParse({ type: "amd_tone_detected", frequency: 440 }).success; // true
 * ```
 */
export const amdEventEntrySchema = z.union([
  z.string(),
  z.looseObject({
    /** The event name, as jambonz sends it. */
    type: z.optional(z.string()),
    /** The event name, as some platforms store it. */
    event: z.optional(z.string()),
    /** The event name, as some platforms store it. */
    name: z.optional(z.string()),
    /** The event name in a notify-URL body stored as an event (beside `status`, `reasonCode` and the like). */
    machineDetection: z.optional(z.string()),
    ...amdEventDataSchema.shape,
  }),
]);

/**
 * `context.session.UserSession.amdInfo` as Kore.ai documents it. "Some may be optional
 * or unavailable": every field is optional, and unknown fields are kept.
 *
 * @example
 * ```ts
 * import { amdInfoSchema } from "amd-flow";
 * amdInfoSchema.safeParse({ amdEvents: ["amd_human_detected"], amdRingDurationInMs: "4200" }).success; // true
 * ```
 */
export const amdInfoSchema = z.looseObject({
  /** Every AMD event so far, in arrival order (which is not the order they happened in). */
  amdEvents: z.optional(z.union([z.array(amdEventEntrySchema), amdEventEntrySchema])),
  /** What the machine (or person) said. */
  amdGreeting: z.optional(amdTextSchema),
  /** Why a machine was decided, for example `"hint"` or `"long greeting"`. */
  amdReason: z.optional(amdTextSchema),
  /** How long the call rang before it was answered, in ms. */
  amdRingDurationInMs: z.optional(amdNumberSchema),
  /** How long the call had been connected, in ms. */
  amdConnectDurationInMs: z.optional(amdNumberSchema),
});

/**
 * `context.session.UserSession.amd`: documented as an AMD event name, its exact shape
 * is not; a name, a list of names or entries, or one entry object are all accepted.
 *
 * @example
 * ```ts
 * import { amdValueSchema } from "amd-flow";
 * amdValueSchema.safeParse(["amd_machine_detected", "amd_stopped"]).success; // true
 * ```
 */
export const amdValueSchema = z.union([z.array(amdEventEntrySchema), amdEventEntrySchema]);

/**
 * The AMD event names as a schema.
 *
 * @example
 * ```ts
 * import { amdEventNameSchema } from "amd-flow";
 * amdEventNameSchema.safeParse("amd_error").success; // true
 * ```
 */
export const amdEventNameSchema = z.literal(AMD_EVENTS);

/**
 * Data an AMD event carried, after coercion: numbers are numbers, times are epoch ms.
 *
 * @example
 * ```ts
 * import type { AmdEventData } from "amd-flow";
 * const tone: AmdEventData = { frequency: 440, variance: 2 };
 * ```
 */
export type AmdEventData = z.output<typeof amdEventDataSchema>;

/**
 * `amdInfo` as it may arrive, before reading.
 *
 * @example
 * ```ts
 * import type { AmdInfoInput } from "amd-flow";
 * const info: AmdInfoInput = { amdEvents: ["amd_human_detected", "amd_stopped"] };
 * ```
 */
export type AmdInfoInput = z.input<typeof amdInfoSchema>;

/**
 * One `amdEvents` entry as it may arrive, before reading.
 *
 * @example
 * ```ts
 * import type { AmdEventEntry } from "amd-flow";
 * const entry: AmdEventEntry = { type: "amd_machine_detected", reason: "hint", hint: "leave a message" };
 * ```
 */
export type AmdEventEntry = z.input<typeof amdEventEntrySchema>;
