import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CallScript, simulateAmd, simulateCall } from "../../src/simulator/index.js";

const ms = fc.integer({ min: 0, max: 30_000 });
const word = fc.constantFrom("hello", "hi", "you", "have", "reached", "leave", "a", "message", "5551234", "Sam");
const segment = fc
  .tuple(ms, fc.integer({ min: 0, max: 8000 }), fc.array(word, { minLength: 0, maxLength: 20 }))
  .map(([startMs, length, words]) => ({ startMs, endMs: startMs + length, text: words.join(" ") }));
const callScript: fc.Arbitrary<CallScript> = fc.record(
  {
    answeredBy: fc.constantFrom("person", "machine", "fax", "nobody"),
    speech: fc.array(segment, { maxLength: 4 }),
    beep: fc.record(
      { atMs: ms, frequency: fc.integer({ min: 300, max: 3000 }), detected: fc.boolean() },
      { requiredKeys: ["atMs"] },
    ),
    sttError: fc.record({ atMs: ms }),
    hangUpAtMs: ms,
    amd: fc.constant(false as const),
  },
  { requiredKeys: ["answeredBy"] },
);
const settings = fc.record(
  {
    thresholdWordCount: fc.integer({ min: 1, max: 12 }),
    digitCount: fc.integer({ min: 0, max: 8 }),
    hints: fc.constant(["leave a message"]),
    finalResultDelayMs: fc.integer({ min: 0, max: 1500 }),
    interimSpacingMs: fc.integer({ min: 50, max: 1000 }),
  },
  { requiredKeys: [] },
);

describe("simulateAmd, for any call script and settings", () => {
  it("emits events in time order, ends with one amd_stopped (unless AMD is off), and is deterministic", () => {
    fc.assert(
      fc.property(callScript, settings, (call, chosen) => {
        const events = simulateAmd(call, chosen);
        expect(simulateAmd(call, chosen)).toEqual(events);
        for (let index = 1; index < events.length; index++)
          expect((events[index]?.atMs ?? 0) >= (events[index - 1]?.atMs ?? 0)).toBe(true);
        if (call.amd === false) {
          expect(events).toEqual([]);
          return;
        }
        expect(events.filter((event) => event.name === "amd_stopped")).toHaveLength(1);
        expect(events[events.length - 1]?.name).toBe("amd_stopped");
        const verdicts = events.filter((event) =>
          ["amd_human_detected", "amd_machine_detected", "amd_no_speech_detected", "amd_decision_timeout"].includes(
            event.name,
          ),
        );
        expect(verdicts.length).toBeLessThanOrEqual(1);
        expect(events.filter((event) => event.name === "amd_tone_detected").length).toBeLessThanOrEqual(1);
        if (call.hangUpAtMs !== undefined)
          for (const event of events) expect(event.atMs).toBeLessThanOrEqual(call.hangUpAtMs);
      }),
    );
  });
});

describe("simulateCall, for any call script", () => {
  it("moves once, after botStartMs and before the callee hangs up, or not at all only when they hang up", () => {
    fc.assert(
      fc.property(
        callScript,
        fc.integer({ min: 0, max: 2000 }),
        fc.option(fc.integer(), { nil: undefined }),
        (call, botStartMs, seed) => {
          const result = simulateCall(call, undefined, seed === undefined ? { botStartMs } : { botStartMs, seed });
          const last = result.steps[result.steps.length - 1];
          for (const step of result.steps.slice(0, -1)) expect(step.decision.action).toBe("wait");
          if (result.action === null) {
            expect(call.hangUpAtMs).toBeDefined();
            expect(result.actionAtMs).toBeNull();
            if (last !== undefined) expect(last.decision.action).toBe("wait");
          } else {
            expect(result.actionAtMs).toBe(last?.atMs);
            expect(result.actionAtMs).toBeGreaterThanOrEqual(botStartMs);
            if (call.hangUpAtMs !== undefined) expect(result.actionAtMs).toBeLessThan(call.hangUpAtMs);
          }
        },
      ),
    );
  });
});
