import { describe, expect, it } from "vitest";
import { TEXT_WIDTH, wrap, wrapBeside, wrapLine } from "../../src/cli/wrap.js";

describe("wrap", () => {
  it("wraps words within a width, a long word on a line of its own", () => {
    expect(TEXT_WIDTH).toBe(80);
    expect(wrap("one two three", 7)).toEqual(["one two", "three"]);
    expect(wrap("one two", 7)).toEqual(["one two"]);
    expect(wrap("a verylongword b", 4)).toEqual(["a", "verylongword", "b"]);
    expect(wrap("", 4)).toEqual([""]);
  });

  it.each([
    ["wait 3.50 s now", ["wait", "3.50 s", "now"]],
    ["after 30 s; go", ["after", "30 s;", "go"]],
    ["a 440 Hz tone", ["a", "440 Hz", "tone"]],
    ["in 250 ms.", ["in", "250 ms."]],
    ["rate 14.3 % of", ["rate", "14.3 %", "of"]],
    ["(until 1.00 s)", ["(until", "1.00 s)"]],
  ])("keeps a number on the line of its unit: %s", (text, expected) => {
    expect(wrap(text, 6)).toEqual(expected);
  });

  it("joins a unit only to a number, and only a unit", () => {
    expect(wrap("as s", 2)).toEqual(["as", "s"]);
    expect(wrap("1 sx", 2)).toEqual(["1", "sx"]);
    expect(wrap("1 xs", 2)).toEqual(["1", "xs"]);
    expect(wrap("1x s", 2)).toEqual(["1x", "s"]);
    expect(wrap("s 1", 1)).toEqual(["s", "1"]);
    expect(wrap("1 s! x", 1)).toEqual(["1", "s!", "x"]);
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
