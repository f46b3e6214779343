import { describe, expect, it } from "vitest";
import { JsonValuesError, readJsonValues } from "../../src/cli/json-values.js";

const values = (text: string) => readJsonValues(text).map(({ value, line }) => [value, line]);

describe("readJsonValues", () => {
  it("reads JSON Lines, one document, and pretty-printed values one after another", () => {
    expect(values('{"a":1}\n{"a":2}\n')).toEqual([
      [{ a: 1 }, 1],
      [{ a: 2 }, 2],
    ]);
    expect(values('[{"a":1},{"a":2}]')).toEqual([[[{ a: 1 }, { a: 2 }], 1]]);
    expect(values('{\n  "a": 1\n}\n\n{\n  "a": 2\n}')).toEqual([
      [{ a: 1 }, 1],
      [{ a: 2 }, 5],
    ]);
    expect(values('{"a":1}{"b":[2]}[3]')).toEqual([
      [{ a: 1 }, 1],
      [{ b: [2] }, 1],
      [[3], 1],
    ]);
  });

  it("skips brackets and escaped quotes inside strings", () => {
    expect(values('{"a":"}]{[\\"x"}\n"s\\\\" 12 true null')).toEqual([
      [{ a: '}]{["x' }, 1],
      ["s\\", 2],
      [12, 2],
      [true, 2],
      [null, 2],
    ]);
  });

  it("reads nothing from spaces only", () => {
    expect(values(" \r\n\t ")).toEqual([]);
  });

  it("names the line where a bad value starts", () => {
    const cases: Array<[string, number]> = [
      ['{"a":1}\n{oops}', 2],
      ['{"a":1}\n\n{"b":', 3],
      ['"open', 1],
      ["}", 1],
      ["nope", 1],
    ];
    for (const [text, line] of cases) {
      try {
        readJsonValues(text);
        expect.unreachable(text);
      } catch (error) {
        expect(error, text).toBeInstanceOf(JsonValuesError);
        expect((error as JsonValuesError).line, text).toBe(line);
      }
    }
  });
});
