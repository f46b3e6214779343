import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AmdOutcome, decideRoute, parsePolicy } from "../../src/index.js";
import { anyCoreInput, materialize } from "../support/arbitraries.js";

const greeting: AmdOutcome = { kind: "machine", phase: "greeting", evidence: ["amd_machine_detected"] };

/** A wait of at most 100 rechecks, so that a property can walk it to its end. */
const waitPolicy = fc
  .tuple(fc.integer({ min: 1, max: 600_000 }), fc.nat({ max: 100 }))
  .map(([recheckAfterMs, rechecks]) =>
    parsePolicy({
      machine: {
        greeting: { action: "wait", recheckAfterMs, maxWaitMs: Math.min(3_600_000, recheckAfterMs * rechecks) },
      },
    }),
  );

/** Every number, every number as text, and every other kind of value a flow could pass. */
const anyWaited: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE),
  fc.integer().map(String),
  fc.double().map(String),
  anyCoreInput,
);

/** `waited + recheck` as a flow written in JavaScript would add them; `undefined` when that throws (a Symbol, a BigInt). */
function added(waited: unknown, recheck: number): unknown {
  try {
    return (waited as number) + recheck;
  } catch {
    return undefined;
  }
}

describe("decideRoute: a wait always ends", () => {
  it("for every number and non-number as waitedMs, adding recheckAfterMs reaches another action within the wait's rechecks", () => {
    fc.assert(
      fc.property(waitPolicy, anyWaited, (policy, generated) => {
        const rule = policy.machine.greeting;
        if (rule.action !== "wait") throw new Error("a wait policy was expected");
        const bound = Math.ceil(rule.maxWaitMs / rule.recheckAfterMs) + 2;
        let waitedMs = materialize(generated);
        let decision = decideRoute(greeting, policy, { waitedMs: waitedMs as number });
        let steps = 0;
        while (decision.action === "wait" && steps <= bound) {
          waitedMs = added(waitedMs, decision.recheckAfterMs ?? 0);
          decision = decideRoute(greeting, policy, { waitedMs: waitedMs as number });
          steps++;
        }
        expect(decision.action).toBe("leave-voicemail");
        expect(steps).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 1000 },
    );
  });
});
