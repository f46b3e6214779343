import { describe, expect, it } from "vitest";
import { ABANDONMENT_LIMIT, summarizeCall, summarizeCalls } from "../../src/dialer/index.js";
import { notificationFixtures } from "../../src/fixtures/index.js";

const bodiesOf = (conversationId: string) =>
  notificationFixtures
    .filter((fixture) => fixture.body["conversationId"] === conversationId)
    .map((fixture) => fixture.body);
const VOICEMAIL = "433a9a58-44eb-4c56-bb3e-ab2415f0xxxx";
const HUMAN = "6d2b7c1e-2f4a-4b8e-9a51-7c0e3f9dxxxx";

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
