// The Timelines guide and its pictures are generated from the timed scenarios and the
// simulator; a committed copy that no longer matches what the code does fails here.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("the Timelines guide", () => {
  it("docs/timelines.md and docs/media/timelines-*.svg match what the simulator gives", () => {
    const script = new URL("../../scripts/generate-timelines.mjs", import.meta.url).pathname;
    const result = spawnSync(process.execPath, [script, "--check"], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
