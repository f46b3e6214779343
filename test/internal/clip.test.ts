import { describe, expect, it } from "vitest";
import { clip, describeError } from "../../src/internal/safe.js";

describe("clip", () => {
  it("keeps short, safe text as it is", () => {
    expect(clip("amd_beep")).toBe("amd_beep");
    expect(clip("")).toBe("");
    expect(clip("x".repeat(80))).toBe("x".repeat(80));
    expect(clip("abc", 3)).toBe("abc");
  });

  it("cuts long text to max characters, the last an ellipsis", () => {
    expect(clip("x".repeat(81))).toBe(`${"x".repeat(79)}…`);
    expect(clip("abcd", 3)).toBe("ab…");
    expect(clip("x".repeat(1_000_000), 10)).toBe(`${"x".repeat(9)}…`);
  });

  it.each([
    ["a line feed", "a\nb", "a\\u000ab"],
    ["a carriage return", "a\rb", "a\\u000db"],
    ["a tab", "a\tb", "a\\u0009b"],
    ["NUL", "a\u0000b", "a\\u0000b"],
    ["the last C0 control", "a\u001fb", "a\\u001fb"],
    ["DEL", "a\u007fb", "a\\u007fb"],
    ["a C1 control (NEL)", "a\u0085b", "a\\u0085b"],
    ["the last C1 control", "a\u009fb", "a\\u009fb"],
    ["the line separator", "a\u2028b", "a\\u2028b"],
    ["the paragraph separator", "a\u2029b", "a\\u2029b"],
    ["a bidirectional embedding", "a\u202ab", "a\\u202ab"],
    ["a bidirectional override", "a\u202eb", "a\\u202eb"],
    ["a bidirectional isolate", "a\u2066b", "a\\u2066b"],
    ["the last bidirectional isolate", "a\u2069b", "a\\u2069b"],
  ])("escapes %s", (_what, text, expected) => {
    expect(clip(text)).toBe(expected);
  });

  it("leaves the characters next to the escaped ranges alone", () => {
    for (const char of [" ", "~", "\u00a0", "\u2027", "\u202f", "\u2065", "\u206a", "é", "\u{1F600}"]) {
      expect(clip(`a${char}b`)).toBe(`a${char}b`);
    }
  });

  it("never cuts an escape or a surrogate pair in two", () => {
    expect(clip("abcd\n", 10)).toBe("abcd\\u000a");
    expect(clip("abcde\n", 10)).toBe("abcde…");
    expect(clip("abc\nxy", 10)).toBe("abc\\u000a…");
    expect(clip("abcd\nxy", 10)).toBe("abcd…");
    expect(clip("abcde\u2028", 10)).toBe("abcde…");
    expect(clip("\u{1F600}".repeat(10), 5)).toBe("\u{1F600}\u{1F600}…");
    expect(clip("\u{1F600}".repeat(2), 4)).toBe("\u{1F600}\u{1F600}");
    expect(clip("abc\u{1F600}", 4)).toBe("abc…");
  });

  it("escapes a control character after a lone high surrogate, and keeps lone surrogates", () => {
    expect(clip("\uD800\n")).toBe("\uD800\\u000a");
    expect(clip("a\uD800")).toBe("a\uD800");
    expect(clip("\uDC00\uD800")).toBe("\uDC00\uD800");
  });

  it("keeps describeError to one line", () => {
    expect(describeError(new Error("first\nsecond\u2028third\u0000"))).toBe("Error: first second third\\u0000");
  });
});
