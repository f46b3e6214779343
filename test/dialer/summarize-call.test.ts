import { describe, expect, it } from "vitest";
import { summarizeCall, summarizeCalls } from "../../src/dialer/index.js";
import { notificationFixtures } from "../../src/fixtures/index.js";
import { bodiesOf, HUMAN_CALL as HUMAN, VOICEMAIL_CALL as VOICEMAIL } from "../support/notifications.js";

describe("summarizeCall", () => {
  it("summarises the documented voicemail call", () => {
    expect(summarizeCall(bodiesOf(VOICEMAIL), { machineDetection: "detect" })).toEqual({
      conversationId: VOICEMAIL,
      status: "completed",
      reasonCode: "bot-disconnected",
      reason: "200 OK",
      endedBy: "bot",
      amd: {
        kind: "machine",
        phase: "greeting-ended",
        evidence: ["amd_machine_detected", "amd_machine_stopped_speaking", "amd_stopped"],
      },
      machineDetected: false,
      ringDurationMs: 3381,
      connectDurationMs: 4343,
      callDurationSeconds: 109,
      callConnectTime: "2025-06-26T12:49:17.600Z",
      callDisconnectTime: "2025-06-26T12:51:07.151Z",
      sessionId: "685d41cd54d09f7f699axxxx",
      notifications: 5,
      issues: [],
    });
  });

  it("marks machineDetected only in disconnect mode with a machine or tone detected", () => {
    expect(summarizeCall(bodiesOf(VOICEMAIL), { machineDetection: "disconnect" }).machineDetected).toBe(true);
    expect(summarizeCall(bodiesOf(VOICEMAIL)).machineDetected).toBe(false);
    expect(summarizeCall(bodiesOf(HUMAN), { machineDetection: "disconnect" }).machineDetected).toBe(false);
    const tone = [{ conversationId: "t", status: "Call-In-Progress", machineDetection: "amd_tone_detected" }];
    expect(summarizeCall(tone, { machineDetection: "disconnect" }).machineDetected).toBe(true);
  });

  it("summarises a person's call ended by the person", () => {
    const summary = summarizeCall(bodiesOf(HUMAN));
    expect(summary).toMatchObject({
      status: "completed",
      endedBy: "person",
      amd: { kind: "human" },
      callDurationSeconds: 74,
    });
  });

  it.each(
    notificationFixtures
      .filter((fixture) => fixture.expected.status === "failed")
      .map((fixture) => [fixture.id, fixture.body, fixture.expected.failureCause] as const),
  )("gives the failure cause of %s", (_id, body, cause) => {
    const summary = summarizeCall([body]);
    expect(summary.status).toBe("failed");
    expect(summary.failureCause).toBe(cause);
    expect(summary.amd.kind).toBe("not-run");
  });

  it("leaves out and reports notifications of other calls and unusable ones", () => {
    const summary = summarizeCall([...bodiesOf(HUMAN), ...bodiesOf(VOICEMAIL).slice(0, 2), { status: "x" }], {
      conversationId: HUMAN,
    });
    expect(summary.conversationId).toBe(HUMAN);
    expect(summary.notifications).toBe(3);
    expect(summary.amd.kind).toBe("human");
    expect(summary.issues).toEqual([
      "notifications[5]: conversationId: expected text",
      "notifications[5]: status: expected Answered, Call-In-Progress, completed or Failed",
      `conversationId ${VOICEMAIL}: 2 notification(s) of another call, left out`,
    ]);
  });

  it("picks the call most notifications are about when none is named", () => {
    expect(summarizeCall([...bodiesOf(VOICEMAIL), ...bodiesOf(HUMAN)]).conversationId).toBe(VOICEMAIL);
  });

  it("shows a call still in progress, and one with nothing to go on", () => {
    expect(summarizeCall(bodiesOf(VOICEMAIL).slice(0, 3)).status).toBe("in-progress");
    expect(summarizeCall(bodiesOf(VOICEMAIL).slice(0, 1)).status).toBe("answered");
    const empty = summarizeCall([]);
    expect(empty).toMatchObject({
      conversationId: undefined,
      status: "unknown",
      notifications: 0,
      amd: { kind: "not-run" },
    });
    expect(summarizeCall("nope" as never).issues).toEqual(["notifications: expected a list"]);
  });
});

