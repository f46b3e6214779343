// A notify-webhook receiver for Voice Gateway's call notifications, on node:http only.
//
//   WEBHOOK_SECRET=… MACHINE_DETECTION=detect PORT=8080 node examples/notify-receiver.mjs
//
// POST /notify        verifies SAVG-Signature, parses the body, files it under its call:
//                     204 accepted, 400 malformed signature, 401 wrong or stale signature,
//                     413 body too large, 422 not a notification, 429 too many for one call.
// GET  /calls/<id>    the call's summary so far (summarizeCall). Reads need the same secret
//                     as writes: SAVG-Signature over the text `GET <path>`, the path exactly
//                     as requested (signNotifyPayload(`GET /calls/${encodeURIComponent(id)}`,
//                     secret)). 200, 400 malformed signature or id, 401 wrong or stale
//                     signature, 404 unknown call.
// Anything else       404 (405 for another method on /notify or /calls/<id>).
//
// No request can crash it (every handler is guarded, every decoding checked) and memory
// is bounded: at most `maxCalls` calls and `maxStoredBytes` of bodies are kept, the
// oldest calls evicted first, and at most `maxNotificationsPerCall` per call.
//
// Give Voice Gateway this server's /notify as the dial-out's notifyurl. Behind a proxy,
// keep the body as received: the signature covers the exact bytes.
import http from "node:http";
import { parseCallNotification, summarizeCall, verifyNotifySignature } from "amd-flow/dialer";

const CALLS_PREFIX = "/calls/";

/** The limits that bound the receiver's memory, each overridable by an option of the same name. */
export const RECEIVER_DEFAULTS = Object.freeze({
  maxBodyBytes: 1_000_000,
  maxCalls: 10_000,
  maxNotificationsPerCall: 100,
  maxStoredBytes: 64_000_000,
});

/**
 * Creates the receiver; call `server.listen(port, host)` to start it.
 * @param {{
 *   secrets: string | string[],
 *   machineDetection?: "disconnect" | "detect" | "disabled",
 *   now?: () => number,
 *   toleranceSeconds?: number,
 *   maxBodyBytes?: number,
 *   maxCalls?: number,
 *   maxNotificationsPerCall?: number,
 *   maxStoredBytes?: number,
 * }} options
 */
export function createNotifyReceiver({
  secrets,
  machineDetection = "detect",
  now = Date.now,
  toleranceSeconds = 300,
  maxBodyBytes = RECEIVER_DEFAULTS.maxBodyBytes,
  maxCalls = RECEIVER_DEFAULTS.maxCalls,
  maxNotificationsPerCall = RECEIVER_DEFAULTS.maxNotificationsPerCall,
  maxStoredBytes = RECEIVER_DEFAULTS.maxStoredBytes,
}) {
  /** @type {Map<string, { bodies: unknown[], bytes: number }>} each call's accepted notifications, oldest call first */
  const calls = new Map();
  let storedBytes = 0;

  const send = (response, status, body, headers = {}) => {
    if (response.headersSent || response.destroyed) return;
    const text = body === undefined ? "" : JSON.stringify(body);
    response.writeHead(status, body === undefined ? headers : { ...headers, "content-type": "application/json" });
    response.end(text);
  };

  const verify = (payload, request) =>
    verifyNotifySignature(payload, request.headers["savg-signature"], secrets, { now: now(), toleranceSeconds });

  const refusal = (check) => [check.reason === "malformed" ? 400 : 401, { error: `signature ${check.reason}` }];

  /** Files one notification; evicts the oldest calls past the limits. */
  const file = (id, notification, bytes) => {
    const call = calls.get(id) ?? { bodies: [], bytes: 0 };
    if (call.bodies.length >= maxNotificationsPerCall) return false;
    call.bodies.push(notification);
    call.bytes += bytes;
    storedBytes += bytes;
    calls.delete(id); // re-inserted last: the most recently active call is evicted last
    calls.set(id, call);
    for (const [oldest, { bytes: freed }] of calls) {
      if (calls.size <= maxCalls && storedBytes <= maxStoredBytes) break;
      if (oldest === id) break;
      calls.delete(oldest);
      storedBytes -= freed;
    }
    return true;
  };

  const read = (request, response, target) => {
    request.resume();
    if (request.method !== "GET") return send(response, 405, { error: "method not allowed" }, { allow: "GET" });
    const check = verify(`GET ${target}`, request);
    if (!check.ok) return send(response, ...refusal(check));
    let id;
    try {
      id = decodeURIComponent(target.slice(CALLS_PREFIX.length).split("?")[0]);
    } catch {
      return send(response, 400, { error: "malformed call id" });
    }
    const call = calls.get(id);
    return call === undefined
      ? send(response, 404, { error: "unknown call" })
      : send(response, 200, summarizeCall(call.bodies, { machineDetection }));
  };

  const write = (request, response) => {
    if (request.method !== "POST") {
      request.resume();
      return send(response, 405, { error: "method not allowed" }, { allow: "POST" });
    }
    const chunks = [];
    let size = 0;
    request.on("data", (chunk) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
      else chunks.length = 0; // stop keeping what will be refused
    });
    request.on("end", () =>
      guard(response, () => {
        if (size > maxBodyBytes) return send(response, 413, { error: "body too large" });
        const raw = Buffer.concat(chunks);
        const check = verify(raw, request);
        if (!check.ok) return send(response, ...refusal(check));
        const parsed = parseCallNotification(raw);
        if (!parsed.ok) return send(response, 422, { error: "not a call notification", issues: parsed.issues });
        if (!file(parsed.value.conversationId, parsed.value, raw.length))
          return send(response, 429, { error: "too many notifications for this call" });
        return send(response, 204);
      }),
    );
  };

  const guard = (response, handle) => {
    try {
      handle();
    } catch {
      send(response, 500, { error: "internal error" });
    }
  };

  const server = http.createServer((request, response) => {
    request.on("error", () => send(response, 400, { error: "bad request" }));
    guard(response, () => {
      const target = typeof request.url === "string" ? request.url : "/";
      const path = target.split("?")[0];
      if (path.startsWith(CALLS_PREFIX)) return read(request, response, target);
      if (path === "/notify") return write(request, response);
      request.resume();
      return send(response, 404, { error: "not found" });
    });
  });

  return { server, calls };
}

// Started directly: listen on PORT (default 8080) with WEBHOOK_SECRET (several, comma-separated, during a rotation).
if (import.meta.url === `file://${process.argv[1]}`) {
  const secrets = (process.env.WEBHOOK_SECRET ?? "").split(",").filter(Boolean);
  if (secrets.length === 0) {
    console.error("notify-receiver: set WEBHOOK_SECRET");
    process.exit(2);
  }
  const { server } = createNotifyReceiver({ secrets, machineDetection: process.env.MACHINE_DETECTION ?? "detect" });
  const port = Number(process.env.PORT ?? 8080);
  server.listen(port, () => console.log(`notify-receiver: listening on :${port}, POST /notify, GET /calls/<id>`));
}
