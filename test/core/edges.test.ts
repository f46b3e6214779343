// Edges of the core that the main suites do not reach on their own: odd values a
// hand-made reading or outcome can hold, errors thrown as non-Errors, sizes at the caps.
import { describe, expect, it } from "vitest";
import { MAX_EVENTS_READ, classifyAmd, decideRoute, parsePolicy, PolicyError, readAmd, toAmdEventName } from "../../src/index.js";
import { MAX_JSON_TEXT } from "../../src/internal/safe.js";

const ctx = (UserSession: unknown) => ({ session: { UserSession } });

describe("names and readings made by hand", () => {
  it("toAmdEventName gives undefined for what is not text", () => {
    for (const value of [undefined, null, 5, {}, ["amd_stopped"]]) expect(toAmdEventName(value)).toBeUndefined();
  });

  it("classifyAmd ignores events whose name is not an AMD event", () => {
    const outcome = classifyAmd({ events: [{ name: "amd_bogus" as never, source: "amd" }], unknownEvents: [], issues: [] });
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
    const read = readAmd(ctx({ amd: "amd_extra", amdInfo: { amdEvents: Array.from({ length: MAX_EVENTS_READ }, (_, n) => `x${n}`) } }));
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
    expect(decision).toMatchObject({ action: "continue", reason: "amd-error", outcome: { kind: "error", evidence: [] } });
    expect(decision.issues).toEqual([
      "amd-flow: internal failure (Error: evidence exploded); the default policy for an AMD error was used",
    ]);
    expect(decision.explanation).toBe("AMD failed; let the bot talk.");
  });

  it("writes minutes and hours in explanations", () => {
    const beep = { kind: "machine", phase: "beep", evidence: ["amd_tone_detected"] } as const;
    expect(decideRoute(beep, { machine: { action: "hang-up", retryAfterMs: 300_000 } }).explanation).toMatch(/call again in 5 min\.$/);
    expect(decideRoute(beep, { machine: { action: "hang-up", retryAfterMs: 90_000 } }).explanation).toMatch(/call again in 90 s\.$/);
  });
});
