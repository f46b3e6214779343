import { createHmac, timingSafeEqual } from "node:crypto";
import { isArraySafe, readProp } from "../internal/safe.js";

/**
 * The result of {@link verifyNotifySignature}: `malformed` (no header, or not
 * `t=<seconds>,v1=<hex>`), `stale` (a genuine signature, but older or newer than the
 * tolerance) or `mismatch` (signed with another secret, or the body was changed).
 *
 * @example
 * ```ts
 * import type { SignatureCheck } from "amd-flow/dialer";
 * const bad: SignatureCheck = { ok: false, reason: "mismatch" };
 * ```
 */
export type SignatureCheck =
  | {
      /** The notification is genuine and recent. */
      readonly ok: true;
    }
  | {
      /** The notification must be rejected. */
      readonly ok: false;
      /** Why: `malformed`, `stale` or `mismatch`. */
      readonly reason: "malformed" | "stale" | "mismatch";
    };

/**
 * How {@link verifyNotifySignature} judges time.
 *
 * @example
 * ```ts
 * import type { VerifyOptions } from "amd-flow/dialer";
 * const options: VerifyOptions = { toleranceSeconds: 300, now: Date.UTC(2025, 5, 26, 14, 20) };
 * ```
 */
export interface VerifyOptions {
  /** How far the signed time may be from `now`, either way, in seconds; default 300. */
  readonly toleranceSeconds?: number;
  /** The current time (epoch ms, or a Date); default `Date.now()`. */
  readonly now?: number | Date;
}

/**
 * The default tolerance for signed times, in seconds, either way (as jambonz's verifier).
 *
 * @example
 * ```ts
 * import { DEFAULT_TOLERANCE_SECONDS } from "amd-flow/dialer";
 * DEFAULT_TOLERANCE_SECONDS; // 300
 * ```
 */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const HEX_SIGNATURE = /^[0-9a-f]{64}$/i;
const MAX_HEADER = 4096;

function toBuffer(body: unknown): Buffer | undefined {
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return undefined;
}

function digest(secret: string, timestamp: string, body: Buffer): Buffer {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest();
}

/**
 * The header as one text: a repeated header (Node gives an array) joined with commas,
 * its size checked part by part before any joining, so a sparse array of length
 * 2³² − 1 costs no more than a short one. `undefined` when not text or too long.
 */
function headerText(header: unknown): string | undefined {
  if (typeof header === "string") return header.length > MAX_HEADER ? undefined : header;
  if (!isArraySafe(header) || header.length > MAX_HEADER) return undefined;
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; index < header.length; index++) {
    const part = header[index];
    if (typeof part !== "string") return undefined;
    size += part.length + (index === 0 ? 0 : 1);
    if (size > MAX_HEADER) return undefined;
    parts.push(part);
  }
  return parts.join(",");
}

/** `{ t, signatures }` from `t=…,v1=…[,v1=…]`, or `undefined` when malformed. */
function parseHeader(header: unknown): { t: string; signatures: Buffer[] } | undefined {
  const text = headerText(header);
  if (text === undefined) return undefined;
  let t: string | undefined;
  const signatures: Buffer[] = [];
  for (const part of text.split(",")) {
    const [key, value, ...rest] = part.trim().split("=");
    if (key === undefined || value === undefined || rest.length > 0) return undefined;
    if (key === "t") {
      if (t !== undefined || !/^\d{1,16}$/.test(value) || !Number.isSafeInteger(Number(value))) return undefined;
      t = value;
    } else if (key === "v1") {
      if (!HEX_SIGNATURE.test(value)) return undefined;
      signatures.push(Buffer.from(value, "hex"));
    }
    // Other schemes (v0, …) are ignored, as Stripe-style verifiers do.
  }
  return t === undefined || signatures.length === 0 ? undefined : { t, signatures };
}

