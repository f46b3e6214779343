import * as z from "zod";
import { AMD_EVENTS, toAmdEventName } from "../events.js";
import { type Mutable, put } from "../internal/safe.js";
import { describeIssues } from "./problems.js";

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

const machineDetectionSchema = z.literal(["disconnect", "detect", "disabled"], {
  error: "expected one of disconnect, detect, disabled",
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

/**
 * The canonical dial-out body: camelCase, one spelling per field, timers filled with
 * the documented defaults.
 *
 * @example
 * ```ts
 * import type { DialoutBody } from "amd-flow/dialer";
 * const body: Pick<DialoutBody, "botId" | "target"> = { botId: "st-1", target: "tel:+15551234567" };
 * ```
 */
export interface DialoutBody {
  /** The bot (stream) id. */
  readonly botId: string;
  /** Whom to call: `tel:` or `sip:`. */
  readonly target: string;
  /** The caller id. */
  readonly caller: string;
  /** Where Voice Gateway posts call notifications. */
  readonly notifyUrl?: string;
  /** Extra headers sent with each notification. */
  readonly notifyHeaders?: Readonly<Record<string, string>>;
  /** How long to let the call ring, in ms. */
  readonly timeoutInMs?: number;
  /** The carrier trunk. */
  readonly trunk?: string;
  /** Data for the bot, as given. */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** The AMD timers, defaults filled. */
  readonly timers: z.output<typeof dialoutTimersSchema>;
  /** `disconnect`, `detect` or `disabled`. */
  readonly machineDetection?: "disconnect" | "detect" | "disabled";
  /** Words from which a greeting is a machine's. */
  readonly thresholdWordCount?: number;
  /** AMD events to be notified of, canonical names; `[]` opts out. */
  readonly amdEventsSubscription?: readonly string[];
  /** STT settings for this call. */
  readonly callControlParameter?: z.output<typeof callControlParameterSchema>;
}

/**
 * A ready-to-send dial-out request: pass it to `fetch(url, { method, headers, body: JSON.stringify(body) })`.
 *
 * @example
 * ```ts
 * import { buildDialoutRequest, type DialoutRequest } from "amd-flow/dialer";
 * const request: DialoutRequest = buildDialoutRequest({ host: "https://platform.kore.ai", jwt: "token", botId: "st-1", target: "tel:+15551234567", caller: "+15557654321" });
 * request.url; // "https://platform.kore.ai/api/1.1/public/bot/st-1/smartassist/dialout"
 * ```
 */
export interface DialoutRequest {
  /** `{host}/api/1.1/public/bot/{botId}/smartassist/dialout`. */
  readonly url: string;
  /** Always `"POST"`. */
  readonly method: "POST";
  /** `content-type: application/json` and `auth: <JWT>`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body, to be sent with `JSON.stringify`. */
  readonly body: DialoutBody;
}

/**
 * What {@link buildDialoutRequest} throws: one error listing every problem by its path.
 * The JWT's value never appears in it.
 *
 * @example
 * ```ts
 * import { DialoutRequestError, buildDialoutRequest } from "amd-flow/dialer";
 * try {
 *   buildDialoutRequest({ host: "http://platform.kore.ai", jwt: "", target: "tel:abc", caller: "+1555" });
 * } catch (error) {
 *   if (error instanceof DialoutRequestError) error.problems.length; // 4: host, jwt, target and the missing botId
 * }
 * ```
 */
export class DialoutRequestError extends Error {
  /** Every problem found, each starting with its path. */
  readonly problems: readonly string[];

  /**
   * @param problems - every problem found.
   */
  constructor(problems: readonly string[]) {
    super(`invalid dial-out request: ${problems.join("; ")}`);
    this.name = "DialoutRequestError";
    this.problems = Object.freeze([...problems]);
  }
}

/** Documented pairs of spellings: the canonical name, the other, and whether one is required. */
const SPELLINGS = [
  ["botId", "bot", true],
  ["notifyUrl", "notifyurl", false],
  ["machineDetection", "machinedetection", false],
] as const;

/** Problems with the spelling pairs: a required one missing, or both given and different. */
function spellingProblems(input: unknown): string[] {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return [];
  const record = input as Record<string, unknown>;
  const problems: string[] = [];
  for (const [canonical, other, required] of SPELLINGS) {
    const first = record[canonical];
    const second = record[other];
    if (required && first === undefined && second === undefined) problems.push(`${canonical}: required (or ${other})`);
    if (first !== undefined && second !== undefined && first !== second) {
      problems.push(`${canonical}, ${other}: both given and they differ`);
    }
  }
  return problems;
}

/**
 * Builds the dial-out request that starts an outbound call with AMD:
 * `POST {host}/api/1.1/public/bot/{botId}/smartassist/dialout` with the JWT in the
 * `auth` header. Checks every documented field, accepts the documented spellings, and
 * fills the timers' documented defaults (5000, 15000, 20000, 2000 ms).
 *
 * @param input - the {@link DialoutInput}.
 * @returns the request, with a canonical camelCase body.
 * @throws {@link DialoutRequestError} listing every problem by its path.
 * @example
 * ```ts
 * import { buildDialoutRequest } from "amd-flow/dialer";
 * const { url, method, headers, body } = buildDialoutRequest({
 *   host: "https://platform.kore.ai",
 *   jwt: process.env["KORE_JWT"] ?? "",
 *   bot: "st-e38782ff-0d89-52e9-5678769a49fdexxxx",
 *   target: "tel:+15551234567",
 *   caller: "+15557654321",
 *   machineDetection: "detect",
 *   notifyurl: "https://dialer.example.com/notify",
 * });
 * // await fetch(url, { method, headers, body: JSON.stringify(body) });
 * ```
 */
export function buildDialoutRequest(input: DialoutInput): DialoutRequest {
  let result: ReturnType<typeof dialoutInputSchema.safeParse>;
  let problems: string[];
  try {
    result = dialoutInputSchema.safeParse(input);
    problems = [...(result.success ? [] : describeIssues(result.error.issues, "(input)")), ...spellingProblems(input)];
  } catch {
    throw new DialoutRequestError(["(input): could not be read"]);
  }
  if (!result.success || problems.length > 0) throw new DialoutRequestError(problems);
  const value = result.data;
  const botId = (value.botId ?? value.bot) as string;
  const notifyUrl = value.notifyUrl ?? value.notifyurl;
  const machineDetection = value.machineDetection ?? value.machinedetection;

  const body: Mutable<DialoutBody> = {
    botId,
    target: value.target,
    caller: value.caller,
    timers: value.timers ?? dialoutTimersSchema.parse({}),
  };
  put(body, "notifyUrl", notifyUrl);
  put(body, "notifyHeaders", value.notifyHeaders);
  put(body, "timeoutInMs", value.timeoutInMs);
  put(body, "trunk", value.trunk);
  put(body, "metadata", value.metadata);
  put(body, "machineDetection", machineDetection);
  put(body, "thresholdWordCount", value.thresholdWordCount);
  put(body, "amdEventsSubscription", value.amdEventsSubscription);
  put(body, "callControlParameter", value.callControlParameter);

  return {
    url: `${value.host.replace(/\/+$/, "")}/api/1.1/public/bot/${encodeURIComponent(botId)}/smartassist/dialout`,
    method: "POST",
    headers: { "content-type": "application/json", auth: value.jwt },
    body,
  };
}
