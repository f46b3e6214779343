import { describe, expect, it } from "vitest";
import { makeBotContext } from "../../src/fixtures/index.js";
import type { PolicyError } from "../../src/index.js";
import { type AmdOutcome, decideRoute, defaultPolicy, parsePolicy, ROUTE_REASONS, routeCall } from "../../src/index.js";

const greeting: AmdOutcome = { kind: "machine", phase: "greeting", evidence: ["amd_machine_detected"] };
const human: AmdOutcome = { kind: "human", evidence: ["amd_human_detected"] };
const LIMIT_REACHED = "options.waitedMs: expected a non-negative number; every wait's limit counts as reached";

describe("decideRoute: waiting on a machine greeting", () => {
  it("waits, with the recheck time and the limit, until waitedMs reaches maxWaitMs", () => {
    for (const waitedMs of [undefined, 0, 1000, 29_999]) {
      const decision = decideRoute(greeting, undefined, waitedMs === undefined ? undefined : { waitedMs });
      expect(decision).toMatchObject({
        action: "wait",
        reason: "machine-greeting-playing",
        recheckAfterMs: 1000,
        maxWaitMs: 30_000,
      });
      expect(decision.explanation).toBe("A machine greeting is still playing; check again in 1 s.");
    }
  });

  it("applies the wait's then once waitedMs reaches maxWaitMs", () => {
    for (const waitedMs of [30_000, 30_001, 1e9]) {
      const decision = decideRoute(greeting, undefined, { waitedMs });
      expect(decision.action).toBe("leave-voicemail");
      expect(decision.reason).toBe("wait-limit-reached");
      expect(decision.recheckAfterMs).toBeUndefined();
    }
    expect(decideRoute(greeting, undefined, { waitedMs: 45_000 }).explanation).toBe(
      "A machine greeting is still playing after 45 s of waiting (the limit is 30 s); leave the voicemail message now.",
    );
  });

  it("reads waitedMs written as text, and counts a bad one as past every limit, so that a wait always ends", () => {
    expect(decideRoute(greeting, undefined, { waitedMs: "30000" as never }).action).toBe("leave-voicemail");
    for (const waitedMs of [-1, -Number.MAX_VALUE, -Infinity, Number.NaN, Infinity, "soon", {}, true, 10n]) {
      const decision = decideRoute(greeting, undefined, { waitedMs: waitedMs as never });
      expect(decision).toMatchObject({ action: "leave-voicemail", reason: "wait-limit-reached" });
      expect(decision.explanation).toBe(
        "A machine greeting is still playing after a wait of unknown length (the limit is 30 s); leave the voicemail message now.",
      );
      expect(decision.issues).toEqual([LIMIT_REACHED]);
    }
  });

  it("applies a bad waitedMs only where a wait is the rule: a final rule stays as it is, with the issue", () => {
    expect(decideRoute(human, undefined, { waitedMs: Infinity })).toMatchObject({
      action: "continue",
      reason: "human-answered",
      issues: [LIMIT_REACHED],
    });
  });

  it("uses the policy's own recheck, limit and then", () => {
    const policy = parsePolicy({
      machine: { greeting: { action: "wait", recheckAfterMs: 250, maxWaitMs: 2000, then: "hang-up" } },
    });
    expect(decideRoute(greeting, policy, { waitedMs: 1500 })).toMatchObject({
      action: "wait",
      recheckAfterMs: 250,
      maxWaitMs: 2000,
      explanation: "A machine greeting is still playing; check again in 250 ms.",
    });
    expect(decideRoute(greeting, policy, { waitedMs: 2000 })).toMatchObject({ action: "hang-up", retry: false });
  });
});

