import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ABANDONMENT_RULE, defaultPolicy, lintPolicy, type PolicyWarning, parsePolicy } from "../../src/index.js";

const ABANDONED = "an abandoned call under the FCC/FTC abandoned-call rule";

const paths = (warnings: PolicyWarning[]) => warnings.map((warning) => warning.path);
const wait = (options: Record<string, unknown>) => ({ action: "wait", ...options }) as const;

describe("lintPolicy: fax and pending", () => {
  it("has nothing to say about the default policy, given in any form", () => {
    expect(lintPolicy(defaultPolicy)).toEqual([]);
    expect(lintPolicy(undefined)).toEqual([]);
    expect(lintPolicy({})).toEqual([]);
    expect(lintPolicy("{}")).toEqual([]);
    expect(lintPolicy(JSON.stringify(defaultPolicy))).toEqual([]);
  });

  it("warns when a fax gets the voicemail, directly or after a wait", () => {
    expect(lintPolicy({ fax: "leave-voicemail" })).toEqual([
      {
        path: "fax",
        message: "plays the voicemail message to a fax machine, where nobody will hear it; hang up instead",
      },
    ]);
    expect(paths(lintPolicy({ fax: wait({ then: "leave-voicemail" }) }))).toEqual(["fax.then"]);
    expect(lintPolicy({ fax: "continue" })).toEqual([]);
    expect(lintPolicy({ fax: { action: "hang-up", retryAfterMs: 3_600_000 } })).toEqual([]);
  });

  it("warns when pending hangs up or plays the voicemail", () => {
    expect(lintPolicy({ pending: "hang-up" })).toEqual([
      {
        path: "pending",
        message: `hangs up although AMD has not decided yet and a person may be there: ${ABANDONED}`,
        abandonment: true,
      },
    ]);
    expect(lintPolicy({ pending: "leave-voicemail" })).toEqual([
      {
        path: "pending",
        message: "plays the voicemail message although AMD has not decided yet and a person may be there",
      },
    ]);
    expect(paths(lintPolicy({ pending: wait({ then: "hang-up" }) }))).toEqual(["pending.then"]);
  });

  it("warns when a pending wait's limit is over 8000 ms", () => {
    expect(lintPolicy({ pending: wait({ maxWaitMs: 8000 }) })).toEqual([]);
    expect(lintPolicy({ pending: wait({ maxWaitMs: 8001 }) })).toEqual([
      {
        path: "pending.maxWaitMs",
        message:
          "waits up to 8001 ms although AMD has not decided yet and a person may be there, who hears silence all that time (more than 8000 ms): an abandoned call under the FCC/FTC abandoned-call rule",
        abandonment: true,
      },
    ]);
    expect(paths(lintPolicy({ pending: wait({ maxWaitMs: 3_600_000 }) }))).toEqual(["pending.maxWaitMs"]);
  });

  it("warns when a pending wait rechecks less often than every 1000 ms", () => {
    expect(lintPolicy({ pending: wait({ recheckAfterMs: 1000 }) })).toEqual([]);
    expect(lintPolicy({ pending: wait({ recheckAfterMs: 1001 }) })).toEqual([
      {
        path: "pending.recheckAfterMs",
        message:
          'rechecks only every 1001 ms (more than 1000 ms), so a person who said "Hello?" waits that long more for the bot to answer',
      },
    ]);
  });
});

describe("lintPolicy: waits", () => {
  it.each(["silence", "undecided", "error", "not-run"] as const)(
    "warns when a wait on %s lasts over 2000 ms",
    (key) => {
      expect(lintPolicy({ [key]: wait({ maxWaitMs: 2000 }) })).toEqual([]);
      const [warning, ...rest] = lintPolicy({ [key]: wait({ maxWaitMs: 2001 }) });
      expect(rest).toEqual([]);
      expect(warning?.path).toBe(`${key}.maxWaitMs`);
      expect(warning?.message).toMatch(
        /^waits up to 2001 ms although .*, who hears silence all that time \(more than 2000 ms\): an abandoned call under the FCC\/FTC abandoned-call rule$/,
      );
      expect(warning?.abandonment).toBe(true);
    },
  );

  it("warns once for a wait on a person, whatever its limit", () => {
    expect(lintPolicy({ human: wait({ maxWaitMs: 3_600_000 }) })).toEqual([
      { path: "human", message: `keeps a person waiting in silence: ${ABANDONED}`, abandonment: true },
    ]);
  });

  it("has nothing to say about long waits on machines", () => {
    expect(lintPolicy({ machine: { "greeting-ended": wait({ maxWaitMs: 3_600_000 }), beep: wait({}) } })).toEqual([]);
    expect(lintPolicy({ machine: { greeting: wait({ maxWaitMs: 3_600_000 }) } })).toEqual([]);
  });

  it("warns when a greeting wait gives up, leaving the voicemail, before AMD can hear the greeting end", () => {
    expect(lintPolicy({ machine: { greeting: wait({ maxWaitMs: 0 }) } })).toEqual([
      {
        path: "machine.greeting.maxWaitMs",
        message:
          "stops waiting after 0 ms, before AMD can report the end of the greeting (it needs 2000 ms of silence), so the message is left over the greeting and the recording misses its start",
      },
    ]);
    expect(paths(lintPolicy({ machine: { greeting: wait({ maxWaitMs: 1999 }) } }))).toEqual([
      "machine.greeting.maxWaitMs",
    ]);
    expect(lintPolicy({ machine: { greeting: wait({ maxWaitMs: 2000 }) } })).toEqual([]);
    expect(lintPolicy({ machine: { greeting: wait({ maxWaitMs: 0, then: "hang-up" }) } })).toEqual([]);
  });
});

