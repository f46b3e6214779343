import { describe, expect, it } from "vitest";
import { PolicyError, routeCall } from "../../src/core.js";
import { makeBotContext, timedScenarios } from "../../src/fixtures/index.js";
import { deliver } from "../../src/simulator/delivery.js";
import { type CallScript, simulateCall } from "../../src/simulator/index.js";

// AMD's events for these calls are worked out in simulate-amd.test.ts (default settings).
const HELLO = { startMs: 400, endMs: 1000, text: "Hello?" };
const VOICEMAIL = {
  startMs: 300,
  endMs: 4300,
  text: "Hi you have reached Sam please leave a message after the tone",
};
// machine_detected 3300, tone 4600, machine_stopped_speaking and stopped 5800.
const WITH_BEEP: CallScript = { answeredBy: "machine", speech: [VOICEMAIL], beep: { atMs: 4600 } };

const at = (result: ReturnType<typeof simulateCall>) => result.steps.map((step) => [step.atMs, step.decision.action]);

describe("simulateCall", () => {
  it("runs the script node at botStartMs, then after each wait's recheckAfterMs, until a move", () => {
    // Delivered 100 ms after emission: machine at 3400, tone at 4700.
    const result = simulateCall(WITH_BEEP, undefined, { botStartMs: 3500 });
    expect(at(result)).toEqual([
      [3500, "wait"],
      [4500, "wait"],
      [5500, "leave-voicemail"],
    ]);
    expect(result.action).toBe("leave-voicemail");
    expect(result.actionAtMs).toBe(5500);
    expect(result.steps[2]?.decision.reason).toBe("machine-beep-heard");
    expect(result.events.map((event) => event.name)).toEqual([
      "amd_machine_detected",
      "amd_tone_detected",
      "amd_machine_stopped_speaking",
      "amd_stopped",
    ]);
  });

  it("the bot sees an event only deliveryDelayMs after it was emitted", () => {
    const late = simulateCall(WITH_BEEP, undefined, { botStartMs: 4500, deliveryDelayMs: 1000 });
    // The tone (4600) reaches the session at 5600: the run at 5500 still waits.
    expect(at(late)).toEqual([
      [4500, "wait"],
      [5500, "wait"],
      [6500, "leave-voicemail"],
    ]);
    expect(
      simulateCall(WITH_BEEP, undefined, { botStartMs: 3399, deliveryDelayMs: 100 }).steps[0]?.decision.outcome.kind,
    ).not.toBe("machine");
    expect(
      simulateCall(WITH_BEEP, undefined, { botStartMs: 3400, deliveryDelayMs: 100 }).steps[0]?.decision.outcome.kind,
    ).toBe("machine");
  });

  it("adds each wait to waitedMs: a wait limit is reached after the waits it allows", () => {
    const policy = {
      machine: { greeting: { action: "wait", recheckAfterMs: 1000, maxWaitMs: 1000, then: "leave-voicemail" } },
    };
    const result = simulateCall(WITH_BEEP, policy, { botStartMs: 3500 });
    expect(at(result)).toEqual([
      [3500, "wait"],
      [4500, "leave-voicemail"],
    ]);
    expect(result.steps[1]?.decision.reason).toBe("wait-limit-reached");
  });

  it("a message after the greeting's words and the beep is right and not clipped, though the greeting-end event comes later", () => {
    // Left at 5500: after the words (4300) and the beep (4600), before amd_machine_stopped_speaking (5800).
    const { metrics } = simulateCall(WITH_BEEP, undefined, { botStartMs: 3500 });
    expect(metrics).toEqual({ right: true, voicemailClipped: false, voicemailAfterBeepMs: 900 });
  });

  it("a message before the beep is clipped, measured from the beep itself", () => {
    const policy = {
      machine: { greeting: { action: "wait", recheckAfterMs: 1000, maxWaitMs: 1000, then: "leave-voicemail" } },
    };
    const { metrics } = simulateCall(WITH_BEEP, policy, { botStartMs: 3500 });
    expect(metrics).toEqual({ right: false, voicemailClipped: true, voicemailAfterBeepMs: -100 });
  });

  it("a missed beep still counts: a message before it is clipped though AMD never reported it", () => {
    // No tone event: the greeting ends at 6800 (delivered 6900); the bot leaves at 7500, the beep sounds at 8000.
    const call: CallScript = { answeredBy: "machine", speech: [VOICEMAIL], beep: { atMs: 8000, detected: false } };
    const result = simulateCall(call, undefined, { botStartMs: 3500 });
    expect(result.actionAtMs).toBe(7500);
    expect(result.metrics).toEqual({ right: false, voicemailClipped: true, voicemailAfterBeepMs: -500 });
  });

  it("a message before the greeting's last words is clipped", () => {
    // The greeting's end is the latest end of any segment, not the last segment's.
    const call: CallScript = {
      answeredBy: "machine",
      speech: [VOICEMAIL, { startMs: 500, endMs: 1000, text: "beep" }],
    };
    const policy = { machine: { greeting: "leave-voicemail" } };
    const result = simulateCall(call, policy, { botStartMs: 3500 });
    expect(result.actionAtMs).toBe(3500);
    expect(result.metrics).toEqual({ right: false, voicemailClipped: true });
  });

  it("personSilenceMs runs from the end of the person's first utterance to the bot's move", () => {
    // Human at 1500 (delivered 1600); a second utterance 2000–2800; the bot speaks at 2000.
    const call: CallScript = {
      answeredBy: "person",
      speech: [{ startMs: 2000, endMs: 2800, text: "Anyone there?" }, HELLO],
    };
    const result = simulateCall(call, undefined, { botStartMs: 2000 });
    expect(result.action).toBe("continue");
    expect(result.metrics).toEqual({ right: true, personSilenceMs: 1000, voicemailClipped: false });
  });

  it("personSilenceMs is negative when the bot speaks over the person, and from the answer when they never speak", () => {
    const over = simulateCall({ answeredBy: "person", speech: [HELLO] }, undefined, { amdRequested: false });
    expect(over.actionAtMs).toBe(300);
    expect(over.metrics.personSilenceMs).toBe(-700);
    const mute = simulateCall({ answeredBy: "person" }, undefined, { botStartMs: 5200 });
    expect(mute.metrics.personSilenceMs).toBe(5200);
  });

  it("the callee hanging up first leaves no move", () => {
    const result = simulateCall({ ...WITH_BEEP, hangUpAtMs: 4500 }, undefined, { botStartMs: 3500 });
    expect(at(result)).toEqual([[3500, "wait"]]);
    expect(result.action).toBeNull();
    expect(result.actionAtMs).toBeNull();
    expect(result.metrics).toEqual({ right: false, voicemailClipped: false });
    expect(simulateCall({ answeredBy: "nobody", hangUpAtMs: 300 }).steps).toEqual([]);
  });

  it("a call dialled without AMD has no events and the bot continues at once", () => {
    const result = simulateCall({ answeredBy: "person", speech: [HELLO], amd: false });
    expect(result.events).toEqual([]);
    expect(at(result)).toEqual([[300, "continue"]]);
    expect(result.steps[0]?.decision.reason).toBe("amd-not-run");
  });

  it("right: a fax is hung up on, nobody is talked to, a machine may be hung up on when the policy says so", () => {
    const fax: CallScript = { answeredBy: "fax", beep: { atMs: 500, frequency: 2100 } };
    expect(simulateCall(fax, undefined, { botStartMs: 700 }).metrics.right).toBe(true);
    expect(simulateCall(fax, { fax: "continue" }, { botStartMs: 700 }).metrics.right).toBe(false);
    expect(simulateCall({ answeredBy: "nobody" }, undefined, { botStartMs: 5200 }).metrics.right).toBe(true);
    expect(simulateCall({ answeredBy: "nobody" }, { silence: "hang-up" }, { botStartMs: 5200 }).metrics.right).toBe(
      false,
    );
    const hangUpOnMachines = { machine: { greeting: "hang-up" } };
    expect(simulateCall(WITH_BEEP, hangUpOnMachines, { botStartMs: 3500 }).metrics).toEqual({
      right: true,
      voicemailClipped: false,
    });
    // A hang-up because nobody seemed to speak is not a policy choice about machines.
    const silentMachine: CallScript = { answeredBy: "machine", beep: { atMs: 8000, detected: false } };
    expect(simulateCall(silentMachine, { silence: "hang-up" }, { botStartMs: 5200 }).metrics.right).toBe(false);
    expect(
      simulateCall({ answeredBy: "person", speech: [HELLO] }, { human: "transfer" }, { botStartMs: 1600 }).metrics
        .right,
    ).toBe(true);
    expect(
      simulateCall({ answeredBy: "person", speech: [HELLO] }, { human: "hang-up" }, { botStartMs: 1600 }).metrics,
    ).toEqual({
      right: false,
      personSilenceMs: 600,
      voicemailClipped: false,
    });
  });

  it("each step is what routeCall gives on the events delivered by then, with the time waited so far", () => {
    for (const scenario of timedScenarios) {
      const result = simulateCall(scenario);
      for (const { atMs, decision } of result.steps) {
        const delivered = result.events
          .filter((event) => event.atMs + 100 <= atMs)
          .map((event) => ({ type: event.name, atMs: event.atMs, ...event.data }));
        const options = { waitedMs: atMs - 300, amdRequested: scenario.amd !== false };
        expect(decision, `${scenario.name} at ${atMs}`).toEqual(
          routeCall(makeBotContext(delivered), undefined, options),
        );
      }
    }
  });

  it("stops after 100 000 runs of the script node, with no move, whatever the policy", () => {
    const forever = { "not-run": { action: "wait", recheckAfterMs: 1, maxWaitMs: 3_600_000 } };
    const result = simulateCall({ answeredBy: "person", amd: false }, forever);
    expect(result.steps).toHaveLength(100_000);
    expect(result.action).toBeNull();
  });

  it("is deterministic, and a bad policy or option throws", () => {
    expect(simulateCall(WITH_BEEP)).toEqual(simulateCall(WITH_BEEP));
    expect(() => simulateCall(WITH_BEEP, { human: "dance" })).toThrow(PolicyError);
    expect(() => simulateCall(WITH_BEEP, undefined, { botStartMs: -1 })).toThrow(
      new RangeError("Bad simulator options: botStartMs: expected a number ≥ 0"),
    );
    expect(() => simulateCall(WITH_BEEP, undefined, { deliveryDelayMs: Number.NaN })).toThrow(
      new RangeError("Bad simulator options: deliveryDelayMs: expected a number ≥ 0"),
    );
  });
});