describe("decideRoute: the actions' details", () => {
  it("names the transfer target when the policy has one", () => {
    expect(decideRoute(human, { human: { action: "transfer", target: "queue:sales" } })).toMatchObject({
      action: "transfer",
      transferTarget: "queue:sales",
      explanation: "A person answered; transfer the call to queue:sales.",
    });
    const plain = decideRoute(human, { human: "transfer" });
    expect(plain.explanation).toBe("A person answered; transfer the call to an agent.");
    expect("transferTarget" in plain).toBe(false);
  });

  it("says whether and when to retry after a hang-up", () => {
    const machine: AmdOutcome = { kind: "machine", phase: "beep", evidence: ["amd_tone_detected"] };
    expect(decideRoute(machine, { machine: "hang-up" })).toMatchObject({ action: "hang-up", retry: false });
    expect(decideRoute(machine, { machine: { action: "hang-up", retryAfterMs: 7_200_000 } })).toMatchObject({
      action: "hang-up",
      retry: true,
      retryAfterMs: 7_200_000,
      explanation: "A tone was heard with no greeting (a voicemail that only beeps); hang up and call again in 2 h.",
    });
    expect(decideRoute(machine, { machine: { action: "hang-up", retry: true } }).explanation).toMatch(
      /call again later\.$/,
    );
  });

  it("adds no wait or hang-up details to other actions", () => {
    const decision = decideRoute(human);
    for (const key of ["recheckAfterMs", "maxWaitMs", "retry", "retryAfterMs", "transferTarget"]) {
      expect(key in decision).toBe(false);
    }
  });
});

describe("decideRoute: every situation has a reason and a sentence", () => {
  const outcomes: Array<[AmdOutcome, string, string]> = [
    [human, "human-answered", "A person answered; let the bot talk."],
    [greeting, "machine-greeting-playing", "A machine greeting is still playing; check again in 1 s."],
    [
      { kind: "machine", phase: "greeting-ended", evidence: ["amd_machine_detected", "amd_machine_stopped_speaking"] },
      "machine-greeting-ended",
      "The machine greeting has ended with no beep heard; leave the voicemail message now.",
    ],
    [
      { kind: "machine", phase: "greeting-ended", evidence: ["amd_machine_detected", "amd_stopped"] },
      "machine-greeting-ended",
      "A machine answered and AMD has stopped listening with no beep heard; leave the voicemail message now.",
    ],
    [
      { kind: "machine", phase: "beep", evidence: ["amd_machine_detected", "amd_tone_detected"] },
      "machine-beep-heard",
      "The voicemail beep was heard; leave the voicemail message now.",
    ],
    [
      { kind: "silence", evidence: ["amd_no_speech_detected"] },
      "no-speech",
      "Nobody spoke after the call was answered; let the bot talk.",
    ],
    [
      { kind: "undecided", evidence: ["amd_decision_timeout"] },
      "amd-undecided",
      "AMD could not tell a person from a machine; let the bot talk.",
    ],
    [{ kind: "error", evidence: ["amd_error"] }, "amd-error", "AMD failed; let the bot talk."],
    [
      { kind: "error", evidence: ["amd_error"], error: "no recognizer" },
      "amd-error",
      "AMD failed (no recognizer); let the bot talk.",
    ],
    [
      { kind: "not-run", evidence: [] },
      "amd-not-run",
      "There is no AMD result (AMD is off or has not reported yet); let the bot talk.",
    ],
    [
      { kind: "fax", evidence: ["amd_tone_detected"], toneFrequency: 2100 },
      "fax-detected",
      "A fax machine answered (a 2100 Hz tone and no speech); hang up.",
    ],
    [
      { kind: "pending", evidence: [] },
      "amd-pending",
      "AMD has not decided yet (no AMD event so far); check again in 250 ms.",
    ],
    [
      { kind: "pending", evidence: ["amd_tone_detected"] },
      "amd-pending",
      "AMD has not decided yet (only a tone so far, from a beep-only voicemail or before a person speaks); check again in 250 ms.",
    ],
    [
      { kind: "machine", phase: "beep", evidence: ["amd_human_detected", "amd_tone_detected"] },
      "machine-beep-heard",
      "A beep came with a short greeting, so a voicemail answered, not a person; leave the voicemail message now.",
    ],
    [
      { kind: "machine", phase: "beep", evidence: ["amd_tone_detected"] },
      "machine-beep-heard",
      "A tone was heard with no greeting (a voicemail that only beeps); leave the voicemail message now.",
    ],
  ];
  it.each(outcomes)("%j", (outcome, reason, explanation) => {
    const decision = decideRoute(outcome);
    expect(decision.reason).toBe(reason);
    expect(decision.explanation).toBe(explanation);
    expect(decision.outcome).toBe(outcome);
    expect(ROUTE_REASONS).toContain(decision.reason);
  });
});

