import { describe, expect, it } from "vitest";
import { AMD_EVENTS, classifyAmd, readAmd, routeCall } from "../../src/index.js";
import { readClock } from "../../src/state/flow-state.js";

const ctx = (entries: readonly unknown[]) => ({ session: { UserSession: { amdInfo: { amdEvents: entries } } } });
const FIRST_RUN = "read as the flow's first run";

describe("decision.state", () => {
  it("counts the waits: each wait's recheck is in the state the next run gets", () => {
    const first = routeCall(ctx([]), undefined, { amdRequested: true });
    expect(first.state).toEqual({ version: 1, waitedMs: 250, seenMs: {} });
    const second = routeCall(ctx([]), undefined, { amdRequested: true, state: first.state });
    expect(second.state.waitedMs).toBe(500);
    expect(second.issues).toEqual([]);
  });

  it("makes waitedMs optional: the state's count reaches the wait's limit", () => {
    let state: unknown;
    let decision = routeCall(ctx([]), undefined, { amdRequested: true, state });
    for (let run = 0; run < 100 && decision.action === "wait"; run++) {
      state = decision.state;
      decision = routeCall(ctx([]), undefined, { amdRequested: true, state });
    }
    expect(decision).toMatchObject({ action: "continue", reason: "wait-limit-reached" });
    expect(decision.state.waitedMs).toBe(6000);
  });

  it("records when each event was first seen, -1 for what was there at the flow's first look", () => {
    const first = routeCall(ctx(["amd_tone_detected"]), undefined, { amdRequested: true });
    expect(first.state.seenMs).toEqual({ amd_tone_detected: -1 });
    const later = routeCall(ctx(["amd_tone_detected", "amd_no_speech_detected"]), undefined, {
      amdRequested: true,
      state: first.state,
    });
    expect(later.state.seenMs).toEqual({ amd_tone_detected: -1, amd_no_speech_detected: 250 });
  });

  it("is JSON-safe and small, and reads back the same from its JSON text", () => {
    const decision = routeCall(ctx(["amd_machine_detected"]), undefined, { amdRequested: true, state: undefined });
    const text = JSON.stringify(decision.state);
    expect(JSON.parse(text)).toEqual(decision.state);
    expect(text.length).toBeLessThan(300);
    const again = routeCall(ctx(["amd_machine_detected"]), undefined, { amdRequested: true, state: text });
    expect(again.issues).toEqual([]);
    expect(again.state.waitedMs).toBe(2000);
  });

  it("takes options.waitedMs, when given, as this run's time", () => {
    const state = { version: 1, waitedMs: 500, seenMs: {} };
    const decision = routeCall(ctx(["amd_machine_detected"]), undefined, { waitedMs: 30_000, state });
    expect(decision).toMatchObject({ action: "leave-voicemail", reason: "wait-limit-reached" });
    expect(decision.state).toEqual({ version: 1, waitedMs: 30_000, seenMs: { amd_machine_detected: 30_000 } });
  });

  it("is there on a decision made after an internal failure too", () => {
    const outcome = { kind: "human", evidence: [] };
    const decision = routeCall(ctx(["amd_human_detected"]), undefined, { state: outcome });
    expect(decision.state.version).toBe(1);
  });
});

describe("a state that amd-flow did not write is a first run, with an issue", () => {
  it.each([
    ["a wrong version", { version: 2, waitedMs: 0, seenMs: {} }, "expected the state of an earlier decision"],
    ["no version", { waitedMs: 0, seenMs: {} }, "expected the state of an earlier decision"],
    ["a number", 42, "expected the state of an earlier decision"],
    ["text that is not JSON", "{", "expected the state of an earlier decision"],
    ["text too long to be a state", `{"version":1,"waitedMs":0,"seenMs":{}${" ".repeat(3000)}}`, "expected the state"],
    ["a negative count", { version: 1, waitedMs: -5, seenMs: {} }, "its waitedMs is not a count"],
    ["an endless count", { version: 1, waitedMs: Infinity, seenMs: {} }, "its waitedMs is not a count"],
    ["a forged count", { version: 1, waitedMs: 1e12, seenMs: {} }, "its waitedMs is not a count"],
    ["no seenMs", { version: 1, waitedMs: 0 }, "its seenMs is not an object"],
    [
      "an event seen after this run",
      { version: 1, waitedMs: 500, seenMs: { amd_tone_detected: 900 } },
      "seenMs.amd_tone_detected",
    ],
    [
      "a time that is not a number",
      { version: 1, waitedMs: 500, seenMs: { amd_stopped: "250" } },
      "seenMs.amd_stopped",
    ],
    ["a time before the first look", { version: 1, waitedMs: 500, seenMs: { amd_stopped: -2 } }, "seenMs.amd_stopped"],
  ])("%s", (_, state, why) => {
    const decision = routeCall(ctx(["amd_machine_detected"]), undefined, { amdRequested: true, state });
    expect(decision.issues).toEqual([expect.stringContaining(why)]);
    expect(decision.issues[0]).toMatch(/^options\.state: .*; read as the flow's first run$/);
    expect(decision.state.seenMs).toEqual({ amd_machine_detected: -1 });
  });

  it("a missing state is a first run without an issue", () => {
    for (const state of [undefined, null]) {
      expect(routeCall(ctx([]), undefined, { amdRequested: true, state }).issues).toEqual([]);
    }
  });

  it("a state whose reads throw is a first run, never a throw", () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("boom");
        },
      },
    );
    const decision = routeCall(ctx([]), undefined, { amdRequested: true, state: hostile });
    expect(decision.issues[0]).toContain(FIRST_RUN);
    const seenThrows = { version: 1, waitedMs: 0, seenMs: hostile };
    expect(routeCall(ctx([]), undefined, { state: seenThrows }).issues).toEqual([
      expect.stringContaining("seenMs.amd_human_detected"),
    ]);
  });

  it("reads only the eight event names of a forged seenMs, however many keys it has", () => {
    const seenMs: Record<string, number> = {};
    for (let key = 0; key < 100_000; key++) seenMs[`k${key}`] = key;
    const clock = readClock({ state: { version: 1, waitedMs: 0, seenMs } });
    expect(clock.running).toBe(true);
    expect(clock.seen.every((seen) => seen === undefined)).toBe(true);
  });
});