describe("summarizeCall at the edges", () => {
  it("picks the latest disconnect among final notifications, in any order", () => {
    const early = {
      conversationId: "c",
      status: "completed",
      reasonCode: "Caller-disconnected",
      callDisconnectTime: "2025-06-26T12:00:00Z",
    };
    const late = {
      conversationId: "c",
      status: "completed",
      reasonCode: "bot-disconnected",
      callDisconnectTime: "2025-06-26T12:05:00Z",
    };
    expect(summarizeCall([early, late]).endedBy).toBe("bot");
    expect(summarizeCall([late, early]).endedBy).toBe("bot");
  });

  it("chooses between two spellings of the same time the same way in any order", () => {
    const a = { conversationId: "c", status: "Answered", callConnectTime: "2025-06-26T12:49:17.600Z" };
    const b = { conversationId: "c", status: "Answered", callConnectTime: "2025-06-26T12:49:17.6Z" };
    expect(summarizeCall([a, b]).callConnectTime).toBe(summarizeCall([b, a]).callConnectTime);
  });

  it("names no one as the ender without a reason code", () => {
    const summary = summarizeCall([{ conversationId: "c", status: "completed" }]);
    expect(summary.status).toBe("completed");
    expect("endedBy" in summary).toBe(false);
  });

  it("counts a failed summary without a cause as other", () => {
    const failed = summarizeCall([{ conversationId: "c", status: "Failed" }]);
    const { failureCause: _cause, ...withoutCause } = failed;
    expect(summarizeCalls([withoutCause as never]).byFailureCause).toEqual({ other: 1 });
  });
});

describe("summarizeCall: choices that must not depend on order", () => {
  const both = <T>(list: T[]) => [list, [...list].reverse()];

  it("picks the alphabetically first call when two have as many notifications", () => {
    for (const list of both([
      { conversationId: "b", status: "Answered" },
      { conversationId: "a", status: "Answered" },
    ])) {
      const summary = summarizeCall(list);
      expect(summary.conversationId).toBe("a");
      expect(summary.issues).toEqual(["conversationId b: 1 notification(s) of another call, left out"]);
    }
  });

  it("picks the call with more notifications over an alphabetically earlier one, in any order", () => {
    for (const list of both([
      { conversationId: "b", status: "Answered" },
      { conversationId: "b", status: "completed" },
      { conversationId: "a", status: "Answered" },
    ])) {
      const summary = summarizeCall(list);
      expect(summary).toMatchObject({ conversationId: "b", status: "completed", notifications: 2 });
      expect(summary.issues).toEqual(["conversationId a: 1 notification(s) of another call, left out"]);
    }
  });

  it("counts a repeated delivery once when choosing the call and reporting the others", () => {
    const repeated = { conversationId: "a", status: "Answered" };
    for (const list of both([
      repeated,
      { ...repeated },
      { conversationId: "b", status: "Answered" },
      { ...repeated },
      { conversationId: "b", status: "completed" },
    ])) {
      const summary = summarizeCall(list);
      expect(summary).toMatchObject({ conversationId: "b", notifications: 2 });
      expect(summary.issues).toEqual(["conversationId a: 1 notification(s) of another call, left out"]);
    }
  });

  it("lists the other calls in alphabetical order", () => {
    const list = ["z", "m", "a", "a", "a"].map((conversationId, index) => ({
      conversationId,
      status: "Answered",
      ringDurationInMS: index,
    }));
    expect(summarizeCall(list).issues).toEqual([
      "conversationId m: 1 notification(s) of another call, left out",
      "conversationId z: 1 notification(s) of another call, left out",
    ]);
  });

  it("breaks a tie between two final notifications at the same time the same way in any order", () => {
    const a = {
      conversationId: "c",
      status: "completed",
      reasonCode: "bot-disconnected",
      callDisconnectTime: "2025-06-26T12:00:00Z",
    };
    const b = {
      conversationId: "c",
      status: "completed",
      reasonCode: "Caller-disconnected",
      callDisconnectTime: "2025-06-26T12:00:00Z",
    };
    const [forward, backward] = both([a, b]).map((list) => summarizeCall(list));
    expect(forward?.endedBy).toBe(backward?.endedBy);
    expect(forward?.reasonCode).toBe(backward?.reasonCode);
  });

  it("takes the earliest connect, the latest disconnect, the largest durations and the first session id", () => {
    const list = [
      {
        conversationId: "c",
        status: "Answered",
        callConnectTime: "2025-06-26T12:00:05Z",
        ringDurationInMS: 100,
        connectDurationInMS: 900,
        sessionId: "s2",
      },
      {
        conversationId: "c",
        status: "Call-In-Progress",
        callConnectTime: "2025-06-26T12:00:01Z",
        ringDurationInMS: 300,
        connectDurationInMS: 700,
      },
      {
        conversationId: "c",
        status: "completed",
        callDisconnectTime: "2025-06-26T12:01:00Z",
        callDuration: 50,
        sessionId: "s1",
      },
      { conversationId: "c", status: "completed", callDisconnectTime: "2025-06-26T12:02:00Z", callDuration: 70 },
    ];
    for (const order of both(list)) {
      expect(summarizeCall(order)).toMatchObject({
        callConnectTime: "2025-06-26T12:00:01Z",
        callDisconnectTime: "2025-06-26T12:02:00Z",
        ringDurationMs: 300,
        connectDurationMs: 900,
        callDurationSeconds: 70,
        sessionId: "s1",
      });
    }
  });

  it("counts a repeated delivery once", () => {
    const body = { conversationId: "c", status: "Answered" };
    expect(summarizeCall([body, { ...body }, body]).notifications).toBe(1);
  });

  it("reads no list from what cannot be read, and names the call asked for even with no notification", () => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(summarizeCall(proxy).issues).toEqual(["notifications: expected a list"]);
    const lying = new Proxy([], { get: (target, key) => (key === "length" ? "lots" : Reflect.get(target, key)) });
    expect(summarizeCall(lying).issues).toEqual(["notifications: could not read its length"]);
    const unreadable = new Proxy([{ conversationId: "c", status: "Answered" }], {
      get: (target, key) => {
        if (key === "0") throw new Error("no");
        return Reflect.get(target, key);
      },
    });
    expect(summarizeCall(unreadable).issues).toEqual(["notifications[0]: could not be read"]);
    expect(summarizeCall([], null as never)).toMatchObject({ conversationId: undefined, status: "unknown" });
    expect(summarizeCall([{ conversationId: "c", status: "Answered" }], { conversationId: "d" })).toMatchObject({
      conversationId: "d",
      status: "unknown",
      notifications: 0,
    });
  });
});

