// The example receiver (examples/notify-receiver.mjs) on 127.0.0.1, fed real HTTP
// requests: genuine, tampered, stale and malformed notifications, signed and unsigned
// reads, malformed paths, odd methods, huge and malformed bodies, and more calls than
// it keeps. Every loop of requests is bounded.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error the example is plain JavaScript, without declarations
import { createNotifyReceiver, RECEIVER_DEFAULTS } from "../../examples/notify-receiver.mjs";
import { signNotifyPayload } from "../../src/dialer/index.js";
import { notificationFixtures } from "../../src/fixtures/index.js";

const SECRET = "whsec_test_secret";
const NOW_MS = Date.UTC(2025, 5, 26, 12, 52);
const NOW_S = NOW_MS / 1000;
const CALL = "433a9a58-44eb-4c56-bb3e-ab2415f0xxxx";

interface Receiver {
  server: http.Server;
  calls: Map<string, unknown>;
  storedBytes: () => number;
  base: string;
  port: number;
}

async function start(options: Record<string, unknown> = {}): Promise<Receiver> {
  const { server, calls, storedBytes } = createNotifyReceiver({
    secrets: ["old_secret", SECRET],
    machineDetection: "disconnect",
    now: () => NOW_MS,
    ...options,
  }) as { server: http.Server; calls: Map<string, unknown>; storedBytes: () => number };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, calls, storedBytes, base: `http://127.0.0.1:${port}`, port };
}

const stop = (receiver: Receiver) =>
  new Promise<void>((resolve) => {
    receiver.server.closeAllConnections();
    receiver.server.close(() => resolve());
  });

let main: Receiver;
beforeAll(async () => {
  main = await start();
});
afterAll(async () => {
  await stop(main);
});

const post = (receiver: Receiver, body: string, signature?: string) =>
  fetch(`${receiver.base}/notify`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(signature === undefined ? {} : { "SAVG-Signature": signature }),
    },
    body,
  });

const postSigned = (receiver: Receiver, body: string) => post(receiver, body, signNotifyPayload(body, SECRET, NOW_S));

/** A raw request, the path sent exactly as given: what fetch would normalise. */
function raw(
  receiver: Receiver,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port: receiver.port, method, path, headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const signedRead = (receiver: Receiver, path: string, secret = SECRET, t = NOW_S) =>
  raw(receiver, "GET", path, { "SAVG-Signature": signNotifyPayload(`GET ${path}`, secret, t) });

describe("the example notify receiver", () => {
  it("accepts genuine notifications and summarises the call for a signed read", async () => {
    const voicemail = notificationFixtures.filter((fixture) => fixture.body["conversationId"] === CALL);
    for (const fixture of voicemail) {
      const body = JSON.stringify(fixture.body);
      const response = await post(main, body, signNotifyPayload(body, SECRET, NOW_S - 30));
      expect(response.status, fixture.id).toBe(204);
    }
    const read = await signedRead(main, `/calls/${CALL}`);
    expect(read.status).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({
      conversationId: CALL,
      status: "completed",
      endedBy: "bot",
      machineDetected: true,
      notifications: voicemail.length,
      amd: { kind: "machine", phase: "greeting-ended" },
      issues: [],
    });
  });

  it("rejects a tampered body with 401", async () => {
    const body = JSON.stringify({ conversationId: "x", status: "Answered" });
    const signature = signNotifyPayload(body, SECRET, NOW_S);
    const response = await post(main, body.replace("Answered", "Failed"), signature);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "signature mismatch" });
  });

  it("rejects a stale signature with 401", async () => {
    const body = JSON.stringify({ conversationId: "x", status: "Answered" });
    const response = await post(main, body, signNotifyPayload(body, SECRET, NOW_S - 301));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "signature stale" });
  });

  it("rejects a missing or malformed signature with 400", async () => {
    const body = JSON.stringify({ conversationId: "x", status: "Answered" });
    expect((await post(main, body)).status).toBe(400);
    expect((await post(main, body, "t=abc,v1=zz")).status).toBe(400);
  });

  it("rejects a signed body that is not a notification with 422, and files nothing", async () => {
    const response = await postSigned(main, "{not json");
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: "not a call notification",
      issues: ["(body): expected a JSON object (of at most 4 MB)"],
    });
    expect((await postSigned(main, JSON.stringify({ conversationId: "y", status: "Ringing" }))).status).toBe(422);
    expect((await signedRead(main, "/calls/y")).status).toBe(404);
  });

  it("accepts a body signed with a secret being rotated out, and a body after a byte order mark", async () => {
    const body = JSON.stringify({ conversationId: "z", status: "Answered" });
    expect((await post(main, body, signNotifyPayload(body, "old_secret", NOW_S))).status).toBe(204);
    expect((await signedRead(main, "/calls/z", "old_secret")).status).toBe(200);
    expect(
      (await postSigned(main, `\uFEFF${JSON.stringify({ conversationId: "bom", status: "Answered" })}`)).status,
    ).toBe(204);
    expect((await signedRead(main, "/calls/bom")).status).toBe(200);
  });

  it("answers 404 elsewhere", async () => {
    expect((await fetch(`${main.base}/other`)).status).toBe(404);
    expect(JSON.parse((await raw(main, "GET", "/")).body)).toEqual({ error: "not found" });
  });
});

