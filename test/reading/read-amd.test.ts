import { describe, expect, it } from "vitest";
import { makeBotContext } from "../../src/fixtures/index.js";
import { MAX_EVENTS_READ, readAmd, routeCall } from "../../src/index.js";
import { MAX_JSON_TEXT, MAX_PROTOTYPES } from "../../src/internal/safe.js";
import { MAX_JSON_READ, MAX_UNREADABLE } from "../../src/reading/collector.js";
import { numberLeaf, textLeaf, timeLeaf } from "../../src/reading/leaf-schemas.js";
import { EVENT_FIELDS, INFO_FIELDS, LEAF_PROBLEMS, type LeafKind } from "../../src/reading/leaves.js";
import { MAX_NAMES_READ } from "../../src/reading/read-list.js";
import { amdEventDataSchema, amdInfoSchema } from "../../src/reading/schemas.js";

const ctx = (UserSession: unknown) => ({ session: { UserSession } });
const names = (context: unknown) => readAmd(context).events.map((event) => event.name);

describe("readAmd: where it looks", () => {
  it("reads amdInfo.amdEvents first, then amd", () => {
    const read = readAmd(ctx({ amd: "amd_stopped", amdInfo: { amdEvents: ["amd_human_detected"] } }));
    expect(read.events).toEqual([
      { name: "amd_human_detected", source: "amdEvents", index: 0 },
      { name: "amd_stopped", source: "amd" },
    ]);
    expect(read.issues).toEqual([]);
  });

  it.each([
    ["a name", "amd_error", ["amd_error"]],
    ["a list of names", ["amd_machine_detected", "amd_stopped"], ["amd_machine_detected", "amd_stopped"]],
    ["an object with type", { type: "amd_tone_detected" }, ["amd_tone_detected"]],
    ["an object with event", { event: "amd_tone_detected" }, ["amd_tone_detected"]],
    ["an object with name", { name: "amd_tone_detected" }, ["amd_tone_detected"]],
    ["JSON text of an object", '{"type":"amd_human_detected"}', ["amd_human_detected"]],
    ["JSON text of a list", '["amd_no_speech_detected"]', ["amd_no_speech_detected"]],
  ])("accepts amd as %s", (_what, amd, expected) => {
    expect(names(ctx({ amd }))).toEqual(expected);
  });

  it("accepts amdEvents as one entry, JSON text or a single name", () => {
    expect(names(ctx({ amdInfo: { amdEvents: { type: "amd_error" } } }))).toEqual(["amd_error"]);
    expect(names(ctx({ amdInfo: { amdEvents: '[{"type":"amd_error"}]' } }))).toEqual(["amd_error"]);
    expect(names(ctx({ amdInfo: { amdEvents: "amd_error" } }))).toEqual(["amd_error"]);
    expect(names(ctx({ amdInfo: '{"amdEvents":["amd_error"]}' }))).toEqual(["amd_error"]);
  });

  it("finds nothing, without complaint, where AMD did not run", () => {
    for (const context of [
      undefined,
      null,
      {},
      { session: {} },
      ctx({}),
      ctx(null),
      ctx({ amd: null, amdInfo: null }),
      ctx({ amd: "" }),
    ]) {
      expect(readAmd(context)).toEqual({ events: [], unknownEvents: [], issues: [] });
    }
  });

  it("says where the path to the session broke", () => {
    expect(readAmd(42).issues).toEqual(["context: expected an object"]);
    expect(readAmd({ session: "x" }).issues).toEqual(["context.session: expected an object"]);
    expect(readAmd(ctx(7)).issues).toEqual(["context.session.UserSession: expected an object"]);
    expect(readAmd(ctx({ amdInfo: 3 })).issues).toEqual(["amdInfo: expected an object"]);
  });

  it("reports a list where an object of the path belongs, as it reports a number", () => {
    expect(readAmd([]).issues).toEqual(["context: expected an object"]);
    expect(readAmd([{ session: { UserSession: { amd: "amd_human_detected" } } }])).toEqual({
      events: [],
      unknownEvents: [],
      issues: ["context: expected an object"],
    });
    expect(readAmd({ session: [] }).issues).toEqual(["context.session: expected an object"]);
    expect(readAmd(ctx([])).issues).toEqual(["context.session.UserSession: expected an object"]);
  });
});

