// The diagram of outcomes → moves is drawn from the default policy: each wait says how
// often it rechecks, its limit, and the move that follows it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultPolicy, POLICY_SITUATIONS, ruleFor } from "../../src/index.js";

const svg = readFileSync(new URL("../../docs/media/amd-outcomes-to-actions.svg", import.meta.url), "utf8");
const texts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
const duration = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

describe("docs/media/amd-outcomes-to-actions.svg", () => {
  it("shows each wait of the default policy with its recheck, its limit and what follows it", () => {
    const waits = POLICY_SITUATIONS.map((situation) => ruleFor(defaultPolicy, situation)).filter(
      (rule) => rule.action === "wait",
    );
    expect(waits.length).toBeGreaterThanOrEqual(2);
    for (const rule of waits) {
      if (rule.action !== "wait") continue;
      const at = texts.indexOf(`wait, ${duration(rule.recheckAfterMs)} at a time;`);
      expect(at, JSON.stringify(rule)).toBeGreaterThan(-1);
      expect(texts[at + 1]).toBe(`after ${duration(rule.maxWaitMs)}: ${rule.then.action}`);
    }
    // The pending wait is 250 ms at a time, at most 6 s, then the bot talks.
    expect(texts).toContain("wait, 250 ms at a time;");
    expect(texts).toContain("after 6 s: continue");
    expect(svg).not.toContain("at most 30 s)");
  });
});
