import { describe, expect, it } from "vitest";
import { ABANDONMENT_LIMIT, failureCauseOf, summarizeCall, summarizeCalls } from "../../src/dialer/index.js";
import { notificationFixtures } from "../../src/fixtures/index.js";

const bodiesOf = (conversationId: string) =>
  notificationFixtures
    .filter((fixture) => fixture.body["conversationId"] === conversationId)
    .map((fixture) => fixture.body);
const VOICEMAIL = "433a9a58-44eb-4c56-bb3e-ab2415f0xxxx";
const HUMAN = "6d2b7c1e-2f4a-4b8e-9a51-7c0e3f9dxxxx";

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

describe("failureCauseOf", () => {
  it.each([
    ["Busy Here", "486 Busy Here", "busy"],
    [undefined, "600 Busy Everywhere", "busy"],
    ["Service Unavailable", "503 Service Unavailable", "unavailable"],
    [undefined, "502 Bad Gateway", "unavailable"],
    ["Temporarily Unavailable", "480 Temporarily Unavailable", "rejected"],
    ["Decline", "603 Decline", "rejected"],
    [undefined, "487 Request Terminated", "no-answer"],
    [undefined, "408 Request Timeout", "no-answer"],
    ["Busy Here", undefined, "busy"],
    ["temporarily unavailable", "", "rejected"],
    [undefined, "404 Not Found", "other"],
    [undefined, undefined, "other"],
  ] as const)("%s / %s → %s", (code, reason, cause) => {
    expect(failureCauseOf(code, reason)).toBe(cause);
  });
});

describe("summarizeCalls", () => {
  const calls = [
    VOICEMAIL,
    HUMAN,
    ...notificationFixtures
      .filter((fixture) => fixture.expected.status === "failed")
      .map((f) => f.body["conversationId"] as string),
  ];
  const summaries = calls.map((id) => summarizeCall(bodiesOf(id), { machineDetection: "detect" }));

  it("counts and rates per status, failure cause and outcome", () => {
    const figures = summarizeCalls(summaries);
    expect(figures).toMatchObject({
      calls: 6,
      byStatus: { completed: 2, failed: 4 },
      byFailureCause: { busy: 1, "no-answer": 1, unavailable: 1, rejected: 1 },
      failureCauseRates: { busy: 0.25, "no-answer": 0.25, unavailable: 0.25, rejected: 0.25 },
      byOutcome: { "machine.greeting-ended": 1, human: 1, "not-run": 4 },
      machineDetected: 0,
      liveAnswers: 1,
      routedAwayFromPerson: 0,
      abandonmentRate: 0,
      abandonmentLimit: ABANDONMENT_LIMIT,
      overAbandonmentLimit: false,
    });
    expect(figures.statusRates["completed"]).toBeCloseTo(2 / 6);
  });

  it("flags abandonment above 3 % of live answers", () => {
    const person = summarizeCall(bodiesOf(HUMAN));
    const cutOff = { ...person, endedBy: "voice-gateway" as const };
    const figures = summarizeCalls([...Array.from({ length: 30 }, () => person), cutOff]);
    expect(figures.liveAnswers).toBe(31);
    expect(figures.routedAwayFromPerson).toBe(1);
    expect(figures.abandonmentRate).toBeCloseTo(1 / 31);
    expect(figures.overAbandonmentLimit).toBe(true);
    expect(summarizeCalls([...Array.from({ length: 40 }, () => person), cutOff]).overAbandonmentLimit).toBe(false);
  });

  it("gives zeros for no calls", () => {
    expect(summarizeCalls([])).toMatchObject({
      calls: 0,
      abandonmentRate: 0,
      statusRates: {},
      overAbandonmentLimit: false,
    });
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

describe("failureCauseOf: reading the SIP status", () => {
  it("reads a status at the start of the reason only, three digits exactly", () => {
    expect(failureCauseOf(undefined, "  486 Busy Here")).toBe("busy");
    expect(failureCauseOf("Service Unavailable", "x486 Busy Here")).toBe("unavailable");
    expect(failureCauseOf("Service Unavailable", "4861 Odd")).toBe("unavailable");
    expect(failureCauseOf(" BUSY HERE ", "")).toBe("busy");
    // A status the table does not know falls back to the reason code.
    expect(failureCauseOf("Busy Here", "404 Not Found")).toBe("busy");
    expect(failureCauseOf(undefined, "404 Not Found")).toBe("other");
  });
});

describe("summarizeCalls: the abandonment limit", () => {
  const person = summarizeCall([
    {
      conversationId: "p",
      status: "completed",
      reasonCode: "Caller-disconnected",
      machineDetection: "amd_human_detected",
    },
  ]);
  const cutOff = summarizeCall([
    { conversationId: "k", status: "completed", reasonCode: "KoreVG-disconnected", machineDetection: "amd_error" },
  ]);
  const machine = summarizeCall(
    [
      {
        conversationId: "m",
        status: "completed",
        reasonCode: "KoreVG-disconnected",
        machineDetection: "amd_tone_detected",
      },
    ],
    {
      machineDetection: "disconnect",
    },
  );
  const unknown = summarizeCall([]);

  it("is not over at exactly 3 %", () => {
    const figures = summarizeCalls([...Array.from({ length: 97 }, () => person), cutOff, cutOff, cutOff]);
    expect(figures.abandonmentRate).toBeCloseTo(0.03);
    expect(figures.overAbandonmentLimit).toBe(false);
  });

  it("counts only live answers: no machines, no failed or unknown calls", () => {
    const figures = summarizeCalls([
      person,
      cutOff,
      machine,
      unknown,
      summarizeCall([{ conversationId: "f", status: "Failed", reason: "486 Busy Here" }]),
    ]);
    expect(figures).toMatchObject({
      calls: 5,
      liveAnswers: 2,
      routedAwayFromPerson: 1,
      abandonmentRate: 0.5,
      machineDetected: 1,
    });
    expect(figures.byOutcome).toEqual({ human: 1, error: 1, "machine.beep": 1, "not-run": 2 });
    expect(figures.outcomeRates).toEqual({ human: 0.2, error: 0.2, "machine.beep": 0.2, "not-run": 0.4 });
  });
});

describe("summarizeCall: the latest disconnect, whatever its spelling", () => {
  it("chooses between two spellings of the same end time the same way in any order", () => {
    const a = { conversationId: "c", status: "Call-In-Progress", callDisconnectTime: "2025-06-26T12:51:07.151Z" };
    const b = { conversationId: "c", status: "Call-In-Progress", callDisconnectTime: "2025-06-26T12:51:07.1510Z" };
    expect(summarizeCall([a, b]).callDisconnectTime).toBe(summarizeCall([b, a]).callDisconnectTime);
  });
});