describe("the example receiver: reads need the secret", () => {
  it("refuses an unsigned read with 400 and a wrongly signed one with 401", async () => {
    expect(await raw(main, "GET", `/calls/${CALL}`)).toEqual({
      status: 400,
      body: JSON.stringify({ error: "signature malformed" }),
    });
    expect(await signedRead(main, `/calls/${CALL}`, "guess")).toEqual({
      status: 401,
      body: JSON.stringify({ error: "signature mismatch" }),
    });
    expect(await signedRead(main, `/calls/${CALL}`, SECRET, NOW_S - 301)).toEqual({
      status: 401,
      body: JSON.stringify({ error: "signature stale" }),
    });
  });

  it("refuses a signature made for another path", async () => {
    const signature = signNotifyPayload("GET /calls/other", SECRET, NOW_S);
    expect((await raw(main, "GET", `/calls/${CALL}`, { "SAVG-Signature": signature })).status).toBe(401);
    const post = signNotifyPayload(`POST /calls/${CALL}`, SECRET, NOW_S);
    expect((await raw(main, "GET", `/calls/${CALL}`, { "SAVG-Signature": post })).status).toBe(401);
  });

  it("reads an encoded id and says 404 for an unknown call", async () => {
    const body = JSON.stringify({ conversationId: "a b/c", status: "Answered" });
    expect((await postSigned(main, body)).status).toBe(204);
    expect((await signedRead(main, "/calls/a%20b%2Fc")).status).toBe(200);
    expect(await signedRead(main, "/calls/nobody")).toEqual({
      status: 404,
      body: JSON.stringify({ error: "unknown call" }),
    });
  });
});

