import { describe, expect, it } from "vitest";
import { ABANDONMENT_LIMIT, failureCauseOf, summarizeCall, summarizeCalls } from "../../src/dialer/index.js";
import { notificationFixtures } from "../../src/fixtures/index.js";

const bodiesOf = (conversationId: string) =>
  notificationFixtures.filter((fixture) => fixture.body["conversationId"] === conversationId).map((fixture) => fixture.body);
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
    expect(summary).toMatchObject({ status: "completed", endedBy: "person", amd: { kind: "human" }, callDurationSeconds: 74 });
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
    expect(empty).toMatchObject({ conversationId: undefined, status: "unknown", notifications: 0, amd: { kind: "not-run" } });
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
  const calls = [VOICEMAIL, HUMAN, ...notificationFixtures.filter((fixture) => fixture.expected.status === "failed").map((f) => f.body["conversationId"] as string)];
  const summaries = calls.map((id) => summarizeCall(bodiesOf(id), { machineDetection: "detect" }));

  it("counts and rates per status, failure cause and outcome", () => {
    const figures = summarizeCalls(summaries);
    expect(figures).toMatchObject({
      calls: 6,
      byStatus: { completed: 2, failed: 4 },
      byFailureCause: { busy: 1, "no-answer": 1, unavailable: 1, rejected: 1 },
      failureCauseRates: { busy: 0.25, "no-answer": 0.25, unavailable: 0.25, rejected: 0.25 },
      byOutcome: { "machine/greeting-ended": 1, human: 1, "not-run": 4 },
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
    expect(summarizeCalls([])).toMatchObject({ calls: 0, abandonmentRate: 0, statusRates: {}, overAbandonmentLimit: false });
  });
});

describe("summarizeCall at the edges", () => {
  it("picks the latest disconnect among final notifications, in any order", () => {
    const early = { conversationId: "c", status: "completed", reasonCode: "Caller-disconnected", callDisconnectTime: "2025-06-26T12:00:00Z" };
    const late = { conversationId: "c", status: "completed", reasonCode: "bot-disconnected", callDisconnectTime: "2025-06-26T12:05:00Z" };
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
