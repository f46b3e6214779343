// summarizeCalls on a list of 2³² − 1 holes: it reads a million of them, which takes
// seconds under Stryker's instrumentation, so this file is left out of mutation runs
// (vitest.mutation.config.ts leaves out *.slow.test.ts); npm run stress times it.
import { describe, expect, it } from "vitest";
import { MAX_SUMMARIES, summarizeCalls } from "../../src/dialer/index.js";

describe("summarizeCalls on a huge sparse list", () => {
  it("reads at most MAX_SUMMARIES of a huge sparse list, lists 50 problems and counts the rest", () => {
    const figures = summarizeCalls(new Array(2 ** 32 - 1));
    expect(MAX_SUMMARIES).toBe(1_000_000);
    expect(figures.calls).toBe(0);
    expect(figures.issues).toHaveLength(51);
    expect(figures.issues[0]).toBe("summaries: 4294967295 given; read the first 1000000");
    expect(figures.issues[49]).toBe("summaries[48]: expected a call summary from summarizeCall, left out");
    expect(figures.issues[50]).toBe("… and 999951 more problems not listed");
  });
});