describe("the example receiver never crashes", () => {
  it.each(["/calls/%E0%A4%A", "/calls/%", "/calls/%ZZ", "/calls/%C0%AF", "/calls/%ED%A0%80"])(
    "answers 400 to the malformed path %s, and keeps serving",
    async (path) => {
      expect(await signedRead(main, path)).toEqual({
        status: 400,
        body: JSON.stringify({ error: "malformed call id" }),
      });
      expect((await signedRead(main, `/calls/${CALL}`)).status).toBe(200);
    },
  );

  it("answers 400 to an unsigned malformed path before decoding it", async () => {
    expect((await raw(main, "GET", "/calls/%E0%A4%A")).status).toBe(400);
  });

  it.each([
    ["PUT", "/notify", 405],
    ["GET", "/notify", 405],
    ["DELETE", `/calls/${CALL}`, 405],
    ["POST", `/calls/${CALL}`, 405],
    ["PATCH", "/", 404],
    ["OPTIONS", "*", 404],
    ["PROPFIND", "/notify", 405],
    ["HEAD", "/other", 404],
    ["GET", "//evil.example/calls/x", 404],
    ["GET", "/notify?x=%", 405],
  ])("answers %s %s with %i", async (method, path, status) => {
    expect((await raw(main, method, path, {}, method === "HEAD" ? undefined : "x")).status).toBe(status);
  });

  it("refuses a body over the limit with 413 and keeps serving", async () => {
    const small = await start({ maxBodyBytes: 1000 });
    try {
      const body = JSON.stringify({ conversationId: "big", status: "Answered", pad: "x".repeat(2000) });
      expect((await postSigned(small, body)).status).toBe(413);
      expect((await postSigned(small, JSON.stringify({ conversationId: "ok", status: "Answered" }))).status).toBe(204);
      expect((await post(small, "y".repeat(3_000_000))).status).toBe(413);
    } finally {
      await stop(small);
    }
  });

  it.each([
    ["deeply nested", `{"conversationId":"deep","status":"Answered","x":${"[".repeat(6000)}${"]".repeat(6000)}}`],
    ["invalid UTF-8", Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
    ["empty", ""],
    ["a JSON list", "[1,2,3]"],
    ["null", "null"],
  ])("survives a signed %s body, and still reads calls", async (_name, body) => {
    const response = await fetch(`${main.base}/notify`, {
      method: "POST",
      headers: { "SAVG-Signature": signNotifyPayload(body, SECRET, NOW_S) },
      body,
    });
    expect([204, 422]).toContain(response.status);
    expect((await signedRead(main, `/calls/${CALL}`)).status).toBe(200);
  });

  it("summarises a call whose signed notification is deeply nested", async () => {
    const body = `{"conversationId":"deep2","status":"Answered","x":${"[".repeat(6000)}${"]".repeat(6000)}}`;
    expect((await postSigned(main, body)).status).toBe(204);
    const read = await signedRead(main, "/calls/deep2");
    expect(read.status).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({ status: "answered", notifications: 1 });
  });

  it("survives a client that goes away mid-body", async () => {
    await new Promise<void>((resolve) => {
      const request = http.request({
        host: "127.0.0.1",
        port: main.port,
        method: "POST",
        path: "/notify",
        headers: { "content-length": "100000" },
      });
      request.on("error", () => resolve());
      request.write("{".repeat(1000), () => {
        request.destroy();
        resolve();
      });
    });
    expect((await signedRead(main, `/calls/${CALL}`)).status).toBe(200);
  });
});

describe("the example receiver keeps bounded memory", () => {
  /** What the receiver counts for one kept notification: its documented fields as JSON text. */
  const keptSize = (fields: Record<string, unknown>) => 128 + 2 * JSON.stringify(fields).length;

  it("has the documented default limits", () => {
    expect(RECEIVER_DEFAULTS).toEqual({
      maxBodyBytes: 1_000_000,
      maxCalls: 10_000,
      maxNotificationsPerCall: 100,
      maxStoredBytes: 64_000_000,
      maxConnections: 64,
      requestTimeoutMs: 30_000,
    });
  });

  it("refuses limits that could not keep one notification, and an unknown machineDetection", () => {
    expect(() => createNotifyReceiver({ secrets: SECRET, maxStoredBytes: 1_000_000 })).toThrow(
      "maxStoredBytes must be at least 2 × maxBodyBytes + 328",
    );
    expect(() => createNotifyReceiver({ secrets: SECRET, machineDetection: "bogus" })).toThrow(
      "machineDetection: expected one of disconnect, detect, disabled, got bogus",
    );
  });

  it("takes a body of 1 MB by default, and refuses one byte more with 413", async () => {
    const head = JSON.stringify({ conversationId: "mb", status: "Answered", pad: "" });
    const body = head.replace('"pad":""', `"pad":"${"x".repeat(1_000_000 - head.length)}"`);
    expect(body.length).toBe(1_000_000);
    expect((await postSigned(main, body)).status).toBe(204);
    expect((await postSigned(main, `${body} `)).status).toBe(413);
  });

  it("evicts the oldest calls past maxCalls", async () => {
    const small = await start({ maxCalls: 3 });
    try {
      for (const id of ["c1", "c2", "c3", "c4", "c5"])
        expect((await postSigned(small, JSON.stringify({ conversationId: id, status: "Answered" }))).status).toBe(204);
      expect([...small.calls.keys()]).toEqual(["c3", "c4", "c5"]);
      expect((await signedRead(small, "/calls/c1")).status).toBe(404);
      expect((await signedRead(small, "/calls/c5")).status).toBe(200);
    } finally {
      await stop(small);
    }
  });

  it("keeps the call last written to, evicting the least recently active", async () => {
    const small = await start({ maxCalls: 2 });
    try {
      await postSigned(small, JSON.stringify({ conversationId: "a", status: "Answered" }));
      await postSigned(small, JSON.stringify({ conversationId: "b", status: "Answered" }));
      await postSigned(small, JSON.stringify({ conversationId: "a", status: "completed" }));
      await postSigned(small, JSON.stringify({ conversationId: "c", status: "Answered" }));
      expect([...small.calls.keys()]).toEqual(["a", "c"]);
    } finally {
      await stop(small);
    }
  });

  it("counts what it keeps, the documented fields, not the body: 990 kB of [{},{},…] costs nothing", async () => {
    const small = await start({ maxStoredBytes: 4_000_000 });
    try {
      const pad = Array.from({ length: 330_000 }, () => "{}").join(",");
      for (const id of ["p1", "p2", "p3", "p4"]) {
        const body = JSON.stringify({ conversationId: id, status: "Answered", reason: "200 OK" }).replace(
          "}",
          `,"pad":[${pad}]}`,
        );
        expect(body.length).toBeGreaterThan(990_000);
        expect((await postSigned(small, body)).status).toBe(204);
      }
      expect(small.storedBytes()).toBe(
        ["p1", "p2", "p3", "p4"]
          .map((id) => keptSize({ conversationId: id, status: "answered", reason: "200 OK" }))
          .reduce((a, b) => a + b),
      );
      const read = await signedRead(small, "/calls/p4");
      expect(JSON.parse(read.body)).toMatchObject({ conversationId: "p4", status: "answered", reason: "200 OK" });
    } finally {
      await stop(small);
    }
  });

  it("evicts the oldest calls past maxStoredBytes, never the one just filed", async () => {
    const small = await start({ maxBodyBytes: 300, maxStoredBytes: 1000 });
    try {
      const fields = (id: string) => ({ conversationId: id, status: "answered", reason: "x".repeat(80) });
      const body = (id: string) => JSON.stringify({ ...fields(id), status: "Answered" });
      // 396 bytes each: two fit in 1000, three do not.
      expect(keptSize(fields("a"))).toBe(396);
      for (const id of ["a", "b", "c"]) expect((await postSigned(small, body(id))).status).toBe(204);
      expect([...small.calls.keys()]).toEqual(["b", "c"]);
      expect(small.storedBytes()).toBe(792);
    } finally {
      await stop(small);
    }
  });

  it("never lets one call keep more than maxStoredBytes; its final status still gets in", async () => {
    const small = await start({ maxBodyBytes: 300, maxStoredBytes: 1000 });
    try {
      const note = (status: string, n: number) =>
        JSON.stringify({ conversationId: "big", status, reason: `${n}`.padEnd(80, "x") });
      const statuses: number[] = [];
      for (let n = 0; n < 4; n++) {
        statuses.push((await postSigned(small, note("Call-In-Progress", n))).status);
        expect(small.storedBytes()).toBeLessThanOrEqual(1000);
      }
      expect(statuses).toEqual([204, 204, 429, 429]);
      expect((await postSigned(small, note("completed", 9))).status).toBe(204);
      expect(small.storedBytes()).toBeLessThanOrEqual(1000);
      const summary = JSON.parse((await signedRead(small, "/calls/big")).body);
      expect(summary).toMatchObject({ status: "completed", notifications: 2 });
      expect(summary.issues).toEqual([
        "receiver: 1 notification(s) dropped to keep the call's final status within the limits",
      ]);
    } finally {
      await stop(small);
    }
  });

  it("refuses more than maxNotificationsPerCall for one call with 429, but never its final status", async () => {
    const small = await start({ maxNotificationsPerCall: 2 });
    try {
      const statuses: number[] = [];
      for (const body of [
        { status: "Answered" },
        { status: "Call-In-Progress", machineDetection: "amd_machine_detected" },
        { status: "Call-In-Progress", machineDetection: "amd_stopped" },
        { status: "completed", reasonCode: "bot-disconnected" },
      ])
        statuses.push((await postSigned(small, JSON.stringify({ conversationId: "x", ...body }))).status);
      expect(statuses).toEqual([204, 204, 429, 204]);
      const summary = JSON.parse((await signedRead(small, "/calls/x")).body);
      expect(summary).toMatchObject({ status: "completed", endedBy: "bot", notifications: 2 });
    } finally {
      await stop(small);
    }
  });

  it("files a replayed notification once: 100 replays in its window leave room for the call's real end", async () => {
    const small = await start();
    try {
      const answered = JSON.stringify({ conversationId: "replayed", status: "Answered" });
      const signature = signNotifyPayload(answered, SECRET, NOW_S - 10);
      for (let replay = 0; replay < 101; replay++) expect((await post(small, answered, signature)).status).toBe(204);
      // The same fields again, signed anew (a platform's retry): one notification still.
      expect((await postSigned(small, answered)).status).toBe(204);
      const completed = JSON.stringify({ conversationId: "replayed", status: "completed", reasonCode: "OK" });
      expect((await postSigned(small, completed)).status).toBe(204);
      const summary = JSON.parse((await signedRead(small, "/calls/replayed")).body);
      expect(summary).toMatchObject({ status: "completed", notifications: 2, issues: [] });
      expect(small.storedBytes()).toBe(
        keptSize({ conversationId: "replayed", status: "answered" }) +
          keptSize({ conversationId: "replayed", status: "completed", reasonCode: "OK" }),
      );
    } finally {
      await stop(small);
    }
  });
});

/** Sends a request's headers and the start of its body, and resolves with the answer that comes before the rest. */
function answerBeforeBody(receiver: Receiver, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: "127.0.0.1",
      port: receiver.port,
      method: "POST",
      path: "/notify",
      headers: { "content-type": "application/json", "content-length": "990000", ...headers },
      agent: false,
    });
    request.on("response", (response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
      request.destroy(); // the rest of the body is never sent
    });
    request.on("error", (error) => reject(error));
    request.write("{".repeat(1000));
  });
}

