import * as z from "zod";
import { AMD_EVENTS, toAmdEventName } from "../events.js";
import { isRecord } from "../internal/safe.js";
import { MACHINE_DETECTION_MODES } from "../vocabulary.js";
import { hostProblem, isDotSegment } from "./dialout-url.js";
import { jsonTextOf } from "./json-text.js";

const MAX_TIMER_MS = 300_000;
const MAX_RING_MS = 600_000;

const ms = (max: number, min = 0) =>
  z
    .number({ error: "expected a whole number of milliseconds" })
    .int({ error: "expected a whole number of milliseconds" })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

/**
 * An AMD timer: the engine hands it to Node's setTimeout, which fires 0, negative and
 * over-2³¹−1 values after 1 ms and truncates fractions, so those would end AMD at once
 * or not when asked; whole numbers from 1 to 300000 only.
 */
const timer = () => ms(MAX_TIMER_MS, 1);

/** A whole number from 1 to `max`, for the engine's counts (0 or a fraction would be misread). */
const count = (max: number, zero: string) =>
  z
    .number({ error: "expected a whole number" })
    .int({ error: "expected a whole number" })
    .min(1, { error: `must be at least 1 (${zero})` })
    .max(max, { error: `must be at most ${max}` });

const text = (what = "text") =>
  z
    .string({ error: `expected ${what}` })
    .trim()
    .min(1, { error: "must not be empty" });

const TEL = /^tel:\+?\d{3,20}$/;
const SIP = /^sip:[^@\s:;]+@[A-Za-z0-9.-]+(?::\d{1,5})?$/;

/** C0 controls (CR, LF, NUL, …), DEL and C1 controls: they split or end an HTTP header. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** An HTTP header name (RFC 9110 token). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What may not appear in an HTTP header value: C0 controls but the tab, and DEL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const HEADER_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;
const NO_CONTROL = "must not contain control characters";

function absoluteUrl(protocols: readonly string[], what: string) {
  return z.string({ error: `expected ${what}` }).refine(
    (value) => {
      if (CONTROL.test(value) || value.trim() !== value) return false;
      try {
        return protocols.indexOf(new URL(value).protocol) !== -1;
      } catch {
        return false;
      }
    },
    { error: `expected ${what}` },
  );
}

const host = z.string({ error: "expected an absolute https URL" }).superRefine((value, ctx) => {
  const problem = hostProblem(value);
  if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
});

const botId = text("a bot id")
  .refine((value) => !isDotSegment(value), { error: "must not be . or .." })
  .refine(
    (value) => {
      try {
        encodeURIComponent(value);
        return true;
      } catch {
        return false; // a lone surrogate: no URL can carry it
      }
    },
    { error: "must be well-formed Unicode text" },
  );

const notifyHeaders = z
  .record(
    z.string(),
    z.string({ error: "expected text" }).refine((value) => !HEADER_CONTROL.test(value), { error: NO_CONTROL }),
  )
  .superRefine((headers, ctx) => {
    for (const name of Object.keys(headers)) {
      if (!TOKEN.test(name)) ctx.addIssue({ code: "custom", message: "not a valid header name", path: [name] });
    }
  });

/** Any object that JSON can carry, replaced by what its JSON text reads back: what will be sent. */
const metadata = z
  .custom<Readonly<Record<string, unknown>>>(() => true)
  .transform((value, ctx) => {
    if (!isRecord(value)) {
      ctx.addIssue({ code: "custom", message: "expected an object" });
      return z.NEVER;
    }
    const text = jsonTextOf(value);
    const sent: unknown = text === undefined ? undefined : JSON.parse(text);
    if (!isRecord(sent)) {
      ctx.addIssue({ code: "custom", message: "could not be serialised as a JSON object" });
      return z.NEVER;
    }
    return sent as Record<string, unknown>;
  });

/**
 * The AMD timers, each in ms and each optional: a timer left out is not sent, and
 * Voice Gateway uses its own default (5000, 15000, 20000 and 2000 ms). Each is a whole
 * number from 1 to 300000: the engine passes it to `setTimeout`, which runs 0, negative
 * and over-2³¹−1 values after 1 ms and truncates fractions.
 *
 * @example
 * ```ts
 * import { dialoutTimersSchema } from "amd-flow/dialer";
 * dialoutTimersSchema.parse({ toneTimeoutMs: 25_000 }); // { toneTimeoutMs: 25000 }
 * ```
 */
