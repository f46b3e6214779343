import { describe, expect, it } from "vitest";
import { shapeFor, shapeOf } from "../../src/outcome/outcome-shape.js";
import { ALL_VERDICTS } from "../../src/outcome/verdict.js";

describe("the verdict → outcome mapping", () => {
  it("gives every verdict its outcome kind, and a machine verdict its phase", () => {
    expect(Object.fromEntries(ALL_VERDICTS.map((verdict) => [verdict, shapeOf(verdict)]))).toEqual({
      beep: ["machine", "beep"],
      "greeting-ended": ["machine", "greeting-ended"],
      greeting: ["machine", "greeting"],
      human: ["human"],
      silence: ["silence"],
      error: ["error"],
      undecided: ["undecided"],
      fax: ["fax"],
      pending: ["pending"],
      "unknown-only": ["undecided"],
      nothing: ["not-run"],
    });
  });

  it("lists each verdict once", () => {
    expect(new Set(ALL_VERDICTS).size).toBe(ALL_VERDICTS.length);
    expect(ALL_VERDICTS).toHaveLength(11);
  });

  it("remembers the match's answer: the same shape, the same object every time", () => {
    for (const verdict of ALL_VERDICTS) {
      const first = shapeFor(verdict);
      expect(first).toEqual(shapeOf(verdict));
      expect(shapeFor(verdict)).toBe(first);
    }
  });
});
