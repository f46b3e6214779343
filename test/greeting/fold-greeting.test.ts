import { describe, expect, it } from "vitest";
import { foldGreeting, makeFolding, OTHER_LETTER, SPACE } from "../../src/greeting/fold-greeting.js";
import { normalizeGreeting } from "../../src/index.js";

const folding = makeFolding();

/** What foldGreeting folded `text` to, as text ("_" for a letter outside a–z and 0–9), or -1. */
function folded(text: string, normalized = false): string | -1 {
  const length = foldGreeting(text, normalized, folding);
  if (length < 0) return -1;
  expect([...folding.out.subarray(length, length + 3)]).toEqual([SPACE, SPACE, SPACE]);
  return String.fromCharCode(...folding.out.subarray(0, length));
}

/** normalizeGreeting's result as foldGreeting writes it: each letter outside a–z and 0–9 a "_". */
const projected = (text: string) => normalizeGreeting(text).replace(/[^a-z0-9 ]/g, String.fromCharCode(OTHER_LETTER));

/** The words of the folded greeting, by where each one starts and ends. */
function words(text: string): [number, number][] {
  const length = foldGreeting(text, false, folding);
  const found: [number, number][] = [];
  for (let start = 0; start < length; start = (folding.ends[start] as number) + 1) {
    found.push([start, folding.ends[start] as number]);
  }
  return found;
}

describe("foldGreeting", () => {
  it("folds every character below U+0100 and in General Punctuation as normalizeGreeting does", () => {
    const differ: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      const fast = folded(text);
      const table = code < 0x100 || (code >= 0x2000 && code < 0x2070);
      if (table ? fast !== projected(text) : fast !== -1) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it("folds normalizeGreeting's result of any text to that result", () => {
    for (const text of [
      "Привет, оставьте сообщение",
      "你好 请留言",
      "İstanbul ǅemal Kelvin",
      "œuvre ǎ Ω 😀 \ud800",
      "hi youve reached sam",
    ]) {
      const normalized = normalizeGreeting(text);
      expect(folded(normalized, true)).toBe(projected(text));
    }
  });

  it("drops the apostrophes and writes one space between words, none at either end", () => {
    expect(folded("  Hi, you've   reached... Sam!  ")).toBe("hi youve reached sam");
    expect(folded("can\u2019t \u2018em")).toBe("cant em");
    expect(folded("'''")).toBe("");
    expect(folded("")).toBe("");
    expect(folded("?yes")).toBe("yes");
  });

  it("marks where each word ends", () => {
    expect(words("Hi, you've reached Sam")).toEqual([
      [0, 2],
      [3, 8],
      [9, 16],
      [17, 20],
    ]);
    expect(words("  a  b  ")).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(words("")).toEqual([]);
  });

  it("reads the first 1000 characters only", () => {
    expect(folded(`${"x".repeat(996)} beep`)).toBe(`${"x".repeat(996)} bee`);
    expect(folded(`${"x".repeat(995)} beep`)).toBe(`${"x".repeat(995)} beep`);
    expect(folded(`${"x ".repeat(500)}y`)).toBe(`${"x ".repeat(499)}x`);
    expect(folded("Ж".repeat(1001), true)).toBe("_".repeat(1000));
  });

  it("asks for the slow path at the first character outside its table", () => {
    expect(folded("hello Привет")).toBe(-1);
    expect(folded("\u0100")).toBe(-1);
    expect(folded("\u1fff")).toBe(-1);
    expect(folded("\u2070")).toBe(-1);
    expect(folded("\u02bc")).toBe(-1);
    expect(folded("\u0301")).toBe(-1);
    expect(folded("\ud83d\ude00")).toBe(-1);
    expect(folded("\u2000\u206f")).toBe("");
    expect(folded("\u00ff")).toBe("y");
  });

  it("overwrites what an earlier, longer greeting left", () => {
    folded("answering machine");
    expect(folded("no")).toBe("no");
    expect(words("no")).toEqual([[0, 2]]);
  });
});