export const dialoutTimersSchema = z.strictObject(
  {
    /** Time to wait for speech before `amd_no_speech_detected`; the engine's default is 5000. */
    noSpeechTimeoutMs: timer().optional(),
    /** Time to wait for a decision before `amd_decision_timeout`; the engine's default is 15000. */
    decisionTimeoutMs: timer().optional(),
    /** Time to wait to hear a tone; the engine's default is 20000. */
    toneTimeoutMs: timer().optional(),
    /** Silence after a machine's greeting before `amd_machine_stopped_speaking`; the engine's default is 2000. */
    greetingCompletionTimeoutMs: timer().optional(),
  },
  { error: "expected an object" },
);

/**
 * Speech-to-text settings that override the application's for this call.
 *
 * @example
 * ```ts
 * import { callControlParameterSchema } from "amd-flow/dialer";
 * callControlParameterSchema.safeParse({ sttProvider: "deepgram", sttLanguage: "en-AU", interim: true }).success; // true
 * ```
 */
export const callControlParameterSchema = z.strictObject(
  {
    /** The STT provider, for example `"deepgram"`. */
    sttProvider: text(),
    /** The STT language, for example `"en-AU"`. */
    sttLanguage: text(),
    /** Whether to return interim transcription results. */
    interim: z.boolean({ error: "expected true or false" }).optional(),
    /** A label for the STT configuration. */
    sttLabel: text().optional(),
    /** Silence before continuous ASR stops, in ms. */
    continuousASRTimeoutInMS: ms(MAX_TIMER_MS).optional(),
    /** Deepgram: silence that ends an utterance, in ms. */
    deepgramUtteranceEndMs: ms(MAX_TIMER_MS).optional(),
    /** Deepgram: silence used for endpointing, in ms. */
    deepgramEndpointing: ms(MAX_TIMER_MS).optional(),
  },
  { error: "expected an object" },
);

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
 * What `buildDialoutRequest` accepts: the documented dial-out fields, in every
 * documented spelling (`bot` as the sample request sends it, or `botId` as the
 * parameter table names it; `notifyurl`, or `notifyUrl` as the prose writes it;
 * `machineDetection` or `machinedetection`), plus where to send it (`host`, a bare
 * https origin, optionally with a base path) and the token (`jwt`).
 * `buildDialoutRequest` also checks that two spellings of one field agree.
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
    host,
    /** The JWT sent in the `auth` header; never echoed in errors. */
    jwt: z
      .string({ error: "expected a JWT" })
      .refine((value) => !CONTROL.test(value), { error: NO_CONTROL, abort: true })
      .trim()
      .min(1, { error: "must not be empty" }),
    /** The bot (stream) id, as the parameter table names it; sent as `bot`. */
    botId: botId.optional(),
    /** The bot (stream) id, as the documented sample request sends it. */
    bot: botId.optional(),
    /** Whom to call: `tel:+<digits>` or `sip:user@host[:port]`. */
    target: z.string({ error: "expected a tel: or sip: URI" }).regex(new RegExp(`${TEL.source}|${SIP.source}`), {
      error: "expected tel: with digits (an optional +) or sip:user@host[:port]",
    }),
    /** The caller id (user part). */
    caller: text(),
    /** Where Voice Gateway posts call notifications, as the prose spells it; sent as `notifyurl`. */
    notifyUrl: absoluteUrl(["http:", "https:"], "an absolute http(s) URL").optional(),
    /** Where Voice Gateway posts call notifications, as the sample and the parameter table spell it. */
    notifyurl: absoluteUrl(["http:", "https:"], "an absolute http(s) URL").optional(),
    /** Extra headers sent with each notification: header names, text values without control characters. */
    notifyHeaders: notifyHeaders.optional(),
    /** How long to let the call ring, in ms. */
    timeoutInMs: ms(MAX_RING_MS).optional(),
    /** The carrier trunk; the account's default when absent. */
    trunk: text().optional(),
    /** Data for the bot: any object JSON can carry, sent as its JSON text reads back. */
    metadata: metadata.optional(),
    /** The AMD timers. */
    timers: dialoutTimersSchema.optional(),
    /** `disconnect`, `detect` or `disabled`, as the sample spells it. */
    machineDetection: machineDetectionSchema.optional(),
    /** The parameter table's spelling of `machineDetection`; sent as `machineDetection`. */
    machinedetection: machineDetectionSchema.optional(),
    /** Words in a greeting from which it counts as a machine's (engine default 9; 0 would be read as 9). */
    thresholdWordCount: count(100, "the engine reads 0 as its default, 9").optional(),
    /** Digits in a row that make a greeting a machine's (`digit count`); not set: digits are not counted. */
    digitCount: count(100, "no run of digits would ever match").optional(),
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
