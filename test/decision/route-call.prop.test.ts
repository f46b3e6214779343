import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeBotContext } from "../../src/fixtures/index.js";
import {
  AMD_EVENTS,
  classifyAmd,
  decideRoute,
  JUDGEMENTS,
  OUTCOME_KINDS,
  PolicyError,
  parsePolicy,
  ROUTE_ACTIONS,
  ROUTE_REASONS,
  type RouteDecision,
  readAmd,
  routeCall,
} from "../../src/index.js";
import { MAX_NAMES_READ } from "../../src/reading/read-list.js";
import {
  anyContext,
  anyCoreInput,
  anyRouteOptions,
  bomJson,
  controlText,
  eventEntry,
  materialize,
  prototypeName,
  richContext,
} from "../support/arbitraries.js";

/** A character that would break a line or its display: what no issue or explanation may hold. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/;

function expectOneLine(text: string): void {
  expect(typeof text).toBe("string");
  expect(text).not.toMatch(UNSAFE);
}

function expectValidDecision(decision: RouteDecision): void {
  expect(ROUTE_ACTIONS).toContain(decision.action);
  expect(ROUTE_REASONS).toContain(decision.reason);
  expectOneLine(decision.explanation);
  expect(decision.explanation).toMatch(/^[A-Z].*\.$/);
  expect(Array.isArray(decision.issues)).toBe(true);
  for (const issue of decision.issues) expectOneLine(issue);
  if (decision.action === "wait") expect(decision.recheckAfterMs).toBeGreaterThan(0);
  if (decision.action === "hang-up") expect(typeof decision.retry).toBe("boolean");
}

describe("routeCall never throws", () => {
  it("for any context, policy and options, and always returns a valid decision", () => {
    fc.assert(
      fc.property(
        anyContext,
        fc.oneof(fc.constant(undefined), anyCoreInput),
        fc.oneof(fc.constant(undefined), anyCoreInput),
        (context, policy, options) => {
          expectValidDecision(
            routeCall(materialize(context), materialize(policy) as never, materialize(options) as never),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("decides as read → classify → decide do, the reading's issues first, whatever the input", () => {
    // routeCall reads once and classifies what the reader gathered as it went; the public
    // steps gather it again from the reading. Both must give the same decision.
    fc.assert(
      fc.property(
        fc.oneof(anyContext, richContext),
        fc.oneof(fc.constant(undefined), anyCoreInput),
        fc.oneof(fc.constant(undefined), anyCoreInput, anyRouteOptions),
        (context, policy, options) => {
          const reading = readAmd(materialize(context));
          const opts = materialize(options) as never;
          const composed = decideRoute(classifyAmd(reading, opts), materialize(policy) as never, opts);
          const direct = routeCall(materialize(context), materialize(policy) as never, materialize(options) as never);
          expect(direct).toStrictEqual({ ...composed, issues: [...reading.issues, ...composed.issues] });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("leaves Object.prototype alone", () => {
    fc.assert(
      fc.property(anyContext, anyCoreInput, (context, policy) => {
        routeCall(materialize(context), materialize(policy) as never);
        expect(Object.prototype).not.toHaveProperty("polluted");
        expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });
});

describe("readAmd never throws", () => {
  it("and reads only AMD event names, with problems as lines of text", () => {
    fc.assert(
      fc.property(anyContext, (context) => {
        const reading = readAmd(materialize(context));
        for (const event of reading.events) expect(AMD_EVENTS).toContain(event.name);
        for (const issue of [...reading.issues, ...reading.unknownEvents]) expectOneLine(issue);
        expect(reading.issues.length).toBeLessThanOrEqual(51);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("parsePolicy", () => {
  it("throws only PolicyError, whatever it is given", () => {
    fc.assert(
      fc.property(anyCoreInput, (input) => {
        try {
          parsePolicy(materialize(input));
        } catch (error) {
          expect(error).toBeInstanceOf(PolicyError);
          expect((error as PolicyError).problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("classification is order-free and duplicate-safe", () => {
  const entriesWithPermutation = fc
    .array(eventEntry, { maxLength: 10 })
    .chain((entries) =>
      fc.tuple(
        fc.constant(entries),
        fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }),
        fc.array(fc.nat({ max: Math.max(0, entries.length - 1) }), { maxLength: entries.length === 0 ? 0 : 5 }),
      ),
    );

  it("gives the same outcome for any permutation and duplication of the same events", () => {
    fc.assert(
      fc.property(entriesWithPermutation, ([entries, shuffled, repeats]) => {
        const duplicated = [...shuffled, ...repeats.map((index) => entries[index])];
        for (const options of [undefined, { amdRequested: true }]) {
          const outcome = (list: unknown[]) =>
            classifyAmd(readAmd(makeBotContext(list as never[], { amd: undefined })), options);
          const expected = outcome(entries);
          expect(outcome(shuffled)).toEqual(expected);
          expect(outcome(duplicated)).toEqual(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("gives the same outcome wherever the events sit in a list longer than the whole-read cap", () => {
    fc.assert(
      fc.property(
        fc.array(eventEntry, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat({ max: MAX_NAMES_READ - 6 }), { minLength: 6, maxLength: 6 }),
        (entries, positions) => {
          // As long as a list can be while every entry's name is still looked at.
          const padding = Array.from({ length: MAX_NAMES_READ - 6 }, () => "amd_stopped");
          const first = [...entries, ...padding];
          const scattered: unknown[] = [...padding];
          entries.forEach((entry, index) => {
            scattered.splice(positions[index] ?? 0, 0, entry);
          });
          // The events, and so the decision, are the same; details (a greeting, a language)
          // come from the entries read whole, so duplicates past the cap may differ there.
          const decide = (list: unknown[]) => {
            const { action, reason, outcome } = routeCall(makeBotContext(list as never[], { amd: undefined }));
            return {
              action,
              reason,
              kind: outcome.kind,
              phase: "phase" in outcome ? outcome.phase : undefined,
              evidence: outcome.evidence,
            };
          };
          expect(decide(scattered)).toEqual(decide(first));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("gives the same decision whether an event is in amd or in amdEvents", () => {
    fc.assert(
      fc.property(fc.array(eventEntry, { minLength: 1, maxLength: 6 }), (entries) => {
        const [first, ...rest] = entries;
        const inInfo = routeCall(makeBotContext(entries as never[], { amd: undefined }));
        const split = routeCall(makeBotContext(rest as never[], { amd: first }));
        expect(split.outcome).toEqual(inInfo.outcome);
        expect(split.action).toBe(inInfo.action);
      }),
      { numRuns: 500 },
    );
  });
});

describe("classifyAmd never throws", () => {
  it("on hand-made readings holding anything, and its details are usable or absent", () => {
    fc.assert(
      fc.property(
        anyCoreInput,
        anyCoreInput,
        fc.oneof(fc.constant(undefined), anyCoreInput),
        (events, reading, options) => {
          const made = materialize(reading);
          // The reading's other fields come from its prototype: spreading it here could throw in the test itself.
          const base = typeof made === "object" && made !== null ? made : null;
          const hand = Object.create(base, { events: { value: materialize(events), enumerable: true } });
          for (const input of [hand, made]) {
            const outcome = classifyAmd(input as never, materialize(options) as never);
            expect(OUTCOME_KINDS).toContain(outcome.kind);
            for (const [key, value] of Object.entries(outcome)) {
              if (key === "evidence") continue;
              if (key === "judgements") {
                for (const judgement of value as unknown[]) expect(JUDGEMENTS).toContain(judgement);
              } else if (key === "toneFrequency") expect(Number.isFinite(value) && value >= 0).toBe(true);
              else expect(typeof value).toBe("string");
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("gives a fax only for a tone within 50 Hz of 1100, 1650 or 2100, and pending only when asked to", () => {
    fc.assert(
      fc.property(fc.array(eventEntry, { maxLength: 8 }), fc.boolean(), (entries, amdRequested) => {
        const outcome = classifyAmd(readAmd(makeBotContext(entries as never[])), { amdRequested });
        if (outcome.kind === "fax") {
          expect(
            Math.min(...[1100, 1650, 2100].map((centre) => Math.abs(outcome.toneFrequency - centre))),
          ).toBeLessThanOrEqual(50);
        }
        if (outcome.kind === "pending") expect(amdRequested).toBe(true);
        if (outcome.kind === "not-run") expect(amdRequested).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("purity", () => {
  it("parsePolicy never changes its input and accepts or rejects it the same way twice", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const before = structuredClone(input);
        const attempt = () => {
          try {
            return parsePolicy(input);
          } catch (error) {
            return (error as PolicyError).problems;
          }
        };
        expect(attempt()).toEqual(attempt());
        expect(input).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it("never changes the input and gives the same output twice", () => {
    fc.assert(
      fc.property(fc.array(eventEntry, { maxLength: 8 }), fc.jsonValue(), (entries, extra) => {
        const context = { ...makeBotContext(entries as never[]), extra };
        const before = structuredClone(context);
        const first = routeCall(context);
        const second = routeCall(context);
        expect(context).toEqual(before);
        expect(second).toEqual(first);
      }),
      { numRuns: 500 },
    );
  });
});

describe("text from outside", () => {
  it("reaches issues and explanations as one line each, whatever control characters it holds", () => {
    fc.assert(
      fc.property(controlText, controlText, controlText, (name, error, target) => {
        const context = makeBotContext(
          [name, { type: "amd_error", error }, { type: name, frequency: name }] as never[],
          {
            amd: undefined,
          },
        );
        const policies = [
          { error: { action: "transfer", target } },
          { [name]: "continue", human: target },
          `{"${name}`,
        ];
        for (const policy of policies) {
          const decision = routeCall(context, policy as never, { waitedMs: name as never });
          expectValidDecision(decision);
        }
        try {
          parsePolicy({ machine: { [name]: target } });
        } catch (error) {
          for (const problem of (error as PolicyError).problems) expectOneLine(problem);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("reads JSON text after a byte order mark as without it", () => {
    fc.assert(
      fc.property(bomJson, (text) => {
        const plain = text.slice(1);
        expect(readAmd({ session: { UserSession: { amd: text } } }).events).toEqual(
          readAmd({ session: { UserSession: { amd: plain } } }).events,
        );
        expect(readAmd({ session: { UserSession: { amdInfo: text } } }).events).toEqual(
          readAmd({ session: { UserSession: { amdInfo: plain } } }).events,
        );
      }),
      { numRuns: 200 },
    );
  });

  it("never finds a built-in for a prototype-named event, key or rule", () => {
    fc.assert(
      fc.property(prototypeName, prototypeName, (name, key) => {
        const reading = readAmd(makeBotContext([name, { type: name }, { [key]: name }] as never[], { amd: name }));
        expect(reading.events).toEqual([]);
        for (const shown of reading.unknownEvents) expect(shown).toBe(name);
        const decision = routeCall(makeBotContext([name] as never[]), JSON.parse(`{"${key}": "${name}"}`));
        expectValidDecision(decision);
        expect(decision.issues.length).toBeGreaterThan(0);
        expect(Object.prototype).not.toHaveProperty("polluted");
      }),
      { numRuns: 200 },
    );
  });
});
