import { describe, expect, it } from "vitest";
import { PolicyError } from "../../src/core.js";
import { timedScenarios } from "../../src/fixtures/index.js";
import { type CallScript, type Router, simulateCall, simulateCampaign } from "../../src/simulator/index.js";
import { campaignOf } from "../../src/simulator/simulate-campaign.js";

// The bot first runs at 4000; without AMD requested, a session with no event is "not run"
// and the bot continues at once. Persons' human verdicts come 500 ms after their words.
const OPTIONS = { botStartMs: 4000, amdRequested: false } as const;
const person = (startMs: number, endMs: number, extra: Partial<CallScript> = {}): CallScript => ({
  answeredBy: "person",
  speech: [{ startMs, endMs, text: "Hello?" }],
  ...extra,
});

const CALLS: readonly CallScript[] = [
  person(400, 1000), // continue at 4000: silent 3000 ms, abandoned
  person(1500, 2000), // silent 2000 ms: not abandoned (the limit is inclusive)
  person(2500, 3000), // silent 1000 ms
  { answeredBy: "person" }, // never speaks: silent 4000 ms from the answer, abandoned
  person(400, 1000, { hangUpAtMs: 3000 }), // hangs up 2000 ms after the greeting: not abandoned
  person(400, 1000, { hangUpAtMs: 3001 }), // 2001 ms: abandoned
  // A beep-only voicemail (tone at 800): leave-voicemail at 4000, 3200 ms after the beep.
  { answeredBy: "machine", beep: { atMs: 800 } },
  // The greeting's words end at 4300; the policy leaves the message during a greeting, at 4000: clipped.
  {
    answeredBy: "machine",
    speech: [{ startMs: 300, endMs: 4300, text: "Hi you have reached Sam please leave a message after the tone" }],
  },
  { answeredBy: "fax", beep: { atMs: 500 } },
  { answeredBy: "nobody" },
];