/**
 * Verifies a notify webhook's `SAVG-Signature` header (`t=<unix seconds>,v1=<hex>`).
 * The scheme is jambonz's webhook signature, whose header format the Kore.ai docs show
 * for `SAVG-Signature`; Kore.ai does not document the algorithm itself: HMAC-SHA256,
 * keyed with the webhook secret, over `<t>.<raw body>`, in hex. Any `v1` may match any
 * of the secrets (for rotation). Compared in constant time. Never throws.
 *
 * Pass the raw body exactly as received: a re-serialised JSON object will not match.
 *
 * @param rawBody - the request body as received (text or bytes).
 * @param header - the `SAVG-Signature` header (Node gives a string, or an array when repeated).
 * @param secrets - the webhook secret, or several during a rotation.
 * @param options - tolerance (default 300 s, old or future) and the current time; `null`, a
 *   missing option or one that is not usable takes the default.
 * @returns `{ ok: true }`, or `{ ok: false, reason }`.
 * @example
 * ```ts
 * import { signNotifyPayload, verifyNotifySignature } from "amd-flow/dialer";
 * const body = '{"conversationId":"c1","status":"Answered"}';
 * const header = signNotifyPayload(body, "secret", 1750947610);
 * verifyNotifySignature(body, header, ["old-secret", "secret"], { now: 1750947610_000 }); // { ok: true }
 * ```
 */
export function verifyNotifySignature(
  rawBody: unknown,
  header: unknown,
  secrets: string | readonly string[],
  options?: VerifyOptions | null,
): SignatureCheck {
  try {
    const parsed = parseHeader(header);
    const body = toBuffer(rawBody);
    if (parsed === undefined || body === undefined) return { ok: false, reason: "malformed" };
    const keys = (typeof secrets === "string" ? [secrets] : Array.isArray(secrets) ? secrets : []).filter(
      (secret): secret is string => typeof secret === "string" && secret.length > 0,
    );
    let genuine = false;
    for (const secret of keys) {
      const expected = digest(secret, parsed.t, body);
      for (const signature of parsed.signatures) {
        // Both are 32 bytes (the header check ensures it), as timingSafeEqual needs.
        if (timingSafeEqual(expected, signature)) genuine = true;
      }
    }
    if (!genuine) return { ok: false, reason: "mismatch" };
    // Options from JavaScript may be null or anything: what is not usable takes its default.
    const given = readProp(options, "toleranceSeconds");
    const tolerance = typeof given === "number" && given >= 0 ? given : DEFAULT_TOLERANCE_SECONDS;
    const now = readProp(options, "now");
    const nowMs = now instanceof Date ? now.getTime() : typeof now === "number" ? now : Date.now();
    if (!Number.isFinite(nowMs) || Math.abs(nowMs / 1000 - Number(parsed.t)) > tolerance)
      return { ok: false, reason: "stale" };
    return { ok: true };
  } catch {
    return { ok: false, reason: "malformed" };
  }
}

/**
 * Signs a notify body as Voice Gateway would (see {@link verifyNotifySignature}), for
 * tests and simulators.
 *
 * @param rawBody - the exact body that will be sent.
 * @param secret - the webhook secret.
 * @param timestamp - the signing time in whole unix seconds (a safe integer, 0 or more); default now.
 * @returns the header value, `t=<seconds>,v1=<hex>`.
 * @throws TypeError when the body is neither text nor bytes; RangeError when the
 *   timestamp is not a safe whole number of seconds, 0 or more (`NaN`, `1e21`, `-5`, `1.5`),
 *   which no verifier would accept.
 * @example
 * ```ts
 * import { signNotifyPayload } from "amd-flow/dialer";
 * signNotifyPayload("{}", "secret", 1750947610).startsWith("t=1750947610,v1="); // true
 * ```
 */
export function signNotifyPayload(
  rawBody: string | Uint8Array,
  secret: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): string {
  const body = toBuffer(rawBody);
  if (body === undefined) throw new TypeError("signNotifyPayload: the body must be text or bytes");
  if (!Number.isSafeInteger(timestamp) || timestamp < 0)
    throw new RangeError(
      `signNotifyPayload: the timestamp must be whole unix seconds from 0 to ${Number.MAX_SAFE_INTEGER}, not ${String(timestamp)}`,
    );
  const t = String(timestamp);
  return `t=${t},v1=${digest(secret, t, body).toString("hex")}`;
}
