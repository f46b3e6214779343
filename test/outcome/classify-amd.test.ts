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
      greeting: "You have reached the info greeting",
      reason: "long greeting",
    });
    expect(outcome).toMatchObject({
      kind: "machine",
      reason: "long greeting",
      greeting: "You have reached the info greeting",
    });
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

const tone = (frequency?: unknown, times: Record<string, unknown> = {}) => ({
  name: "amd_tone_detected" as const,
  source: "amdEvents" as const,
  ...(frequency === undefined ? {} : { frequency }),
  ...times,
});
const event = (name: AmdEventName, times: Record<string, unknown> = {}) => ({
  name,
  source: "amdEvents" as const,
  ...times,
});
const of = (...events: unknown[]): AmdReading => ({ events, unknownEvents: [], issues: [] }) as unknown as AmdReading;

describe("classifyAmd: fax", () => {
  it.each([1050, 1100, 1150, 2050, 2100, 2150])("a lone tone at %d Hz is a fax", (frequency) => {
    expect(classifyAmd(of(tone(frequency)))).toEqual({
      kind: "fax",
      evidence: ["amd_tone_detected"],
      toneFrequency: frequency,
    });
  });

  it.each([1600, 1650, 1700])("a lone tone at %d Hz (a fax's V.21 signalling) is a fax", (frequency) => {
    expect(classifyAmd(of(tone(frequency), event("amd_no_speech_detected")))).toEqual({
      kind: "fax",
      evidence: ["amd_no_speech_detected", "amd_tone_detected"],
      toneFrequency: frequency,
    });
  });

  it.each([1049, 1151, 1599, 1701, 2049, 2151, 399, 581, 1000, 0])(
    "a lone tone at %d Hz stays a machine beep",
    (frequency) => {
      expect(classifyAmd(of(tone(frequency)))).toEqual({
        kind: "machine",
        phase: "beep",
        evidence: ["amd_tone_detected"],
        toneFrequency: frequency,
      });
    },
  );

  it("a tone without a frequency stays a machine beep", () => {
    expect(classifyAmd(of(tone()))).toEqual({ kind: "machine", phase: "beep", evidence: ["amd_tone_detected"] });
  });

  it("is a fax with no-speech, a timeout, an error or stopped beside the tone, and with amdRequested", () => {
    for (const name of ["amd_no_speech_detected", "amd_decision_timeout", "amd_error", "amd_stopped"] as const) {
      expect(classifyAmd(of(tone(2100), event(name))).kind).toBe("fax");
    }
    expect(classifyAmd(of(tone(1100)), { amdRequested: true }).kind).toBe("fax");
  });

  it("is not a fax once a person or a machine spoke: machine evidence wins, at the beep", () => {
    for (const name of ["amd_human_detected", "amd_machine_detected", "amd_machine_stopped_speaking"] as const) {
      expect(situationOf(classifyAmd(of(tone(2100), event(name))))).toBe("machine.beep");
    }
  });

  it("decides by the lowest usable frequency of several tones, whatever their order", () => {
    expect(classifyAmd(of(tone(2100), tone(1000))).kind).toBe("machine");
    expect(classifyAmd(of(tone(1000), tone(2100))).kind).toBe("machine");
    expect(classifyAmd(of(tone(2100), tone(1100))).kind).toBe("fax");
    expect(classifyAmd(of(tone(), tone(2100)))).toMatchObject({ kind: "fax", toneFrequency: 2100 });
  });
});