describe("the example receiver refuses before reading the body", () => {
  it("answers an unsigned post at once, without waiting for its 990 kB body", async () => {
    expect(await answerBeforeBody(main, {})).toBe(400);
    expect(await answerBeforeBody(main, { "SAVG-Signature": "t=1,v1=zz" })).toBe(400);
  });

  it("answers a stale signature at once", async () => {
    const stale = signNotifyPayload("{}", SECRET, NOW_S - 301);
    expect(await answerBeforeBody(main, { "SAVG-Signature": stale })).toBe(401);
  });

  it("answers a body announced over maxBodyBytes at once", async () => {
    const small = await start({ maxBodyBytes: 1000 });
    try {
      expect(await answerBeforeBody(small, { "SAVG-Signature": signNotifyPayload("{}", SECRET, NOW_S) })).toBe(413);
    } finally {
      await stop(small);
    }
    expect((await signedRead(main, `/calls/${CALL}`)).status).toBe(200);
  });
});

describe("the example receiver caps its connections", () => {
  it("refuses a connection past maxConnections, and takes one again once one closes", async () => {
    const small = await start({ maxConnections: 2 });
    const open = (): Promise<net.Socket> =>
      new Promise((resolve, reject) => {
        const socket = net.connect(small.port, "127.0.0.1", () => resolve(socket));
        socket.on("error", reject);
      });
    const closedByServer = (socket: net.Socket): Promise<void> =>
      new Promise((resolve) => {
        socket.on("error", () => {});
        socket.on("close", () => resolve());
      });
    try {
      const first = await open();
      const second = await open();
      const third = await open();
      await closedByServer(third);
      first.destroy();
      await new Promise((resolve) => first.on("close", resolve));
      // The server sees the close a moment later: retry until it counts one connection fewer.
      let status = 0;
      for (let attempt = 0; attempt < 50 && status !== 204; attempt++) {
        status = await postSigned(small, JSON.stringify({ conversationId: "cap", status: "Answered" })).then(
          (response) => response.status,
          () => 0,
        );
      }
      expect(status).toBe(204);
      second.destroy();
    } finally {
      await stop(small);
    }
  });
});