describe("readAmd: names", () => {
  it("matches names after trimming, ignoring case", () => {
    expect(names(ctx({ amdInfo: { amdEvents: ["  AMD_HUMAN_DETECTED\n", "Amd_Stopped"] } }))).toEqual([
      "amd_human_detected",
      "amd_stopped",
    ]);
  });

  it("keeps and reports unknown names, never fatal", () => {
    const read = readAmd(ctx({ amdInfo: { amdEvents: ["amd_beep", " Other ", "amd_stopped"] } }));
    expect(read.unknownEvents).toEqual(["amd_beep", "Other"]);
    expect(read.issues).toEqual([
      'amdInfo.amdEvents[0]: unknown AMD event "amd_beep"',
      'amdInfo.amdEvents[1]: unknown AMD event "Other"',
    ]);
    expect(names(ctx({ amdInfo: { amdEvents: ["amd_beep", " Other ", "amd_stopped"] } }))).toEqual(["amd_stopped"]);
  });

  it("shortens a huge unknown name", () => {
    const read = readAmd(ctx({ amd: "x".repeat(10_000) }));
    expect(read.unknownEvents[0]).toHaveLength(60);
    expect(read.unknownEvents[0]?.endsWith("…")).toBe(true);
  });

  it("reports entries with no name or of the wrong type", () => {
    const read = readAmd(ctx({ amdInfo: { amdEvents: [{ reason: "hint" }, 5, true, [], "  ", { type: 7 }] } }));
    expect(read.events).toEqual([]);
    expect(read.issues).toEqual([
      'amdInfo.amdEvents[0]: no event name (expected "type", "event", "name" or "machineDetection" to hold one)',
      "amdInfo.amdEvents[1]: expected an event name or an event object",
      "amdInfo.amdEvents[2]: expected an event name or an event object",
      "amdInfo.amdEvents[3]: expected an event name or an event object",
      "amdInfo.amdEvents[4]: empty event name",
      'amdInfo.amdEvents[5]: no event name (expected "type", "event", "name" or "machineDetection" to hold one)',
    ]);
  });

  it("prefers type, then event, then name", () => {
    expect(names(ctx({ amd: { type: "amd_error", event: "amd_stopped", name: "amd_tone_detected" } }))).toEqual([
      "amd_error",
    ]);
    expect(names(ctx({ amd: { event: "amd_stopped", name: "amd_tone_detected" } }))).toEqual(["amd_stopped"]);
  });
});

describe("readAmd: data", () => {
  it("keeps every data field of an event", () => {
    const data = {
      reason: "hint",
      greeting: "please leave a message",
      hint: "leave a message",
      language: "en-US",
      frequency: 440,
      variance: 3.5,
      error: "none",
      timestamp: 1_700_000_000_000,
    };
    const [event] = readAmd(
      ctx({ amd: { type: "amd_machine_detected", ...data, ignored: "not a known field" } }),
    ).events;
    expect(event).toStrictEqual({ name: "amd_machine_detected", source: "amd", ...data });
  });

  it("reads transcript as the greeting when greeting is absent", () => {
    expect(readAmd(ctx({ amd: { type: "amd_human_detected", transcript: "hello" } })).events[0]?.greeting).toBe(
      "hello",
    );
    expect(
      readAmd(ctx({ amd: { type: "amd_human_detected", transcript: "a", greeting: "b" } })).events[0]?.greeting,
    ).toBe("b");
  });

  it("converts numbers written as text and date strings", () => {
    const read = readAmd(
      ctx({
        amd: { type: "amd_tone_detected", frequency: " 440 ", variance: "2.5", timestamp: "2026-11-24T09:00:00.000Z" },
        amdInfo: { amdRingDurationInMs: "4200", amdConnectDurationInMs: 9100 },
      }),
    );
    expect(read.events[0]).toMatchObject({ frequency: 440, variance: 2.5, timestamp: Date.UTC(2026, 10, 24, 9) });
    expect(read.ringDurationMs).toBe(4200);
    expect(read.connectDurationMs).toBe(9100);
    expect(read.issues).toEqual([]);
  });

  it("drops a bad field with an issue and keeps the event", () => {
    const read = readAmd(
      ctx({
        amd: { type: "amd_tone_detected", frequency: "loud", variance: -1, reason: 42, timestamp: "yesterday-ish" },
        amdInfo: { amdGreeting: ["hi"], amdRingDurationInMs: Number.NaN, amdReason: "hint" },
      }),
    );
    expect(read.events).toEqual([{ name: "amd_tone_detected", source: "amd" }]);
    expect(read.reason).toBe("hint");
    expect(read.greeting).toBeUndefined();
    expect(read.ringDurationMs).toBeUndefined();
    expect(read.issues).toEqual([
      "amdInfo.amdGreeting: expected text",
      "amdInfo.amdRingDurationInMs: expected a non-negative number",
      "amd.reason: expected text",
      "amd.frequency: expected a non-negative number",
      "amd.variance: expected a non-negative number",
      "amd.timestamp: expected a time (epoch milliseconds or a date)",
    ]);
  });

  it("reads amdInfo's greeting and reason", () => {
    const read = readAmd(ctx({ amdInfo: { amdGreeting: "hello there", amdReason: "long greeting" } }));
    expect(read).toMatchObject({ greeting: "hello there", reason: "long greeting" });
  });
});

