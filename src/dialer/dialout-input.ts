import * as z from "zod";
import { AMD_EVENTS, toAmdEventName } from "../events.js";
import { MACHINE_DETECTION_MODES } from "../vocabulary.js";

const MAX_TIMER_MS = 300_000;
const MAX_RING_MS = 600_000;

const ms = (max: number) =>
  z
    .number({ error: "expected a whole number of milliseconds" })
    .int({ error: "expected a whole number of milliseconds" })
    .min(0, { error: "must be at least 0" })
    .max(max, { error: `must be at most ${max}` });

const text = (what = "text") =>
  z
    .string({ error: `expected ${what}` })
    .trim()
    .min(1, { error: "must not be empty" });

const TEL = /^tel:\+?\d{3,20}$/;
const SIP = /^sip:[^@\s:;]+@[A-Za-z0-9.-]+(?::\d{1,5})?$/;

function absoluteUrl(protocols: readonly string[], what: string) {
  return z.string({ error: `expected ${what}` }).refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
        // Stryker disable next-line BlockStatement: an empty catch returns undefined, which zod reads as false.
      } catch {
        return false;
      }
    },
    { error: `expected ${what}` },
  );
}

/**
 * The AMD timers, each in ms, with the documented defaults.
 *
 * @example
 * ```ts
 * import { dialoutTimersSchema } from "amd-flow/dialer";
 * dialoutTimersSchema.parse({ toneTimeoutMs: 25_000 }).noSpeechTimeoutMs; // 5000
 * ```
 */
export const dialoutTimersSchema = z.strictObject({
  /** Time to wait for speech before `amd_no_speech_detected`; default 5000. */
  noSpeechTimeoutMs: ms(MAX_TIMER_MS).default(5000),
  /** Time to wait for a decision before `amd_decision_timeout`; default 15000. */
  decisionTimeoutMs: ms(MAX_TIMER_MS).default(15_000),
  /** Time to wait to hear a tone; default 20000. */
  toneTimeoutMs: ms(MAX_TIMER_MS).default(20_000),
  /** Silence during the greeting before `amd_machine_stopped_speaking`; default 2000. */
  greetingCompletionTimeoutMs: ms(MAX_TIMER_MS).default(2000),
});

/**
 * Speech-to-text settings that override the application's for this call.
 *
 * @example
 * ```ts
 * import { callControlParameterSchema } from "amd-flow/dialer";
 * callControlParameterSchema.safeParse({ sttProvider: "deepgram", sttLanguage: "en-AU", interim: true }).success; // true
 * ```
 */
export const callControlParameterSchema = z.strictObject({
  /** The STT provider, for example `"deepgram"`. */
  sttProvider: text(),
  /** The STT language, for example `"en-AU"`. */
  sttLanguage: text(),
  /** A label for the STT configuration. */
  sttLabel: text().optional(),
  /** Whether to return interim transcription results. */
  interim: z.boolean({ error: "expected true or false" }).optional(),
  /** Silence before continuous ASR stops, in ms. */
  continuousASRTimeoutInMS: ms(MAX_TIMER_MS).optional(),
  /** Deepgram: silence that ends an utterance, in ms. */
  deepgramUtteranceEndMs: ms(MAX_TIMER_MS).optional(),
  /** Deepgram: silence used for endpointing, in ms. */
  deepgramEndpointing: ms(MAX_TIMER_MS).optional(),
});

const machineDetectionSchema = z.literal(MACHINE_DETECTION_MODES, {
  error: `expected one of ${MACHINE_DETECTION_MODES.join(", ")}`,
});

const amdEventName = z.string({ error: "expected an AMD event name" }).transform((value, ctx) => {
  const name = toAmdEventName(value);
  if (name === undefined) {
    ctx.issues.push({ code: "custom", message: `expected one of ${AMD_EVENTS.join(", ")}`, input: value });
    return z.NEVER;
  }
  return name;
});

/**
 * What {@link buildDialoutRequest} accepts: the documented dial-out fields, in either
 * documented spelling (`bot` or `botId`, `notifyurl` or `notifyUrl`, `machinedetection`
 * or `machineDetection`), plus where to send it (`host`) and the token (`jwt`).
 * {@link buildDialoutRequest} also checks that the spellings agree.
 *
 * @example
 * ```ts
 * import { dialoutInputSchema } from "amd-flow/dialer";
 * dialoutInputSchema.safeParse({ host: "http://insecure" }).success; // false
 * ```
 */
export const dialoutInputSchema = z.strictObject(
  {
    /** The platform's address, for example `https://platform.kore.ai`. */
    host: absoluteUrl(["https:"], "an absolute https URL"),
    /** The JWT sent in the `auth` header; never echoed in errors. */
    jwt: text("a JWT"),
    /** The bot (stream) id; `bot` in the docs' sample. */
    botId: text("a bot id").optional(),
    /** The documented sample's spelling of `botId`. */
    bot: text("a bot id").optional(),
    /** Whom to call: `tel:+<digits>` or `sip:user@host[:port]`. */
    target: z.string({ error: "expected a tel: or sip: URI" }).regex(new RegExp(`${TEL.source}|${SIP.source}`), {
      error: "expected tel: with digits (an optional +) or sip:user@host[:port]",
    }),
    /** The caller id (user part). */
    caller: text(),
    /** Where Voice Gateway posts call notifications. */
    notifyUrl: absoluteUrl(["http:", "https:"], "an absolute http(s) URL").optional(),
    /** The docs' spelling of `notifyUrl`. */
    notifyurl: absoluteUrl(["http:", "https:"], "an absolute http(s) URL").optional(),
    /** Extra headers sent with each notification. */
    notifyHeaders: z.record(z.string(), z.string({ error: "expected text" })).optional(),
    /** How long to let the call ring, in ms. */
    timeoutInMs: ms(MAX_RING_MS).optional(),
    /** The carrier trunk; the account's default when absent. */
    trunk: text().optional(),
    /** Data for the bot, passed through as given. */
    metadata: z.record(z.string(), z.unknown()).optional(),
    /** The AMD timers. */
    timers: dialoutTimersSchema.optional(),
    /** `disconnect`, `detect` or `disabled`. */
    machineDetection: machineDetectionSchema.optional(),
    /** The docs' spelling of `machineDetection`. */
    machinedetection: machineDetectionSchema.optional(),
    /** Words in a greeting from which it counts as a machine's (engine default 9). */
    thresholdWordCount: z
      .number({ error: "expected a whole number" })
      .int({ error: "expected a whole number" })
      .min(1, { error: "must be at least 1" })
      .max(100, { error: "must be at most 100" })
      .optional(),
    /** AMD events to be notified of; `[]` opts out. */
    amdEventsSubscription: z.array(amdEventName, { error: "expected a list of AMD event names" }).optional(),
    /** STT settings for this call. */
    callControlParameter: callControlParameterSchema.optional(),
  },
  { error: "expected an object" },
);

/**
 * The dial-out input as written by a caller.
 *
 * @example
 * ```ts
 * import type { DialoutInput } from "amd-flow/dialer";
 * const input: DialoutInput = { host: "https://platform.kore.ai", jwt: "…", botId: "st-1", target: "tel:+15551234567", caller: "+15557654321" };
 * ```
 */
export type DialoutInput = z.input<typeof dialoutInputSchema>;
