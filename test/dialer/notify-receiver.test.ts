// The example receiver (examples/notify-receiver.mjs) on 127.0.0.1, fed real HTTP
// requests: genuine, tampered, stale and malformed notifications.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error the example is plain JavaScript, without declarations
import { createNotifyReceiver } from "../../examples/notify-receiver.mjs";
import { signNotifyPayload } from "../../src/dialer/index.js";
import { notificationFixtures } from "../../src/fixtures/index.js";

const SECRET = "whsec_test_secret";
const NOW_MS = Date.UTC(2025, 5, 26, 12, 52);
const NOW_S = NOW_MS / 1000;
const CALL = "433a9a58-44eb-4c56-bb3e-ab2415f0xxxx";

let base = "";
let server: import("node:http").Server;

beforeAll(async () => {
  ({ server } = createNotifyReceiver({
    secrets: ["old_secret", SECRET],
    machineDetection: "disconnect",
    now: () => NOW_MS,
  }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const post = (body: string, signature?: string) =>
  fetch(`${base}/notify`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(signature === undefined ? {} : { "SAVG-Signature": signature }),
    },
    body,
  });

describe("the example notify receiver", () => {
  it("accepts genuine notifications and summarises the call", async () => {
    const voicemail = notificationFixtures.filter((fixture) => fixture.body["conversationId"] === CALL);
    for (const fixture of voicemail) {
      const body = JSON.stringify(fixture.body);
      const response = await post(body, signNotifyPayload(body, SECRET, NOW_S - 30));
      expect(response.status, fixture.id).toBe(204);
    }
    const summary = await (await fetch(`${base}/calls/${CALL}`)).json();
    expect(summary).toMatchObject({
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
    const response = await post(body.replace("Answered", "Failed"), signature);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "signature mismatch" });
  });

  it("rejects a stale signature with 401", async () => {
    const body = JSON.stringify({ conversationId: "x", status: "Answered" });
    const response = await post(body, signNotifyPayload(body, SECRET, NOW_S - 301));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "signature stale" });
  });

  it("rejects a missing or malformed signature with 400", async () => {
    const body = JSON.stringify({ conversationId: "x", status: "Answered" });
    expect((await post(body)).status).toBe(400);
    expect((await post(body, "t=abc,v1=zz")).status).toBe(400);
  });

  it("rejects a signed body that is not a notification with 422, and files nothing", async () => {
    const body = "{not json";
    const response = await post(body, signNotifyPayload(body, SECRET, NOW_S));
    expect(response.status).toBe(422);
    const wrong = JSON.stringify({ conversationId: "y", status: "Ringing" });
    expect((await post(wrong, signNotifyPayload(wrong, SECRET, NOW_S))).status).toBe(422);
    expect((await fetch(`${base}/calls/y`)).status).toBe(404);
  });

  it("accepts a body signed with a secret being rotated out", async () => {
    const body = JSON.stringify({ conversationId: "z", status: "Answered" });
    expect((await post(body, signNotifyPayload(body, "old_secret", NOW_S))).status).toBe(204);
    expect((await fetch(`${base}/calls/z`)).status).toBe(200);
  });

  it("answers 404 elsewhere", async () => {
    expect((await fetch(`${base}/other`)).status).toBe(404);
  });
});
