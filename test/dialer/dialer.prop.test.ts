import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildDialoutRequest,
  DialoutRequestError,
  parseCallNotification,
  signNotifyPayload,
  summarizeCall,
  verifyNotifySignature,
} from "../../src/dialer/index.js";
import { notificationFixtures } from "../../src/fixtures/index.js";
import { anyInput, materialize } from "../support/arbitraries.js";

const bodies = notificationFixtures.map((fixture) => fixture.body);

describe("summarizeCall is order-free", () => {
  it("gives the same summary for any order and repetition of the same notifications", () => {
    const someBodies = fc.subarray(bodies, { minLength: 1 });
    fc.assert(
      fc.property(
        someBodies.chain((chosen) =>
          fc.tuple(
            fc.constant(chosen),
            fc.shuffledSubarray(chosen, { minLength: chosen.length, maxLength: chosen.length }),
            fc.array(fc.constantFrom(...chosen), { maxLength: 4 }),
          ),
        ),
        fc.constantFrom("disconnect", "detect", "disabled", undefined),
        ([chosen, shuffled, repeats], machineDetection) => {
          const options = machineDetection === undefined ? {} : { machineDetection };
          const expected = summarizeCall(chosen, options);
          // Issues name positions in the list, so only they may differ.
          const { issues: _issues, ...rest } = summarizeCall([...shuffled, ...repeats], options);
          const { issues: _expectedIssues, ...expectedRest } = expected;
          expect(rest).toEqual(expectedRest);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("the dialer's readers are pure", () => {
  it("summarizeCall never changes the notifications", () => {
    fc.assert(
      fc.property(fc.subarray(bodies), (chosen) => {
        const copy = chosen.map((body) => ({ ...body }));
        const before = structuredClone(copy);
        expect(summarizeCall(copy)).toEqual(summarizeCall(copy));
        expect(copy).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the dialer's readers never throw", () => {
  it("parseCallNotification returns ok or issues for anything", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyInput,
          fc.string(),
          fc.jsonValue().map((value) => JSON.stringify(value)),
        ),
        (input) => {
          const parsed = parseCallNotification(materialize(input));
          expect(typeof parsed.ok).toBe("boolean");
          if (!parsed.ok) expect(parsed.issues.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("summarizeCall returns a summary for anything", () => {
    fc.assert(
      fc.property(
        fc.oneof(anyInput, fc.array(fc.oneof(anyInput, fc.constantFrom(...bodies)))),
        anyInput,
        (input, options) => {
          const summary = summarizeCall(materialize(input), materialize(options) as never);
          expect(["answered", "in-progress", "completed", "failed", "unknown"]).toContain(summary.status);
          expect(Object.prototype).not.toHaveProperty("polluted");
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("verifyNotifySignature answers ok only for a genuine signature", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), anyInput),
        fc.oneof(fc.string(), anyInput),
        fc.oneof(fc.string(), anyInput),
        (body, header, secret) => {
          const check = verifyNotifySignature(materialize(body), materialize(header), materialize(secret) as never, {
            now: 0,
          });
          expect(check.ok).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("a signature made by signNotifyPayload verifies for any body and secret", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }),
        fc.string({ minLength: 1 }),
        fc.integer({ min: 0, max: 4_000_000_000 }),
        (body, secret, t) => {
          expect(verifyNotifySignature(body, signNotifyPayload(body, secret, t), secret, { now: t * 1000 })).toEqual({
            ok: true,
          });
          expect(
            verifyNotifySignature(`${body}x`, signNotifyPayload(body, secret, t), secret, { now: t * 1000 }),
          ).toEqual({
            ok: false,
            reason: "mismatch",
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("buildDialoutRequest throws only DialoutRequestError", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        try {
          buildDialoutRequest(materialize(input) as never);
        } catch (error) {
          expect(error).toBeInstanceOf(DialoutRequestError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
