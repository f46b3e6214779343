import { describe, expect, it } from "vitest";
import { JsonStream } from "../../src/cli/json-stream.js";
import { JsonValuesError } from "../../src/cli/json-values-error.js";

interface Read {
  values: Array<[unknown, number]>;
  cut: Array<[number, number]>;
}

/** Every value and cut value read from `pieces`, pushed one after another. */
function read(pieces: string | readonly string[], maxChars = 1000): Read {
  const out: Read = { values: [], cut: [] };
  const stream = new JsonStream(maxChars, {
    value: (value, line) => out.values.push([value, line]),
    cut: (line, chars) => out.cut.push([line, chars]),
  });
  for (const piece of typeof pieces === "string" ? [pieces] : pieces) stream.push(piece);
  stream.end();
  return out;
}

const values = (text: string, maxChars?: number) => read(text, maxChars).values;

/** The line a text's JsonValuesError names, and its message. */
function failure(text: string, maxChars?: number): [number, string] {
  try {
    read(text, maxChars);
  } catch (error) {
    expect(error, text).toBeInstanceOf(JsonValuesError);
    return [(error as JsonValuesError).line, (error as Error).message];
  }
  throw new Error(`read without an error: ${text}`);
}

/** `text` in pieces of `size` characters. */
const pieces = (text: string, size: number): string[] =>
  Array.from({ length: Math.ceil(text.length / size) }, (_, index) => text.slice(index * size, (index + 1) * size));

describe("JsonStream", () => {
  it("reads JSON Lines, pretty-printed values one after another, and values side by side", () => {
    expect(values('{"a":1}\n{"a":2}\n')).toEqual([
      [{ a: 1 }, 1],
      [{ a: 2 }, 2],
    ]);
    expect(values('{\n  "a": 1\n}\n\n{\n  "a": 2\n}')).toEqual([
      [{ a: 1 }, 1],
      [{ a: 2 }, 5],
    ]);
    expect(values('{"a":1}{"b":[2]} {"c":"}"}')).toEqual([
      [{ a: 1 }, 1],
      [{ b: [2] }, 1],
      [{ c: "}" }, 1],
    ]);
    expect(values('\uFEFF{"a":1}\r\n{"a":2}\r\n')).toEqual([
      [{ a: 1 }, 1],
      [{ a: 2 }, 2],
    ]);
  });

  it("streams the elements of a JSON array, on one line or many", () => {
    expect(values('[{"a":1},{"a":2}]')).toEqual([
      [{ a: 1 }, 1],
      [{ a: 2 }, 1],
    ]);
    expect(values('[\n  {"a": 1},\n  {\n    "a": 2\n  }\n]\n[]\n[ ]')).toEqual([
      [{ a: 1 }, 2],
      [{ a: 2 }, 3],
    ]);
    // Elements that are not objects come out too (and are refused as notifications later).
    expect(values('[\n1, "x]", [2], true\n]')).toEqual([
      [1, 2],
      ["x]", 2],
      [[2], 2],
      [true, 2],
    ]);
  });

  it("reads the JSON object out of a log line, skipping the text before and after it", () => {
    expect(
      values(
        [
          '2026-12-06T10:00:00Z INFO notify {"conversationId":"c1"}',
          '[2026-12-06 10:00:01] [INFO] notify: {"conversationId":"c2"} (took 3 ms)',
          'Dec  6 10:00:02 host app[42]: {"conversationId":"c3"} and {"conversationId":"c4"}',
          '{"conversationId":"c5"} trailing words',
        ].join("\n"),
      ),
    ).toEqual([
      [{ conversationId: "c1" }, 1],
      [{ conversationId: "c2" }, 2],
      [{ conversationId: "c3" }, 3],
      [{ conversationId: "c4" }, 3],
      [{ conversationId: "c5" }, 4],
    ]);
  });

  it("reads a line without an object as one JSON value", () => {
    expect(values('5\n"text"\nnull\n[1, 2]')).toEqual([
      [5, 1],
      ["text", 2],
      [null, 3],
      [[1, 2], 4],
    ]);
  });

  it("gives the same values however the text is cut into pieces", () => {
    const text = [
      '{"a":"x\\"}{[","b":{"c":[1,2]}}',
      "[",
      '  {"d": 1},',
      '  {"d": "\\u00e9"}',
      "]",
      'INFO {"e": true} tail',
      "{",
      '  "f": null',
      "}",
      '[{"g":1},',
      '{"g":2}]',
    ].join("\n");
    const whole = read(text);
    for (const size of [1, 2, 3, 5, 7, 16, 64]) expect(read(pieces(text, size)), `pieces of ${size}`).toEqual(whole);
    expect(whole.values.map(([, line]) => line)).toEqual([1, 3, 4, 6, 7, 10, 11]);
  });

  it("reports a value over the bound as cut, with its line and length, and reads on", () => {
    const long = JSON.stringify({ pad: "x".repeat(100) });
    expect(read(`{"a":1}\n${long}\n[${long},{"b":2}]\n{"c":3}`, 50)).toEqual({
      values: [
        [{ a: 1 }, 1],
        [{ b: 2 }, 3],
        [{ c: 3 }, 4],
      ],
      cut: [
        [2, long.length],
        [3, long.length],
      ],
    });
    // Cut into pieces: the same.
    const text = `${long}\n{"c":3}`;
    expect(read(pieces(text, 7), 50)).toEqual(read(text, 50));
  });

  it("names the line where a bad value starts", () => {
    const cases: Array<[string, number]> = [
      ['{"a":1}\n{oops}', 2],
      ['{"a":1}\n\n{"b":', 3],
      ["[1,", 1],
      ["nope", 1],
      ["}", 1],
      ['{"a":1}\n"open', 2],
      ['[\n{"a":1},\n', 1],
      ['[\n{"a":1},\n}', 3],
      ['[\n{"a":1},\n"s', 3],
    ];
    for (const [text, line] of cases) expect(failure(text)[0], text).toBe(line);
    expect(failure("[1,")[1]).toMatch(/^not valid JSON \(/);
    expect(failure('[\n{"a":1},\n')[1]).toBe("not valid JSON (the list opened here is not closed)");
    expect(failure('[\n{"a":1},\n}')[1]).toBe('not valid JSON (a "}" where a value should be)');
  });

  it("refuses a line with no JSON object in the first maxChars characters, such as NUL bytes", () => {
    expect(failure(`{"a":1}\n${"\u0000".repeat(200)}`, 100)).toEqual([2, "no JSON object in the first 100 characters"]);
    // Past the bound in pieces: refused as soon as the bound is passed.
    expect(() => read(pieces("\u0000".repeat(10_000), 64), 100)).toThrow("no JSON object in the first 100 characters");
    // A long tail after a value on its line is only skipped.
    expect(values(`{"a":1} ${"x".repeat(500)}\n{"b":2}`, 100)).toEqual([
      [{ a: 1 }, 1],
      [{ b: 2 }, 2],
    ]);
  });

  it("refuses a value over the bound that never ends", () => {
    expect(failure(`{"a":"${"x".repeat(200)}`, 100)).toEqual([1, "not valid JSON (the value never ends)"]);
  });

  it("counts the values read, cut ones too, and the lines", () => {
    const stream = new JsonStream(10, { value: () => {}, cut: () => {} });
    stream.push('{"a":1}\n{"long":"xxxxxxxx"}\n');
    stream.end();
    expect(stream.count).toBe(2);
    expect(stream.line).toBe(3);
  });
});
