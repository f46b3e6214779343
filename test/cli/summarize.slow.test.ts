// amd-flow summarize --campaign over 130 000 calls: once a maximum over a list spread into
// Math.max, which overflows the stack past about 125 000 arguments. Seconds of work, so this
// file is left out of mutation runs (vitest.mutation.config.ts leaves out *.slow.test.ts).
import { describe, expect, it } from "vitest";
import { withStdin } from "../support/cli.js";

describe("summarize --campaign over many calls", () => {
  it("prints a row for each of 130 000 calls and the figures", { timeout: 120_000 }, () => {
    const calls = 130_000;
    const text = Array.from({ length: calls }, (_, index) =>
      JSON.stringify({ conversationId: `call-${index}`, status: "Failed", reasonCode: "Busy Here" }),
    ).join("\n");
    const result = withStdin(text, "summarize", "--campaign");
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const lines = result.out.split("\n");
    expect(lines[0]).toBe("call      status  amd      ended by");
    expect(lines.filter((line) => line.startsWith("call-"))).toHaveLength(calls);
    expect(lines).toContain(`calls:          ${calls}`);
  });
});