describe("simulateCampaign", () => {
  it("scores each call as simulateCall does, and counts abandoned persons by the 2-second rule", () => {
    const result = simulateCampaign(CALLS, { machine: { greeting: "leave-voicemail" } }, OPTIONS);
    expect(result).toEqual({
      calls: 10,
      // Persons who got the bot: 4 (the two who hung up got no move); the beep-only voicemail; the fax; nobody.
      right: 7,
      rightRate: 0.7,
      personsAbandoned: 3,
      abandonmentRate: 0.5,
      clippedVoicemails: 1,
      // Silences 1000, 2000, 3000, 4000.
      personSilenceMs: { p50: 2000, p95: 4000, max: 4000 },
      voicemailAfterBeepMs: { p50: 3200, p95: 3200 },
      byAnsweredBy: {
        person: { calls: 6, right: 4, rightRate: 4 / 6 },
        machine: { calls: 2, right: 1, rightRate: 0.5 },
        fax: { calls: 1, right: 1, rightRate: 1 },
        nobody: { calls: 1, right: 1, rightRate: 1 },
      },
    });
    const one = simulateCall(CALLS[0] as CallScript, undefined, OPTIONS);
    expect(one.metrics.personSilenceMs).toBe(3000);
  });

  it("a person hung up on, or left a voicemail, is abandoned however fast", () => {
    const fast = [person(400, 1000)];
    const at1600 = { botStartMs: 1600 };
    expect(simulateCampaign(fast, undefined, at1600).personsAbandoned).toBe(0);
    expect(simulateCampaign(fast, { human: "hang-up" }, at1600).personsAbandoned).toBe(1);
    expect(simulateCampaign(fast, { human: "leave-voicemail" }, at1600).personsAbandoned).toBe(1);
    expect(simulateCampaign(fast, { human: "transfer" }, at1600)).toMatchObject({ personsAbandoned: 0, right: 1 });
  });

  it("a person who never spoke and hung up counts from the answer", () => {
    const silent = [
      { answeredBy: "person", hangUpAtMs: 2000 },
      { answeredBy: "person", hangUpAtMs: 2001 },
    ] as const;
    expect(simulateCampaign(silent, undefined, OPTIONS).personsAbandoned).toBe(1);
  });

  it("nearest-rank percentiles over many calls", () => {
    // 300 persons: silences 4000 − index ms, 3701 … 4000.
    const calls = Array.from({ length: 300 }, (_, index) => person(0, index));
    expect(simulateCampaign(calls, undefined, OPTIONS).personSilenceMs).toEqual({ p50: 3850, p95: 3985, max: 4000 });
  });

  it("nearest-rank percentiles", () => {
    const calls = Array.from({ length: 20 }, (_, index) => person(0, 100 * index));
    // Silences 4000 − 100 × index: 2100 … 4000. The 10th smallest, the 19th, the largest.
    expect(simulateCampaign(calls, undefined, OPTIONS).personSilenceMs).toEqual({ p50: 3000, p95: 3900, max: 4000 });
  });

  it("no calls, or no persons: rates are 0 and missing figures null", () => {
    expect(simulateCampaign([])).toEqual({
      calls: 0,
      right: 0,
      rightRate: 0,
      personsAbandoned: 0,
      abandonmentRate: 0,
      clippedVoicemails: 0,
      personSilenceMs: { p50: null, p95: null, max: null },
      voicemailAfterBeepMs: { p50: null, p95: null },
      byAnsweredBy: {
        person: { calls: 0, right: 0, rightRate: 0 },
        machine: { calls: 0, right: 0, rightRate: 0 },
        fax: { calls: 0, right: 0, rightRate: 0 },
        nobody: { calls: 0, right: 0, rightRate: 0 },
      },
    });
  });

  it("a bad policy throws before any call is simulated", () => {
    expect(() => simulateCampaign(CALLS, { human: "dance" })).toThrow(PolicyError);
  });

  it("every call script is checked first: one RangeError naming each problem by its place", () => {
    const calls = [
      person(400, 1000),
      { answeredBy: "__proto__" },
      { answeredBy: "person", speech: [{ startMs: 0, endMs: Number.POSITIVE_INFINITY, text: "hi" }] },
      null,
    ] as unknown as CallScript[];
    expect(() => simulateCampaign(calls)).toThrow(
      new RangeError(
        "Bad call scripts: calls[1].answeredBy: expected one of person, machine, fax, nobody; calls[2].speech[0].endMs: expected a finite number of ms ≥ 0; calls[3]: expected a call script object",
      ),
    );
    expect(Object.prototype).not.toHaveProperty("calls");
    expect(() => simulateCampaign("calls" as unknown as CallScript[])).toThrow(
      new RangeError("Bad call scripts: calls: expected a list of call scripts"),
    );
  });

  it("at most 50 problems are listed, then counted", () => {
    const calls = Array.from({ length: 60 }, () => ({ answeredBy: "robot" })) as unknown as CallScript[];
    const message = (() => {
      try {
        simulateCampaign(calls);
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    })();
    expect(message.split("; ")).toHaveLength(51);
    expect(message.endsWith("; and 10 more")).toBe(true);
  });

  it("bad options or settings are reported even with no calls", () => {
    expect(() => simulateCampaign([], undefined, { botStartMs: -1 })).toThrow(
      new RangeError("Bad simulator options: botStartMs: expected a number ≥ 0"),
    );
    expect(() => simulateCampaign([], undefined, { settings: { interimSpacingMs: 0 } })).toThrow(
      new RangeError("Bad simulator options: settings.interimSpacingMs: expected a finite number ≥ 1"),
    );
  });

  it("call n is simulated with seed + n: the figures of simulateCall on each", () => {
    const calls = timedScenarios;
    const results = calls.map((call, index) => simulateCall(call, undefined, { seed: 7 + index }));
    expect(simulateCampaign(calls, undefined, { seed: 7 })).toEqual(campaignOf(calls, results));
  });

  it("scores any router: the platform's disconnect mode hangs up on every machine verdict or tone", () => {
    const disconnect: Router = (context, { waitedMs }) => {
      const text = JSON.stringify(context);
      if (/amd_machine_detected|amd_tone_detected/.test(text)) return { action: "hang-up" };
      return /amd_(human|no_speech|decision|stopped)/.test(text) || waitedMs >= 6000
        ? { action: "continue" }
        : { action: "wait", recheckAfterMs: 100 };
    };
    const result = simulateCampaign(timedScenarios, undefined, { router: disconnect });
    expect(result.calls).toBe(timedScenarios.length);
    // Every voicemail whose machine verdict or tone AMD reported is hung up on: right for machines.
    expect(result.byAnsweredBy.fax.right).toBe(result.byAnsweredBy.fax.calls);
    expect(result.clippedVoicemails).toBe(0);
  });
});