describe("decideRoute: bad input", () => {
  it("falls back to the default policy and says so", () => {
    const decision = decideRoute(human, { human: "dance" } as never);
    expect(decision.action).toBe("continue");
    expect(decision.issues).toEqual([
      "policy: human: expected one of continue, transfer, leave-voicemail, wait, hang-up; the default policy was used",
    ]);
  });

  it("treats what is not an outcome as an AMD error", () => {
    for (const outcome of [
      undefined,
      null,
      3,
      "human",
      {},
      { kind: "robot" },
      { kind: "machine" },
      { kind: "machine", phase: "x" },
    ]) {
      const decision = decideRoute(outcome as never);
      expect(decision.outcome).toEqual({ kind: "error", evidence: [] });
      expect(decision.action).toBe("continue");
      expect(decision.issues[0]).toMatch(/^outcome: not an AMD outcome/);
    }
  });

  it("repairs an outcome with no evidence list", () => {
    const decision = decideRoute({ kind: "human" } as never);
    expect(decision.outcome).toEqual({ kind: "human", evidence: [] });
    expect(decision.issues).toEqual([]);
  });
});

describe("routeCall", () => {
  it("puts the reading's issues before the decision's", () => {
    const decision = routeCall(makeBotContext(["amd_beep"], { amd: undefined }), { human: "x" } as never, {
      waitedMs: -1,
    });
    expect(decision.issues).toEqual([
      'amdInfo.amdEvents[0]: unknown AMD event "amd_beep"',
      "policy: human: expected one of continue, transfer, leave-voicemail, wait, hang-up; the default policy was used",
      LIMIT_REACHED,
    ]);
  });

  it("accepts a policy as JSON text, a parsed policy, or a partial object", () => {
    const context = makeBotContext(["amd_human_detected"]);
    expect(routeCall(context, '{"human":"transfer"}').action).toBe("transfer");
    expect(routeCall(context, parsePolicy({ human: "hang-up" })).action).toBe("hang-up");
    expect(routeCall(context, { human: "leave-voicemail" }).action).toBe("leave-voicemail");
    expect(routeCall(context, defaultPolicy).action).toBe("continue");
  });

  it("gives a fresh issues list on every call", () => {
    const context = makeBotContext(["amd_beep"], { amd: undefined });
    const first = routeCall(context);
    const second = routeCall(context);
    expect(first.issues).not.toBe(second.issues);
    expect(second.issues).toHaveLength(1);
  });
});