describe("readAmd: bounded and defensive", () => {
  it(`reads ${MAX_EVENTS_READ} entries of a list whole, then only entries naming an event not read yet, and says so`, () => {
    const amdEvents = Array.from({ length: MAX_EVENTS_READ + 5 }, () => "amd_stopped");
    const read = readAmd(ctx({ amdInfo: { amdEvents } }));
    expect(read.events).toHaveLength(MAX_EVENTS_READ);
    expect(read.issues).toEqual([
      `amdInfo.amdEvents: ${MAX_EVENTS_READ + 5} entries; read the first ${MAX_EVENTS_READ} whole and the names of the first ${MAX_EVENTS_READ + 5}`,
    ]);
  });

  it("caps the list of problems and counts the rest", () => {
    const read = readAmd(ctx({ amdInfo: { amdEvents: Array.from({ length: 80 }, () => 5) } }));
    expect(read.issues).toHaveLength(51);
    expect(read.issues[50]).toBe("… and 30 more problems");
  });

  it("survives getters that throw, at every level", () => {
    const boom = (): never => {
      throw new Error("boom");
    };
    const trap = (key: string) => Object.defineProperty({}, key, { get: boom, enumerable: true });
    expect(readAmd(trap("session")).issues).toEqual(["context.session: could not be read"]);
    expect(readAmd({ session: trap("UserSession") }).issues).toEqual([
      "context.session.UserSession: could not be read",
    ]);
    expect(readAmd(ctx(trap("amd"))).issues).toEqual(["amd: could not be read"]);
    expect(readAmd(ctx(trap("amdInfo"))).issues).toEqual(["amdInfo: could not be read"]);
    expect(readAmd(ctx({ amdInfo: trap("amdEvents") })).issues).toEqual(["amdInfo.amdEvents: could not be read"]);
    const entry = Object.defineProperty({ type: "amd_tone_detected" }, "frequency", { get: boom });
    const read = readAmd(ctx({ amd: [entry] }));
    expect(read.events).toEqual([{ name: "amd_tone_detected", source: "amd", index: 0 }]);
    expect(read.issues).toEqual(["amd[0].frequency: could not be read"]);
  });

  it("survives Proxies whose traps throw, and revoked Proxies", () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("get");
        },
      },
    );
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(() => readAmd(hostile)).not.toThrow();
    expect(readAmd(ctx({ amd: proxy })).events).toEqual([]);
    expect(readAmd(ctx({ amdInfo: { amdEvents: proxy } })).issues.length).toBeGreaterThan(0);
    const lying = new Proxy([], {
      get: (target, key) => (key === "length" ? 1e9 : key === "0" ? "amd_stopped" : Reflect.get(target, key)),
    });
    const read = readAmd(ctx({ amd: lying }));
    expect(read.events).toEqual([{ name: "amd_stopped", source: "amd", index: 0 }]);
    expect(read.issues).toEqual(["amd: 1000000000 entries; read the first 1000 whole and the names of the first 5000"]);
  });

  it("does not loop on cycles", () => {
    const entry: Record<string, unknown> = { type: "amd_human_detected" };
    entry["self"] = entry;
    const info: Record<string, unknown> = { amdEvents: [entry] };
    info["amdEvents"] = [entry, info];
    expect(names(ctx({ amdInfo: info }))).toEqual(["amd_human_detected"]);
  });
});

describe("reader and schemas agree", () => {
  it("reads exactly the fields the object schemas declare, each with the zod leaf of its kind", () => {
    const inner = (field: unknown) => (field as { _zod: { def: { innerType: unknown } } })._zod.def.innerType;
    const leafOf = (kind: LeafKind): unknown =>
      ({ [LEAF_PROBLEMS.text]: textLeaf(), [LEAF_PROBLEMS.amount]: numberLeaf(), [LEAF_PROBLEMS.time]: timeLeaf() })[
        kind.problem
      ];
    expect(Object.keys(EVENT_FIELDS)).toEqual(Object.keys(amdEventDataSchema.shape));
    for (const [key, kind] of Object.entries(EVENT_FIELDS)) {
      expect(inner(amdEventDataSchema.shape[key as keyof typeof EVENT_FIELDS]), key).toBe(leafOf(kind));
    }
    for (const [key, kind] of Object.entries(INFO_FIELDS)) {
      expect(inner(amdInfoSchema.shape[key as keyof typeof INFO_FIELDS]), key).toBe(leafOf(kind));
    }
    expect(Object.keys(amdInfoSchema.shape).sort()).toEqual(["amdEvents", ...Object.keys(INFO_FIELDS)].sort());
  });

  it("accepts with the schema what the reader keeps", () => {
    const data = { reason: "hint", frequency: "440", timestamp: "2026-01-01T00:00:00Z" };
    expect(amdEventDataSchema.parse(data)).toEqual({ reason: "hint", frequency: 440, timestamp: Date.UTC(2026, 0, 1) });
    expect(amdInfoSchema.safeParse({ amdEvents: ["amd_stopped"], amdRingDurationInMs: "12" }).success).toBe(true);
  });
});

