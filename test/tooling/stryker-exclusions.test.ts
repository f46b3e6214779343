// The Stryker ignorer (stryker.exclusions.mjs): how an entry names a place, that every
// entry of stryker.config.json matches exactly one place, and that a stale one fails.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error the Stryker plugin is plain JavaScript (Stryker loads it without a build), without declarations
import * as plugin from "../../stryker.exclusions.mjs";

interface Entry {
  file: string;
  function: string;
  node: string;
  reason: string;
}
interface NodePath {
  node: { start: number; end: number };
}
interface Ignorer {
  shouldIgnore(nodePath: unknown): string | undefined;
}
const { checkExclusions, createIgnorer, OPTION, placesOf, walk } = plugin as {
  checkExclusions(entries: readonly Entry[], root: string, read?: (file: string) => string): Map<string, Entry[]>;
  createIgnorer(entries: readonly Entry[], root: string): Ignorer;
  OPTION: string;
  placesOf(entry: Entry, code: string, fileName: string): string[];
  walk(code: string, fileName: string, visit: (nodePath: NodePath) => void): void;
};

const CODE = `export function guarded(value: unknown): boolean {
  try {
    return check(value);
  } catch {
    return false;
  }
}
const lower = (a: number, b: number) =>
  a <
  b;
class Sorter {
  method(x: number): boolean[] {
    return [x].map((y) => y !== x);
  }
}
export const holder = { property: function () { return 1 < 2 || 1 < 2; } };
declare function check(value: unknown): boolean;
`;

const entry = (fn: string, node: string): Entry => ({
  file: "sample.ts",
  function: fn,
  node,
  reason: `${fn}: ${node}`,
});
const textsOf = (at: Entry): string[] =>
  placesOf(at, CODE, "sample.ts").map((place) => {
    const [start, end] = place.split(":").map(Number);
    return CODE.slice(start, end);
  });

describe("an exclusion entry", () => {
  it('names the catch clause of its function with "catch"', () => {
    expect(textsOf(entry("guarded", "catch"))).toEqual(["catch {\n    return false;\n  }"]);
    expect(textsOf(entry("lower", "catch"))).toEqual([]);
  });

  it("names a node by its whole source, spaces and line breaks aside", () => {
    expect(textsOf(entry("lower", "a < b"))).toEqual(["a <\n  b"]);
    expect(textsOf(entry("lower", "a<b"))).toEqual(["a <\n  b"]);
    // Part of a node's source names nothing.
    expect(textsOf(entry("lower", "a <"))).toEqual([]);
    expect(textsOf(entry("guarded", "a < b"))).toEqual([]);
  });

  it("looks through anonymous callbacks to the named function: a method, a property, a const", () => {
    expect(textsOf(entry("method", "y !== x"))).toEqual(["y !== x"]);
    expect(textsOf(entry("map", "y !== x"))).toEqual([]);
    expect(textsOf(entry("property", "1 < 2 || 1 < 2"))).toHaveLength(1);
  });

  it("counts each place once, so an excerpt found twice is two places", () => {
    expect(textsOf(entry("property", "1 < 2"))).toEqual(["1 < 2", "1 < 2"]);
  });
});

describe("checkExclusions", () => {
  const read = (file: string): string => {
    if (file === path.resolve("/root", "sample.ts")) return CODE;
    throw new Error("no such file");
  };

  it("returns the entries by absolute file name when each matches exactly one place", () => {
    const entries = [entry("guarded", "catch"), entry("method", "y !== x")];
    expect(checkExclusions(entries, "/root", read)).toEqual(new Map([[path.resolve("/root", "sample.ts"), entries]]));
  });

  it("throws at start, naming every entry that matches nothing, several places, or no readable file", () => {
    const entries = [
      entry("guarded", "catch"),
      entry("guarded", "a < b"),
      entry("property", "1 < 2"),
      { ...entry("guarded", "catch"), file: "gone.ts" },
    ];
    expect(() => checkExclusions(entries, "/root", read)).toThrow(
      [
        'Stryker "exclusions" in stryker.config.json: each entry must match exactly one place; fix or remove:',
        '- sample.ts, guarded, "a < b": matches nothing',
        '- sample.ts, property, "1 < 2": matches 2 places',
        '- gone.ts, guarded, "catch": the file cannot be read',
      ].join("\n"),
    );
  });

  it("accepts every entry of stryker.config.json", () => {
    const config = JSON.parse(readFileSync("stryker.config.json", "utf8")) as Record<string, unknown>;
    expect(config["ignorers"]).toEqual([OPTION]);
    const entries = config[OPTION] as Entry[];
    for (const { reason } of entries) expect(reason.trim()).not.toBe("");
    expect([...checkExclusions(entries, process.cwd()).values()].flat()).toEqual(entries);
  });
});

describe("the ignorer", () => {
  const root = mkdtempSync(path.join(tmpdir(), "stryker-exclusions-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("gives the entry's reason for the node it names, as Stryker walks the file, and nothing elsewhere", () => {
    writeFileSync(path.join(root, "sample.ts"), CODE);
    const ignorer = createIgnorer([entry("guarded", "catch"), entry("method", "y !== x")], root);
    const file = { opts: { filename: path.join(root, "sample.ts") }, code: CODE };
    const other = { opts: { filename: path.join(root, "other.ts") }, code: CODE };
    const ignored: string[] = [];
    walk(CODE, "sample.ts", (nodePath) => {
      const reason = ignorer.shouldIgnore(Object.create(nodePath, { hub: { value: { file } } }));
      if (reason !== undefined) ignored.push(`${CODE.slice(nodePath.node.start, nodePath.node.end)} → ${reason}`);
      expect(ignorer.shouldIgnore(Object.create(nodePath, { hub: { value: { file: other } } }))).toBeUndefined();
      expect(ignorer.shouldIgnore(Object.create(nodePath, { hub: { value: undefined } }))).toBeUndefined();
    });
    expect(ignored).toEqual(["catch {\n    return false;\n  } → guarded: catch", "y !== x → method: y !== x"]);
  });

  it("is not created when an entry is stale", () => {
    writeFileSync(path.join(root, "sample.ts"), CODE);
    expect(() => createIgnorer([entry("guarded", "value < best")], root)).toThrow(
      'sample.ts, guarded, "value < best": matches nothing',
    );
  });
});
