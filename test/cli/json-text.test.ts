import { describe, expect, it } from "vitest";
import { describeJsonMistake, jsonMistake, lineAndColumn, parseJsonText } from "../../src/cli/json-text.js";

describe("jsonMistake", () => {
  it("accepts every JSON text JSON.parse accepts", () => {
    for (const text of ['{"a":[1,-2.5e3,true,false,null,"x\\n\\u0041"]}', " [ ] ", "{}", '"s"', "0", "\n{\r\n}\t"]) {
      expect(jsonMistake(text), text).toBeUndefined();
    }
  });

  it.each([
    ["{oops", 1, 'a property name in double quotes ("name")'],
    ['{"a" 1}', 5, '":" after the property name'],
    ['{"a":}', 5, "a value (an object, a list, text, a number, true, false or null)"],
    ["[1,]", 3, "a value (an object, a list, text, a number, true, false or null)"],
    ["[1 2]", 3, '"," or "]"'],
    ['{"a":1,}', 7, 'a property name in double quotes ("name")'],
    ['{"a":1]', 6, '"," or "}"'],
    ["[1] x", 4, "the end of the text"],
    ['"abc', 4, 'a closing "'],
    ['"a\\x"', 2, 'an escape such as \\n, \\" or \\u0041'],
    ['"\\u12G4"', 1, "four hex digits after \\u"],
    ['"a\tb"', 2, "no control character inside a string (write \\n)"],
    ["", 0, "a value (an object, a list, text, a number, true, false or null)"],
    ["[", 1, "a value (an object, a list, text, a number, true, false or null)"],
    ["{", 1, 'a property name in double quotes ("name")'],
    ["tru", 0, "a value (an object, a list, text, a number, true, false or null)"],
    ["01", 1, "the end of the text"],
  ])("finds where %j goes wrong", (text, index, expected) => {
    expect(jsonMistake(text)).toEqual({ index, expected });
    expect(() => JSON.parse(text)).toThrow();
  });

  it("finds a mistake under any nesting without a deep stack", () => {
    const deep = `${"[".repeat(200_000)}x`;
    expect(jsonMistake(deep)?.index).toBe(200_000);
  });
});

describe("describeJsonMistake and parseJsonText", () => {
  it("gives line and column from 1", () => {
    expect(lineAndColumn("ab\ncd\nef", 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn("ab\ncd\nef", 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn("ab\ncd\nef", 6)).toEqual({ line: 3, column: 1 });
  });

  it("says where, what was expected and found, and quotes the line around it, on one line", () => {
    expect(describeJsonMistake('{\n  "amd": oops\n}', "")).toBe(
      'line 2, column 10: expected a value (an object, a list, text, a number, true, false or null), found "o" in `  "amd": oops`',
    );
    expect(describeJsonMistake('{"a":1', "")).toBe(
      'line 1, column 7: expected "," or "}", found the end of the text in `{"a":1`',
    );
    const long = `{"pad": "${"x".repeat(100)}", oops: 1}`;
    expect(describeJsonMistake(long, "")).toBe(
      `line 1, column 113: expected a property name in double quotes ("name"), found "o" in \`…${"x".repeat(21)}", oops: 1}\``,
    );
    // A control character in the text is shown escaped, never sent to the terminal.
    expect(describeJsonMistake('["\u001b[31m"]', "")).toBe(
      'line 1, column 3: expected no control character inside a string (write \\n), found "\\u001b" in `["\\u001b[31m"]`',
    );
    expect(describeJsonMistake("[1,\r\n x]", "")).toBe(
      'line 2, column 2: expected a value (an object, a list, text, a number, true, false or null), found "x" in ` x]`',
    );
    expect(describeJsonMistake("[1]", "fallback\nwords")).toBe("fallback\\u000awords");
  });

  it("reads JSON after a byte order mark, as parsePolicy does", () => {
    expect(parseJsonText('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonText("\uFEFF\uFEFF{}")).toMatchObject({ ok: false });
    expect(parseJsonText("{oops")).toEqual({
      ok: false,
      reason: 'line 1, column 2: expected a property name in double quotes ("name"), found "o" in `{oops`',
    });
  });
});
