// The simulate command, in-process through run(), as run.test.ts does for the others.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { renderCampaign, renderTimeline, SIMULATE_HELP, seconds } from "../../src/cli/simulate.js";
import { timedScenarios } from "../../src/fixtures/index.js";
import { simulateCall, simulateCampaign } from "../../src/simulator/index.js";

const dir = mkdtempSync(join(tmpdir(), "amd-flow-simulate-"));
const file = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};

function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, { out: (text) => out.push(text), err: (text) => err.push(text), stdin: () => "" });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("run: simulate", () => {
  it("prints one call's timeline on one time axis, then the campaign figures", () => {
    const result = cli("simulate", "--scenario", "amd-not-run");
    expect(result).toEqual({
      code: 0,
      err: "",
      out: [
        "amd-not-run: AMD disabled / not run",
        "  0.0 s  answer",
        "  0.3 s  bot: continue (amd-not-run)",
        '  0.4 s  person: "Hello?" (until 1.0 s)',
        "  → continue at 0.3 s; right; person silent -0.7 s",
        "",
        "Campaign: 1 call under the default policy",
        "  right moves:        1 of 1 (100.0 %)",
        "  persons abandoned:  0 of 1 (0.0 %)",
        "  person silence:     p50 -0.7 s, p95 -0.7 s, max -0.7 s",
        "  clipped voicemails: 0",
        "  beep to message:    p50 n/a, p95 n/a",
      ].join("\n"),
    });
  });

  it("a person's call: the bot waits on AMD, then speaks 0.8 s after the greeting", () => {
    expect(cli("simulate", "--scenario", "person-hello").out.split("\n").slice(0, 8)).toEqual([
      'person-hello: Person says "Hello?"',
      "  0.0 s  answer",
      "  0.3 s  bot: wait (amd-pending ×6, until 1.55 s)",
      '  0.4 s  person: "Hello?" (until 1.0 s)',
      '  1.5 s  amd_human_detected (short greeting, "Hello?")',
      "  1.5 s  amd_stopped",
      "  1.8 s  bot: continue (human-answered)",
      "  → continue at 1.8 s; right; person silent 0.8 s",
    ]);
  });

  it("shows AMD's events with their data, the callee's tones and hang-ups, and runs of waits as one line", () => {
    const policy = file("slow.json", {
      machine: { greeting: { action: "wait", recheckAfterMs: 500, maxWaitMs: 60000 } },
    });
    const beep = cli("simulate", "--scenario", "voicemail-beep", "--policy", policy).out;
    expect(beep).toContain(
      '  3.3 s  amd_machine_detected (long greeting, "Hi you have reached Sam please leave a message")',
    );
    expect(beep).toContain("  4.6 s  machine: tone 1400 Hz");
    expect(beep).toContain("  4.6 s  amd_tone_detected (1400 Hz)");
    expect(beep).toMatch(/bot: wait \(machine-greeting-playing ×\d+, until 4\.55 s\)/);
    expect(beep).toContain("Campaign: 1 call under the policy ");
    const missed = cli("simulate", "--scenario", "voicemail-beep-missed").out;
    expect(missed).toContain("  4.6 s  machine: tone (missed by the detector)");
    const hangUp = cli("simulate", "--scenario", "voicemail-hang-up").out;
    expect(hangUp).toContain("  3.0 s  machine hangs up");
    expect(hangUp).toContain("  → no move: the callee hung up first; not right");
    const failure = cli("simulate", "--scenario", "recognizer-failure").out;
    expect(failure).toContain("  0.4 s  speech recognizer fails");
    expect(failure).toContain("  0.4 s  amd_error");
  });

  it("by default simulates every timed scenario; --json gives the calls and the campaign figures", () => {
    const text = cli("simulate").out;
    for (const scenario of timedScenarios) expect(text).toContain(`${scenario.name}: ${scenario.title}`);
    const json = JSON.parse(cli("simulate", "--json").out);
    expect(json.campaign).toEqual(JSON.parse(JSON.stringify(simulateCampaign(timedScenarios))));
    const first = timedScenarios[0] as (typeof timedScenarios)[number];
    const result = simulateCall(first);
    expect(json.calls[0]).toEqual(
      JSON.parse(
        JSON.stringify({
          name: first.name,
          answeredBy: first.answeredBy,
          events: result.events,
          steps: result.steps.map(({ atMs, decision }) => ({ atMs, action: decision.action, reason: decision.reason })),
          action: result.action,
          actionAtMs: result.actionAtMs,
          metrics: result.metrics,
        }),
      ),
    );
  });

  it("a hint shows in the timeline", () => {
    const scenario = { ...(timedScenarios[4] as (typeof timedScenarios)[number]) };
    const result = simulateCall(scenario, undefined, { settings: { hints: ["leave a message"] } });
    expect(renderTimeline(scenario, result)).toContain('amd_machine_detected (hint, hint "leave a message")');
  });

  it("warns when the policy abandons more than 3 % of persons", () => {
    const policy = file("rude.json", { human: "hang-up" });
    const result = cli("simulate", "--policy", policy);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /\nwarning: this policy abandons \d+\.\d % of persons; the FCC\/FTC rule allows 3 % per campaign$/,
    );
  });

  it("the warning's threshold is 3 % exactly", () => {
    const campaign = simulateCampaign([]);
    const at = (abandonmentRate: number) => renderCampaign({ ...campaign, abandonmentRate }, "p");
    expect(at(0.03)).not.toContain("warning");
    expect(at(0.0301)).toContain("warning: this policy abandons 3.0 % of persons");
  });

  it("formats times in seconds, with as many decimals as needed", () => {
    expect([0, 300, 1550, 1234, -700, 20_000].map(seconds)).toEqual([
      "0.0 s",
      "0.3 s",
      "1.55 s",
      "1.234 s",
      "-0.7 s",
      "20.0 s",
    ]);
  });

  it("--help, and bad usage or input give one line and a non-zero exit", () => {
    expect(cli("simulate", "--help")).toEqual({ code: 0, out: SIMULATE_HELP, err: "" });
    expect(cli("--help").out).toContain(
      "  simulate               run the timed scenarios through simulated AMD and the bot",
    );
    const unknown = cli("simulate", "--scenario", "nope");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^amd-flow simulate: --scenario: no scenario "nope"; one of person-hello, /);
    expect(cli("simulate", "extra")).toEqual({
      code: 2,
      out: "",
      err: 'amd-flow simulate: simulate takes no input, got "extra"',
    });
    const option = cli("simulate", "--fast");
    expect(option.code).toBe(2);
    expect(option.err).toMatch(/^amd-flow simulate: unknown option --fast$/);
    const bad = cli("simulate", "--policy", file("bad.json", { human: "dance" }));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^amd-flow simulate: policy .*bad\.json: human: /);
    expect(cli("simulate", "--policy", join(dir, "missing.json")).err).toMatch(/: no such file$/);
  });
});