describe("the state's seenMs", () => {
  it.each(AMD_EVENTS.map((name) => [name] as const))("reads %s by its own name", (name) => {
    const state = { version: 1, waitedMs: 500, seenMs: { [name]: 900 } };
    const decision = routeCall(ctx([name]), undefined, { amdRequested: true, state });
    expect(decision.issues).toEqual([
      `options.state: its seenMs.${name} is not a time of an earlier run; read as the flow's first run`,
    ]);
    const fine = routeCall(ctx([name]), undefined, {
      amdRequested: true,
      state: { ...state, seenMs: { [name]: 250 } },
    });
    expect(fine.state.seenMs).toEqual({ [name]: 250 });
  });
});

describe("the state's counts stay within range", () => {
  it("keeps a huge waitedMs option within the state's range, so the next run reads the state back", () => {
    const decision = routeCall(ctx(["amd_machine_detected"]), undefined, { waitedMs: 1e15 });
    expect(decision.state.waitedMs).toBe(24 * 60 * 60 * 1000);
    expect(decision.state.seenMs).toEqual({ amd_machine_detected: -1 });
    const next = routeCall(ctx(["amd_machine_detected"]), undefined, { state: decision.state });
    expect(next.issues).toEqual([]);
  });
});

describe("the clock's edges", () => {
  const state = { version: 1, waitedMs: 500, seenMs: {} };

  it("takes a whole number of ms written as text as this run's time, and not a fraction", () => {
    expect(routeCall(ctx([]), undefined, { amdRequested: true, state, waitedMs: "250" as never }).state.waitedMs).toBe(
      500,
    );
    // A fraction as text is not a count: every limit counts as reached, and the clock keeps the state's count.
    const fraction = routeCall(ctx([]), undefined, { amdRequested: true, state, waitedMs: "1.5" as never });
    expect(fraction).toMatchObject({ action: "continue", reason: "wait-limit-reached" });
    expect(fraction.state.waitedMs).toBe(500);
  });

  it("reads a state's JSON text of up to 2000 characters", () => {
    const text = JSON.stringify(state);
    const fits = `${text}${" ".repeat(2000 - text.length)}`;
    expect(routeCall(ctx([]), undefined, { amdRequested: true, state: fits }).issues).toEqual([]);
    expect(routeCall(ctx([]), undefined, { amdRequested: true, state: `${fits} ` }).issues).toHaveLength(1);
  });

  it("takes an event seen at this very run's time as seen, and one seen at 0 as of a known age", () => {
    const seenNow = { version: 1, waitedMs: 500, seenMs: { amd_machine_detected: 500 } };
    expect(routeCall(ctx(["amd_machine_detected"]), undefined, { state: seenNow }).issues).toEqual([]);
    // The greeting's end first seen at 0, now 500 ms later: a late beep may still come.
    const seenAtZero = {
      version: 1,
      waitedMs: 500,
      seenMs: { amd_machine_detected: 0, amd_machine_stopped_speaking: 0 },
    };
    const entries = [
      { type: "amd_machine_detected", reason: "hint", hint: "leave a message" },
      "amd_machine_stopped_speaking",
    ];
    expect(routeCall(ctx(entries), undefined, { state: seenAtZero }).outcome.judgements).toEqual(["beep-may-follow"]);
  });

  it("never throws from classifyAmd on a bad state, which has nowhere to report it", () => {
    expect(classifyAmd(readAmd(ctx(["amd_human_detected"])), { state: 42 }).kind).toBe("human");
    expect(classifyAmd(readAmd(ctx(["amd_human_detected"])), { state: { version: 1 } }).kind).toBe("human");
  });
});