describe("summarizeCall: the latest disconnect, whatever its spelling", () => {
  it("chooses between two spellings of the same end time the same way in any order", () => {
    const a = { conversationId: "c", status: "Call-In-Progress", callDisconnectTime: "2025-06-26T12:51:07.151Z" };
    const b = { conversationId: "c", status: "Call-In-Progress", callDisconnectTime: "2025-06-26T12:51:07.1510Z" };
    expect(summarizeCall([a, b]).callDisconnectTime).toBe(summarizeCall([b, a]).callDisconnectTime);
  });
});

describe("summarizeCall with extra fields that cannot be serialised", () => {
  const base = { conversationId: "x", status: "completed", reasonCode: "bot-disconnected" };
  const cycle: Record<string, unknown> = { ...base };
  cycle["self"] = cycle;
  let deep: Record<string, unknown> = {};
  for (let i = 0; i < 50_000; i++) deep = { deep };
  const hostile = new Proxy(
    {},
    {
      get: () => {
        throw new Error("no");
      },
      ownKeys: () => {
        throw new Error("no");
      },
    },
  );
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();

  it.each([
    ["a BigInt", { ...base, extra: 10n }],
    ["a cycle", cycle],
    [
      "a throwing toJSON",
      {
        ...base,
        extra: {
          toJSON: () => {
            throw new Error("no");
          },
        },
      },
    ],
    ["deep nesting", { ...base, extra: deep }],
    ["a hostile Proxy", { ...base, extra: hostile }],
    ["a revoked Proxy", { ...base, extra: revoked.proxy }],
  ])("summarises a call whose notifications carry %s, counting repeats once", (_name, body) => {
    const summary = summarizeCall([body, body, { ...base, status: "Answered" }]);
    expect(summary).toMatchObject({ conversationId: "x", status: "completed", endedBy: "bot", notifications: 2 });
    expect(summary.issues).toEqual([]);
  });

  it("counts copies that differ only in fields the docs do not list once", () => {
    expect(
      summarizeCall([
        { ...base, a: 1 },
        { ...base, a: 2 },
      ]).notifications,
    ).toBe(1);
    expect(summarizeCall([base, { ...base, sessionId: "s" }]).notifications).toBe(2);
  });
});