describe("decideRoute: exact issues", () => {
  it("adds exactly one issue for something that is not an outcome, a machine without a valid phase included", () => {
    for (const outcome of [
      { kind: "machine", evidence: [] },
      { kind: "machine", phase: "late", evidence: [] },
      { kind: 3 },
      "human",
    ]) {
      expect(decideRoute(outcome as never).issues).toEqual([
        "outcome: not an AMD outcome (expected one from classifyAmd); treated as an AMD error",
      ]);
    }
  });

  it("adds no issue for absent, null, zero or numeric-text waitedMs", () => {
    for (const options of [
      undefined,
      null,
      {},
      { waitedMs: undefined },
      { waitedMs: null },
      { waitedMs: 0 },
      { waitedMs: " 1500 " },
    ]) {
      const decision = decideRoute(greeting, undefined, options as never);
      expect(decision.issues, JSON.stringify(options)).toEqual([]);
      expect(decision.action).toBe("wait");
    }
  });

  it("reports blank text and an unreadable waitedMs", () => {
    expect(decideRoute(greeting, undefined, { waitedMs: "  " } as never).issues).toEqual([LIMIT_REACHED]);
    const unreadable = Object.defineProperty({}, "waitedMs", {
      get: () => {
        throw new Error("no");
      },
    });
    expect(decideRoute(greeting, undefined, unreadable)).toMatchObject({
      action: "leave-voicemail",
      issues: ["options.waitedMs: could not be read; every wait's limit counts as reached"],
    });
  });

  it("adds no retry time to a hang-up without one, and no target to a transfer without one", () => {
    const hangUp = decideRoute(human, { human: "hang-up" });
    expect(hangUp).toEqual({
      action: "hang-up",
      reason: "human-answered",
      explanation: "A person answered; hang up.",
      outcome: human,
      issues: [],
      retry: false,
      state: { version: 1, waitedMs: 0, seenMs: { amd_human_detected: -1 } },
    });
  });

  it("gives the whole decision after a wait runs out", () => {
    const policy = parsePolicy({
      machine: { greeting: { action: "wait", maxWaitMs: 5000, then: { action: "transfer", target: "vm-team" } } },
    });
    expect(decideRoute(greeting, policy, { waitedMs: 5000 })).toEqual({
      action: "transfer",
      reason: "wait-limit-reached",
      explanation:
        "A machine greeting is still playing after 5 s of waiting (the limit is 5 s); transfer the call to vm-team.",
      outcome: greeting,
      issues: [],
      transferTarget: "vm-team",
      state: { version: 1, waitedMs: 5000, seenMs: { amd_machine_detected: -1 } },
    });
  });
});

describe("decideRoute: waitedMs as text", () => {
  it("reads whole numbers only: text joined to a number must grow, so that a wait always ends", () => {
    expect(decideRoute(greeting, undefined, { waitedMs: " 30000 " } as never)).toMatchObject({
      action: "leave-voicemail",
      issues: [],
    });
    expect(decideRoute(greeting, undefined, { waitedMs: "29999.0" } as never)).toMatchObject({
      action: "wait",
      issues: [],
    });
    expect(decideRoute(greeting, undefined, { waitedMs: 0.5 })).toMatchObject({ action: "wait", issues: [] });
    for (const text of ["0x7530", "3e4", "30,000", "Infinity", "-5", "NaN", "0.5", "0.51000", "9".repeat(400)]) {
      const decision = decideRoute(greeting, undefined, { waitedMs: text } as never);
      expect(decision.action, text).toBe("leave-voicemail");
      expect(decision.issues).toEqual([LIMIT_REACHED]);
    }
  });
});