describe("ABANDONMENT_RULE: the one statement of the FCC/FTC rule", () => {
  it("says what the rule is, with its figures, and what is for counsel, once", () => {
    expect(ABANDONMENT_RULE.text).toBe(`${ABANDONMENT_RULE.rule} ${ABANDONMENT_RULE.counsel}`);
    expect(ABANDONMENT_RULE.rule).toContain(
      `within ${ABANDONMENT_RULE.windowMs / 1000} s of the end of the person's greeting`,
    );
    expect(ABANDONMENT_RULE.rule).toContain(
      `at most ${ABANDONMENT_RULE.maxRate * 100} % of the calls answered by a person`,
    );
    expect(ABANDONMENT_RULE.rule).toContain("per campaign per 30-day period");
    expect(ABANDONMENT_RULE.counsel).toMatch(/live agent.*telemarketing.*counsel/);
    expect(Object.isFrozen(ABANDONMENT_RULE)).toBe(true);
  });

  it("is named, never restated, by the warnings that risk abandoning a person, and only by them", () => {
    const risky = lintPolicy({ silence: "hang-up", human: wait({}), fax: "leave-voicemail", error: "leave-voicemail" });
    expect(risky.map((warning) => [warning.path, warning.abandonment === true])).toEqual([
      ["human", true],
      ["silence", true],
      ["error", false],
      ["fax", false],
    ]);
    for (const warning of risky) expect(warning.message).not.toContain("3 %");
  });
});

describe("lintPolicy: input that is not a valid policy", () => {
  it("gives each problem as an invalid warning at its path, and nothing else", () => {
    expect(lintPolicy(JSON.parse('{"human":"talk","fax":{"action":"wait","maxWaitMs":-1}}'))).toEqual([
      { path: "human", message: "expected one of continue, transfer, leave-voicemail, wait, hang-up", invalid: true },
      { path: "fax.maxWaitMs", message: "must be from 0 to 3600000", invalid: true },
    ]);
    expect(lintPolicy(5 as never)).toEqual([{ path: "policy", message: "expected an object", invalid: true }]);
    expect(lintPolicy("not json")).toEqual([
      { path: "policy", message: "expected an object (or its JSON text)", invalid: true },
    ]);
  });

  it("never throws, whatever it is given, and agrees with parsePolicy on validity", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const warnings = lintPolicy(input as never);
        let valid = true;
        try {
          parsePolicy(input);
        } catch {
          valid = false;
        }
        if (valid) expect(warnings.filter((warning) => warning.invalid === true)).toEqual([]);
        else {
          expect(warnings.length).toBeGreaterThan(0);
          expect(warnings.every((warning) => warning.invalid === true)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("survives a policy whose getters throw", () => {
    const hostile = Object.defineProperty({}, "human", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    expect(lintPolicy(hostile as never)).toEqual([{ path: "human", message: "could not be read", invalid: true }]);
  });
});

describe("lintPolicy: the greeting-text judgement", () => {
  it("warns when a policy turns it off, and not when it is on or left out", () => {
    expect(lintPolicy({ greetingText: false })).toEqual([
      {
        path: "greetingText",
        message: expect.stringContaining("a person who answers with a long greeting gets the voicemail message"),
        abandonment: true,
      },
    ]);
    expect(lintPolicy({ greetingText: true })).toEqual([]);
    expect(lintPolicy({})).toEqual([]);
  });
});