describe("readAmd: exactly what is read, nothing more", () => {
  it("adds no key for an absent or null field, and no index outside a list", () => {
    const read = readAmd(
      ctx({ amd: { type: "amd_human_detected", reason: null, greeting: undefined, frequency: null } }),
    );
    expect(read).toStrictEqual({
      events: [{ name: "amd_human_detected", source: "amd" }],
      unknownEvents: [],
      issues: [],
    });
    const [listed] = readAmd(ctx({ amdInfo: { amdEvents: [{ type: "amd_error" }] } })).events;
    expect(listed).toStrictEqual({ name: "amd_error", source: "amdEvents", index: 0 });
  });

  it("adds no greeting when there is no transcript either", () => {
    const [event] = readAmd(ctx({ amd: { type: "amd_machine_detected", hint: "x" } })).events;
    expect(event).toStrictEqual({ name: "amd_machine_detected", source: "amd", hint: "x" });
  });

  it("skips holes, a lone null and a blank amd without complaint, and reports a null entry as an empty name is", () => {
    expect(readAmd(ctx({ amd: "   ", amdInfo: { amdEvents: [null, undefined, "amd_stopped", ""] } }))).toStrictEqual({
      events: [{ name: "amd_stopped", source: "amdEvents", index: 2 }],
      unknownEvents: [],
      issues: [
        "amdInfo.amdEvents[0]: expected an event name or an event object",
        "amdInfo.amdEvents[3]: empty event name",
      ],
    });
    expect(readAmd(ctx({ amd: [undefined, "amd_stopped", null] })).issues).toEqual([
      "amd[2]: expected an event name or an event object",
    ]);
    expect(readAmd(ctx({ amdInfo: { amdEvents: "[null]" } })).issues).toEqual([
      "amdInfo.amdEvents[0]: expected an event name or an event object",
    ]);
    // A lone value other than null is reported, as an entry is.
    expect(readAmd(ctx({ amd: 5, amdInfo: { amdEvents: true } })).issues).toEqual([
      "amdInfo.amdEvents: expected an event name or an event object",
      "amd: expected an event name or an event object",
    ]);
    expect(readAmd(ctx({ amd: null, amdInfo: { amdEvents: null, amdGreeting: null } }))).toStrictEqual({
      events: [],
      unknownEvents: [],
      issues: [],
    });
  });

  it("looks past a null name key to the next one", () => {
    expect(names(ctx({ amd: { type: null, event: "amd_error" } }))).toEqual(["amd_error"]);
  });

  it("reports an object naming an unknown event, and keeps none of its data", () => {
    const read = readAmd(ctx({ amd: { type: "amd_beep", frequency: "loud" } }));
    expect(read).toStrictEqual({
      events: [],
      unknownEvents: ["amd_beep"],
      issues: ['amd: unknown AMD event "amd_beep"'],
    });
  });

  it("reads amdInfo's values into the reading and nothing else", () => {
    expect(readAmd(ctx({ amdInfo: { amdGreeting: "hi" } }))).toStrictEqual({
      events: [],
      unknownEvents: [],
      issues: [],
      greeting: "hi",
    });
    expect(readAmd(ctx({ amdInfo: '["amd_stopped"]' })).issues).toEqual(["amdInfo: expected an object"]);
  });
});

describe("readAmd: at the edges", () => {
  it("reads JSON text entries that hold an object, and reports those that hold a list", () => {
    const read = readAmd(ctx({ amdInfo: { amdEvents: ['{"type":"amd_error","error":"x"}', '["amd_error"]'] } }));
    expect(read.events).toEqual([{ name: "amd_error", source: "amdEvents", index: 0, error: "x" }]);
    expect(read.issues).toEqual(['amdInfo.amdEvents[1]: unknown AMD event "["amd_error"]"']);
  });

  it("does not parse JSON text over the size cap", () => {
    const huge = `{"type":"amd_error","pad":"${"x".repeat(MAX_JSON_TEXT)}"}`;
    const read = readAmd(ctx({ amd: huge }));
    expect(read.events).toEqual([]);
    expect(read.unknownEvents).toHaveLength(1);
  });

  it("reports entries that cannot be read and lists whose length is not a number", () => {
    const entries = new Proxy(["amd_stopped", "amd_error"], {
      get: (target, key) => {
        if (key === "1") throw new Error("no");
        return Reflect.get(target, key);
      },
    });
    const read = readAmd(ctx({ amdInfo: { amdEvents: entries } }));
    expect(read.events.map((event) => event.name)).toEqual(["amd_stopped"]);
    expect(read.issues).toEqual(["amdInfo.amdEvents[1]: could not be read"]);
    const lying = new Proxy([], { get: (target, key) => (key === "length" ? "many" : Reflect.get(target, key)) });
    expect(readAmd(ctx({ amd: lying })).issues).toEqual(["amd: could not read its length"]);
  });

  it(`keeps at most ${MAX_EVENTS_READ} unknown names`, () => {
    const read = readAmd(
      ctx({ amd: "amd_extra", amdInfo: { amdEvents: Array.from({ length: MAX_EVENTS_READ }, (_, n) => `x${n}`) } }),
    );
    expect(read.unknownEvents).toHaveLength(MAX_EVENTS_READ);
    expect(read.unknownEvents).not.toContain("amd_extra");
  });
});

