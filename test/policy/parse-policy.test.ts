import { describe, expect, it } from "vitest";
import {
  defaultPolicy,
  isCheckedPolicy,
  lintPolicy,
  POLICY_SITUATIONS,
  PolicyError,
  parsePolicy,
  ROUTE_REASONS,
  ruleFor,
} from "../../src/index.js";
import { problemsOf } from "../support/policy-problems.js";

describe("defaultPolicy", () => {
  it("is the documented table", () => {
    expect(defaultPolicy).toEqual({
      human: { action: "continue" },
      machine: {
        greeting: { action: "wait", recheckAfterMs: 1000, maxWaitMs: 30_000, then: { action: "leave-voicemail" } },
        "greeting-ended": { action: "leave-voicemail" },
        beep: { action: "leave-voicemail" },
      },
      silence: { action: "continue" },
      undecided: { action: "continue" },
      error: { action: "continue" },
      fax: { action: "hang-up", retry: false },
      pending: { action: "wait", recheckAfterMs: 250, maxWaitMs: 6000, then: { action: "continue" } },
      "not-run": { action: "continue" },
    });
  });

  it("is deeply frozen and known as checked", () => {
    expect(Object.isFrozen(defaultPolicy)).toBe(true);
    expect(Object.isFrozen(defaultPolicy.machine.greeting)).toBe(true);
    expect(isCheckedPolicy(defaultPolicy)).toBe(true);
    expect(lintPolicy(defaultPolicy)).toEqual([]);
  });
});