describe("the example receiver logs one line per notification", () => {
  it("says what it accepted and refused, with call ids escaped", async () => {
    const lines: string[] = [];
    const logged = await start({ log: (line: string) => lines.push(line) });
    try {
      await postSigned(logged, JSON.stringify({ conversationId: "a\u001b[31mb", status: "Answered" }));
      await postSigned(logged, JSON.stringify({ conversationId: "a\u001b[31mb", status: "Answered" }));
      await post(logged, "{}");
      await postSigned(logged, "[]");
      expect(lines).toEqual([
        "204 accepted call a\\u001b[31mb: answered",
        "204 repeat call a\\u001b[31mb: answered, filed already",
        "400 refused: signature malformed",
        "422 refused: not a call notification",
      ]);
    } finally {
      await stop(logged);
    }
  });
});

describe("the example receiver as a program", () => {
  const EXAMPLE = fileURLToPath(new URL("../../examples/notify-receiver.mjs", import.meta.url));
  const ROOT = fileURLToPath(new URL("../..", import.meta.url));
  const env = (extra: Record<string, string>) => ({ ...process.env, WEBHOOK_SECRET: SECRET, ...extra });

  /** Starts the program and resolves with its first line once it is listening; the process is stopped after. */
  async function firstLine(path: string, extra: Record<string, string>): Promise<string> {
    const child = spawn(process.execPath, [path], { env: env(extra), stdio: ["ignore", "pipe", "pipe"] });
    try {
      return await new Promise<string>((resolve, reject) => {
        let out = "";
        let err = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString("utf8");
          if (out.includes("\n")) resolve(out.split("\n")[0] as string);
        });
        child.stderr.on("data", (chunk: Buffer) => {
          err += chunk.toString("utf8");
        });
        child.on("exit", (code) => reject(new Error(`exited ${code}: ${err}`)));
      });
    } finally {
      child.kill();
    }
  }

  it("starts from a folder whose path has a space, and says where it listens (127.0.0.1 unless HOST says)", async () => {
    const folder = join(mkdtempSync(join(tmpdir(), "amd-flow-receiver-")), "with space");
    mkdirSync(join(folder, "node_modules"), { recursive: true });
    symlinkSync(ROOT, join(folder, "node_modules", "amd-flow"), "dir");
    const copy = join(folder, "notify-receiver.mjs");
    copyFileSync(EXAMPLE, copy);
    expect(await firstLine(copy, { PORT: "0" })).toMatch(
      /^notify-receiver: listening on http:\/\/127\.0\.0\.1:\d+ \(POST \/notify, GET \/calls\/<id>\)$/,
    );
    expect(await firstLine(EXAMPLE, { PORT: "0", HOST: "0.0.0.0" })).toMatch(
      /^notify-receiver: listening on http:\/\/0\.0\.0\.0:\d+ /,
    );
  });

  it.each([
    [{ PORT: "abc" }, 2, 'notify-receiver: PORT: expected a port number from 0 to 65535, got "abc"'],
    [{ PORT: "70000" }, 2, 'notify-receiver: PORT: expected a port number from 0 to 65535, got "70000"'],
    [
      { MACHINE_DETECTION: "bogus" },
      2,
      'notify-receiver: MACHINE_DETECTION: expected one of disconnect, detect, disabled, got "bogus"',
    ],
    [
      { WEBHOOK_SECRET: "" },
      2,
      "notify-receiver: set WEBHOOK_SECRET (several secrets comma-separated during a rotation)",
    ],
  ])("refuses %o with one line and exit %i", (extra, code, line) => {
    const result = spawnSync(process.execPath, [EXAMPLE], { env: env(extra), encoding: "utf8" });
    expect({ status: result.status, stderr: result.stderr, stdout: result.stdout }).toEqual({
      status: code,
      stderr: `${line}\n`,
      stdout: "",
    });
  });

  it("says in one line that a port is in use, and exits 1", () => {
    const result = spawnSync(process.execPath, [EXAMPLE], { env: env({ PORT: String(main.port) }), encoding: "utf8" });
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 1,
      stderr: `notify-receiver: cannot listen on 127.0.0.1:${main.port}: the port is in use\n`,
    });
  });
});

describe("the example ships with the package", () => {
  it("is in package.json's files, where docs/dialer.md says it is once installed", () => {
    const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      files: string[];
    };
    expect(manifest.files).toContain("examples");
    const guide = readFileSync(new URL("../../docs/dialer.md", import.meta.url), "utf8");
    const cited = [...guide.matchAll(/node_modules\/amd-flow\/([\w./-]+)/g)].map((match) => match[1]);
    expect(cited).toContain("examples/notify-receiver.mjs");
    for (const path of cited) {
      expect(existsSync(new URL(`../../${path}`, import.meta.url)), path).toBe(true);
      expect(
        manifest.files.some((entry) => path === entry || path?.startsWith(`${entry}/`)),
        path,
      ).toBe(true);
    }
  });
});
