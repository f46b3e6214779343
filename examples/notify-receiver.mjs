// A notify-webhook receiver for Voice Gateway's call notifications, on node:http only.
//
//   WEBHOOK_SECRET=… MACHINE_DETECTION=detect HOST=127.0.0.1 PORT=8080 node notify-receiver.mjs
//
// POST /notify        verifies SAVG-Signature, parses the body, files it under its call:
//                     204 accepted (or a repeat of one already filed), 400 malformed
//                     signature, 401 wrong or stale signature, 413 body too large, 422 not a
//                     notification, 429 too many for one call.
// GET  /calls/<id>    the call's summary so far (summarizeCall). Reads need the same secret
//                     as writes: SAVG-Signature over the text `GET <path>`, the path exactly
//                     as requested (signNotifyPayload(`GET /calls/${encodeURIComponent(id)}`,
//                     secret)). 200, 400 malformed signature or id, 401 wrong or stale
//                     signature, 404 unknown call.
// Anything else       404 (405 for another method on /notify or /calls/<id>).
//
// No request can crash it (every handler is guarded, every decoding checked), and its
// memory is bounded by its limits (RECEIVER_DEFAULTS):
// - at most `maxConnections` connections at once (more are refused), each closed after
//   `requestTimeoutMs`;
// - a body is read into memory only once its SAVG-Signature header is well formed and
//   fresh and its Content-Length (if given) is within `maxBodyBytes`, and never past
//   `maxBodyBytes`: at most maxConnections × maxBodyBytes in flight (64 MB by default);
// - what is kept of a notification is its documented fields as JSON text, counted at two
//   bytes a character plus 128: at most `maxStoredBytes` for all calls (the least recently
//   active calls evicted first, one call never more), `maxCalls` calls, and
//   `maxNotificationsPerCall` distinct notifications per call. A repeated delivery (the
//   same documented fields, such as a replayed request) is filed once and uses none of
//   these; a call's final status (completed or failed) is always filed, making room by
//   dropping that call's oldest notifications if it must.
//
// Give Voice Gateway this server's /notify as the dial-out's notifyurl. Behind a proxy,
// keep the body as received: the signature covers the exact bytes.
import { realpathSync } from "node:fs";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { parseCallNotification, summarizeCall, verifyNotifySignature } from "amd-flow/dialer";

const CALLS_PREFIX = "/calls/";
const MODES = ["disconnect", "detect", "disabled"];

/** The fields a summary reads: all that is kept of a notification. */
const DOCUMENTED = [
  "conversationId",
  "status",
  "reason",
  "reasonCode",
  "callConnectTime",
  "callDisconnectTime",
  "ringDurationInMS",
  "connectDurationInMS",
  "callDuration",
  "machineDetection",
  "sessionId",
];

/** What one kept notification costs besides its characters (a Map entry, a string header). */
const OVERHEAD_BYTES = 128;

/** The limits that bound the receiver's memory, each overridable by an option of the same name. */
export const RECEIVER_DEFAULTS = Object.freeze({
  maxBodyBytes: 1_000_000,
  maxCalls: 10_000,
  maxNotificationsPerCall: 100,
  maxStoredBytes: 64_000_000,
  maxConnections: 64,
  requestTimeoutMs: 30_000,
});