describe("parsePolicy", () => {
  it("returns the default for nothing, and the same object for a checked policy", () => {
    expect(parsePolicy(undefined)).toBe(defaultPolicy);
    expect(parsePolicy(null)).toBe(defaultPolicy);
    const policy = parsePolicy({ human: "transfer" });
    expect(parsePolicy(policy)).toBe(policy);
  });

  it("fills what is left out from the default and accepts action names", () => {
    const policy = parsePolicy({ human: "transfer", machine: { beep: "hang-up" } });
    expect(policy.human).toEqual({ action: "transfer" });
    expect(policy.machine.beep).toEqual({ action: "hang-up", retry: false });
    expect(policy.machine.greeting).toEqual(defaultPolicy.machine.greeting);
    expect(policy.silence).toEqual({ action: "continue" });
    expect(isCheckedPolicy(policy)).toBe(true);
    expect(Object.isFrozen(policy.machine)).toBe(true);
  });

  it("accepts every option of every action", () => {
    const policy = parsePolicy({
      human: { action: "transfer", target: "sip:agents@pbx.example.com" },
      machine: {
        greeting: {
          action: "wait",
          recheckAfterMs: "500",
          maxWaitMs: 10_000,
          then: { action: "hang-up", retryAfterMs: 3_600_000 },
        },
        "greeting-ended": { action: "leave-voicemail" },
        beep: { action: "hang-up", retry: true },
      },
      silence: { action: "continue" },
      undecided: { action: "wait", maxWaitMs: 5000 },
      error: "continue",
      "not-run": { action: "wait", then: "transfer" },
    });
    expect(policy.human).toEqual({ action: "transfer", target: "sip:agents@pbx.example.com" });
    expect(policy.machine.greeting).toEqual({
      action: "wait",
      recheckAfterMs: 500,
      maxWaitMs: 10_000,
      then: { action: "hang-up", retry: true, retryAfterMs: 3_600_000 },
    });
    expect(policy.machine.beep).toEqual({ action: "hang-up", retry: true });
    expect(policy.undecided).toEqual({
      action: "wait",
      recheckAfterMs: 1000,
      maxWaitMs: 5000,
      then: { action: "continue" },
    });
    expect(policy["not-run"]).toEqual({
      action: "wait",
      recheckAfterMs: 1000,
      maxWaitMs: 30_000,
      then: { action: "transfer" },
    });
  });

  it("takes one rule for every machine phase, keeping each phase's defaults", () => {
    const policy = parsePolicy({ machine: "hang-up" });
    for (const phase of ["greeting", "greeting-ended", "beep"] as const) {
      expect(policy.machine[phase]).toEqual({ action: "hang-up", retry: false });
    }
    const waiting = parsePolicy({ machine: { action: "wait", maxWaitMs: 20_000 } });
    expect(waiting.machine.greeting).toMatchObject({ maxWaitMs: 20_000, then: { action: "leave-voicemail" } });
    expect(waiting.machine.beep).toMatchObject({ maxWaitMs: 20_000, then: { action: "leave-voicemail" } });
  });

  it("reads a policy from its JSON text", () => {
    expect(parsePolicy('{"human":"transfer"}').human).toEqual({ action: "transfer" });
  });

  it("lists every problem by its path in one error", () => {
    expect(
      problemsOf({
        human: "talk",
        humans: "continue",
        machine: { greeting: { action: "wait", recheckAfterMs: 0, maxWaitMs: -5, then: "wait", extra: 1 }, beep: 7 },
        silence: { action: "transfer", target: "" },
        error: { action: "hang-up", retry: "yes", retryAfterMs: 1.5 },
        undecided: { action: "leave-voicemail", message: "hi" },
        "not-run": { action: "hang-up", retry: false, retryAfterMs: 1000 },
      }),
    ).toEqual([
      "humans: unknown key; expected one of human, machine, silence, undecided, error, fax, pending, not-run, greetingText",
      "human: expected one of continue, transfer, leave-voicemail, wait, hang-up",
      "machine.greeting.extra: unknown key; expected one of action, recheckAfterMs, maxWaitMs, then",
      "machine.greeting.recheckAfterMs: must be from 1 to 600000",
      "machine.greeting.maxWaitMs: must be from 0 to 3600000",
      "machine.greeting.then: expected one of continue, transfer, leave-voicemail, hang-up",
      'machine.beep: expected an action name or an object with "action"',
      "silence.target: expected non-empty text of at most 512 characters",
      "undecided.message: unknown key; expected one of action",
      "error.retryAfterMs: expected a whole number of milliseconds",
      "error.retry: expected true or false",
      "not-run.retryAfterMs: given, but retry is false",
    ]);
  });

  it("names the action key when an object's action is wrong", () => {
    expect(problemsOf({ machine: { greeting: { action: "voicemail" } } })).toEqual([
      "machine.greeting.action: expected one of continue, transfer, leave-voicemail, wait, hang-up",
    ]);
  });

  it("rejects what is not a policy, with one clear line", () => {
    expect(problemsOf(42)).toEqual(["policy: expected an object"]);
    expect(problemsOf("not json")).toEqual(["policy: expected an object (or its JSON text)"]);
    expect(problemsOf([])).toEqual(["policy: expected an object"]);
    expect(problemsOf({ machine: 5 })).toEqual([
      "machine: expected a rule or an object with greeting, greeting-ended, beep",
    ]);
    expect(problemsOf({ machine: { beeep: "continue" } })).toEqual([
      "machine.beeep: unknown key; expected one of greeting, greeting-ended, beep",
    ]);
  });

  it("turns unreadable input into a PolicyError, never a raw exception", () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("no keys");
        },
      },
    );
    expect(problemsOf(hostile)).toEqual(["policy: could not be read (Error: no keys)"]);
    const getter = Object.defineProperty({}, "human", {
      enumerable: true,
      get: () => {
        throw new Error("no");
      },
    });
    expect(problemsOf(getter)).toEqual(["human: could not be read"]);
  });

  it("never changes its input", () => {
    const input = { machine: { greeting: { action: "wait", maxWaitMs: "2000" } } };
    const copy = structuredClone(input);
    parsePolicy(input);
    expect(input).toEqual(copy);
    expect(Object.isFrozen(input)).toBe(false);
  });

  it("PolicyError's message lists the problems", () => {
    const error = new PolicyError(["a: x", "b: y"]);
    expect(error.message).toBe("invalid AMD policy: a: x; b: y");
    expect(error.name).toBe("PolicyError");
    expect(Object.isFrozen(error.problems)).toBe(true);
  });
});