describe("readAmd: exact edges", () => {
  it("shortens unknown names over 60 characters only", () => {
    const sixty = `amd_${"x".repeat(56)}`;
    expect(readAmd(ctx({ amd: sixty })).unknownEvents).toEqual([sixty]);
    const shown = readAmd(ctx({ amd: `${sixty}y` })).unknownEvents[0];
    expect(shown).toBe(`${sixty.slice(0, 59)}…`);
  });

  it("reads a function that carries the session, as bot platforms may pass one", () => {
    const context = Object.assign(() => undefined, { session: { UserSession: { amd: "amd_human_detected" } } });
    expect(routeCall(context).outcome.kind).toBe("human");
  });

  it("says an entry that cannot be read could not be read", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(readAmd(ctx({ amd: proxy })).issues).toEqual(["amd: could not be read"]);
  });

  it("reads an empty list without complaint, and a list whose length is negative as unreadable", () => {
    expect(readAmd(ctx({ amdInfo: { amdEvents: [] } }))).toStrictEqual({ events: [], unknownEvents: [], issues: [] });
    const negative = new Proxy([], { get: (target, key) => (key === "length" ? -1 : Reflect.get(target, key)) });
    expect(readAmd(ctx({ amd: negative })).issues).toEqual(["amd: could not read its length"]);
  });

  it("parses JSON text up to the cap, with space before it", () => {
    const prefix = '  {"type":"amd_error","pad":"';
    const exact = `${prefix}${"x".repeat(MAX_JSON_TEXT - prefix.length - 2)}"}`;
    expect(exact).toHaveLength(MAX_JSON_TEXT);
    expect(readAmd(ctx({ amd: exact })).events.map((event) => event.name)).toEqual(["amd_error"]);
  });

  it("refuses Infinity and booleans as numbers", () => {
    const read = readAmd(ctx({ amd: { type: "amd_tone_detected", frequency: Infinity, variance: true } }));
    expect(read.events).toStrictEqual([{ name: "amd_tone_detected", source: "amd" }]);
    expect(read.issues).toEqual([
      "amd.frequency: expected a non-negative number",
      "amd.variance: expected a non-negative number",
    ]);
  });
});

describe("readAmd: notify bodies and event times", () => {
  it("reads an entry shaped like a notify body as its machineDetection event, without the call's reason", () => {
    const notify = {
      conversationId: "c-1",
      status: "Call-In-Progress",
      reason: "486 Busy Here",
      reasonCode: "OK",
      machineDetection: "AMD_Human_Detected",
      sessionId: "s-1",
    };
    const read = readAmd(
      ctx({ amdInfo: { amdEvents: [notify, JSON.stringify({ ...notify, machineDetection: "amd_stopped" })] } }),
    );
    expect(read.events).toEqual([
      { name: "amd_human_detected", source: "amdEvents", index: 0 },
      { name: "amd_stopped", source: "amdEvents", index: 1 },
    ]);
    expect(read.issues).toEqual([]);
  });

  it("reads a notify body's other AMD data, and reports an unknown machineDetection", () => {
    const read = readAmd(
      ctx({
        amd: [
          { status: "Answered", machineDetection: "amd_tone_detected", frequency: "2100", timestamp: 5 },
          { status: "Answered", machineDetection: "amd_beep" },
        ],
      }),
    );
    expect(read.events).toEqual([
      { name: "amd_tone_detected", source: "amd", index: 0, frequency: 2100, timestamp: 5 },
    ]);
    expect(read.unknownEvents).toEqual(["amd_beep"]);
  });

  it("prefers type, event and name over machineDetection, keeping the reason then", () => {
    const read = readAmd(
      ctx({ amd: { type: "amd_machine_detected", machineDetection: "amd_human_detected", reason: "hint" } }),
    );
    expect(read.events).toEqual([{ name: "amd_machine_detected", source: "amd", reason: "hint" }]);
  });

  it("keeps atMs and timestamp both, numbers as text converted", () => {
    const read = readAmd(
      ctx({
        amd: [
          { type: "amd_human_detected", atMs: "1900", timestamp: "2026-11-24T09:00:00.000Z" },
          { type: "amd_stopped", atMs: 0 },
        ],
      }),
    );
    expect(read.events).toEqual([
      { name: "amd_human_detected", source: "amd", index: 0, atMs: 1900, timestamp: 1795510800000 },
      { name: "amd_stopped", source: "amd", index: 1, atMs: 0 },
    ]);
    expect(readAmd(ctx({ amd: { type: "amd_stopped", atMs: -1 } })).issues).toEqual([
      "amd.atMs: expected a non-negative number",
    ]);
  });
});

