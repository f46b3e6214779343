import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/cli/display-width.js";
import { TEXT_WIDTH, wrap, wrapBeside, wrapLine } from "../../src/cli/wrap.js";

describe("wrap", () => {
  it("wraps words within a width, a word wider than a line cut into pieces that fit", () => {
    expect(TEXT_WIDTH).toBe(80);
    expect(wrap("one two three", 7)).toEqual(["one two", "three"]);
    expect(wrap("one two", 7)).toEqual(["one two"]);
    expect(wrap("a verylongword b", 4)).toEqual(["a", "very", "long", "word", "b"]);
    expect(wrap("", 4)).toEqual([""]);
  });

  it("measures terminal columns: a CJK character takes two, a combining mark none", () => {
    // 営業部 is 6 columns wide in 3 characters.
    expect(wrap("to 営業部 now", 9)).toEqual(["to 営業部", "now"]);
    expect(wrap("to 営業部 now", 8)).toEqual(["to", "営業部", "now"]);
    expect(wrap("営業部第二課", 4)).toEqual(["営業", "部第", "二課"]);
    // e + a combining acute accent is one column.
    expect(wrap("cafe\u0301 cafe\u0301", 9)).toEqual(["cafe\u0301 cafe\u0301"]);
    expect(wrap(`x ${"界".repeat(100)}`, 80).map(displayWidth)).toEqual([1, 80, 80, 40]);
  });

  it.each([
    ["wait 3.50 s now", ["wait", "3.50 s", "now"]],
    ["after 30 s; go", ["after", "30 s;", "go"]],
    ["a 440 Hz tone", ["a", "440 Hz", "tone"]],
    ["in 250 ms.", ["in", "250 ms."]],
    ["rate 14.3 % of", ["rate", "14.3 %", "of"]],
    ["(until 1.00 s)", ["(until", "1.00 s)"]],
  ])("keeps a number on the line of its unit: %s", (text, expected) => {
    expect(wrap(text, 7)).toEqual(expected);
  });

  it("parts a number from its unit only when the two are wider than a line", () => {
    expect(wrap("in 250 ms.", 6)).toEqual(["in 250", "ms."]);
  });

  it("joins a unit only to a number, and only a unit", () => {
    expect(wrap("as s", 2)).toEqual(["as", "s"]);
    expect(wrap("1 sx", 2)).toEqual(["1", "sx"]);
    expect(wrap("1 xs", 2)).toEqual(["1", "xs"]);
    expect(wrap("1x s", 2)).toEqual(["1x", "s"]);
    expect(wrap("s 1", 1)).toEqual(["s", "1"]);
    expect(wrap("1 s! x", 1)).toEqual(["1", "s", "!", "x"]);
  });
});

describe("wrapBeside and wrapLine", () => {
  it("puts text after its lead and the rest two columns further in than the text, each line within the width", () => {
    expect(wrapBeside("  1.0 s  ", "one two three four", 20)).toEqual([
      "  1.0 s  one two",
      "           three",
      "           four",
    ]);
    expect(wrapBeside("", "one two three", 9)).toEqual(["one two", "  three"]);
    expect(wrapBeside("ab", "one two", 9)).toEqual(["abone two"]);
  });

  it("wraps to 80 columns unless told", () => {
    const text = Array.from({ length: 30 }, () => "word").join(" ");
    const lines = wrapBeside("", text);
    expect(lines.map((line) => line.length)).toEqual([79, 71]);
    expect(wrapLine(`    ${text}`).map((line) => line.length)).toEqual([78, 80]);
  });

  it("keeps a line's own indent, and wraps it beneath", () => {
    expect(wrapLine("    one two three", 13)).toEqual(["    one two", "      three"]);
    expect(wrapLine("one two", 5)).toEqual(["one", "  two"]);
    expect(wrapLine("", 5)).toEqual([""]);
  });
});
