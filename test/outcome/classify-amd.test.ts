import { describe, expect, it } from "vitest";

const ctx = (UserSession: unknown) => ({ session: { UserSession } });

import {
  AMD_EVENTS,
  type AmdEventName,
  type AmdReading,
  classifyAmd,
  readAmd,
  situationOf,
  toAmdEventName,
} from "../../src/index.js";

const reading = (...names: AmdEventName[]): AmdReading => ({
  events: names.map((name) => ({ name, source: "amdEvents" as const })),
  unknownEvents: [],
  issues: [],
});
const shape = (outcome: ReturnType<typeof classifyAmd>) => situationOf(outcome);

describe("classifyAmd: the rules table", () => {
  it.each([
    [["amd_tone_detected"], "machine.beep"],
    [["amd_machine_stopped_speaking"], "machine.greeting-ended"],
    [["amd_machine_detected", "amd_stopped"], "machine.greeting-ended"],
    [["amd_machine_detected"], "machine.greeting"],
    [["amd_human_detected"], "human"],
    [["amd_no_speech_detected"], "silence"],
    [["amd_error"], "error"],
    [["amd_decision_timeout"], "undecided"],
    [["amd_stopped"], "undecided"],
    [[], "not-run"],
  ] as const)("%j → %s", (names, expected) => {
    expect(shape(classifyAmd(reading(...names)))).toBe(expected);
  });

  it("gives undecided for unknown names only, and not-run for nothing at all", () => {
    expect(classifyAmd({ events: [], unknownEvents: ["amd_beep"], issues: [] }).kind).toBe("undecided");
    expect(classifyAmd({ events: [], unknownEvents: [], issues: [] }).kind).toBe("not-run");
  });

  it("ranks machine evidence above a human verdict", () => {
    for (const machine of ["amd_tone_detected", "amd_machine_stopped_speaking", "amd_machine_detected"] as const) {
      expect(classifyAmd(reading("amd_human_detected", machine)).kind).toBe("machine");
    }
  });

  it("ranks a decisive verdict above error, timeout and stopped", () => {
    for (const weak of ["amd_error", "amd_decision_timeout", "amd_stopped"] as const) {
      expect(classifyAmd(reading(weak, "amd_human_detected")).kind).toBe("human");
      expect(classifyAmd(reading(weak, "amd_no_speech_detected")).kind).toBe("silence");
      expect(classifyAmd(reading(weak, "amd_machine_detected")).kind).toBe("machine");
    }
    expect(classifyAmd(reading("amd_decision_timeout", "amd_error")).kind).toBe("error");
  });

  it("treats a tone with no speech as a machine at the beep", () => {
    expect(shape(classifyAmd(reading("amd_tone_detected", "amd_no_speech_detected", "amd_stopped")))).toBe(
      "machine.beep",
    );
  });

  it("lists its evidence once each, in AMD_EVENTS order", () => {
    const outcome = classifyAmd(reading("amd_stopped", "amd_tone_detected", "amd_stopped", "amd_machine_detected"));
    expect(outcome.evidence).toEqual(["amd_machine_detected", "amd_tone_detected", "amd_stopped"]);
    expect(AMD_EVENTS.filter((name) => outcome.evidence.includes(name))).toEqual(outcome.evidence);
  });
});