describe("ruleFor", () => {
  it("finds every situation's rule", () => {
    const policy = parsePolicy({
      human: "transfer",
      machine: { greeting: "hang-up", "greeting-ended": "continue", beep: "wait" },
      silence: "leave-voicemail",
      undecided: "hang-up",
      error: "transfer",
      fax: "continue",
      pending: "hang-up",
      "not-run": "leave-voicemail",
    });
    expect(POLICY_SITUATIONS.map((situation) => ruleFor(policy, situation).action)).toEqual([
      "transfer",
      "hang-up",
      "continue",
      "wait",
      "leave-voicemail",
      "hang-up",
      "transfer",
      "continue",
      "hang-up",
      "leave-voicemail",
    ]);
  });

  it("refuses what is not a situation, a prototype name or a bare machine included", () => {
    for (const situation of ["machine", "toString", "constructor", "machine.tone", "", "Human"]) {
      expect(() => ruleFor(defaultPolicy, situation as never), situation).toThrow(
        new TypeError("ruleFor: expected one of POLICY_SITUATIONS"),
      );
    }
  });
});

describe("ROUTE_REASONS", () => {
  it("lists each situation's reason in the situations' order, then wait-limit-reached", () => {
    expect(ROUTE_REASONS).toEqual([
      "human-answered",
      "machine-greeting-playing",
      "machine-greeting-ended",
      "machine-beep-heard",
      "no-speech",
      "amd-undecided",
      "amd-error",
      "fax-detected",
      "amd-pending",
      "amd-not-run",
      "wait-limit-reached",
    ]);
    expect(Object.isFrozen(ROUTE_REASONS)).toBe(true);
  });
});

describe("lintPolicy", () => {
  it.each(["human", "silence", "undecided", "error", "not-run"] as const)("warns when %s hangs up", (situation) => {
    const warnings = lintPolicy(parsePolicy({ [situation]: "hang-up" }));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.path).toBe(situation);
    expect(warnings[0]?.message).toMatch(
      /^hangs up although .*: an abandoned call under the FCC\/FTC abandoned-call rule$/,
    );
    expect(warnings[0]?.abandonment).toBe(true);
  });

  it("warns when a wait on a person ends in a hang-up, naming the then", () => {
    const warnings = lintPolicy(parsePolicy({ undecided: { action: "wait", maxWaitMs: 2000, then: "hang-up" } }));
    expect(warnings.map((warning) => warning.path)).toEqual(["undecided.then"]);
  });

  it("warns about keeping a person waiting, a voicemail played to a person, and one left over the greeting", () => {
    const warnings = lintPolicy(
      parsePolicy({ human: "wait", silence: "leave-voicemail", machine: { greeting: "leave-voicemail" } }),
    );
    expect(warnings.map((warning) => warning.path)).toEqual(["human", "machine.greeting", "silence"]);
    expect(warnings[0]?.message).toMatch(/waiting in silence/);
    expect(warnings[1]?.message).toMatch(/greeting still plays/);
    expect(warnings[2]?.message).toMatch(/^plays the voicemail message although/);
  });

  it("has nothing to say about hanging up on machines", () => {
    expect(lintPolicy(parsePolicy({ machine: "hang-up" }))).toEqual([]);
  });
});

