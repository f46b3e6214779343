// The decision table page and the diagram are generated from the code; a committed
// copy that no longer matches what the code decides fails here (and so in CI).
import { describe, it } from "vitest";
import { expectGeneratedUpToDate } from "../support/generated-docs.js";

describe("generated docs", () => {
  it("docs/decision-table.md and the diagrams in docs/media match what the code decides", () => {
    expectGeneratedUpToDate("generate-docs.mjs");
  });
});
