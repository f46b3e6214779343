import type * as z from "zod";
import { type Mutable, put } from "../internal/safe.js";
import type { MachineDetectionMode } from "../vocabulary.js";
import {
  type callControlParameterSchema,
  type DialoutInput,
  dialoutInputSchema,
  dialoutTimersSchema,
} from "./dialout-input.js";
import { DialoutRequestError } from "./dialout-request-error.js";
import { spellingProblems } from "./dialout-spellings.js";
import { describeIssues } from "./problems.js";

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
  readonly machineDetection?: MachineDetectionMode;
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
