import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AMD_EVENTS, classifyAmd, readAmd, routeCall } from "../../src/index.js";
import { anyContext, anyState, materialize } from "../support/arbitraries.js";

const ctx = (entries: readonly unknown[]) => ({ session: { UserSession: { amdInfo: { amdEvents: entries } } } });

const GREETINGS = [
  "Hello?",
  "Hi it's Priya, leave a message",
  "Hello Raj Johnson speaking sorry it took me a",
  "Hi you have reached Sam I am not available right",
  "",
  "Who is this? Leave a message?",
];
const entry = fc.oneof(
  fc.constantFrom(...GREETINGS).map((greeting) => ({ type: "amd_human_detected", reason: "short greeting", greeting })),
  fc
    .constantFrom(...GREETINGS)
    .map((greeting) => ({ type: "amd_machine_detected", reason: "long greeting", greeting })),
  fc.constantFrom(440, 520, 1000, 1100, 1650, 2100).map((frequency) => ({ type: "amd_tone_detected", frequency })),
  fc.constantFrom(...AMD_EVENTS).map((type) => ({ type })),
);
/** A state as the flow writes it: a count, and when some events were first seen. */
const flowState = fc
  .tuple(fc.nat({ max: 40 }), fc.dictionary(fc.constantFrom(...AMD_EVENTS), fc.integer({ min: -1, max: 40 })))
  .map(([runs, seen]) => {
    const waitedMs = runs * 250;
    const seenMs: Record<string, number> = {};
    for (const [name, run] of Object.entries(seen)) seenMs[name] = run < 0 ? -1 : Math.min(run * 250, waitedMs);
    return { version: 1, waitedMs, seenMs };
  });

/** Any text a recognizer or a forger could put in a greeting: every script, control characters, lone surrogates. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.constantFrom("\uD800 leave a message \uDFFF", "\u0000\u001b[31mspeaking\u2028", "x".repeat(1_000_000)),
  fc.constantFrom("leave a message ".repeat(60_000), "speaking ".repeat(100_000)),
);

describe("judgements are order-free", () => {
  it("any permutation and duplication of the same events, with the same state, gives the same outcome", () => {
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 6 }),
        fc.oneof(fc.constant(undefined), flowState),
        fc.boolean(),
        fc.infiniteStream(fc.nat()),
        (entries, state, amdRequested, picks) => {
          const shuffled = [...entries, ...entries.slice(0, 2)];
          const it = picks[Symbol.iterator]();
          for (let index = shuffled.length - 1; index > 0; index--) {
            const other = (it.next().value as number) % (index + 1);
            const kept = shuffled[index] as (typeof shuffled)[number];
            shuffled[index] = shuffled[other] as (typeof shuffled)[number];
            shuffled[other] = kept;
          }
          const options = { amdRequested, state };
          expect(classifyAmd(readAmd(ctx(shuffled)), options)).toEqual(classifyAmd(readAmd(ctx(entries)), options));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("any greeting text and any state give a decision", () => {
  it("for a human or a machine verdict carrying any text, with any state", () => {
    fc.assert(
      fc.property(
        anyText,
        fc.constantFrom("amd_human_detected", "amd_machine_detected"),
        anyState,
        (text, type, state) => {
          const decision = routeCall(ctx([{ type, greeting: text }, { type: "amd_stopped" }]), undefined, {
            amdRequested: true,
            state: materialize(state),
          });
          expect(decision.explanation).toMatch(/^[A-Z].*\.$/);
          expect(decision.explanation.length).toBeLessThan(400);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("hands back a state the next run reads without complaint, whatever came in", () => {
    fc.assert(
      fc.property(anyContext, anyState, (context, state) => {
        const decision = routeCall(materialize(context), undefined, { amdRequested: true, state: materialize(state) });
        const carried = JSON.parse(JSON.stringify(decision.state));
        expect(carried).toEqual(decision.state);
        const next = routeCall(materialize(context), undefined, { amdRequested: true, state: carried });
        expect(next.issues.filter((issue) => issue.startsWith("options.state"))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
