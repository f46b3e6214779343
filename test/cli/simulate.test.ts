// The simulate command, in-process through run(), as run.test.ts does for the others.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clockFor, seconds } from "../../src/cli/clock.js";
import { renderCampaign, SIMULATE_HELP } from "../../src/cli/simulate.js";
import { renderTimeline, timelineOf } from "../../src/cli/timeline.js";
import { callMix, timedScenarios } from "../../src/fixtures/index.js";
import { ABANDONMENT_RULE } from "../../src/index.js";
import { simulateCall, simulateCampaign } from "../../src/simulator/index.js";
import { cli, tempFolder } from "../support/cli.js";

const { dir, file } = tempFolder("amd-flow-simulate-");
const scenario = (name: string) => timedScenarios.find((call) => call.name === name) as (typeof timedScenarios)[number];
const summaryLine = (out: string, name: string): string | undefined =>
  out
    .split("\n\n")
    .find((block) => block.startsWith(`${name}: `))
    ?.split("\n")
    .find((line) => line.startsWith("  → "));

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
        "  → right for a person: continue at 0.3 s; spoke 0.7 s before they finished",
        "",
        "Campaign: 1 call under the default policy",
        "  right moves:        1 of 1 (100.0 %)",
        "    by callee:        person 1 of 1",
        "  persons abandoned:  0 of 1 (0.0 %)",
        "  person silence:     p50 -0.7 s, p95 -0.7 s, max -0.7 s",
        "    below 0: the bot spoke before the person finished",
        "  clipped voicemails: 0",
        "  beep to message:    p50 n/a, p95 n/a",
      ].join("\n"),
    });
  });

  it("a person's call: the bot waits on AMD, then speaks 0.8 s after the greeting", () => {
    expect(cli("simulate", "--scenario", "person-hello").out).toBe(
      [
        'person-hello: Person says "Hello?"',
        "  0.00 s  answer",
        "  0.30 s  bot: wait (amd-pending ×6, until 1.55 s)",
        '  0.40 s  person: "Hello?" (until 1.00 s)',
        '  1.50 s  amd_human_detected (short greeting, "Hello?")',
        "  1.50 s  amd_stopped",
        "  1.80 s  bot: continue (human-answered)",
        "  → right for a person: continue at 1.80 s; silence 0.80 s",
        "",
        "Campaign: 1 call under the default policy",
        "  right moves:        1 of 1 (100.0 %)",
        "    by callee:        person 1 of 1",
        "  persons abandoned:  0 of 1 (0.0 %)",
        "  person silence:     p50 0.80 s, p95 0.80 s, max 0.80 s",
        "  clipped voicemails: 0",
        "  beep to message:    p50 n/a, p95 n/a",
      ].join("\n"),
    );
  });

  it("wraps long lines within 80 columns, a time on the line of its unit, and says what went wrong", () => {
    // A greeting wait that gives up at 20 s: the message starts while the greeting still plays.
    const policy = file("short-greeting-wait.json", { machine: { greeting: { action: "wait", maxWaitMs: 20_000 } } });
    const out = cli("simulate", "--scenario", "voicemail-past-tone-timer", "--policy", policy).out;
    // The campaign's first line names the policy's path, which wraps where the temporary folder's name makes it.
    const figures = out.slice(out.indexOf("\n  right moves"));
    expect(`${out.slice(0, out.indexOf("\n\nCampaign: "))}${figures}`).toBe(
      [
        "voicemail-past-tone-timer: Machine talking past the tone timer",
        "   0.00 s  answer",
        "   0.30 s  bot: wait (amd-pending ×24, until 6.05 s)",
        '   0.50 s  machine: "Hello, you have reached the Riverside Medical Group. Our',
        "             offices are closed for the holiday. If this is a medical emergency",
        "             please hang up and dial 911. Otherwise leave your name number and a",
        '             short message" (until 22.00 s)',
        '   5.90 s  amd_machine_detected (long greeting, "Hello, you have reached the',
        '             Riverside Medical Group. Our")',
        "   6.30 s  bot: wait (machine-greeting-playing ×14, until 19.30 s)",
        "  20.00 s  amd_stopped",
        "  20.30 s  bot: leave-voicemail (wait-limit-reached)",
        "  22.40 s  machine: tone",
        "  → wrong for a machine: leave-voicemail at 20.30 s; 2.10 s before the beep",
        "  right moves:        0 of 1 (0.0 %)",
        "    by callee:        machine 0 of 1",
        "  persons abandoned:  0 of 0 (0.0 %)",
        "  person silence:     p50 n/a, p95 n/a, max n/a",
        "  clipped voicemails: 1",
        "  beep to message:    p50 -2.10 s, p95 -2.10 s",
        "    below 0: the message began before the beep",
      ].join("\n"),
    );
  });

  it("gives every call one summary line: right or wrong for whom, the move and what it cost", () => {
    const out = cli("simulate").out;
    expect(
      ["person-long-greeting", "voicemail-beep", "voicemail-hang-up", "fax-answer-tone", "dead-air", "undecided"].map(
        (name) => summaryLine(out, name),
      ),
    ).toEqual([
      "  → right for a person: continue at 4.30 s; silence 1.00 s",
      "  → right for a machine: leave-voicemail at 5.55 s; 0.95 s after the beep",
      "  → wrong for a machine: no move before it hung up at 3.00 s",
      "  → right for a fax: hang-up at 4.30 s",
      "  → right for dead air: continue at 5.30 s",
      "  → right for a person: continue at 6.30 s; spoke 9.70 s before they finished",
    ]);
    expect(out.split("\n").filter((line) => line.startsWith("  → "))).toHaveLength(timedScenarios.length);
  });

  it("puts every time of the whole output in one column, with the same decimals", () => {
    const out = cli("simulate").out;
    const axis = out.split("\n").filter((line) => /^ {2}[ \d]\d\.\d+ s {2}\S/.test(line));
    expect(axis.length).toBeGreaterThan(100);
    for (const line of axis) expect(line, line).toMatch(/^ {2}[ \d]\d\.\d\d s {2}\S/);
    expect(out.match(/\d\.\d s\b|\d\.\d{3} s\b/g)).toBeNull();
    for (const line of out.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it("shows AMD's events with their data, the callee's tones and hang-ups, and runs of waits as one line", () => {
    const policy = file("slow.json", {
      machine: { greeting: { action: "wait", recheckAfterMs: 500, maxWaitMs: 60000 } },
    });
    const beep = cli("simulate", "--scenario", "voicemail-beep", "--policy", policy).out;
    expect(beep).toContain(
      '  3.30 s  amd_machine_detected (long greeting, "Hi you have reached Sam please\n            leave a message")',
    );
    expect(beep).toContain("  4.60 s  machine: tone 1400 Hz");
    expect(beep).toContain("  4.60 s  amd_tone_detected (1400 Hz)");
    expect(beep).toContain("  3.55 s  bot: wait (machine-greeting-playing ×3, until 4.55 s)");
    expect(beep).toContain(`Campaign: 1 call under the policy ${policy}`);
    const missed = cli("simulate", "--scenario", "voicemail-beep-missed").out;
    expect(missed).toContain("  4.60 s  machine: tone (missed by the detector)");
    const hangUp = cli("simulate", "--scenario", "voicemail-hang-up").out;
    expect(hangUp).toContain("  3.0 s  machine hangs up");
    const failure = cli("simulate", "--scenario", "recognizer-failure").out;
    expect(failure).toContain("  0.40 s  speech recognizer fails");
    // The engine's amd_error reaches no one: the bot waits until the no-speech timer.
    expect(failure).not.toContain("amd_error");
    expect(failure).toContain("  5.00 s  amd_no_speech_detected\n");
    const ringback = cli("simulate", "--scenario", "voicemail-after-ringback").out;
    expect(ringback).toContain("  0.30 s  machine: tone 480 Hz\n");
    const early = file("early.json", { machine: { greeting: "leave-voicemail" } });
    expect(cli("simulate", "--scenario", "voicemail-no-beep", "--policy", early).out).toContain(
      "  → wrong for a machine: leave-voicemail at 3.55 s; voicemail clipped\n",
    );
    const beepEarly = cli("simulate", "--scenario", "beep-only", "--policy", early).out;
    expect(beepEarly).toContain("  → right for a machine: leave-voicemail at 5.30 s; 4.50 s after the beep\n");
  });

  it("--json gives every call and the campaign figures (over the call mix), as the simulator gives them", () => {
    const text = cli("simulate").out;
    const unwrapped = `\n${text}`.replace(/\n {2,}(?=\S)/g, " ");
    for (const call of timedScenarios) expect(unwrapped).toContain(`\n${call.name}: ${call.title} `);
    const json = JSON.parse(cli("simulate", "--json").out);
    expect(json.campaignOver).toBe("callMix");
    expect(json.campaign).toEqual(JSON.parse(JSON.stringify(simulateCampaign(callMix))));
    expect(json.calls).toEqual(
      JSON.parse(
        JSON.stringify(
          timedScenarios.map((call) => {
            const result = simulateCall(call);
            return {
              name: call.name,
              answeredBy: call.answeredBy,
              events: result.events,
              steps: result.steps.map(({ atMs, decision }) => ({
                atMs,
                action: decision.action,
                reason: decision.reason,
              })),
              action: result.action,
              actionAtMs: result.actionAtMs,
              metrics: result.metrics,
            };
          }),
        ),
      ),
    );
  });

  it("--json and the text agree on every call's move, its time and whether it was right, under any policy", () => {
    const policy = file("transfer.json", { human: { action: "transfer", target: "q" }, machine: "hang-up" });
    for (const args of [[], ["--policy", policy]]) {
      const text = cli("simulate", ...args).out;
      const json = JSON.parse(cli("simulate", "--json", ...args).out);
      for (const call of json.calls) {
        const line = summaryLine(text, call.name);
        expect(line, call.name).toMatch(new RegExp(`^ {2}→ ${call.metrics.right ? "right" : "wrong"} for `));
        if (call.action !== null) expect(line).toContain(`: ${call.action} at ${seconds(call.actionAtMs, 2)}`);
        else expect(line).toContain(": no move");
      }
      expect(text).toContain(
        `  right moves:        ${json.campaign.right} of ${json.campaign.calls} (${(json.campaign.rightRate * 100).toFixed(1)} %)`,
      );
      expect(text).toContain(
        `  persons abandoned:  ${json.campaign.personsAbandoned} of ${json.campaign.byAnsweredBy.person.calls}`,
      );
      expect(text).toContain(`  clipped voicemails: ${json.campaign.clippedVoicemails}\n`);
    }
    const one = JSON.parse(cli("simulate", "--json", "--scenario", "dead-air").out);
    expect(one.calls.map((call: { name: string }) => call.name)).toEqual(["dead-air"]);
    expect(one.campaign.calls).toBe(1);
  });

  it("the campaign figures are over the call mix and say so; with --scenario, over that scenario alone", () => {
    const policy = file("rude-mix.json", { human: "hang-up" });
    const mix = simulateCampaign(callMix, { human: "hang-up" });
    const words = cli("simulate", "--policy", policy).out.replace(/\s+/g, " ");
    const rate = (value: number) => `${(value * 100).toFixed(1)} %`;
    expect(words).toContain(
      ` Campaign: ${callMix.length} calls of the call mix (a realistic outbound campaign; the timelines above are edge cases) under the policy ${policy} right moves: ${mix.right} of ${callMix.length} (${rate(mix.rightRate)}) `,
    );
    const persons = mix.byAnsweredBy.person.calls;
    expect(words).toContain(
      ` warning: this policy abandons ${mix.personsAbandoned} of ${persons} persons (${rate(mix.abandonmentRate)}) on these ${callMix.length} calls: over the 3 % limit `,
    );
    const one = JSON.parse(cli("simulate", "--json", "--scenario", "person-hello").out);
    expect(one.campaignOver).toBe("scenario");
    expect(one.campaign).toEqual(JSON.parse(JSON.stringify(simulateCampaign([scenario("person-hello")]))));
    expect(cli("simulate", "--scenario", "person-hello").out).toContain(
      "\nCampaign: 1 call under the default policy\n",
    );
  });

  it("a hint shows in the timeline", () => {
    const call = scenario("voicemail-beep");
    const timeline = timelineOf(call, simulateCall(call, undefined, { settings: { hints: ["leave a message"] } }));
    const clock = clockFor(() => undefined, [0]);
    expect(renderTimeline(timeline, clock)).toContain('amd_machine_detected (hint, hint "leave a message")');
  });

  it("a call with no move and no hang-up says only that there was no move", () => {
    const call = scenario("dead-air");
    const result = {
      ...simulateCall(call),
      action: null,
      actionAtMs: null,
      metrics: { right: false, voicemailClipped: false },
    };
    const timeline = timelineOf(call, result);
    expect(timeline.summary(seconds)).toBe("→ wrong for dead air: no move");
    expect(timeline.title).toBe("dead-air: Silence (dead air)");
  });

  it("warns when the policy abandons more than 3 % of persons", () => {
    const policy = file("rude.json", { human: "hang-up" });
    const result = cli("simulate", "--policy", policy);
    expect(result.code).toBe(0);
    const lines = result.out.split("\n");
    const at = lines.findIndex((line) => line.startsWith("warning: "));
    expect(lines.slice(at, at + 2).join(" ")).toMatch(
      /^warning: this policy abandons \d+ of \d+ persons \(\d+\.\d %\) on these \d+ calls:\s+over\s+the 3 % limit$/,
    );
    // The rule, stated once, in the words check-policy uses.
    expect(lines.slice(at + 3).join(" ")).toBe(`The warning is about abandoned calls. ${ABANDONMENT_RULE.text}`);
    expect(lines.every((line) => line.length <= 80)).toBe(true);
  });

  it("measures what check-policy reports for the same policy: one call set, one figure", () => {
    for (const policy of [{}, { human: "hang-up" }, { pending: { action: "wait", maxWaitMs: 0 } }]) {
      const path = file(`same-${Object.keys(policy).join("-") || "default"}.json`, policy);
      const { campaign } = JSON.parse(cli("simulate", "--json", "--policy", path).out);
      const { simulated } = JSON.parse(cli("check-policy", "--json", path).out);
      expect(simulated.persons, path).toBe(campaign.byAnsweredBy.person.calls);
      expect(simulated.personsAbandoned, path).toBe(campaign.personsAbandoned);
      expect(simulated.abandonmentRate, path).toBe(campaign.abandonmentRate);
    }
  });

  it("the warning's threshold is 3 % exactly; an empty campaign names no callee", () => {
    const campaign = simulateCampaign([]);
    const at = (abandonmentRate: number) => renderCampaign({ ...campaign, abandonmentRate }, "p", seconds);
    expect(at(0.03)).not.toContain("warning");
    expect(at(0.0301)).toContain(
      "warning: this policy abandons 0 of 0 persons (3.0 %) on these 0 calls: over the\n  3 % limit",
    );
    expect(at(0)).toBe(
      [
        "Campaign: 0 calls under p",
        "  right moves:        0 of 0 (0.0 %)",
        "  persons abandoned:  0 of 0 (0.0 %)",
        "  person silence:     p50 n/a, p95 n/a, max n/a",
        "  clipped voicemails: 0",
        "  beep to message:    p50 n/a, p95 n/a",
      ].join("\n"),
    );
  });

  it("notes a figure below 0 only when one is", () => {
    const campaign = simulateCampaign([]);
    const render = (p50: number, p95: number, max: number) =>
      renderCampaign(
        { ...campaign, personSilenceMs: { p50, p95, max }, voicemailAfterBeepMs: { p50, p95 } },
        "p",
        seconds,
      );
    expect(render(0, 0, 0)).not.toContain("below 0");
    for (const [p50, p95, max] of [
      [-1, 0, 0],
      [0, -1, 0],
    ]) {
      const text = render(p50 as number, p95 as number, max as number);
      expect(text).toContain("    below 0: the bot spoke before the person finished");
      expect(text).toContain("    below 0: the message began before the beep");
    }
    expect(render(0, 0, -1).match(/below 0/g)).toEqual(["below 0"]);
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