describe("readAmd: order-free past the whole-read cap", () => {
  const stopped = (count: number) => Array.from({ length: count }, () => "amd_stopped");
  const tone = { type: " AMD_Tone_Detected ", frequency: "2100", variance: 3 };

  it("finds an event past the cap, with its data, wherever it sits", () => {
    const last = readAmd(ctx({ amdInfo: { amdEvents: [...stopped(MAX_EVENTS_READ), tone] } }));
    const first = readAmd(ctx({ amdInfo: { amdEvents: [tone, ...stopped(MAX_EVENTS_READ)] } }));
    expect(last.events.at(-1)).toEqual({
      name: "amd_tone_detected",
      source: "amdEvents",
      index: MAX_EVENTS_READ,
      frequency: 2100,
      variance: 3,
    });
    expect(first.events[0]).toEqual({
      name: "amd_tone_detected",
      source: "amdEvents",
      index: 0,
      frequency: 2100,
      variance: 3,
    });
    expect(new Set(last.events.map((event) => event.name))).toEqual(new Set(first.events.map((event) => event.name)));
  });

  it("gives the same decision for 1000 × amd_stopped then a tone as for the reverse", () => {
    const machine = ["amd_machine_detected"];
    for (const amdEvents of [
      [...stopped(MAX_EVENTS_READ), "amd_tone_detected"],
      ["amd_tone_detected", ...stopped(MAX_EVENTS_READ)],
      [...machine, ...stopped(MAX_EVENTS_READ), '{"type":"amd_tone_detected"}'],
    ]) {
      const decision = routeCall(ctx({ amdInfo: { amdEvents } }));
      expect(decision.action).toBe("leave-voicemail");
      expect(decision.reason).toBe("machine-beep-heard");
    }
  });

  it("adds at most one entry per event past the cap, and lists none of its problems", () => {
    const amdEvents = [
      ...stopped(MAX_EVENTS_READ),
      { type: "amd_error", error: "first", frequency: "loud" },
      { type: "amd_error", error: "second" },
      "amd_beep",
      5,
      { reason: "hint" },
      "amd_stopped",
    ];
    const read = readAmd(ctx({ amdInfo: { amdEvents } }));
    expect(read.events.slice(MAX_EVENTS_READ)).toEqual([
      { name: "amd_error", source: "amdEvents", index: MAX_EVENTS_READ, error: "first" },
    ]);
    expect(read.unknownEvents).toEqual([]);
    expect(read.issues).toEqual([
      "amdInfo.amdEvents: 1006 entries; read the first 1000 whole and the names of the first 1006",
      "amdInfo.amdEvents[1000].frequency: expected a non-negative number",
    ]);
  });

  it(`looks at the names of ${MAX_NAMES_READ} entries of a list, and says what it did not look at`, () => {
    const within = [...stopped(MAX_NAMES_READ - 1), "amd_tone_detected", "amd_error"];
    const read = readAmd(ctx({ amd: within }));
    expect(read.events.map((event) => event.name).slice(MAX_EVENTS_READ)).toEqual(["amd_tone_detected"]);
    expect(read.issues).toEqual(["amd: 5001 entries; read the first 1000 whole and the names of the first 5000"]);
  });

  it("reads sparse lists of any length in bounded time", () => {
    const sparse = new Array(2 ** 32 - 1);
    sparse[4999] = "amd_tone_detected";
    sparse[5000] = "amd_error";
    sparse[2 ** 32 - 2] = "amd_human_detected";
    const read = readAmd(ctx({ amdInfo: { amdEvents: sparse } }));
    expect(read.events).toEqual([{ name: "amd_tone_detected", source: "amdEvents", index: 4999 }]);
    expect(read.issues).toEqual([
      "amdInfo.amdEvents: 4294967295 entries; read the first 1000 whole and the names of the first 5000",
    ]);
  });
});

