// The Timelines guide and its pictures are generated from the timed scenarios and the
// simulator; a committed copy that no longer matches what the code does fails here.
import { describe, it } from "vitest";
import { expectGeneratedUpToDate } from "../support/generated-docs.js";

describe("the Timelines guide", () => {
  it("docs/timelines.md and docs/media/timelines-*.svg match what the simulator gives", () => {
    expectGeneratedUpToDate("generate-timelines.mjs");
  });
});