describe("classifyAmd: pending", () => {
  const requested = { amdRequested: true };

  it("is pending with amdRequested and no event, not-run without it", () => {
    expect(classifyAmd(of(), requested)).toEqual({ kind: "pending", evidence: [] });
    expect(classifyAmd(of(), { amdRequested: false })).toEqual({ kind: "not-run", evidence: [] });
    expect(classifyAmd(of())).toEqual({ kind: "not-run", evidence: [] });
  });

  it("is pending for a lone tone that is not a fax's, with amdRequested", () => {
    expect(classifyAmd(of(tone(1000)), requested)).toEqual({ kind: "pending", evidence: ["amd_tone_detected"] });
    expect(classifyAmd(of(tone()), requested)).toEqual({ kind: "pending", evidence: ["amd_tone_detected"] });
    expect(classifyAmd(of(tone(1000), tone(990)), requested).kind).toBe("pending");
  });

  it("is no longer pending once speech or the end of AMD is heard beside the tone", () => {
    for (const name of [
      "amd_human_detected",
      "amd_machine_detected",
      "amd_machine_stopped_speaking",
      "amd_no_speech_detected",
      "amd_decision_timeout",
      "amd_error",
      "amd_stopped",
    ] as const) {
      expect(classifyAmd(of(tone(1000), event(name)), requested).kind).toBe("machine");
    }
  });

  it("leaves every other verdict as it is", () => {
    expect(classifyAmd(of(event("amd_human_detected")), requested).kind).toBe("human");
    expect(classifyAmd(of(event("amd_stopped")), requested).kind).toBe("undecided");
    expect(classifyAmd({ events: [], unknownEvents: ["amd_beep"], issues: [] }, requested).kind).toBe("undecided");
  });

  it("reads the option guarded: anything but true is false", () => {
    for (const amdRequested of ["true", 1, null, undefined, {}]) {
      expect(classifyAmd(of(), { amdRequested } as never).kind).toBe("not-run");
    }
    const hostile = Object.defineProperty({}, "amdRequested", {
      get: () => {
        throw new Error("boom");
      },
    });
    expect(classifyAmd(of(), hostile).kind).toBe("not-run");
    expect(classifyAmd(of(), null as never).kind).toBe("not-run");
  });
});

