import { describe, expect, it } from "vitest";
import { PolicyError, type RouteDecision, type RouteOptions, routeCall } from "../../src/core.js";
import { type BotContext, makeBotContext, timedScenarios } from "../../src/fixtures/index.js";
import { deliver } from "../../src/simulator/delivery.js";
import {
  type BotStep,
  type CallScript,
  type Router,
  type RouterDecision,
  type RouterOptions,
  type SimulateOptions,
  simulateCall,
} from "../../src/simulator/index.js";

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
// No delivery jitter: each event reaches the session exactly 100 ms after it is emitted.
const EXACT = { deliveryJitterMs: 0 } as const;

describe("simulateCall", () => {
  it("runs the script node at botStartMs, then after each wait's recheckAfterMs, until a move", () => {
    // Delivered 100 ms after emission: machine at 3400, tone at 4700.
    const result = simulateCall(WITH_BEEP, undefined, { ...EXACT, botStartMs: 3500 });
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
    const late = simulateCall(WITH_BEEP, undefined, { ...EXACT, botStartMs: 4500, deliveryDelayMs: 1000 });
    // The tone (4600) reaches the session at 5600: the run at 5500 still waits.
    expect(at(late)).toEqual([
      [4500, "wait"],
      [5500, "wait"],
      [6500, "leave-voicemail"],
    ]);
    expect(
      simulateCall(WITH_BEEP, undefined, { ...EXACT, botStartMs: 3399, deliveryDelayMs: 100 }).steps[0]?.decision
        .outcome.kind,
    ).not.toBe("machine");
    expect(
      simulateCall(WITH_BEEP, undefined, { ...EXACT, botStartMs: 3400, deliveryDelayMs: 100 }).steps[0]?.decision
        .outcome.kind,
    ).toBe("machine");
  });

  it("adds each wait to waitedMs: a wait limit is reached after the waits it allows", () => {
    const policy = {
      machine: { greeting: { action: "wait", recheckAfterMs: 1000, maxWaitMs: 1000, then: "leave-voicemail" } },
    };
    const result = simulateCall(WITH_BEEP, policy, { ...EXACT, botStartMs: 3500 });
    expect(at(result)).toEqual([
      [3500, "wait"],
      [4500, "leave-voicemail"],
    ]);
    expect(result.steps[1]?.decision.reason).toBe("wait-limit-reached");
  });

  it("a message after the greeting's words and the beep is right and not clipped, though the greeting-end event comes later", () => {
    // Left at 5500: after the words (4300) and the beep (4600), before amd_machine_stopped_speaking (5800).
    const { metrics } = simulateCall(WITH_BEEP, undefined, { ...EXACT, botStartMs: 3500 });
    expect(metrics).toEqual({ right: true, voicemailClipped: false, voicemailAfterBeepMs: 900 });
  });

  it("a message before the beep is clipped, measured from the beep itself", () => {
    const policy = {
      machine: { greeting: { action: "wait", recheckAfterMs: 1000, maxWaitMs: 1000, then: "leave-voicemail" } },
    };
    const { metrics } = simulateCall(WITH_BEEP, policy, { ...EXACT, botStartMs: 3500 });
    expect(metrics).toEqual({ right: false, voicemailClipped: true, voicemailAfterBeepMs: -100 });
  });

  it("a missed beep still counts: a message before it is clipped though AMD never reported it", () => {
    // No tone event: the greeting's end is emitted at 6800 and first seen at 7500; the bot
    // waits a second for a late beep and leaves at 8500; the beep sounds at 9000.
    const call: CallScript = { answeredBy: "machine", speech: [VOICEMAIL], beep: { atMs: 9000, detected: false } };
    const result = simulateCall(call, undefined, { ...EXACT, botStartMs: 3500 });
    expect(result.actionAtMs).toBe(8500);
    expect(result.metrics).toEqual({ right: false, voicemailClipped: true, voicemailAfterBeepMs: -500 });
  });

  it("a message before the greeting's last words is clipped", () => {
    // The greeting's end is the latest end of any segment, not the last segment's.
    const call: CallScript = {
      answeredBy: "machine",
      speech: [VOICEMAIL, { startMs: 500, endMs: 1000, text: "beep" }],
    };
    const policy = { machine: { greeting: "leave-voicemail" } };
    const result = simulateCall(call, policy, { ...EXACT, botStartMs: 3500 });
    expect(result.actionAtMs).toBe(3500);
    expect(result.metrics).toEqual({ right: false, voicemailClipped: true });
  });

  it("personSilenceMs runs from the end of the person's first utterance to the bot's move", () => {
    // Human at 1500 (delivered 1600); a second utterance 2000–2800; the bot speaks at 2000.
    const call: CallScript = {
      answeredBy: "person",
      speech: [{ startMs: 2000, endMs: 2800, text: "Anyone there?" }, HELLO],
    };
    const result = simulateCall(call, undefined, { ...EXACT, botStartMs: 2000 });
    expect(result.action).toBe("continue");
    expect(result.metrics).toEqual({ right: true, personSilenceMs: 1000, voicemailClipped: false });
  });

  it("personSilenceMs is negative when the bot speaks over the person, and from the answer when they never speak", () => {
    const over = simulateCall({ answeredBy: "person", speech: [HELLO] }, undefined, { ...EXACT, amdRequested: false });
    expect(over.actionAtMs).toBe(300);
    expect(over.metrics.personSilenceMs).toBe(-700);
    const mute = simulateCall({ answeredBy: "person" }, undefined, { ...EXACT, botStartMs: 5200 });
    expect(mute.metrics.personSilenceMs).toBe(5200);
  });

  it("the callee hanging up first leaves no move", () => {
    const result = simulateCall({ ...WITH_BEEP, hangUpAtMs: 4500 }, undefined, { ...EXACT, botStartMs: 3500 });
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
    expect(simulateCall(fax, undefined, { ...EXACT, botStartMs: 700 }).metrics.right).toBe(true);
    expect(simulateCall(fax, { fax: "continue" }, { ...EXACT, botStartMs: 700 }).metrics.right).toBe(false);
    expect(simulateCall({ answeredBy: "nobody" }, undefined, { ...EXACT, botStartMs: 5200 }).metrics.right).toBe(true);
    expect(
      simulateCall({ answeredBy: "nobody" }, { silence: "hang-up" }, { ...EXACT, botStartMs: 5200 }).metrics.right,
    ).toBe(false);
    const hangUpOnMachines = { machine: { greeting: "hang-up" } };
    expect(simulateCall(WITH_BEEP, hangUpOnMachines, { ...EXACT, botStartMs: 3500 }).metrics).toEqual({
      right: true,
      voicemailClipped: false,
    });
    // A hang-up because nobody seemed to speak is not a policy choice about machines.
    const silentMachine: CallScript = { answeredBy: "machine", beep: { atMs: 8000, detected: false } };
    expect(simulateCall(silentMachine, { silence: "hang-up" }, { ...EXACT, botStartMs: 5200 }).metrics.right).toBe(
      false,
    );
    expect(
      simulateCall({ answeredBy: "person", speech: [HELLO] }, { human: "transfer" }, { ...EXACT, botStartMs: 1600 })
        .metrics.right,
    ).toBe(true);
    expect(
      simulateCall({ answeredBy: "person", speech: [HELLO] }, { human: "hang-up" }, { ...EXACT, botStartMs: 1600 })
        .metrics,
    ).toEqual({
      right: false,
      personSilenceMs: 600,
      voicemailClipped: false,
    });
  });

  it("each run calls the router with the events delivered by then, the time waited and the previous decision's state", () => {
    for (const scenario of timedScenarios) {
      const calls: { context: unknown; options: RouterOptions; decision: RouteDecision }[] = [];
      const router: Router<RouteDecision> = (context, options) => {
        const decision = routeCall(context, undefined, options as RouteOptions);
        // The context is the call's one session object, updated as events arrive: keep what it held then.
        calls.push({ context: structuredClone(context), options, decision });
        return decision;
      };
      const result = simulateCall(scenario, undefined, { ...EXACT, router });
      expect(calls).toHaveLength(result.steps.length);
      calls.forEach(({ context, options }, index) => {
        const atMs = (result.steps[index] as BotStep).atMs;
        const delivered = result.events
          .filter((event) => event.atMs + 100 <= atMs)
          .map((event) => ({ type: event.name, ...event.data }));
        expect(context, `${scenario.name} at ${atMs}`).toEqual(makeBotContext(delivered));
        expect(options.waitedMs).toBe(atMs - 300);
        expect(options.amdRequested).toBe(scenario.amd !== false);
        // The previous decision's own state, passed on as it is; nothing on the first run.
        const previous = calls[index - 1]?.decision as { state?: unknown } | undefined;
        expect(options.state).toBe(previous?.state);
      });
      // The default router is routeCall with the policy: the same steps.
      expect(simulateCall(scenario, undefined, EXACT).steps).toEqual(result.steps);
    }
  });

  it("hands the router one context for the call, where it may keep values of its own", () => {
    const contexts = new Set<unknown>();
    const remembering: Router = (context, { waitedMs }) => {
      contexts.add(context);
      const session = context as { amdState?: number };
      session.amdState = (session.amdState ?? 0) + 1;
      return waitedMs < 1000
        ? { action: "wait", recheckAfterMs: 250 }
        : { action: "continue", state: session.amdState };
    };
    const result = simulateCall({ answeredBy: "person", speech: [HELLO] }, undefined, { router: remembering });
    expect(contexts.size).toBe(1);
    expect(result.steps.at(-1)?.decision.state).toBe(5);
  });

  it("calls the router on every run, even when nothing new arrived: a decision may depend on the state alone", () => {
    // A router that counts its runs in its state and talks on the third.
    const counting: Router = (_context, { state }) => {
      const runs = (typeof state === "number" ? state : 0) + 1;
      return runs >= 3 ? { action: "continue", state: runs } : { action: "wait", recheckAfterMs: 100, state: runs };
    };
    const result = simulateCall({ answeredBy: "nobody" }, undefined, { router: counting });
    expect(result.steps.map((step) => [step.atMs, step.decision.action, step.decision.state])).toEqual([
      [300, "wait", 1],
      [400, "wait", 2],
      [500, "continue", 3],
    ]);
  });

  it("a valid policy ends where its waits end, however many runs that takes", () => {
    // Silence: wait every 35 ms for up to an hour, then talk: 102 858 waits.
    const policy = { silence: { action: "wait", recheckAfterMs: 35, maxWaitMs: 3_600_000, then: "continue" } };
    const result = simulateCall({ answeredBy: "nobody" }, policy);
    expect(result.action).toBe("continue");
    // Waited an hour in all (pending waits of 250 ms first, then silence waits of 35 ms).
    const waitedMs = (result.actionAtMs as number) - 300;
    expect(waitedMs).toBeGreaterThanOrEqual(3_600_000);
    expect(waitedMs).toBeLessThan(3_600_035);
    expect(result.steps.length).toBeGreaterThan(100_000);
    expect(result.steps.at(-1)?.decision.reason).toBe("wait-limit-reached");
    // Past the first 10 000 runs, consecutive waits that decide the same share one decision object.
    expect(new Set(result.steps.map((step) => step.decision)).size).toBeLessThan(10_010);
  });

  it("past 10 000 runs, a wait shares the previous run's decision object only when it decides the same", () => {
    // Waits of 1 ms, a note on every 5th run from the 10 000th; a move at the 10 040th.
    const router: Router<RouterDecision & { note?: string }> = (_context, { state }) => {
      const runs = (typeof state === "number" ? state : 0) + 1;
      if (runs === 10_040) return { action: "continue" };
      const note = runs >= 10_000 && runs % 5 === 0 ? { note: "fifth" } : {};
      return { action: "wait", recheckAfterMs: 1, state: runs, ...note };
    };
    const { steps } = simulateCall({ answeredBy: "person", amd: false }, undefined, { router });
    expect(steps).toHaveLength(10_040);
    const decisions = steps.map((step) => step.decision);
    // The first 10 000 runs keep their own decisions, with their own state.
    expect(new Set(decisions.slice(0, 10_000)).size).toBe(10_000);
    expect(decisions[9_999]?.state).toBe(10_000);
    // Then: a new object where the decision changes (a note comes or goes), shared while it does not.
    expect(new Set(decisions.slice(10_000)).size).toBe(16);
    expect(decisions[10_001]).toBe(decisions[10_000]);
    expect(decisions[10_004]).not.toBe(decisions[10_003]);
    expect(decisions[10_004]?.note).toBe("fifth");
  });

  it("a router still waiting after every limit a policy allows is an error", () => {
    const forever: Router = () => ({ action: "wait", recheckAfterMs: 600_000 });
    expect(() => simulateCall({ answeredBy: "nobody" }, undefined, { router: forever })).toThrow(
      new RangeError(
        "router: still waiting at 4200300 ms after waiting 4200000 ms in all; a valid policy stops waiting within 4200000 ms (maxWaitMs at most 3600000, plus one recheck)",
      ),
    );
  });

  it("a router that throws, or returns something that is not a decision, is a clear error", () => {
    const call: CallScript = { answeredBy: "nobody" };
    const boom = new Error("boom");
    let thrown: unknown;
    try {
      simulateCall(call, undefined, {
        router: () => {
          throw boom;
        },
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toEqual(new Error("router: threw at 300 ms: boom"));
    expect((thrown as Error).cause).toBe(boom);
    const expected = (shown: string) =>
      new TypeError(
        `router: returned ${shown} at 300 ms, which is not a decision: expected { action } with an action among continue, transfer, leave-voicemail, wait, hang-up, and with "wait" a recheckAfterMs from 1 to 600000 ms`,
      );
    const returning = (value: unknown) => () =>
      simulateCall(call, undefined, { router: (() => value) as unknown as Router });
    expect(returning(undefined)).toThrow(expected("undefined"));
    expect(returning("continue")).toThrow(expected('"continue"'));
    expect(returning({ action: "dance" })).toThrow(expected('{"action":"dance"}'));
    expect(returning({ action: "wait" })).toThrow(expected('{"action":"wait"}'));
    expect(returning({ action: "wait", recheckAfterMs: 0 })).toThrow(expected('{"action":"wait","recheckAfterMs":0}'));
    expect(returning(10n)).toThrow(expected("a bigint that cannot be shown"));
    expect(returning(() => "continue")).toThrow(expected("a function"));
    expect(returning("x".repeat(300))).toThrow(expected(`"${"x".repeat(199)}…`));
    expect(returning({ action: "wait", recheckAfterMs: Number.NaN })).toThrow(
      expected('{"action":"wait","recheckAfterMs":null}'),
    );
  });

  it("a router's hang-up on a machine is right unless its decision says it took the callee for something else", () => {
    const hangUp: Router = () => ({ action: "hang-up" });
    expect(simulateCall(WITH_BEEP, undefined, { router: hangUp }).metrics.right).toBe(true);
    const faxGuess: Router = () => ({ action: "hang-up", outcome: { kind: "fax" } }) as RouterDecision;
    expect(simulateCall(WITH_BEEP, undefined, { router: faxGuess }).metrics.right).toBe(false);
  });

  it("is deterministic (the default seed), and a bad policy or option throws", () => {
    expect(simulateCall(WITH_BEEP)).toEqual(simulateCall(WITH_BEEP));
    expect(simulateCall(WITH_BEEP)).toEqual(simulateCall(WITH_BEEP, undefined, { seed: 1 }));
    expect(() => simulateCall(WITH_BEEP, { human: "dance" })).toThrow(PolicyError);
    expect(() => simulateCall(WITH_BEEP, undefined, { botStartMs: -1 })).toThrow(
      new RangeError("Bad simulator options: botStartMs: expected a number ≥ 0"),
    );
    expect(() => simulateCall(WITH_BEEP, undefined, { deliveryDelayMs: Number.NaN })).toThrow(
      new RangeError("Bad simulator options: deliveryDelayMs: expected a number ≥ 0"),
    );
  });

  it("bad options are reported all at once, settings included, even when the call does not use them", () => {
    const options = {
      deliveryJitterMs: -1,
      seed: 1.5,
      amdRequested: "yes",
      botStartMs: Number.POSITIVE_INFINITY,
      speed: 2,
      settings: { interimSpacingMs: 0 },
    } as unknown as SimulateOptions;
    expect(() => simulateCall({ answeredBy: "nobody", amd: false }, undefined, options)).toThrow(
      new RangeError(
        "Bad simulator options: speed: unknown option; seed: expected a whole number; amdRequested: expected true or false; botStartMs: expected a number ≥ 0; deliveryJitterMs: expected a number ≥ 0; settings.interimSpacingMs: expected a finite number ≥ 1",
      ),
    );
    expect(() => simulateCall({ answeredBy: "nobody" }, undefined, "fast" as unknown as SimulateOptions)).toThrow(
      "options: expected an object",
    );
    expect(() =>
      simulateCall({ answeredBy: "nobody" }, { human: "transfer" }, { router: () => ({ action: "continue" }) }),
    ).toThrow(
      new RangeError(
        "Bad simulator options: router: replaces the policy, so the policy must be left out (pass undefined)",
      ),
    );
    expect(() =>
      simulateCall({ answeredBy: "nobody" }, undefined, { router: "routeCall" } as unknown as SimulateOptions),
    ).toThrow("router: expected a function");
  });

  it("a bad call script throws one RangeError, before anything is simulated", () => {
    expect(() => simulateCall({ answeredBy: "bogus" } as unknown as CallScript)).toThrow(
      new RangeError("Bad call script: call.answeredBy: expected one of person, machine, fax, nobody"),
    );
  });
});

describe("delivery", () => {
  const events = [
    { atMs: 5800, name: "amd_machine_stopped_speaking" as const },
    { atMs: 5800, name: "amd_stopped" as const },
    { atMs: 6000, name: "amd_tone_detected" as const },
  ];

  it("without jitter: deliveryDelayMs after emission, in emission order", () => {
    expect(deliver(events, 100, 0, 1).map((arrival) => [arrival.atMs, arrival.event.name])).toEqual([
      [5900, "amd_machine_stopped_speaking"],
      [5900, "amd_stopped"],
      [6100, "amd_tone_detected"],
    ]);
  });

  it("with jitter: up to the jitter late, the same for the same seed; events emitted together may swap, events the jitter apart never", () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const arrivals = deliver(events, 100, 200, seed);
      expect(arrivals).toEqual(deliver(events, 100, 200, seed));
      for (const arrival of arrivals) {
        expect(arrival.atMs).toBeGreaterThanOrEqual(arrival.event.atMs + 100);
        expect(arrival.atMs).toBeLessThan(arrival.event.atMs + 300);
      }
      // The tone came 200 ms after the others: with a jitter of 200 ms it always arrives last.
      expect(arrivals[2]?.event.name).toBe("amd_tone_detected");
      orders.add(arrivals.map((arrival) => arrival.event.name).join());
    }
    expect(orders.size).toBe(2);
  });

  it("simulateCall: the bot gets the events in arrival order, which the seed decides", () => {
    // The human verdict and amd_stopped are emitted in the same ms (1500).
    const seen = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const router: Router = (context) => {
        const { amdEvents } = (context as BotContext).session.UserSession.amdInfo as { amdEvents: { type: string }[] };
        if (amdEvents.length < 2) return { action: "wait", recheckAfterMs: 50 };
        seen.add(amdEvents.map((entry) => entry.type).join());
        return { action: "continue" };
      };
      simulateCall({ answeredBy: "person", speech: [HELLO] }, undefined, { seed, router });
    }
    expect(seen).toEqual(new Set(["amd_human_detected,amd_stopped", "amd_stopped,amd_human_detected"]));
  });

  it("simulateCall passes the seed on", () => {
    // Rechecks every 10 ms from 3500: the tone (4600) reaches the session between 4700 and 4900.
    const policy = { machine: { greeting: { action: "wait", recheckAfterMs: 10, maxWaitMs: 30_000 } } };
    const shuffled = Array.from({ length: 20 }, (_, seed) =>
      simulateCall(WITH_BEEP, policy, { seed, botStartMs: 3500 }),
    );
    expect(new Set(shuffled.map((result) => result.action))).toEqual(new Set(["leave-voicemail"]));
    expect(new Set(shuffled.map((result) => result.steps.length)).size).toBeGreaterThan(1);
  });
});
