// The command line's JSON scanner, which says where a text stops being JSON, agrees with
// JSON.parse on what is JSON, on generated JSON and on generated near-JSON text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeJsonMistake, jsonMistake } from "../../src/cli/json-text.js";

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

// Text made of JSON's own pieces, so that much of it is nearly JSON.
const nearJson = fc
  .array(
    fc.constantFrom(
      "{",
      "}",
      "[",
      "]",
      ",",
      ":",
      '"a"',
      '"',
      "\\\\",
      "1",
      "-",
      ".5",
      "e3",
      "true",
      "nul",
      " ",
      "\n",
      "x",
    ),
    {
      maxLength: 20,
    },
  )
  .map((pieces) => pieces.join(""));

describe("jsonMistake, as a law", () => {
  it("finds no mistake in any JSON text, however it is spaced", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, "\t"), (value, space) => {
        expect(jsonMistake(JSON.stringify(value, null, space))).toBeUndefined();
      }),
    );
  });

  it("finds a mistake exactly when JSON.parse refuses, and describes it on one line", () => {
    fc.assert(
      fc.property(fc.oneof(nearJson, fc.string()), (text) => {
        const mistake = jsonMistake(text);
        expect(mistake === undefined).toBe(parses(text));
        if (mistake !== undefined) {
          expect(mistake.index).toBeGreaterThanOrEqual(0);
          expect(mistake.index).toBeLessThanOrEqual(text.length);
          // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
          expect(describeJsonMistake(text, "")).not.toMatch(/[\u0000-\u001f]/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