describe("classifyAmd: times tell a tone before the person from a short greeting's beep", () => {
  const human = (times: Record<string, unknown>) => event("amd_human_detected", times);

  it("leaves a tone more than beepWindowMs before the human verdict human, listing the tone", () => {
    expect(classifyAmd(of(tone(1000, { atMs: 300 }), human({ atMs: 1301 }), event("amd_stopped")))).toEqual({
      kind: "human",
      evidence: ["amd_human_detected", "amd_tone_detected", "amd_stopped"],
      judgements: ["tone-before-person"],
      toneFrequency: 1000,
    });
  });

  it("calls a tone within the window (or after the verdict) a short greeting's beep", () => {
    for (const at of [300, 1299, 1300, 2000]) {
      const outcome = classifyAmd(of(tone(1000, { atMs: at }), human({ atMs: 1300 })));
      expect(situationOf(outcome), `tone at ${at} ms`).toBe("machine.beep");
    }
  });

  it("takes beepWindowMs from the options, default 1000", () => {
    const reading = of(tone(1000, { atMs: 300 }), human({ atMs: 800 }));
    expect(classifyAmd(reading).kind).toBe("machine");
    expect(classifyAmd(reading, { beepWindowMs: 499 }).kind).toBe("human");
    expect(classifyAmd(reading, { beepWindowMs: 500 }).kind).toBe("machine");
    expect(classifyAmd(reading, { beepWindowMs: "499" as never }).kind).toBe("human");
    for (const bad of [-1, Infinity, Number.NaN, "soon", {}]) {
      expect(classifyAmd(of(tone(1000, { atMs: 0 }), human({ atMs: 1001 })), { beepWindowMs: bad as never }).kind).toBe(
        "human",
      );
    }
  });

  it("uses timestamps when the events carry no atMs", () => {
    expect(classifyAmd(of(tone(1000, { timestamp: 5000 }), human({ timestamp: 6001 }))).kind).toBe("human");
    expect(classifyAmd(of(tone(1000, { timestamp: 5000 }), human({ timestamp: 6000 }))).kind).toBe("machine");
  });

  it("prefers atMs when every event has it, and timestamps when only they are complete", () => {
    const both = of(tone(1000, { atMs: 0, timestamp: 9000 }), human({ atMs: 5000, timestamp: 9500 }));
    expect(classifyAmd(both).kind).toBe("human");
    const mixed = of(tone(1000, { atMs: 0, timestamp: 1000 }), human({ timestamp: 5000 }));
    expect(classifyAmd(mixed).kind).toBe("human");
  });

  it("falls back to the order-free rule when no clock has a time for both a tone and a verdict", () => {
    expect(classifyAmd(of(tone(1000, { atMs: 0 }), human({ timestamp: 5000 }))).kind).toBe("machine");
    expect(classifyAmd(of(tone(1000), human({ atMs: 5000 }))).kind).toBe("machine");
    expect(classifyAmd(of(tone(1000, { atMs: 0 }), "amd_human_detected")).kind).toBe("machine");
    expect(classifyAmd(of(tone(1000, { atMs: "0" }), human({ atMs: 5000 }))).kind).toBe("machine");
  });

  it("takes copies without a time (the amd value repeats the latest event by name) as copies", () => {
    expect(classifyAmd(of(tone(1000, { atMs: 0 }), tone(1000), human({ atMs: 5000 }))).kind).toBe("human");
    expect(classifyAmd(of(tone(1000, { atMs: 0 }), human({ atMs: 5000 }), "amd_human_detected")).kind).toBe("human");
  });

  it("needs every tone before every verdict, whatever their order", () => {
    const events = [tone(1000, { atMs: 0 }), tone(1000, { atMs: 4500 }), human({ atMs: 5000 }), human({ atMs: 7000 })];
    expect(classifyAmd(of(...events)).kind).toBe("machine");
    expect(classifyAmd(of(...[...events].reverse())).kind).toBe("machine");
    const early = [tone(1000, { atMs: 0 }), tone(1000, { atMs: 100 }), human({ atMs: 7000 }), human({ atMs: 5000 })];
    expect(classifyAmd(of(...early)).kind).toBe("human");
    expect(classifyAmd(of(...[...early].reverse())).kind).toBe("human");
  });

  it("still lets other machine evidence outrank the person", () => {
    const reading = of(tone(1000, { atMs: 0 }), human({ atMs: 5000 }), event("amd_machine_stopped_speaking"));
    expect(situationOf(classifyAmd(reading))).toBe("machine.greeting-ended");
  });
});

