// The reader's leaf rules (leaves.ts, written by hand so the bot bundle carries no zod)
// and the zod leaf schemas (leaf-schemas.ts, for the exported object schemas) must accept
// the same values, coerce them to the same value and report the same problem.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numberLeaf, textLeaf, timeLeaf } from "../../src/reading/leaf-schemas.js";
import { EVENT_FIELDS, INVALID, LEAF_PROBLEMS, type LeafKind } from "../../src/reading/leaves.js";

const KINDS: ReadonlyArray<readonly [string, LeafKind, () => { safeParse: (value: unknown) => unknown }]> = [
  ["text", EVENT_FIELDS.reason, textLeaf],
  ["amount", EVENT_FIELDS.frequency, numberLeaf],
  ["time", EVENT_FIELDS.timestamp, timeLeaf],
];

/** Values a context may hold in a field: numbers of every sort, numbers and dates as text, and the rest. */
const leafValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE),
  fc.nat().map((n) => ` ${n} `),
  fc.tuple(fc.nat(), fc.nat({ max: 999 })).map(([whole, part]) => `${whole}.${part}`),
  fc.double().map(String),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom("", " ", "-1", "1e3", "0x10", "Infinity", "NaN", "March 7, 2026", "2026-13-45", "12abc"),
  fc.string(),
  fc.anything(),
);

function expectSame(kind: LeafKind, schema: () => { safeParse: (value: unknown) => unknown }, value: unknown): void {
  const read = kind.read(value);
  const parsed = schema().safeParse(value) as
    | { success: true; data: unknown }
    | { success: false; error: { issues: { message: string }[] } };
  if (parsed.success) {
    expect(read).not.toBe(INVALID);
    expect(Object.is(read, parsed.data)).toBe(true);
  } else {
    expect(read).toBe(INVALID);
    expect(parsed.error.issues.map((issue) => issue.message)).toEqual([kind.problem]);
  }
}

describe("leaf rules: the reader's and zod's agree", () => {
  for (const [name, kind, schema] of KINDS) {
    it(`${name}: same verdict, value and problem on generated input`, () => {
      fc.assert(
        fc.property(leafValue, (value) => expectSame(kind, schema, value)),
        { numRuns: 3000 },
      );
    });
  }

  it("on the edges: each kind's problem, -0, NaN, Infinity, numbers and dates as text", () => {
    const samples = ["", "x", " 12 ", "1.5", 0, -0, 1.5, -1, Number.NaN, Infinity, null, true, {}, "2026-01-01"];
    for (const [, kind, schema] of KINDS) for (const sample of samples) expectSame(kind, schema, sample);
    expect(LEAF_PROBLEMS).toEqual({
      text: "expected text",
      amount: "expected a non-negative number",
      time: "expected a time (epoch milliseconds or a date)",
    });
    expect(EVENT_FIELDS.frequency.read(" 2100 ")).toBe(2100);
    expect(EVENT_FIELDS.timestamp.read("2026-01-01T00:00:00Z")).toBe(Date.UTC(2026, 0, 1));
    expect(EVENT_FIELDS.frequency.read(-1)).toBe(INVALID);
  });
});
