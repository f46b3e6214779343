// The streaming reader of `amd-flow summarize`: whatever the layout (JSON Lines,
// pretty-printed, one JSON array, log lines) and however the text is cut into pieces,
// it reads back exactly the objects written, each on the line it starts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonStream } from "../../src/cli/json-stream.js";

type Layout = "lines" | "pretty" | "array" | "pretty-array" | "log";

/** The objects as text in one layout, and the line each starts on. */
function layOut(objects: readonly object[], layout: Layout, prefixes: readonly string[]): [string, number[]] {
  const texts = objects.map((object) => JSON.stringify(object));
  switch (layout) {
    case "lines":
      return [texts.join("\n"), texts.map((_, index) => index + 1)];
    case "log":
      return [
        texts.map((text, index) => `${prefixes[index % prefixes.length]} ${text}`).join("\n"),
        texts.map((_, index) => index + 1),
      ];
    case "array":
      return [`[${texts.join(",")}]`, texts.map(() => 1)];
    default: {
      const pretty = objects.map((object) => JSON.stringify(object, null, 2));
      const starts: number[] = [];
      let line = layout === "pretty-array" ? 2 : 1;
      for (const text of pretty) {
        starts.push(line);
        line += text.split("\n").length;
      }
      const body = pretty.join(layout === "pretty-array" ? ",\n" : "\n");
      return [layout === "pretty-array" ? `[\n${body}\n]` : body, starts];
    }
  }
}

const cutInto = (text: string, cuts: readonly number[]): string[] => {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of points) {
    pieces.push(text.slice(from, point));
    from = point;
  }
  pieces.push(text.slice(from));
  return pieces;
};

describe("JsonStream reads back what was written", () => {
  it("in every layout, cut anywhere", () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom<Layout>("lines", "pretty", "array", "pretty-array", "log"),
        fc.array(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9:. \-\]]{0,30}$/), { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (objects, layout, prefixes, cuts) => {
          const [text, lines] = layOut(objects, layout, prefixes);
          const read: Array<[unknown, number]> = [];
          const stream = new JsonStream(1_000_000, {
            value: (value, line) => read.push([value, line]),
            cut: () => {
              throw new Error("nothing is over the bound");
            },
          });
          for (const piece of cutInto(text, cuts)) stream.push(piece);
          stream.end();
          expect(read).toEqual(objects.map((object, index) => [JSON.parse(JSON.stringify(object)), lines[index]]));
        },
      ),
      { numRuns: 300 },
    );
  });
});
