import { describe, expect, it } from "vitest";
import { parseCallNotification } from "../../src/dialer/index.js";
import { notificationFixtures } from "../../src/fixtures/index.js";

describe("parseCallNotification over the fixtures", () => {
  it.each(notificationFixtures.map((fixture) => [fixture.id, fixture] as const))("%s", (_id, fixture) => {
    const parsed = parseCallNotification(fixture.body);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.status).toBe(fixture.expected.status);
    expect(parsed.value.machineDetection).toBe(fixture.expected.machineDetection);
    expect(parsed.value.conversationId).toBe(fixture.body["conversationId"]);
    expect(parsed.value.reasonCode).toBe(fixture.body["reasonCode"]);
    // Raw JSON text and bytes give the same value.
    expect(parseCallNotification(JSON.stringify(fixture.body))).toEqual(parsed);
    expect(parseCallNotification(Buffer.from(JSON.stringify(fixture.body)))).toEqual(parsed);
  });

  it("include the six documented notifications", () => {
    expect(notificationFixtures.filter((fixture) => fixture.id.startsWith("documented-"))).toHaveLength(6);
  });
});

describe("parseCallNotification", () => {
  it.each([
    ["Answered", "answered"],
    ["answered", "answered"],
    ["ANSWERED", "answered"],
    ["Call-In-Progress", "in-progress"],
    ["call-in-progress", "in-progress"],
    ["completed", "completed"],
    ["Completed", "completed"],
    ["Failed", "failed"],
    ["failed", "failed"],
    [" Answered\t", "answered"],
  ])("reads status %j as %s", (status, expected) => {
    const parsed = parseCallNotification({ conversationId: "c", status });
    expect(parsed).toEqual({ ok: true, value: { conversationId: "c", status: expected } });
  });

  it("normalises the documented reason codes' case and keeps other codes", () => {
    const code = (reasonCode: string) => {
      const parsed = parseCallNotification({ conversationId: "c", status: "failed", reasonCode });
      return parsed.ok ? parsed.value.reasonCode : undefined;
    };
    expect(code("busy here")).toBe("Busy Here");
    expect(code("BOT-DISCONNECTED")).toBe("bot-disconnected");
    expect(code("korevg-disconnected")).toBe("KoreVG-disconnected");
    expect(code("Decline")).toBe("Decline");
    // Spaces around a code are not part of it.
    expect(code(" busy here ")).toBe("Busy Here");
    expect(code("\tDecline  ")).toBe("Decline");
  });

  it("reads the docs' other spellings and numbers as text, and keeps unknown fields", () => {
    const parsed = parseCallNotification({
      conversationId: "c",
      status: "completed",
      machinedetection: " AMD_Tone_Detected ",
      callconnecttime: "2025-06-26T12:49:17.600Z",
      ringDurationInMs: "3381",
      duration: "109",
      campaign: { id: 7 },
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        conversationId: "c",
        status: "completed",
        machineDetection: "amd_tone_detected",
        callConnectTime: "2025-06-26T12:49:17.600Z",
        ringDurationInMS: 3381,
        callDuration: 109,
        campaign: { id: 7 },
      },
    });
  });

  it("lists what is wrong, by field", () => {
    expect(
      parseCallNotification({
        status: "Ringing",
        ringDurationInMS: -3,
        machineDetection: "amd_beep",
        callConnectTime: "soon",
      }),
    ).toEqual({
      ok: false,
      issues: [
        "conversationId: expected text",
        "status: expected Answered, Call-In-Progress, completed or Failed",
        "callConnectTime: expected an ISO 8601 time with a zone, such as 2025-06-26T12:49:17.600Z",
        "ringDurationInMS: expected a non-negative number",
        "machineDetection: expected an AMD event name",
      ],
    });
  });

  it("never throws, whatever it is given", () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("no");
        },
      },
    );
    for (const body of [undefined, null, 5, "", "not json", "[1,2]", [], hostile, Symbol("s"), () => 1]) {
      const parsed = parseCallNotification(body);
      expect(parsed.ok).toBe(false);
    }
    expect(parseCallNotification(hostile)).toEqual({ ok: false, issues: ["(body): could not be read"] });
  });

  it("keeps a __proto__ field as data without touching any prototype", () => {
    const parsed = parseCallNotification('{"conversationId":"c","status":"failed","__proto__":{"polluted":true}}');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("parseCallNotification spellings", () => {
  it("prefers the canonical spelling when both are given, in either order", () => {
    const first = parseCallNotification({
      conversationId: "c",
      status: "failed",
      machineDetection: "amd_tone_detected",
      machinedetection: "amd_error",
    });
    const second = parseCallNotification({
      conversationId: "c",
      status: "failed",
      machinedetection: "amd_error",
      machineDetection: "amd_tone_detected",
    });
    expect(first).toEqual(second);
    expect(first.ok && first.value.machineDetection).toBe("amd_tone_detected");
  });

  it("leaves out fields given as undefined", () => {
    const parsed = parseCallNotification({ conversationId: "c", status: "failed", reason: undefined });
    expect(parsed).toStrictEqual({ ok: true, value: { conversationId: "c", status: "failed" } });
  });
});

describe("parseCallNotification sizes", () => {
  it("parses a 1 MB body, and refuses text over 4 MB", () => {
    const big = JSON.stringify({ conversationId: "c", status: "Answered", padding: "x".repeat(1_000_000) });
    expect(parseCallNotification(big).ok).toBe(true);
    const huge = JSON.stringify({ conversationId: "c", status: "Answered", padding: "x".repeat(4 * 1024 * 1024) });
    expect(parseCallNotification(huge)).toEqual({
      ok: false,
      issues: ["(body): expected a JSON object (of at most 4 MB)"],
    });
  });
});

describe("parseCallNotification: hostile text", () => {
  const body = '{"conversationId":"c1","status":"Answered"}';

  it("accepts a UTF-8 byte order mark before the body, as text and as bytes", () => {
    expect(parseCallNotification(`\uFEFF${body}`)).toEqual({
      ok: true,
      value: { conversationId: "c1", status: "answered" },
    });
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]);
    expect(parseCallNotification(bytes)).toEqual({ ok: true, value: { conversationId: "c1", status: "answered" } });
    expect(parseCallNotification(new Uint8Array(bytes))).toEqual({
      ok: true,
      value: { conversationId: "c1", status: "answered" },
    });
  });

  it("accepts one byte order mark only", () => {
    expect(parseCallNotification(`\uFEFF\uFEFF${body}`)).toEqual({
      ok: false,
      issues: ["(body): expected a JSON object (of at most 4 MB)"],
    });
    expect(parseCallNotification(`${body}\uFEFF`).ok).toBe(false);
  });

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])("reads status %j as unknown", (status) => {
    expect(parseCallNotification({ conversationId: "c1", status })).toEqual({
      ok: false,
      issues: ["status: expected Answered, Call-In-Progress, completed or Failed"],
    });
  });

  it("keeps a reason code named like a built-in as text", () => {
    const parsed = parseCallNotification({ conversationId: "c1", status: "completed", reasonCode: "constructor" });
    expect(parsed).toEqual({
      ok: true,
      value: { conversationId: "c1", status: "completed", reasonCode: "constructor" },
    });
  });

  it("never reads a field from a __proto__ field's value", () => {
    expect(parseCallNotification('{"conversationId":"c1","__proto__":{"status":"completed"}}')).toEqual({
      ok: false,
      issues: ["status: expected a status"],
    });
  });

  it("never renames a __proto__ field: no key named [object Object]", () => {
    const parsed = parseCallNotification('{"conversationId":"c1","status":"Answered","__proto__":{"x":1}}');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(Object.keys(parsed.value)).not.toContain("[object Object]");
      expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
    }
  });

  it.each([
    ["2025-06-26T14:49:17+02:00", true],
    ["2025-06-26T12:49:17.600Z", true],
    ["1", false],
    ["March 7", false],
    ["2025-06-26T12:49:17", false],
    ["Thu, 26 Jun 2025 12:49:17 GMT", false],
  ])("reads the time %j: %s", (time, ok) => {
    expect(parseCallNotification({ conversationId: "c1", status: "completed", callDisconnectTime: time }).ok).toBe(ok);
  });
});