describe("decideRoute and parsePolicy: at the edges", () => {
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

describe("decideRoute: exact edges", () => {
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

describe("decideRoute: fax and pending under the default policy", () => {
  const pending: AmdOutcome = { kind: "pending", evidence: [] };

  it("hangs up on a fax without a retry", () => {
    const decision = decideRoute({ kind: "fax", evidence: ["amd_tone_detected"], toneFrequency: 1100 });
    expect(decision).toMatchObject({ action: "hang-up", reason: "fax-detected", retry: false, issues: [] });
    expect("retryAfterMs" in decision).toBe(false);
    const hand = decideRoute({ kind: "fax", evidence: [] } as never);
    expect(hand.explanation).toBe("A fax machine answered (a fax tone and no speech); hang up.");
  });

  it("waits 250 ms at a time while AMD is pending, until waitedMs reaches 6000", () => {
    for (const waitedMs of [0, 250, 5999]) {
      expect(decideRoute(pending, undefined, { waitedMs })).toMatchObject({
        action: "wait",
        reason: "amd-pending",
        recheckAfterMs: 250,
        maxWaitMs: 6000,
      });
    }
    const done = decideRoute(pending, undefined, { waitedMs: 6000 });
    expect(done).toMatchObject({ action: "continue", reason: "wait-limit-reached", issues: [] });
    expect(done.explanation).toBe(
      "AMD has not decided yet (no AMD event so far) after 6 s of waiting (the limit is 6 s); let the bot talk.",
    );
  });

  it("counts all waiting on AMD: a greeting after a pending wait keeps the total", () => {
    expect(decideRoute(greeting, undefined, { waitedMs: 5000 }).action).toBe("wait");
    expect(decideRoute(greeting, undefined, { waitedMs: 30_000 }).action).toBe("leave-voicemail");
  });

  it("decides what would be pending with amdRequested as pending", () => {
    const notRun: AmdOutcome = { kind: "not-run", evidence: [] };
    const lone: AmdOutcome = { kind: "machine", phase: "beep", evidence: ["amd_tone_detected"], toneFrequency: 1000 };
    expect(decideRoute(notRun, undefined, { amdRequested: true }).outcome).toEqual(pending);
    expect(decideRoute(lone, undefined, { amdRequested: true }).outcome).toEqual({
      kind: "pending",
      evidence: ["amd_tone_detected"],
    });
    expect(decideRoute(notRun, undefined, { amdRequested: false }).outcome).toBe(notRun);
    expect(decideRoute(lone).outcome).toBe(lone);
    for (const kept of [
      human,
      greeting,
      { kind: "machine", phase: "beep", evidence: ["amd_machine_detected", "amd_tone_detected"] },
      { kind: "machine", phase: "greeting-ended", evidence: ["amd_stopped"] },
      { kind: "undecided", evidence: [] },
    ] as AmdOutcome[]) {
      expect(decideRoute(kept, undefined, { amdRequested: true }).outcome).toBe(kept);
    }
  });

  it("reports options it cannot use and decides with their defaults", () => {
    const decision = decideRoute(human, undefined, { amdRequested: "yes", beepWindowMs: -5 } as never);
    expect(decision.action).toBe("continue");
    expect(decision.issues).toEqual([
      "options.amdRequested: expected true or false; false was used",
      "options.beepWindowMs: expected a non-negative number; 1000 was used",
    ]);
    const boom = () => {
      throw new Error("boom");
    };
    const hostile = Object.defineProperties({}, { amdRequested: { get: boom }, beepWindowMs: { get: boom } });
    expect(decideRoute(human, undefined, hostile).issues).toEqual([
      "options.amdRequested: could not be read; false was used",
      "options.beepWindowMs: could not be read; 1000 was used",
    ]);
    expect(decideRoute(human, undefined, { amdRequested: null, beepWindowMs: null } as never).issues).toEqual([]);
    expect(decideRoute(human, undefined, { beepWindowMs: "250" } as never).issues).toEqual([]);
    expect(decideRoute(human, undefined, { beepWindowMs: Infinity }).issues).toHaveLength(1);
  });
});

describe("routeCall: amdRequested and beepWindowMs", () => {
  it("waits right after connect when AMD was asked for, and talks when it was not", () => {
    const empty = makeBotContext([], { amd: undefined });
    expect(routeCall(empty, undefined, { amdRequested: true, waitedMs: 0 })).toMatchObject({
      action: "wait",
      reason: "amd-pending",
      recheckAfterMs: 250,
      issues: [],
    });
    expect(routeCall(empty, undefined, { amdRequested: true, waitedMs: 6000 }).action).toBe("continue");
    expect(routeCall(empty).reason).toBe("amd-not-run");
  });

  it("hangs up on a fax tone and waits on a lone beep when AMD was asked for", () => {
    const fax = makeBotContext([{ type: "amd_tone_detected", frequency: 2100, variance: 3 }]);
    expect(routeCall(fax)).toMatchObject({ action: "hang-up", reason: "fax-detected", retry: false });
    const beep = makeBotContext([{ type: "amd_tone_detected", frequency: 1000 }]);
    expect(routeCall(beep, undefined, { amdRequested: true }).action).toBe("wait");
    expect(routeCall(beep).action).toBe("leave-voicemail");
  });

  it("passes beepWindowMs to the classification", () => {
    const context = makeBotContext([
      { type: "amd_tone_detected", frequency: 1000, atMs: 200 },
      { type: "amd_human_detected", atMs: 1000 },
    ] as never);
    expect(routeCall(context).action).toBe("leave-voicemail");
    expect(routeCall(context, undefined, { beepWindowMs: 500 }).action).toBe("continue");
  });

  it("takes a policy as JSON text, and never throws on a policy of any type", () => {
    expect(routeCall(makeBotContext(["amd_human_detected"]), '{"human":"transfer"}').action).toBe("transfer");
    for (const policy of [5, Symbol("p"), [], () => 1]) {
      expect(routeCall(makeBotContext(["amd_human_detected"]), policy as never).action).toBe("continue");
    }
  });
});

describe("decideRoute: a hand-made outcome's judgements and phrase", () => {
  it("says the judgements it knows, and leaves out what cannot be used", () => {
    const judged = {
      kind: "human",
      evidence: ["amd_machine_detected"],
      judgements: ["greeting-says-person", "no-such-judgement"],
      phrase: "speaking",
    } as unknown as AmdOutcome;
    expect(decideRoute(judged).explanation).toBe(
      'A person answered (the greeting says "speaking": a person with a long greeting AMD took for a machine); let the bot talk.',
    );
    const broken = {
      kind: "human",
      evidence: ["amd_human_detected"],
      judgements: 5,
      phrase: 7,
    } as unknown as AmdOutcome;
    const decision = decideRoute(broken);
    expect(decision.explanation).toBe("A person answered; let the bot talk.");
    expect(decision.outcome).toEqual({ kind: "human", evidence: ["amd_human_detected"] });
    const unknownOnly = {
      kind: "human",
      evidence: [],
      judgements: ["nope", "constructor", "__proto__", "valueOf"],
    } as unknown as AmdOutcome;
    expect(decideRoute(unknownOnly).explanation).toBe("A person answered; let the bot talk.");
  });

  it("records in the state each event the evidence names once, whatever else it holds", () => {
    const evidence = ["amd_tone_detected", "amd_tone_detected", "nope", 7, "amd_stopped"];
    const decision = decideRoute({ kind: "undecided", evidence } as unknown as AmdOutcome);
    expect(decision.state.seenMs).toEqual({ amd_tone_detected: -1, amd_stopped: -1 });
    const long = Array.from({ length: 100 }, () => "nope").concat("amd_stopped");
    expect(decideRoute({ kind: "undecided", evidence: long } as unknown as AmdOutcome).state.seenMs).toEqual({});
    const throwing = new Proxy(["amd_stopped", "amd_error"], {
      get: (target, key) => {
        if (key === "1") throw new Error("boom");
        return Reflect.get(target, key);
      },
    });
    // A list whose entries cannot be read names no event.
    expect(decideRoute({ kind: "undecided", evidence: throwing } as unknown as AmdOutcome).state.seenMs).toEqual({});
  });
});

describe("classifyAmd and routeCall: the greetingText option", () => {
  it("takes true or false, and reports anything else, using true", () => {
    const context = {
      session: {
        UserSession: { amdInfo: { amdEvents: [{ type: "amd_human_detected", greeting: "Leave a message" }] } },
      },
    };
    expect(routeCall(context, undefined, { greetingText: false }).outcome.kind).toBe("human");
    expect(routeCall(context, undefined, { greetingText: true }).outcome.kind).toBe("machine");
    const odd = routeCall(context, undefined, { greetingText: "no" as never });
    expect(odd.outcome.kind).toBe("machine");
    expect(odd.issues).toEqual(["options.greetingText: expected true or false; true was used"]);
  });
});
