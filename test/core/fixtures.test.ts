import { describe, expect, it } from "vitest";
import { eventFixtures, makeBotContext, scenarioFixtures } from "../../src/fixtures/index.js";
import { AMD_EVENTS, classifyAmd, readAmd, routeCall } from "../../src/index.js";

describe("scenario fixtures under the default policy", () => {
  it.each(scenarioFixtures.map((scenario) => [scenario.id, scenario] as const))("%s", (_id, scenario) => {
    const outcome = classifyAmd(readAmd(scenario.context), scenario.options);
    expect(outcome.kind).toBe(scenario.expected.kind);
    expect(outcome.kind === "machine" ? outcome.phase : undefined).toBe(scenario.expected.phase);

    const decision = routeCall(scenario.context, undefined, scenario.options);
    expect(decision.action).toBe(scenario.expected.action);
    expect(decision.reason).toBe(scenario.expected.reason);
    expect(decision.outcome).toEqual(outcome);
    expect(decision.explanation).toMatch(/^[A-Z][^.]*(\.\d[^.]*)*\.$/);
  });

  it("cover every row of the AMD sequence table", () => {
    const ids = scenarioFixtures.map((scenario) => scenario.id);
    for (const id of [
      "person-short-greeting",
      "voicemail-beep",
      "voicemail-late-beep",
      "voicemail-no-beep",
      "machine-past-tone-timer",
      "silence",
      "undecided",
      "fax-tone-only",
      "fax-calling-tone",
      "beep-only",
      "engine-error",
      "amd-not-run",
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("reach every outcome kind, machine phase and action", () => {
    const kinds = new Set(scenarioFixtures.map((scenario) => scenario.expected.kind));
    const phases = new Set(scenarioFixtures.map((scenario) => scenario.expected.phase).filter(Boolean));
    const actions = new Set(scenarioFixtures.map((scenario) => scenario.expected.action));
    expect([...kinds].sort()).toEqual([
      "error",
      "fax",
      "human",
      "machine",
      "not-run",
      "pending",
      "silence",
      "undecided",
    ]);
    expect([...phases].sort()).toEqual(["beep", "greeting", "greeting-ended"]);
    expect([...actions].sort()).toEqual(["continue", "hang-up", "leave-voicemail", "wait"]);
  });

  it("keep their outcome with amdRequested, except those with no event, which become pending", () => {
    for (const scenario of scenarioFixtures) {
      const decision = routeCall(scenario.context, undefined, { ...scenario.options, amdRequested: true });
      const expected = scenario.events.length === 0 ? "pending" : scenario.expected.kind;
      expect(decision.outcome.kind, scenario.id).toBe(expected);
    }
  });

  it("list the events of each context in arrival order", () => {
    for (const scenario of scenarioFixtures) {
      const read = readAmd(scenario.context);
      const known = read.events.filter((event) => event.source === "amdEvents").map((event) => event.name);
      const shown = scenario.events
        .map((name) => name.trim().toLowerCase())
        .filter((name) => AMD_EVENTS.includes(name as never));
      if (known.length > 0) expect(known).toEqual(shown);
    }
  });
});

describe("event fixtures", () => {
  it("hold one fixture per AMD event, named as the event", () => {
    expect(Object.keys(eventFixtures).sort()).toEqual([...AMD_EVENTS].sort());
    for (const name of AMD_EVENTS) {
      expect(eventFixtures[name].name).toBe(name);
      expect(eventFixtures[name].payload.type).toBe(name);
    }
  });

  it.each(AMD_EVENTS.map((name) => [name] as const))("%s alone routes as expected", (name) => {
    const fixture = eventFixtures[name];
    const decision = routeCall(fixture.context);
    expect(decision.outcome.kind).toBe(fixture.expected.kind);
    expect(decision.outcome.kind === "machine" ? decision.outcome.phase : undefined).toBe(fixture.expected.phase);
    expect(decision.action).toBe(fixture.expected.action);
    expect(decision.reason).toBe(fixture.expected.reason);
    expect(decision.issues).toEqual([]);
  });

  it("keep the payload's data on the read event", () => {
    const read = readAmd(eventFixtures.amd_tone_detected.context);
    expect(read.events[0]).toMatchObject({ name: "amd_tone_detected", frequency: 1000, variance: 18 });
  });
});

describe("makeBotContext", () => {
  it("puts the events in amdInfo.amdEvents and the last name in amd", () => {
    const context = makeBotContext(["amd_machine_detected", { type: "amd_tone_detected", frequency: 440 }]);
    expect(context.session.UserSession.amdInfo).toEqual({
      amdEvents: ["amd_machine_detected", { type: "amd_tone_detected", frequency: 440 }],
    });
    expect(context.session.UserSession.amd).toBe("amd_tone_detected");
  });

  it("leaves amd out when asked, and amdInfo out with null", () => {
    const withoutAmd = makeBotContext(["amd_stopped"], { amd: undefined });
    expect("amd" in withoutAmd.session.UserSession).toBe(false);
    const withoutInfo = makeBotContext([], { amdInfo: null, amd: "amd_error" });
    expect(withoutInfo.session.UserSession).toEqual({ amd: "amd_error" });
  });

  it("merges extra amdInfo fields and has no amd for no events", () => {
    const context = makeBotContext([], { amdInfo: { amdGreeting: "hi" } });
    expect(context.session.UserSession).toEqual({ amdInfo: { amdEvents: [], amdGreeting: "hi" } });
  });

  it("copies the events, so later changes to the caller's list do not leak in", () => {
    const events = ["amd_human_detected"];
    const context = makeBotContext(events);
    events.push("amd_machine_detected");
    expect(routeCall(context).outcome.kind).toBe("human");
  });
});

describe("eventFixtures as a record and as a list", () => {
  it("has the event names as its keys, and the fixtures as its values, in AMD_EVENTS order", () => {
    expect(Object.keys(eventFixtures)).toEqual([...AMD_EVENTS]);
    expect(Object.values(eventFixtures).map((fixture) => fixture.name)).toEqual([...AMD_EVENTS]);
    expect(Object.entries(eventFixtures).every(([name, fixture]) => fixture.name === name)).toBe(true);
  });

  it("can be counted, iterated, mapped and searched like a list", () => {
    expect(eventFixtures).toHaveLength(AMD_EVENTS.length);
    expect([...eventFixtures].map((fixture) => fixture.name)).toEqual([...AMD_EVENTS]);
    expect(eventFixtures.map((fixture) => fixture.name)).toEqual([...AMD_EVENTS]);
    expect(eventFixtures.find((fixture) => fixture.name === "amd_error")).toBe(eventFixtures.amd_error);
    expect(eventFixtures[5]).toBe(eventFixtures.amd_tone_detected);
    expect(JSON.parse(JSON.stringify(eventFixtures))).toHaveProperty("amd_stopped.payload.type", "amd_stopped");
  });

  it("is frozen", () => {
    expect(Object.isFrozen(eventFixtures)).toBe(true);
  });
});