describe("summarizeCall with prototype-named text", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])(
    "reads %s as an unknown status and an unknown reason code",
    (word) => {
      const summary = summarizeCall([
        { conversationId: "x", status: word },
        { conversationId: "x", status: "completed", reasonCode: word },
        { conversationId: "y", status: "failed", reasonCode: word },
      ]);
      expect(summary.issues).toEqual([
        "notifications[0]: status: expected Answered, Call-In-Progress, completed or Failed",
        "conversationId y: 1 notification(s) of another call, left out",
      ]);
      expect(summary.status).toBe("completed");
      expect(summary.reasonCode).toBe(word);
      expect("endedBy" in summary).toBe(false);
      expect(summarizeCall([{ conversationId: "y", status: "failed", reasonCode: word }]).failureCause).toBe("other");
    },
  );

  it("takes __proto__ and constructor as call ids like any other", () => {
    const summary = summarizeCall([
      { conversationId: "__proto__", status: "Answered" },
      { conversationId: "__proto__", status: "completed" },
      { conversationId: "constructor", status: "Answered" },
    ]);
    expect(summary).toMatchObject({ conversationId: "__proto__", status: "completed", notifications: 2 });
    expect(summary.issues).toEqual(["conversationId constructor: 1 notification(s) of another call, left out"]);
  });

  it("keeps a __proto__ field of a JSON body as data, never as a key named [object Object]", () => {
    const text =
      '{"conversationId":"x","status":"completed","__proto__":{"status":"failed"},"machinedetection":"amd_human_detected"}';
    const summary = summarizeCall([text]);
    expect(summary).toMatchObject({ status: "completed", amd: { kind: "human" }, issues: [] });
    expect(Object.prototype).not.toHaveProperty("status");
  });

  it("writes control characters of another call's id escaped, on one line", () => {
    const summary = summarizeCall([
      { conversationId: "x", status: "completed" },
      { conversationId: "x", status: "Answered" },
      { conversationId: "y\nz", status: "completed" },
    ]);
    expect(summary.issues).toEqual(["conversationId y\\u000az: 1 notification(s) of another call, left out"]);
  });
});

describe("summarizeCall: times are instants", () => {
  it("compares disconnect times across zones by the instant they name", () => {
    const early = {
      conversationId: "x",
      status: "completed",
      reasonCode: "bot-disconnected",
      callDisconnectTime: "2025-06-26T12:30:00+02:00",
    };
    const late = {
      conversationId: "x",
      status: "completed",
      reasonCode: "Caller-disconnected",
      callDisconnectTime: "2025-06-26T11:00:00Z",
    };
    for (const order of [
      [early, late],
      [late, early],
    ]) {
      const summary = summarizeCall(order);
      expect(summary.endedBy).toBe("person");
      expect(summary.callDisconnectTime).toBe("2025-06-26T11:00:00Z");
    }
  });

  it("takes the earliest connect by instant, not by text", () => {
    const a = { conversationId: "x", status: "Answered", callConnectTime: "2025-06-26T10:00:00-03:00" };
    const b = { conversationId: "x", status: "completed", callConnectTime: "2025-06-26T12:59:59Z" };
    expect(summarizeCall([a, b]).callConnectTime).toBe("2025-06-26T12:59:59Z");
    expect(summarizeCall([b, a]).callConnectTime).toBe("2025-06-26T12:59:59Z");
  });

  it("of two spellings of one instant, takes the first in text order, in any order", () => {
    const a = { conversationId: "x", status: "completed", callDisconnectTime: "2025-06-26T12:00:00+01:00" };
    const b = { conversationId: "x", status: "completed", callDisconnectTime: "2025-06-26T11:00:00Z" };
    expect(summarizeCall([a, b]).callDisconnectTime).toBe("2025-06-26T11:00:00Z");
    expect(summarizeCall([b, a]).callDisconnectTime).toBe("2025-06-26T11:00:00Z");
    expect(summarizeCall([a, b]).callConnectTime).toBeUndefined();
  });

  it.each(["1", "March 7", "2025-06-26T12:00:00", "2025-02-30T00:00:00Z", "tomorrow"])(
    "reports nonsense like %j and does not use it",
    (time) => {
      const summary = summarizeCall([
        { conversationId: "x", status: "completed", callDisconnectTime: "2025-06-26T11:00:00Z" },
        { conversationId: "x", status: "completed", callDisconnectTime: time, reasonCode: "bot-disconnected" },
      ]);
      expect(summary.callDisconnectTime).toBe("2025-06-26T11:00:00Z");
      expect(summary.endedBy).toBeUndefined();
      expect(summary.issues).toEqual([
        "notifications[1]: callDisconnectTime: expected an ISO 8601 time with a zone, such as 2025-06-26T12:49:17.600Z",
      ]);
    },
  );
});

describe("summarizeCall: bounded work on anything", () => {
  it.each([null, undefined, "abc", 5, {}])("says %j is not a list", (input) => {
    expect(summarizeCall(input).issues).toEqual(["notifications: expected a list"]);
  });

  it("reads null options as none", () => {
    expect(summarizeCall(bodiesOf(VOICEMAIL), null as never).status).toBe("completed");
  });

  it("reads the first 100000 of a huge sparse list quickly, listing 50 problems and counting the rest", () => {
    const started = performance.now();
    const summary = summarizeCall(new Array(2 ** 32 - 1));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(summary.status).toBe("unknown");
    expect(summary.issues).toHaveLength(51);
    expect(summary.issues[0]).toBe("notifications: 4294967295 given; read the first 100000");
    expect(summary.issues[1]).toBe("notifications[0]: (body): expected an object");
    expect(summary.issues[50]).toBe("… and 99951 more problems not listed");
  });
});