describe("readAmd: bounded cost for hostile lists", () => {
  const boom = (): never => {
    throw new Error("boom");
  };

  it(`stops reading after ${MAX_UNREADABLE} values that could not be read, and says so last`, () => {
    const hostile = Object.defineProperty({}, "type", { get: boom });
    const amdEvents = [...Array.from({ length: 300 }, () => hostile), "amd_human_detected"];
    const read = readAmd(ctx({ amdInfo: { amdEvents }, amd: "amd_stopped" }));
    expect(read.events).toEqual([{ name: "amd_stopped", source: "amd" }]);
    expect(read.issues).toHaveLength(52);
    expect(read.issues[0]).toBe("amdInfo.amdEvents[0]: could not be read");
    expect(read.issues.slice(50)).toEqual([
      "… and 50 more problems",
      `reading stopped after ${MAX_UNREADABLE} values that could not be read`,
    ]);
  });

  it("counts each data field that could not be read", () => {
    const fields = Object.fromEntries(
      ["reason", "greeting", "hint", "language", "frequency"].map((key) => [key, { get: boom, enumerable: true }]),
    );
    const entry = Object.defineProperties({ type: "amd_machine_detected" }, fields);
    const read = readAmd(ctx({ amd: Array.from({ length: 30 }, () => entry) }));
    expect(read.events).toHaveLength(MAX_UNREADABLE / 5);
    expect(read.issues.at(-1)).toBe(`reading stopped after ${MAX_UNREADABLE} values that could not be read`);
  });

  it(`tries at most ${MAX_JSON_READ} characters of text as JSON in all, and the same text once`, () => {
    const json = (pad: string) => `{"type":"amd_machine_detected","pad":"${pad.repeat(999_000)}"}`;
    const read = readAmd(ctx({ amdInfo: { amdEvents: [json("a"), json("b"), json("c"), "amd_stopped"] } }));
    expect(read.events.map((event) => event.name)).toEqual([
      "amd_machine_detected",
      "amd_machine_detected",
      "amd_stopped",
    ]);
    expect(read.issues[0]).toBe(
      `amdInfo.amdEvents[2]: not read as JSON (over ${MAX_JSON_READ} characters of text in all)`,
    );
    expect(read.issues).toHaveLength(2);
    const same = json("a");
    expect(readAmd(ctx({ amd: Array.from({ length: MAX_EVENTS_READ }, () => same) })).events).toHaveLength(
      MAX_EVENTS_READ,
    );
  });

  it(`reads an entry through at most ${MAX_PROTOTYPES} prototypes; a deeper one could not be read, wherever it sits`, () => {
    const inherit = (depth: number): object => {
      let entry: object = { type: "amd_machine_detected" };
      for (let level = 0; level < depth; level++) entry = Object.create(entry) as object;
      return entry;
    };
    // inherit(n) has n + 1 prototypes: n − 1 made here, the entry holding `type`, Object.prototype.
    expect(names(ctx({ amd: [inherit(MAX_PROTOTYPES - 1)] }))).toEqual(["amd_machine_detected"]);
    const tooDeep = inherit(MAX_PROTOTYPES);
    const read = readAmd(ctx({ amd: [tooDeep, "amd_stopped"], amdInfo: { amdEvents: tooDeep } }));
    expect(read.events.map((event) => event.name)).toEqual(["amd_stopped"]);
    expect(read.issues).toEqual(["amdInfo.amdEvents: could not be read", "amd[0]: could not be read"]);
    // Past the whole-read cap it names nothing either; and such entries count toward the unreadable limit.
    const past = readAmd(ctx({ amd: [...Array.from({ length: MAX_EVENTS_READ }, () => "amd_stopped"), tooDeep] }));
    expect(past.events).toHaveLength(MAX_EVENTS_READ);
    expect(past.issues.at(-1)).toBe(`amd[${MAX_EVENTS_READ}]: could not be read`);
    const many = readAmd(ctx({ amd: Array.from({ length: 10_000 }, () => tooDeep) }));
    expect(many.events).toEqual([]);
    expect(many.issues.at(-1)).toBe(`reading stopped after ${MAX_UNREADABLE} values that could not be read`);
    // A Proxy whose getPrototypeOf trap throws could not be read either.
    const hostile = new Proxy({ type: "amd_error" }, { getPrototypeOf: boom });
    expect(readAmd(ctx({ amd: [hostile] })).issues).toEqual(["amd[0]: could not be read"]);
  });

  it("spends no JSON budget on text that cannot start JSON", () => {
    const long = "x".repeat(MAX_JSON_READ);
    const read = readAmd(ctx({ amdInfo: { amdEvents: [long, long, '{"type":"amd_error"}'] } }));
    expect(read.events.map((event) => event.name)).toEqual(["amd_error"]);
  });

  it("matches no event name in text longer than 256 characters, and shows only its start", () => {
    expect(names(ctx({ amd: `${" ".repeat(244)}amd_stopped ` }))).toEqual(["amd_stopped"]);
    const read = readAmd(ctx({ amd: `${" ".repeat(245)}amd_stopped ` }));
    expect(read.events).toEqual([]);
    expect(read.issues).toEqual(['amd: unknown AMD event "amd_stopped…"']);
    expect(readAmd(ctx({ amd: `${" ".repeat(300)}amd_stopped` })).issues).toEqual(['amd: unknown AMD event "…"']);
    expect(readAmd(ctx({ amd: `amd_${"x".repeat(300)}` })).unknownEvents).toEqual([`amd_${"x".repeat(55)}…`]);
  });
});

describe("readAmd: text from outside", () => {
  it("reads JSON text after a byte order mark", () => {
    expect(names(ctx({ amd: '\uFEFF["amd_human_detected"]' }))).toEqual(["amd_human_detected"]);
    expect(names(ctx({ amdInfo: '\uFEFF{"amdEvents":["amd_error"]}' }))).toEqual(["amd_error"]);
    expect(names(ctx({ amdInfo: { amdEvents: ['\uFEFF{"type":"amd_stopped"}'] } }))).toEqual(["amd_stopped"]);
  });

  it("shows unknown names with their control characters escaped, one line per issue", () => {
    const read = readAmd(ctx({ amdInfo: { amdEvents: ["amd\nbeep", "x\u2028y", "\u202eevil"] } }));
    expect(read.unknownEvents).toEqual(["amd\\u000abeep", "x\\u2028y", "\\u202eevil"]);
    expect(read.issues).toEqual([
      'amdInfo.amdEvents[0]: unknown AMD event "amd\\u000abeep"',
      'amdInfo.amdEvents[1]: unknown AMD event "x\\u2028y"',
      'amdInfo.amdEvents[2]: unknown AMD event "\\u202eevil"',
    ]);
  });

  it("reads a Map, a Date or a boxed value as an entry without a name", () => {
    const read = readAmd(ctx({ amd: [new Map([["type", "amd_error"]]), new Date(0), Object("amd_stopped")] }));
    expect(read.events).toEqual([]);
    expect(read.issues).toEqual([
      'amd[0]: no event name (expected "type", "event", "name" or "machineDetection" to hold one)',
      'amd[1]: no event name (expected "type", "event", "name" or "machineDetection" to hold one)',
      'amd[2]: no event name (expected "type", "event", "name" or "machineDetection" to hold one)',
    ]);
  });

  it("keeps prototype-named text as unknown names, never as built-ins", () => {
    const read = readAmd(ctx({ amd: ["__proto__", "constructor", "toString", { type: "hasOwnProperty" }] }));
    expect(read.events).toEqual([]);
    expect(read.unknownEvents).toEqual(["__proto__", "constructor", "toString", "hasOwnProperty"]);
  });
});

