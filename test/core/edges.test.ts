// Edges of the core that the main suites do not reach on their own: odd values a
// hand-made reading or outcome can hold, errors thrown as non-Errors, sizes at the caps.
import { describe, expect, it } from "vitest";
import {
  classifyAmd,
  decideRoute,
  MAX_EVENTS_READ,
  type PolicyError,
  parsePolicy,
  readAmd,
  routeCall,
  toAmdEventName,
} from "../../src/index.js";
import { MAX_JSON_TEXT } from "../../src/internal/safe.js";

const ctx = (UserSession: unknown) => ({ session: { UserSession } });

describe("names and readings made by hand", () => {
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

describe("reading at the edges", () => {
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

describe("policies and decisions at the edges", () => {
  it("describes something thrown that is not an Error by its type", () => {
    const machine = new Proxy(
      {},
      {
        ownKeys: () => {
          throw "nope";
        },
      },
    );
    try {
      parsePolicy({ machine });
      expect.unreachable();
    } catch (error) {
      expect((error as PolicyError).problems).toEqual(["machine: could not be read (string)"]);
    }
  });

  it("falls back to the default policy's AMD-error rule when something unforeseen fails inside", () => {
    const evidence = new Proxy([], {
      get: () => {
        throw new Error("evidence exploded");
      },
    });
    const decision = decideRoute({ kind: "machine", phase: "beep", evidence } as never);
    expect(decision).toMatchObject({
      action: "continue",
      reason: "amd-error",
      outcome: { kind: "error", evidence: [] },
    });
    expect(decision.issues).toEqual([
      "amd-flow: internal failure (Error: evidence exploded); the default policy for an AMD error was used",
    ]);
    expect(decision.explanation).toBe("AMD failed; let the bot talk.");
  });

  it("writes minutes and hours in explanations", () => {
    const beep = { kind: "machine", phase: "beep", evidence: ["amd_tone_detected"] } as const;
    expect(decideRoute(beep, { machine: { action: "hang-up", retryAfterMs: 300_000 } }).explanation).toMatch(
      /call again in 5 min\.$/,
    );
    expect(decideRoute(beep, { machine: { action: "hang-up", retryAfterMs: 90_000 } }).explanation).toMatch(
      /call again in 90 s\.$/,
    );
  });
});

describe("exact edges", () => {
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

  it("writes 2 min and 2 h at their boundaries, and names the beep after a greeting that ended", () => {
    const beep = { kind: "machine", phase: "beep", evidence: ["amd_tone_detected"] } as const;
    expect(decideRoute(beep, { machine: { action: "hang-up", retryAfterMs: 120_000 } }).explanation).toMatch(
      /in 2 min\.$/,
    );
    expect(decideRoute(beep, { machine: { action: "hang-up", retryAfterMs: 7_200_000 } }).explanation).toMatch(
      /in 2 h\.$/,
    );
    const ended = {
      kind: "machine",
      phase: "beep",
      evidence: ["amd_machine_stopped_speaking", "amd_tone_detected"],
    } as const;
    expect(decideRoute(ended).explanation).toBe("The voicemail beep was heard; leave the voicemail message now.");
  });

  it("keeps internal failures on one line", () => {
    const evidence = new Proxy([], {
      get: () => {
        throw new Error("first line\n   second line");
      },
    });
    expect(decideRoute({ kind: "machine", phase: "beep", evidence } as never).issues).toEqual([
      "amd-flow: internal failure (Error: first line second line); the default policy for an AMD error was used",
    ]);
  });
});
