import { describe, expect, it } from "vitest";
import { MAX_JSON_TEXT, parseJsonText } from "../../src/internal/safe.js";

describe("parseJsonText", () => {
  it("parses objects and lists, after JSON's whitespace", () => {
    expect(parseJsonText('{"type":"amd_stopped"}')).toEqual({ type: "amd_stopped" });
    expect(parseJsonText(' \t\r\n["amd_stopped"]')).toEqual(["amd_stopped"]);
  });

  it("skips one byte order mark before the JSON", () => {
    expect(parseJsonText('\uFEFF{"type":"amd_stopped"}')).toEqual({ type: "amd_stopped" });
    expect(parseJsonText("\uFEFF \n[1]")).toEqual([1]);
    expect(parseJsonText("\uFEFF\uFEFF[1]")).toBeUndefined();
    expect(parseJsonText(" \uFEFF[1]")).toBeUndefined();
  });

  it("gives undefined for what is not a JSON object or list", () => {
    for (const text of ["", "amd_stopped", '"amd_stopped"', "42", "null", "{", "[1,]", "\u00a0{}", "\v[]", "x{}"]) {
      expect(parseJsonText(text), text).toBeUndefined();
    }
  });

  it(`refuses text over ${MAX_JSON_TEXT} characters, or over the given limit`, () => {
    const list = (length: number) => `[${" ".repeat(length - 2)}]`;
    expect(parseJsonText(list(MAX_JSON_TEXT))).toEqual([]);
    expect(parseJsonText(list(MAX_JSON_TEXT + 1))).toBeUndefined();
    expect(parseJsonText("[1]", 3)).toEqual([1]);
    expect(parseJsonText("[1]", 2)).toBeUndefined();
  });
});