describe("classifyAmd: readings made by hand never make it throw", () => {
  const boom = () => {
    throw new Error("boom");
  };

  it("ignores details that are null, blank, not text or not usable numbers", () => {
    const outcome = classifyAmd({
      events: [
        { name: "amd_machine_detected", source: "amd", language: null, greeting: "  ", reason: 5, hint: {} },
        { name: "amd_tone_detected", source: "amd", frequency: Symbol("f") },
        { name: "amd_tone_detected", source: "amd", frequency: Number.NaN },
        { name: "amd_tone_detected", source: "amd", frequency: -3 },
        { name: "amd_tone_detected", source: "amd", frequency: Infinity },
      ],
      unknownEvents: [],
      issues: [],
      greeting: null,
      reason: "\n",
    } as never);
    expect(outcome).toEqual({
      kind: "machine",
      phase: "beep",
      evidence: ["amd_machine_detected", "amd_tone_detected"],
    });
    expect(classifyAmd(of({ name: "amd_error", source: "amd", error: null }))).toEqual({
      kind: "error",
      evidence: ["amd_error"],
    });
    expect(classifyAmd(of({ name: "amd_human_detected", source: "amd", greeting: null, language: null }))).toEqual({
      kind: "human",
      evidence: ["amd_human_detected"],
    });
  });

  it("survives throwing getters on the reading, its lists and its events", () => {
    const hostileEvent = Object.defineProperties(
      { name: "amd_human_detected" },
      { greeting: { get: boom, enumerable: true }, language: { get: boom, enumerable: true } },
    );
    expect(classifyAmd(of(hostileEvent))).toEqual({ kind: "human", evidence: ["amd_human_detected"] });
    const hostileName = Object.defineProperty({}, "name", { get: boom });
    expect(classifyAmd(of(hostileName))).toEqual({ kind: "not-run", evidence: [] });
    const reading = Object.defineProperties(
      {},
      { events: { get: boom }, unknownEvents: { get: boom }, greeting: { get: boom }, reason: { get: boom } },
    );
    expect(classifyAmd(reading as never)).toEqual({ kind: "not-run", evidence: [] });
    const list = new Proxy(["amd_stopped", "amd_error"], {
      get: (target, key) => (key === "0" ? boom() : Reflect.get(target, key)),
    });
    expect(classifyAmd({ events: list } as never).kind).toBe("error");
    const unknown = new Proxy([], { get: (target, key) => (key === "length" ? boom() : Reflect.get(target, key)) });
    expect(classifyAmd({ events: [], unknownEvents: unknown, issues: [] } as never).kind).toBe("not-run");
    const lengthless = new Proxy([], { get: (target, key) => (key === "length" ? boom() : Reflect.get(target, key)) });
    expect(classifyAmd({ events: lengthless } as never).kind).toBe("not-run");
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(classifyAmd({ events: proxy } as never).kind).toBe("not-run");
  });

  it("returns at once for a sparse list of length 2³² − 1, reading the entries it holds", () => {
    const events: unknown[] = [];
    events.length = 2 ** 32 - 1;
    events[7] = "amd_human_detected";
    events[2 ** 32 - 2] = { name: "amd_stopped", source: "amd" };
    // Its time is bounded by npm run stress, not here: timed unit tests are flaky.
    expect(classifyAmd({ events } as never)).toEqual({
      kind: "human",
      evidence: ["amd_human_detected", "amd_stopped"],
    });
  });

  it("reads a list longer than a million entries by its own keys, ignoring other keys", () => {
    const events: unknown[] = [];
    events.length = 2 ** 21;
    events[2 ** 21 - 1] = "amd_error";
    Object.assign(events, { extra: "amd_human_detected", "-1": "amd_human_detected", "01": "amd_human_detected" });
    expect(classifyAmd({ events } as never)).toEqual({ kind: "error", evidence: ["amd_error"] });
  });

  it("reads only the keys below the length of a huge list", () => {
    const target: unknown[] = [];
    target.length = 2 ** 21;
    const events = new Proxy(target, {
      ownKeys: () => ["length", "3000000", "2097151"],
      getOwnPropertyDescriptor: (_target, key) =>
        key === "length"
          ? Reflect.getOwnPropertyDescriptor(target, key)
          : { value: key === "3000000" ? "amd_human_detected" : "amd_error", enumerable: true, configurable: true },
      get: (_target, key) =>
        key === "length"
          ? 2 ** 21
          : key === "3000000"
            ? "amd_human_detected"
            : key === "2097151"
              ? "amd_error"
              : undefined,
    });
    expect(classifyAmd({ events } as never)).toEqual({ kind: "error", evidence: ["amd_error"] });
  });

  it("reads a list whose keys cannot be listed as empty", () => {
    const events = new Proxy([] as unknown[], {
      get: (target, key) => (key === "length" ? 2 ** 30 : Reflect.get(target, key)),
      ownKeys: boom,
    });
    expect(classifyAmd({ events } as never)).toEqual({ kind: "not-run", evidence: [] });
  });

  it("keeps details that are usable and ignores names that are not AMD events", () => {
    expect(
      classifyAmd(of({ name: "constructor", source: "amd" }, { name: " AMD_Error ", source: "amd", error: " x " })),
    ).toEqual({ kind: "error", evidence: ["amd_error"], error: " x " });
  });
});
