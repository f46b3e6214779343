import { describe, expect, it } from "vitest";
import { ABANDONMENT_LIMIT, summarizeCall, summarizeCalls } from "../../src/dialer/index.js";
import { notificationFixtures } from "../../src/fixtures/index.js";
import { bodiesOf, HUMAN_CALL as HUMAN, VOICEMAIL_CALL as VOICEMAIL } from "../support/notifications.js";

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

describe("summarizeCalls: live answers cut off, as notifications show them", () => {
  const call = (id: string, reasonCode: string, event?: string) =>
    summarizeCall([
      {
        conversationId: id,
        status: "completed",
        reasonCode,
        ...(event === undefined ? {} : { machineDetection: event }),
      },
    ]);

  it("counts live answers the gateway ended, and those the bot ended without a human verdict", () => {
    const figures = summarizeCalls([
      call("a", "KoreVG-disconnected", "amd_human_detected"),
      call("b", "bot-disconnected", "amd_no_speech_detected"),
      call("c", "bot-disconnected", "amd_decision_timeout"),
      call("d", "bot-disconnected"),
      call("e", "bot-disconnected", "amd_human_detected"),
      call("f", "Caller-disconnected", "amd_no_speech_detected"),
      call("g", "bot-disconnected", "amd_machine_detected"),
      call("h", "KoreVG-disconnected", "amd_machine_detected"),
    ]);
    expect(figures).toMatchObject({
      calls: 8,
      liveAnswers: 6,
      liveAnswersEndedByGateway: 1,
      liveAnswersEndedByBotWithoutHumanVerdict: 3,
      liveAnswersCutOff: 4,
      cutOffRate: 4 / 6,
      overAbandonmentLimit: true,
      routedAwayFromPerson: 1,
      abandonmentRate: 4 / 6,
      issues: [],
    });
  });

  it("keeps the deprecated names equal to the new figures", () => {
    const figures = summarizeCalls([call("a", "KoreVG-disconnected"), call("b", "bot-disconnected"), call("c", "OK")]);
    expect(figures.routedAwayFromPerson).toBe(figures.liveAnswersEndedByGateway);
    expect(figures.abandonmentRate).toBe(figures.cutOffRate);
    expect(figures.cutOffRate).toBe(2 / 3);
  });

  it("is over the limit only above 3 %", () => {
    const person = call("p", "Caller-disconnected", "amd_human_detected");
    const cut = call("k", "bot-disconnected", "amd_error");
    expect(summarizeCalls([...Array.from({ length: 97 }, () => person), cut, cut, cut]).overAbandonmentLimit).toBe(
      false,
    );
    expect(summarizeCalls([...Array.from({ length: 96 }, () => person), cut, cut, cut, cut]).overAbandonmentLimit).toBe(
      true,
    );
  });
});

describe("summarizeCalls never throws", () => {
  const zero = {
    calls: 0,
    byStatus: {},
    statusRates: {},
    byFailureCause: {},
    failureCauseRates: {},
    byOutcome: {},
    outcomeRates: {},
    machineDetected: 0,
    liveAnswers: 0,
    liveAnswersEndedByGateway: 0,
    liveAnswersEndedByBotWithoutHumanVerdict: 0,
    liveAnswersCutOff: 0,
    cutOffRate: 0,
    abandonmentLimit: 0.03,
    overAbandonmentLimit: false,
    routedAwayFromPerson: 0,
    abandonmentRate: 0,
  };

  it.each([
    [null, ["summaries: expected a list"]],
    [undefined, ["summaries: expected a list"]],
    ["abc", ["summaries: expected a list"]],
    [{ length: 1, 0: {} }, ["summaries: expected a list"]],
    [[null], ["summaries[0]: expected a call summary from summarizeCall, left out"]],
    [[{}], ["summaries[0]: expected a call summary from summarizeCall, left out"]],
    [
      [5, "x"],
      [
        "summaries[0]: expected a call summary from summarizeCall, left out",
        "summaries[1]: expected a call summary from summarizeCall, left out",
      ],
    ],
    [
      [{ status: "completed", amd: { kind: "machine" } }],
      ["summaries[0]: expected a call summary from summarizeCall, left out"],
    ],
    [
      [{ status: "completed", amd: { kind: "machine", phase: "toString" } }],
      ["summaries[0]: expected a call summary from summarizeCall, left out"],
    ],
    [
      [{ status: "constructor", amd: { kind: "human" } }],
      ["summaries[0]: expected a call summary from summarizeCall, left out"],
    ],
    [
      [{ status: "completed", amd: { kind: "__proto__" } }],
      ["summaries[0]: expected a call summary from summarizeCall, left out"],
    ],
    [[{ status: "completed" }], ["summaries[0]: expected a call summary from summarizeCall, left out"]],
    [
      // A list is no summary, even one carrying a summary's fields.
      [Object.assign([], { status: "completed", amd: { kind: "human" } })],
      ["summaries[0]: expected a call summary from summarizeCall, left out"],
    ],
  ])("gives zero figures and issues for %j", (input, issues) => {
    expect(summarizeCalls(input as never)).toStrictEqual({ ...zero, issues });
  });

  it("reads what it can of a summary with odd fields: unknown words count as nothing", () => {
    const figures = summarizeCalls([
      {
        status: "failed",
        amd: { kind: "not-run" },
        failureCause: "constructor",
        endedBy: "__proto__",
        machineDetected: "yes",
      } as never,
    ]);
    expect(figures).toMatchObject({ calls: 1, byFailureCause: { other: 1 }, machineDetected: 0, issues: [] });
    expect(Object.keys(figures.byStatus)).toEqual(["failed"]);
  });

  it("leaves out summaries whose fields cannot be read, and hostile lists", () => {
    const throwing = new Proxy(
      {},
      {
        get: () => {
          throw new Error("no");
        },
      },
    );
    expect(summarizeCalls([throwing] as never).issues).toEqual([
      "summaries[0]: expected a call summary from summarizeCall, left out",
    ]);
    const lengthless = new Proxy([], {
      get: (target, key) => {
        if (key === "length") throw new Error("no");
        return Reflect.get(target, key);
      },
    });
    expect(summarizeCalls(lengthless).issues).toEqual(["summaries: could not read its length"]);
    const unreadable = new Proxy([1], {
      get: (target, key) => {
        if (key === "0") throw new Error("no");
        return Reflect.get(target, key);
      },
    });
    expect(summarizeCalls(unreadable as never).issues).toEqual([
      "summaries[0]: expected a call summary from summarizeCall, left out",
    ]);
  });

  it("counts one problem past the 50 listed in the singular", () => {
    const figures = summarizeCalls(new Array(51));
    expect(figures.issues).toHaveLength(51);
    expect(figures.issues[50]).toBe("… and 1 more problem not listed");
    expect(summarizeCalls(new Array(50)).issues).toHaveLength(50);
  });
});
