import type * as z from "zod";
import { type Mutable, put } from "../internal/safe.js";
import type { MachineDetectionMode } from "../vocabulary.js";
import {
  type callControlParameterSchema,
  type DialoutInput,
  dialoutInputSchema,
  type dialoutTimersSchema,
} from "./dialout-input.js";
import { DialoutRequestError } from "./dialout-request-error.js";
import { spellingProblems } from "./dialout-spellings.js";
import { dialoutUrl } from "./dialout-url.js";
import { describeIssues } from "./problems.js";

/**
 * The dial-out body, in the spellings of the documented sample request (`bot`,
 * `notifyurl`, `machineDetection`, …), the one request shape the docs show working.
 * It holds exactly the fields the caller gave: nothing is filled in.
 *
 * @example
 * ```ts
 * import type { DialoutBody } from "amd-flow/dialer";
 * const body: DialoutBody = { bot: "st-1", target: "tel:+15551234567", caller: "+15557654321" };
 * ```
 */
export interface DialoutBody {
  /** The bot (stream) id. */
  readonly bot: string;
  /** Whom to call: `tel:` or `sip:`. */
  readonly target: string;
  /** The caller id. */
  readonly caller: string;
  /** The carrier trunk. */
  readonly trunk?: string;
  /** The AMD timers given; Voice Gateway uses its defaults for the others. */
  readonly timers?: z.output<typeof dialoutTimersSchema>;
  /** How long to let the call ring, in ms. */
  readonly timeoutInMs?: number;
  /** Words from which a greeting is a machine's. */
  readonly thresholdWordCount?: number;
  /** Digits in a row that make a greeting a machine's. */
  readonly digitCount?: number;
  /** `disconnect`, `detect` or `disabled`. */
  readonly machineDetection?: MachineDetectionMode;
  /** Where Voice Gateway posts call notifications. */
  readonly notifyurl?: string;
  /** Extra headers sent with each notification. */
  readonly notifyHeaders?: Readonly<Record<string, string>>;
  /** AMD events to be notified of, canonical names; `[]` opts out. */
  readonly amdEventsSubscription?: readonly string[];
  /** STT settings for this call. */
  readonly callControlParameter?: z.output<typeof callControlParameterSchema>;
  /** Data for the bot, as its JSON text reads back. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/**
 * A ready-to-send dial-out request: pass it to `fetch(url, { method, headers, body: JSON.stringify(body) })`.
 *
 * @example
 * ```ts
 * import { buildDialoutRequest, type DialoutRequest } from "amd-flow/dialer";
 * const request: DialoutRequest = buildDialoutRequest({ host: "https://platform.kore.ai", jwt: "token", bot: "st-1", target: "tel:+15551234567", caller: "+15557654321" });
 * request.url; // "https://platform.kore.ai/api/1.1/public/bot/st-1/smartassist/dialout"
 * ```
 */
export interface DialoutRequest {
  /** `{host}/api/1.1/public/bot/{bot}/smartassist/dialout`, the bot id one encoded path segment. */
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
 * `POST {host}/api/1.1/public/bot/{bot}/smartassist/dialout` with the JWT in the
 * `auth` header. Checks every documented field and accepts every documented spelling;
 * the body uses the spellings of the documented sample request and holds only what was
 * given (built from the sample's own values, it is the sample). The address is built
 * with `URL` from a bare https origin (optionally with a base path); text that could
 * send the JWT elsewhere or split a header is refused.
 *
 * @param input - the {@link DialoutInput}.
 * @returns the request.
 * @throws {@link DialoutRequestError} listing every problem by its path, never anything else.
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
  const bot = (value.bot ?? value.botId) as string;

  // In the sample's order, so the JSON text reads as the documented request does.
  const body: Mutable<DialoutBody> = { bot, target: value.target, caller: value.caller };
  put(body, "trunk", value.trunk);
  put(body, "timers", value.timers);
  put(body, "timeoutInMs", value.timeoutInMs);
  put(body, "thresholdWordCount", value.thresholdWordCount);
  put(body, "digitCount", value.digitCount);
  put(body, "machineDetection", value.machineDetection ?? value.machinedetection);
  put(body, "notifyurl", value.notifyurl ?? value.notifyUrl);
  put(body, "notifyHeaders", value.notifyHeaders);
  put(body, "amdEventsSubscription", value.amdEventsSubscription);
  put(body, "callControlParameter", value.callControlParameter);
  put(body, "metadata", value.metadata);

  return {
    url: dialoutUrl(value.host, bot),
    method: "POST",
    headers: { "content-type": "application/json", auth: value.jwt },
    body,
  };
}
