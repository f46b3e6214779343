import { describe, expect, it } from "vitest";
import { codePointWidth, displayWidth, padToWidth, splitToWidth } from "../../src/cli/display-width.js";
import { cli, tempFolder } from "../support/cli.js";

const { file } = tempFolder("amd-flow-width-");

describe("displayWidth", () => {
  it.each([
    ["abc", 3],
    ["", 0],
    ["営業部", 6],
    ["ｓａｌｅｓ", 10],
    ["한국", 4],
    ["cafe\u0301", 4],
    ["a\u200db", 2],
    ["😀", 2],
    ["𠀀", 2],
    ["→ é", 3],
    ["\u3000", 2],
    ["\u303f", 1],
  ])("%j takes %i columns", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it("reads the edges of the wide ranges", () => {
    expect([0x10ff, 0x1100, 0x115f, 0x1160].map(codePointWidth)).toEqual([1, 2, 2, 1]);
    expect([0x4dbf, 0x4dc0, 0x4e00, 0x9fff, 0xa000, 0xa4cf, 0xa4d0].map(codePointWidth)).toEqual([2, 1, 2, 2, 2, 2, 1]);
    expect([0x3fffd, 0x3fffe, 0x1faff, 0x1fb00].map(codePointWidth)).toEqual([2, 1, 2, 1]);
  });

  it("cuts text into pieces that fit, never inside a character, a mark kept with its letter", () => {
    expect(splitToWidth("営業部第二課", 5)).toEqual(["営業", "部第", "二課"]);
    expect(splitToWidth("abcde", 2)).toEqual(["ab", "cd", "e"]);
    expect(splitToWidth("e\u0301e\u0301", 1)).toEqual(["e\u0301", "e\u0301"]);
    expect(splitToWidth("😀😀", 1)).toEqual(["😀", "😀"]);
    expect(splitToWidth("", 3)).toEqual([""]);
    expect(padToWidth("営業", 6)).toBe("営業  ");
    expect(padToWidth("abc", 2)).toBe("abc");
  });
});

describe("amd-flow table with wide text", () => {
  it("fits 80 columns, as a terminal counts them, for a CJK transfer target", () => {
    const target = "東京本社営業部第二課お客様サポートセンター予約受付窓口担当者直通回線番号案内";
    const policy = file("cjk.json", { human: { action: "transfer", target: `${target} ${target}` } });
    const result = cli("table", "--policy", policy);
    expect(result.code).toBe(0);
    const lines = result.out.split("\n");
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(80);
    expect(lines.join("").replace(/\s/g, "")).toContain(target);
  });
});
