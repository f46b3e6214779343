// The example receiver (examples/notify-receiver.mjs) on 127.0.0.1, fed real HTTP
// requests: genuine, tampered, stale and malformed notifications, signed and unsigned
// reads, malformed paths, odd methods, huge and malformed bodies, and more calls than
// it keeps. Every loop of requests is bounded.
import http from "node:http";
import type { AddressInfo } from "node:net";
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
  base: string;
  port: number;
}

async function start(options: Record<string, unknown> = {}): Promise<Receiver> {
  const { server, calls } = createNotifyReceiver({
    secrets: ["old_secret", SECRET],
    machineDetection: "disconnect",
    now: () => NOW_MS,
    ...options,
  }) as { server: http.Server; calls: Map<string, unknown> };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, calls, base: `http://127.0.0.1:${port}`, port };
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
  it("has the documented default limits", () => {
    expect(RECEIVER_DEFAULTS).toEqual({
      maxBodyBytes: 1_000_000,
      maxCalls: 10_000,
      maxNotificationsPerCall: 100,
      maxStoredBytes: 64_000_000,
    });
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

  it("evicts the oldest calls past maxStoredBytes, never the one just filed", async () => {
    const small = await start({ maxStoredBytes: 200 });
    try {
      // 91 bytes each: two fit in 200, three do not.
      const body = (id: string) => JSON.stringify({ conversationId: id, status: "Answered", pad: "x".repeat(40) });
      expect(body("a").length).toBe(91);
      for (const id of ["a", "b", "c"]) expect((await postSigned(small, body(id))).status).toBe(204);
      expect([...small.calls.keys()]).toEqual(["b", "c"]);
      const huge = JSON.stringify({ conversationId: "h", status: "Answered", pad: "x".repeat(500) });
      expect((await postSigned(small, huge)).status).toBe(204);
      expect([...small.calls.keys()]).toEqual(["h"]);
    } finally {
      await stop(small);
    }
  });

  it("refuses more than maxNotificationsPerCall for one call with 429", async () => {
    const small = await start({ maxNotificationsPerCall: 2 });
    try {
      const statuses: number[] = [];
      for (const status of ["Answered", "Call-In-Progress", "completed"])
        statuses.push((await postSigned(small, JSON.stringify({ conversationId: "x", status }))).status);
      expect(statuses).toEqual([204, 204, 429]);
    } finally {
      await stop(small);
    }
  });
});