describe("delivery", () => {
  const events = [
    { atMs: 5800, name: "amd_machine_stopped_speaking" as const },
    { atMs: 5800, name: "amd_stopped" as const },
    { atMs: 9000, name: "amd_tone_detected" as const },
  ];

  it("without a seed: deliveryDelayMs after emission, in emission order", () => {
    expect(deliver(events, 100).map((arrival) => [arrival.atMs, arrival.event.name])).toEqual([
      [5900, "amd_machine_stopped_speaking"],
      [5900, "amd_stopped"],
      [9100, "amd_tone_detected"],
    ]);
  });

  it("with a seed: up to one more delivery delay late, the same for the same seed, order shuffled within the window", () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const arrivals = deliver(events, 100, seed);
      expect(arrivals).toEqual(deliver(events, 100, seed));
      for (const arrival of arrivals) {
        expect(arrival.atMs).toBeGreaterThanOrEqual(arrival.event.atMs + 100);
        expect(arrival.atMs).toBeLessThan(arrival.event.atMs + 200);
      }
      expect(arrivals[2]?.event.name).toBe("amd_tone_detected");
      orders.add(arrivals.map((arrival) => arrival.event.name).join());
    }
    expect(orders.size).toBe(2);
  });

  it("simulateCall passes the seed on", () => {
    // Rechecks every 10 ms from 3500: the tone (4600) reaches the session between 4700 and 4799.
    const policy = { machine: { greeting: { action: "wait", recheckAfterMs: 10, maxWaitMs: 30_000 } } };
    const shuffled = Array.from({ length: 20 }, (_, seed) =>
      simulateCall(WITH_BEEP, policy, { seed, botStartMs: 3500 }),
    );
    expect(new Set(shuffled.map((result) => result.action))).toEqual(new Set(["leave-voicemail"]));
    expect(new Set(shuffled.map((result) => result.steps.length)).size).toBeGreaterThan(1);
  });
});