describe("readAmd: data that decides the outcome, past the whole-read cap", () => {
  it("reads every tone and human verdict whole, so a fax tone past the cap still makes a fax", () => {
    const padding = Array.from({ length: 1000 }, () => "amd_stopped");
    const plainTone = { type: "amd_tone_detected" };
    const faxTone = { type: "amd_tone_detected", frequency: 2150 };
    const early = routeCall(makeBotContext([plainTone, ...padding, faxTone], { amd: undefined }));
    const late = routeCall(makeBotContext([faxTone, ...padding, plainTone], { amd: undefined }));
    expect([early.outcome.kind, early.action]).toEqual(["fax", "hang-up"]);
    expect([late.outcome.kind, late.action]).toEqual(["fax", "hang-up"]);
    // A repeat of any other event past the cap is only looked at, not read.
    const stopped = readAmd(ctx({ amdInfo: { amdEvents: [...padding, { type: "amd_stopped", error: "x" }] } }));
    expect(stopped.events).toHaveLength(1000);
  });

  it("keeps a human verdict's time past the cap, for the tone-before-the-person rule", () => {
    const padding = Array.from({ length: 1000 }, () => "amd_stopped");
    const human = { type: "amd_human_detected", atMs: 5000 };
    const tone = { type: "amd_tone_detected", atMs: 1000 };
    const reading = readAmd(ctx({ amdInfo: { amdEvents: [tone, { type: "amd_human_detected" }, ...padding, human] } }));
    expect(reading.events.filter((event) => event.name === "amd_human_detected")).toHaveLength(2);
    expect(routeCall(makeBotContext([tone, ...padding, human], { amd: undefined })).outcome.kind).toBe("human");
  });
});

describe("readAmd: experience flows", () => {
  it("reads context.UserSession when there is no context.session, and says so", () => {
    const reading = readAmd({ UserSession: { amd: "amd_human_detected", amdInfo: { amdGreeting: "Hello?" } } });
    expect(reading).toStrictEqual({
      events: [{ name: "amd_human_detected", source: "amd" }],
      unknownEvents: [],
      issues: [],
      greeting: "Hello?",
      sessionPath: "context.UserSession",
    });
  });

  it("reads context.UserSession when context.session holds no UserSession", () => {
    const reading = readAmd({ session: { BotUserSession: {} }, UserSession: { amd: "amd_human_detected" } });
    expect(reading.events.map((event) => event.name)).toEqual(["amd_human_detected"]);
    expect(reading.sessionPath).toBe("context.UserSession");
  });

  it("prefers context.session.UserSession, and names no path then", () => {
    const reading = readAmd({
      session: { UserSession: { amd: "amd_machine_detected" } },
      UserSession: { amd: "amd_human_detected" },
    });
    expect(reading.events.map((event) => event.name)).toEqual(["amd_machine_detected"]);
    expect("sessionPath" in reading).toBe(false);
  });

  it("routes an experience flow's call as a bot's", () => {
    const decision = routeCall({
      UserSession: { amdInfo: { amdEvents: ["amd_machine_detected", "amd_tone_detected"] } },
    });
    expect(decision.action).toBe("leave-voicemail");
  });
});

describe("readAmd: past the whole-read cap", () => {
  it("reads a machine verdict's greeting there too: its words can change the outcome", () => {
    const entry = {
      type: "amd_machine_detected",
      reason: "long greeting",
      greeting: "Hi yes hello sorry I'm at work so I",
    };
    const padding = Array.from({ length: MAX_EVENTS_READ }, () => "amd_stopped");
    // A bare copy of the name comes first, so the entry with the words is a repeat by name.
    const events = (list: unknown[]) => ({ session: { UserSession: { amdInfo: { amdEvents: list } } } });
    const ahead = routeCall(events(["amd_machine_detected", entry, ...padding]));
    const behind = routeCall(events(["amd_machine_detected", ...padding, entry]));
    expect(behind.outcome).toEqual(ahead.outcome);
    expect(behind.outcome.kind).toBe("human");
  });
});