/** Text from outside as one safe log line: control characters and bidirectional controls as \uXXXX, cut at 100. */
export function shown(text) {
  const escaped = String(text).replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
    /[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return escaped.length > 100 ? `${escaped.slice(0, 99)}…` : escaped;
}

/** The signed time in a SAVG-Signature header (t=<seconds>), or undefined. */
function signedAt(header) {
  const text = Array.isArray(header) ? header.join(",") : header;
  const match = typeof text === "string" ? /(?:^|,)\s*t=(\d{1,16})\s*(?:,|$)/.exec(text) : null;
  return match === null ? undefined : Number(match[1]);
}

/**
 * Creates the receiver; call `server.listen(port, host)` to start it.
 * @param {{
 *   secrets: string | string[],
 *   machineDetection?: "disconnect" | "detect" | "disabled",
 *   now?: () => number,
 *   toleranceSeconds?: number,
 *   log?: (line: string) => void,
 *   maxBodyBytes?: number,
 *   maxCalls?: number,
 *   maxNotificationsPerCall?: number,
 *   maxStoredBytes?: number,
 *   maxConnections?: number,
 *   requestTimeoutMs?: number,
 * }} options
 */
export function createNotifyReceiver({
  secrets,
  machineDetection = "detect",
  now = Date.now,
  toleranceSeconds = 300,
  log = () => {},
  maxBodyBytes = RECEIVER_DEFAULTS.maxBodyBytes,
  maxCalls = RECEIVER_DEFAULTS.maxCalls,
  maxNotificationsPerCall = RECEIVER_DEFAULTS.maxNotificationsPerCall,
  maxStoredBytes = RECEIVER_DEFAULTS.maxStoredBytes,
  maxConnections = RECEIVER_DEFAULTS.maxConnections,
  requestTimeoutMs = RECEIVER_DEFAULTS.requestTimeoutMs,
}) {
  if (MODES.indexOf(machineDetection) === -1)
    throw new RangeError(`machineDetection: expected one of ${MODES.join(", ")}, got ${shown(machineDetection)}`);
  // A final status is always kept, so one notification of the largest body must fit.
  if (!(maxStoredBytes >= OVERHEAD_BYTES + 2 * (maxBodyBytes + 100)))
    throw new RangeError(`maxStoredBytes must be at least 2 × maxBodyBytes + ${OVERHEAD_BYTES + 200}`);

  /** @type {Map<string, { notes: Map<string, boolean>, bytes: number, dropped: number }>} each call's notifications (JSON text → final?), least recently active first */
  const calls = new Map();
  let storedBytes = 0;

  const send = (response, status, body, headers = {}) => {
    if (response.headersSent || response.destroyed) return;
    const text = body === undefined ? "" : JSON.stringify(body);
    response.writeHead(status, body === undefined ? headers : { ...headers, "content-type": "application/json" });
    response.end(text);
  };

  /** Answers a notification and logs one line for it. */
  const answer = (response, status, body, what) => {
    log(`${status} ${what}`);
    send(response, status, body);
  };

  const verify = (payload, request) =>
    verifyNotifySignature(payload, request.headers["savg-signature"], secrets, { now: now(), toleranceSeconds });

  const refusal = (check) => [check.reason === "malformed" ? 400 : 401, { error: `signature ${check.reason}` }];

  const sizeOf = (text) => OVERHEAD_BYTES + 2 * text.length;

  const forget = (id) => {
    const call = calls.get(id);
    calls.delete(id);
    storedBytes -= call.bytes;
  };

  /** Drops a call's oldest notification that is not a final status (the oldest of all if every one is). */
  const dropOldest = (call) => {
    let victim;
    for (const [text, final] of call.notes) {
      if (victim === undefined) victim = text;
      if (!final) {
        victim = text;
        break;
      }
    }
    call.notes.delete(victim);
    call.bytes -= sizeOf(victim);
    storedBytes -= sizeOf(victim);
    call.dropped++;
  };

  /**
   * Files one notification (its documented fields as JSON text) under its call:
   * "filed", "repeat", or why not ("full", "too-big").
   */
  const file = (id, text, final) => {
    let call = calls.get(id);
    if (call?.notes.has(text)) {
      calls.delete(id); // re-inserted last: the most recently active call is evicted last
      calls.set(id, call);
      return "repeat";
    }
    call ??= { notes: new Map(), bytes: 0, dropped: 0 };
    const size = sizeOf(text);
    if (!final && call.notes.size >= maxNotificationsPerCall) return "full";
    calls.delete(id);
    // Room from the least recently active other calls first.
    for (const oldest of calls.keys()) {
      if (storedBytes + size <= maxStoredBytes && calls.size < maxCalls) break;
      forget(oldest);
    }
    if (storedBytes + size > maxStoredBytes && !final) {
      if (call.notes.size > 0) calls.set(id, call);
      return "too-big";
    }
    // A final status is always filed: the call gives up its oldest notifications for it.
    while (call.notes.size > 0 && (storedBytes + size > maxStoredBytes || call.notes.size >= maxNotificationsPerCall))
      dropOldest(call);
    call.notes.set(text, final);
    call.bytes += size;
    storedBytes += size;
    calls.set(id, call);
    return "filed";
  };

  /** The documented fields of a parsed notification as JSON text: all that is kept. */
  const kept = (notification) => {
    const fields = {};
    for (const name of DOCUMENTED) if (notification[name] !== undefined) fields[name] = notification[name];
    return JSON.stringify(fields);
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
    if (call === undefined) return send(response, 404, { error: "unknown call" });
    const summary = summarizeCall([...call.notes.keys()], { machineDetection });
    const dropped =
      call.dropped === 0
        ? []
        : [`receiver: ${call.dropped} notification(s) dropped to keep the call's final status within the limits`];
    return send(response, 200, { ...summary, issues: [...summary.issues, ...dropped] });
  };

  /** What can be refused before any of the body is read: its announced size and the signature header. */
  const refusedEarly = (request) => {
    const length = Number(request.headers["content-length"]);
    if (length > maxBodyBytes) return [413, { error: "body too large" }];
    const header = request.headers["savg-signature"];
    if (verifyNotifySignature("", header, secrets).reason === "malformed")
      return [400, { error: "signature malformed" }];
    if (Math.abs(now() / 1000 - signedAt(header)) > toleranceSeconds) return [401, { error: "signature stale" }];
    return undefined;
  };

  const write = (request, response) => {
    if (request.method !== "POST") {
      request.resume();
      return send(response, 405, { error: "method not allowed" }, { allow: "POST" });
    }
    const early = refusedEarly(request);
    if (early !== undefined) {
      request.resume(); // the rest of the body is read and dropped, never kept
      return answer(response, ...early, `refused: ${early[1].error}`);
    }
    const chunks = [];
    let size = 0;
    request.on("data", (chunk) => {
      size += chunk.length;
      if (size <= maxBodyBytes) return chunks.push(chunk);
      if (size - chunk.length > maxBodyBytes) return; // refused already
      chunks.length = 0; // stop keeping what is refused; the rest is read and dropped
      answer(response, 413, { error: "body too large" }, "refused: body too large");
    });
    request.on("end", () =>
      guard(response, () => {
        if (size > maxBodyBytes) return;
        const raw = Buffer.concat(chunks);
        const check = verify(raw, request);
        if (!check.ok) return answer(response, ...refusal(check), `refused: signature ${check.reason}`);
        const parsed = parseCallNotification(raw);
        if (!parsed.ok) {
          const body = { error: "not a call notification", issues: parsed.issues };
          return answer(response, 422, body, "refused: not a call notification");
        }
        const { conversationId: id, status } = parsed.value;
        const outcome = file(id, kept(parsed.value), status === "completed" || status === "failed");
        const call = `call ${shown(id)}`;
        if (outcome === "filed") return answer(response, 204, undefined, `accepted ${call}: ${status}`);
        if (outcome === "repeat") return answer(response, 204, undefined, `repeat ${call}: ${status}, filed already`);
        const error =
          outcome === "full"
            ? "too many notifications for this call"
            : "this call's notifications would pass the storage limit";
        return answer(response, 429, { error }, `refused ${call}: ${error}`);
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

  const server = http.createServer(
    { requestTimeout: requestTimeoutMs, headersTimeout: Math.min(requestTimeoutMs, 10_000) },
    (request, response) => {
      request.on("error", () => send(response, 400, { error: "bad request" }));
      guard(response, () => {
        const target = typeof request.url === "string" ? request.url : "/";
        const path = target.split("?")[0];
        if (path.startsWith(CALLS_PREFIX)) return read(request, response, target);
        if (path === "/notify") return write(request, response);
        request.resume();
        return send(response, 404, { error: "not found" });
      });
    },
  );
  server.maxConnections = maxConnections;

  return { server, calls, storedBytes: () => storedBytes };
}

/** Whether this file is the program Node was started with (paths compared as files: spaces, symlinks). */
function startedDirectly() {
  if (process.argv[1] === undefined) return false;
  try {
    return realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1]);
  } catch {
    return false;
  }
}

// Started directly: listen on HOST:PORT (127.0.0.1:8080 by default) with WEBHOOK_SECRET
// (several, comma-separated, during a rotation). One line per notification on standard output.
if (startedDirectly()) {
  const say = (line) => process.stdout.write(`notify-receiver: ${line}\n`);
  const fail = (line, code) => {
    process.stderr.write(`notify-receiver: ${line}\n`);
    process.exit(code);
  };
  const env = process.env;
  const secrets = (env.WEBHOOK_SECRET ?? "").split(",").filter(Boolean);
  if (secrets.length === 0) fail("set WEBHOOK_SECRET (several secrets comma-separated during a rotation)", 2);
  const machineDetection = env.MACHINE_DETECTION ?? "detect";
  if (MODES.indexOf(machineDetection) === -1)
    fail(`MACHINE_DETECTION: expected one of ${MODES.join(", ")}, got "${shown(machineDetection)}"`, 2);
  const portText = env.PORT ?? "8080";
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) fail(`PORT: expected a port number from 0 to 65535, got "${shown(portText)}"`, 2);
  const host = env.HOST ?? "127.0.0.1";
  const { server } = createNotifyReceiver({ secrets, machineDetection, log: say });
  server.on("error", (error) => {
    const where = `${shown(host)}:${port}`;
    const reasons = {
      EADDRINUSE: `cannot listen on ${where}: the port is in use`,
      EACCES: `cannot listen on ${where}: not allowed (a port under 1024 needs privileges)`,
      EADDRNOTAVAIL: `cannot listen on ${where}: no such address on this machine`,
      ENOTFOUND: `cannot listen on ${where}: unknown host`,
    };
    fail(reasons[error.code] ?? `cannot listen on ${where}: ${shown(error.message)}`, 1);
  });
  server.listen(port, host, () => {
    const address = server.address();
    const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
    say(`listening on http://${shownHost}:${address.port} (POST /notify, GET /calls/<id>)`);
  });
}