describe("parsePolicy: bounds and types, exactly", () => {
  it("accepts every bound itself and refuses one past it", () => {
    const wait = (options: Record<string, unknown>) => ({ machine: { greeting: { action: "wait", ...options } } });
    expect(parsePolicy(wait({ recheckAfterMs: 1, maxWaitMs: 0 })).machine.greeting).toMatchObject({
      recheckAfterMs: 1,
      maxWaitMs: 0,
    });
    expect(parsePolicy(wait({ recheckAfterMs: 600_000, maxWaitMs: 3_600_000 })).machine.greeting).toMatchObject({
      recheckAfterMs: 600_000,
      maxWaitMs: 3_600_000,
    });
    expect(problemsOf(wait({ recheckAfterMs: 600_001, maxWaitMs: 3_600_001 }))).toEqual([
      "machine.greeting.recheckAfterMs: must be from 1 to 600000",
      "machine.greeting.maxWaitMs: must be from 0 to 3600000",
    ]);
    const month = 30 * 24 * 3600 * 1000;
    expect(parsePolicy({ human: { action: "hang-up", retryAfterMs: month } }).human).toEqual({
      action: "hang-up",
      retry: true,
      retryAfterMs: month,
    });
    expect(problemsOf({ human: { action: "hang-up", retryAfterMs: month + 1 } })).toEqual([
      `human.retryAfterMs: must be from 0 to ${month}`,
    ]);
  });

  it("reads milliseconds from text of digits only, spaces around allowed", () => {
    expect(
      parsePolicy({ machine: { greeting: { action: "wait", maxWaitMs: " 2000 " } } }).machine.greeting,
    ).toMatchObject({ maxWaitMs: 2000 });
    for (const text of ["2000ms", "ms2000", "2 000", "2e3", ""]) {
      expect(problemsOf({ machine: { greeting: { action: "wait", maxWaitMs: text } } }), text).toEqual([
        "machine.greeting.maxWaitMs: expected a whole number of milliseconds",
      ]);
    }
  });

  it("refuses an action that is not text, and a transfer target that is not usable text", () => {
    expect(problemsOf({ human: { action: 5 } })).toEqual([
      "human.action: expected one of continue, transfer, leave-voicemail, wait, hang-up",
    ]);
    for (const target of [5, "   ", "x".repeat(513)]) {
      expect(problemsOf({ human: { action: "transfer", target } })).toEqual([
        "human.target: expected non-empty text of at most 512 characters",
      ]);
    }
    expect(parsePolicy({ human: { action: "transfer", target: "x".repeat(512) } }).human).toEqual({
      action: "transfer",
      target: "x".repeat(512),
    });
  });

  it("gives each bare action its defaults", () => {
    const policy = parsePolicy({
      human: "leave-voicemail",
      silence: "wait",
      machine: { beep: "continue", greeting: "wait" },
    });
    expect(policy.human).toStrictEqual({ action: "leave-voicemail" });
    expect(policy.silence).toStrictEqual({
      action: "wait",
      recheckAfterMs: 1000,
      maxWaitMs: 30_000,
      then: { action: "continue" },
    });
    expect(policy.machine.beep).toStrictEqual({ action: "continue" });
    expect(policy.machine.greeting).toStrictEqual(defaultPolicy.machine.greeting);
  });

  it("lists at most 100 unknown keys", () => {
    const input = Object.fromEntries(Array.from({ length: 150 }, (_, index) => [`key${index}`, 1]));
    expect(problemsOf(input)).toHaveLength(100);
  });
});

describe("parsePolicy: greetingText", () => {
  it("keeps true or false as given, and leaves it out when absent (absent means on)", () => {
    expect(parsePolicy({ greetingText: false }).greetingText).toBe(false);
    expect(parsePolicy({ greetingText: true }).greetingText).toBe(true);
    expect("greetingText" in parsePolicy({ human: "continue" })).toBe(false);
    expect("greetingText" in defaultPolicy).toBe(false);
  });

  it("refuses anything but true or false", () => {
    for (const value of ["false", 0, null, {}]) {
      expect(() => parsePolicy({ greetingText: value })).toThrow("greetingText: expected true or false");
    }
  });
});
