import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { routeCall } from "../../src/core.js";
import type { BotContext } from "../../src/fixtures/index.js";
import {
  type CallScript,
  type Router,
  simulateAmd,
  simulateCall,
  simulateCampaign,
} from "../../src/simulator/index.js";

const ms = fc.integer({ min: 0, max: 30_000 });
const word = fc.constantFrom("hello", "hi", "you", "have", "reached", "leave", "a", "message", "5551234", "Sam");
const segment = fc
  .tuple(
    ms,
    fc.integer({ min: 0, max: 8000 }),
    fc.array(word, { minLength: 0, maxLength: 20 }),
    fc.option(fc.constantFrom("", "hm", "leave a message"), { nil: undefined }),
  )
  .map(([startMs, length, words, recognized]) => ({
    startMs,
    endMs: startMs + length,
    text: words.join(" "),
    ...(recognized === undefined ? {} : { recognized }),
  }));
const tone = fc.record(
  {
    atMs: ms,
    frequency: fc.integer({ min: 300, max: 3000 }),
    variance: fc.integer({ min: -5, max: 50 }),
    detected: fc.boolean(),
  },
  { requiredKeys: ["atMs"] },
);
const callScript: fc.Arbitrary<CallScript> = fc.record(
  {
    answeredBy: fc.constantFrom("person", "machine", "fax", "nobody"),
    speech: fc.array(segment, { maxLength: 4 }),
    beep: tone,
    tones: fc.array(tone, { maxLength: 3 }),
    sttError: fc.record({ atMs: ms }),
    hangUpAtMs: ms,
    amd: fc.constant(false as const),
  },
  { requiredKeys: ["answeredBy"] },
);
const settings = fc.record(
  {
    thresholdWordCount: fc.integer({ min: 0, max: 12 }),
    digitCount: fc.integer({ min: 0, max: 8 }),
    hints: fc.constant(["leave a message"]),
    finalResultDelayMs: fc.integer({ min: 0, max: 1500 }),
    interimSpacingMs: fc.integer({ min: 50, max: 1000 }),
    vendor: fc.constantFrom("google" as const, "deepgram" as const, "microsoft" as const),
    hangUpPath: fc.constantFrom("rest" as const, "dial" as const),
    timers: fc.record(
      {
        noSpeechTimeoutMs: fc.oneof(ms, fc.constantFrom(-1, 0, 0.5, Number.NaN, 2 ** 31)),
        decisionTimeoutMs: ms,
        toneTimeoutMs: ms,
        greetingCompletionTimeoutMs: fc.integer({ min: 0, max: 4000 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

const VERDICTS = ["amd_human_detected", "amd_machine_detected", "amd_no_speech_detected", "amd_decision_timeout"];

describe("simulateAmd, for any call script and settings", () => {
  it("emits events in time order, at most one verdict, one tone and one amd_stopped (last), and is deterministic", () => {
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
        const stopped = events.filter((event) => event.name === "amd_stopped");
        expect(stopped.length).toBeLessThanOrEqual(1);
        if (stopped.length === 1 && call.sttError === undefined) expect(events.at(-1)?.name).toBe("amd_stopped");
        // Without a recognizer failure, AMD always stops with amd_stopped, unless a dial verb's hang-up ends it.
        if (call.sttError === undefined && !(chosen.hangUpPath === "dial" && call.hangUpAtMs !== undefined))
          expect(stopped).toHaveLength(1);
        expect(events.filter((event) => VERDICTS.includes(event.name)).length).toBeLessThanOrEqual(1);
        expect(events.filter((event) => event.name === "amd_tone_detected").length).toBeLessThanOrEqual(1);
        expect(events.some((event) => event.name === "amd_error")).toBe(false);
        if (call.hangUpAtMs !== undefined && call.sttError === undefined)
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

  it("never hands the bot a time field: every entry is { type, ...data }, exactly the engine's payload", () => {
    const PAYLOAD_KEYS = ["type", "reason", "greeting", "hint", "language", "frequency", "variance"];
    fc.assert(
      fc.property(callScript, settings, fc.integer(), (call, chosen, seed) => {
        const seen: unknown[] = [];
        const router: Router = (context, options) => {
          seen.push(context);
          return routeCall(context, undefined, options);
        };
        simulateCall(call, undefined, { settings: chosen, seed, router });
        for (const context of seen) {
          const { amd, amdInfo } = (context as BotContext).session.UserSession;
          expect(Object.keys(amdInfo ?? {})).toEqual(["amdEvents"]);
          const entries = (amdInfo as { amdEvents: Record<string, unknown>[] }).amdEvents;
          for (const entry of entries) {
            for (const key of Object.keys(entry)) expect(PAYLOAD_KEYS).toContain(key);
            expect(entry).not.toHaveProperty("atMs");
            expect(entry).not.toHaveProperty("timestamp");
          }
          expect(amd).toBe(entries.at(-1)?.["type"]);
        }
      }),
    );
  });
});

describe("simulateCampaign, for any call scripts named like built-ins", () => {
  it("refuses a callee it does not know without touching any prototype", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "bogus", ""),
        (answeredBy) => {
          const call = JSON.parse(`{"answeredBy": ${JSON.stringify(answeredBy)}}`) as CallScript;
          expect(() => simulateCampaign([call])).toThrow(
            new RangeError("Bad call scripts: calls[0].answeredBy: expected one of person, machine, fax, nobody"),
          );
          expect(Object.prototype).not.toHaveProperty("calls");
          expect(Object.prototype).not.toHaveProperty("right");
        },
      ),
    );
  });
});
