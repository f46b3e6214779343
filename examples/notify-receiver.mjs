// A notify-webhook receiver for Voice Gateway's call notifications, on node:http only.
//
//   WEBHOOK_SECRET=… MACHINE_DETECTION=detect PORT=8080 node examples/notify-receiver.mjs
//
// POST /notify        verifies SAVG-Signature, parses the body, files it under its call:
//                     204 when accepted, 400 malformed signature or body,
//                     401 wrong or stale signature, 413 too large, 422 not a notification.
// GET  /calls/<id>    the call's summary so far (summarizeCall), 404 for an unknown call.
//
// Give Voice Gateway this server's /notify as the dial-out's notifyUrl. Behind a proxy,
// keep the body as received: the signature covers the exact bytes.
import http from "node:http";
import { parseCallNotification, summarizeCall, verifyNotifySignature } from "amd-flow/dialer";

const MAX_BODY_BYTES = 1_000_000;

/**
 * Creates the receiver; call `server.listen(port, host)` to start it.
 * @param {{ secrets: string | string[], machineDetection?: "disconnect" | "detect" | "disabled", now?: () => number, toleranceSeconds?: number }} options
 */
export function createNotifyReceiver({ secrets, machineDetection = "detect", now = Date.now, toleranceSeconds = 300 }) {
  /** @type {Map<string, unknown[]>} the accepted bodies of each call */
  const calls = new Map();

  const send = (response, status, body) => {
    const text = body === undefined ? "" : JSON.stringify(body);
    response.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
    response.end(text);
  };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://receiver");
    if (request.method === "GET" && url.pathname.startsWith("/calls/")) {
      const id = decodeURIComponent(url.pathname.slice("/calls/".length));
      const bodies = calls.get(id);
      return bodies === undefined
        ? send(response, 404, { error: "unknown call" })
        : send(response, 200, summarizeCall(bodies, { machineDetection }));
    }
    if (request.method !== "POST" || url.pathname !== "/notify") return send(response, 404, { error: "not found" });

    const chunks = [];
    let size = 0;
    let tooLarge = false;
    request.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on("end", () => {
      if (tooLarge) return send(response, 413, { error: "body too large" });
      const raw = Buffer.concat(chunks);
      const check = verifyNotifySignature(raw, request.headers["savg-signature"], secrets, {
        now: now(),
        toleranceSeconds,
      });
      if (!check.ok)
        return send(response, check.reason === "malformed" ? 400 : 401, { error: `signature ${check.reason}` });
      const parsed = parseCallNotification(raw);
      if (!parsed.ok) return send(response, 422, { error: "not a call notification", issues: parsed.issues });
      const id = parsed.value.conversationId;
      calls.set(id, [...(calls.get(id) ?? []), parsed.value]);
      return send(response, 204);
    });
    request.on("error", () => send(response, 400, { error: "bad request" }));
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