describe("classifyAmd: details", () => {
  it("carries the machine's reason, greeting, hint, language and tone frequency", () => {
    const outcome = classifyAmd(
      readAmd({
        session: {
          UserSession: {
            amdInfo: {
              amdEvents: [
                {
                  type: "amd_machine_detected",
                  reason: "hint",
                  hint: "leave a message",
                  transcript: "please leave a message",
                  language: "en-GB",
                },
                { type: "amd_tone_detected", frequency: 1000, variance: 2 },
              ],
            },
          },
        },
      }),
    );
    expect(outcome).toEqual({
      kind: "machine",
      phase: "beep",
      evidence: ["amd_machine_detected", "amd_tone_detected"],
      reason: "hint",
      greeting: "please leave a message",
      hint: "leave a message",
      language: "en-GB",
      toneFrequency: 1000,
    });
  });

  it("prefers amdInfo's greeting and reason over the events'", () => {
    const outcome = classifyAmd({
      events: [{ name: "amd_machine_detected", source: "amdEvents", reason: "hint", greeting: "event greeting" }],
      unknownEvents: [],
      issues: [],
      greeting: "info greeting",
      reason: "long greeting",
    });
    expect(outcome).toMatchObject({ reason: "long greeting", greeting: "info greeting" });
  });

  it("carries the person's greeting, reason and language", () => {
    const outcome = classifyAmd({
      events: [
        { name: "amd_human_detected", source: "amd", reason: "short greeting", greeting: "Hello?", language: "en-US" },
      ],
      unknownEvents: [],
      issues: [],
    });
    expect(outcome).toEqual({
      kind: "human",
      evidence: ["amd_human_detected"],
      greeting: "Hello?",
      reason: "short greeting",
      language: "en-US",
    });
  });

  it("carries the engine's error text", () => {
    const outcome = classifyAmd({
      events: [{ name: "amd_error", source: "amd", error: "recognizer down" }],
      unknownEvents: [],
      issues: [],
    });
    expect(outcome).toEqual({ kind: "error", evidence: ["amd_error"], error: "recognizer down" });
  });

  it("picks among disagreeing duplicates without regard to order: longest text, then first alphabetically, lowest number", () => {
    const events = [
      { name: "amd_machine_detected" as const, source: "amdEvents" as const, greeting: "bb", hint: "zz" },
      { name: "amd_machine_detected" as const, source: "amdEvents" as const, greeting: "aaa", hint: "aa" },
      { name: "amd_tone_detected" as const, source: "amdEvents" as const, frequency: 900 },
      { name: "amd_tone_detected" as const, source: "amdEvents" as const, frequency: 440 },
    ];
    const forward = classifyAmd({ events, unknownEvents: [], issues: [] });
    const backward = classifyAmd({ events: [...events].reverse(), unknownEvents: [], issues: [] });
    expect(forward).toEqual(backward);
    expect(forward).toMatchObject({ greeting: "aaa", hint: "aa", toneFrequency: 440 });
  });

  it("ignores empty text and leaves absent details out rather than undefined", () => {
    const outcome = classifyAmd({
      events: [{ name: "amd_machine_detected", source: "amd", greeting: "" }],
      unknownEvents: [],
      issues: [],
    });
    expect(outcome).toEqual({ kind: "machine", phase: "greeting", evidence: ["amd_machine_detected"] });
    expect(Object.keys(outcome)).not.toContain("greeting");
  });
});

describe("classifyAmd: readings made by hand", () => {
  it("reads bare names, skips holes, and treats missing lists as empty", () => {
    expect(classifyAmd({ events: ["amd_tone_detected", null, 5, " AMD_Stopped "] } as never)).toEqual({
      kind: "machine",
      phase: "beep",
      evidence: ["amd_tone_detected", "amd_stopped"],
    });
    expect(classifyAmd({} as never)).toEqual({ kind: "not-run", evidence: [] });
    expect(classifyAmd(undefined as never)).toEqual({ kind: "not-run", evidence: [] });
    expect(classifyAmd({ events: [], unknownEvents: ["x"] } as never).kind).toBe("undecided");
  });
});

describe("classifyAmd and toAmdEventName: readings made by hand", () => {
  it("toAmdEventName gives undefined for what is not text", () => {
    for (const value of [undefined, null, 5, {}, ["amd_stopped"]]) expect(toAmdEventName(value)).toBeUndefined();
  });

  it("classifyAmd ignores events whose name is not an AMD event", () => {
    const outcome = classifyAmd({
      events: [{ name: "amd_bogus" as never, source: "amd" }],
      unknownEvents: [],
      issues: [],
    });
    expect(outcome).toEqual({ kind: "not-run", evidence: [] });
  });
});

describe("classifyAmd: details from the right events", () => {
  it("takes the tone frequency from tone events only, and the error text from error events only", () => {
    const tone = classifyAmd(
      readAmd(
        ctx({
          amdInfo: {
            amdEvents: [
              { type: "amd_machine_detected", frequency: 100 },
              { type: "amd_tone_detected", frequency: 1000 },
            ],
          },
        }),
      ),
    );
    expect(tone).toMatchObject({ kind: "machine", phase: "beep", toneFrequency: 1000 });
    const failed = classifyAmd(
      readAmd(ctx({ amdInfo: { amdEvents: [{ type: "amd_stopped", error: "not mine" }, { type: "amd_error" }] } })),
    );
    expect(failed).toStrictEqual({ kind: "error", evidence: ["amd_error", "amd_stopped"] });
  });
});
