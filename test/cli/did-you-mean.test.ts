import { describe, expect, it } from "vitest";
import { editDistance, nearest } from "../../src/cli/did-you-mean.js";
import { cli } from "../support/cli.js";

describe("editDistance and nearest", () => {
  it.each([
    ["route", "route", 0],
    ["rout", "route", 1],
    ["jsno", "json", 1],
    ["polcy", "policy", 1],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
    ["ca", "abc", 3],
  ])("%s → %s: %i edits", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it("suggests only a word near enough to be a typo", () => {
    const commands = ["route", "table", "summarize", "check-policy", "simulate"];
    expect(nearest("rout", commands)).toBe("route");
    expect(nearest("ROUTE", commands)).toBe("route");
    expect(nearest("summarise", commands)).toBe("summarize");
    expect(nearest("checkpolicy", commands)).toBe("check-policy");
    expect(nearest("tabel", commands)).toBe("table");
    expect(nearest("xyzzy", commands)).toBeUndefined();
    expect(nearest("help2", commands)).toBeUndefined();
    expect(nearest("", commands)).toBeUndefined();
    expect(nearest("x".repeat(65), ["x".repeat(65)])).toBeUndefined();
    // Short words allow one edit only, and never as many edits as the word has letters.
    expect(nearest("jsno", ["json"])).toBe("json");
    expect(nearest("jx", ["json"])).toBeUndefined();
    expect(nearest("a", ["b"])).toBeUndefined();
  });
});

describe("did you mean, on the command line", () => {
  it("suggests the nearest command and option, and says where to look otherwise", () => {
    expect(cli("rout")).toEqual({ code: 2, out: "", err: 'amd-flow: unknown command "rout"; did you mean "route"?' });
    expect(cli("check-polcy").err).toBe('amd-flow: unknown command "check-polcy"; did you mean "check-policy"?');
    expect(cli("dance").err).toBe('amd-flow: unknown command "dance"; try amd-flow --help');
    expect(cli("route", "--polcy", "x")).toEqual({
      code: 2,
      out: "",
      err: "amd-flow route: unknown option --polcy; did you mean --policy?",
    });
    expect(cli("route", "--amd-requsted").err).toBe(
      "amd-flow route: unknown option --amd-requsted; did you mean --amd-requested?",
    );
    expect(cli("table", "--jsno").err).toBe("amd-flow table: unknown option --jsno; did you mean --json?");
    expect(cli("table", "--markdwon=1").err).toBe(
      "amd-flow table: unknown option --markdwon; did you mean --markdown?",
    );
    expect(cli("table", "--hepl").err).toBe("amd-flow table: unknown option --hepl; did you mean --help?");
    expect(cli("table", "--colour").err).toBe("amd-flow table: unknown option --colour");
  });
});
