// The decision table page and the diagram are generated from the code; a committed
// copy that no longer matches what the code decides fails here (and so in CI).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("generated docs", () => {
  it("docs/decision-table.md and the diagrams in docs/media match what the code decides", () => {
    const script = new URL("../../scripts/generate-docs.mjs", import.meta.url).pathname;
    const result = spawnSync(process.execPath, [script, "--check"], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
