// The command line's commands, in-process through run(): the same code as dist/cli.js
// (cli.test.ts spawns that), fast enough to cover every scenario.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { notificationFixtures, scenarioFixtures } from "../../src/fixtures/index.js";
import { routeCall } from "../../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "amd-flow-run-"));
const file = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};

function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, (text) => out.push(text), (text) => err.push(text));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("run: route", () => {
  it("gives the library's decision for every scenario, as JSON", () => {
    for (const scenario of scenarioFixtures) {
      const waited = scenario.options?.waitedMs;
      const result = cli("route", file(`${scenario.id}.json`, scenario.context), "--json", ...(waited === undefined ? [] : ["--waited", String(waited)]));
      expect(result.code).toBe(0);
      expect(JSON.parse(result.out)).toEqual(JSON.parse(JSON.stringify(routeCall(scenario.context, undefined, scenario.options))));
    }
  });

  it("prints the details each action has, and the issues", () => {
    const greeting = cli("route", file("greeting.json", { amd: "amd_machine_detected" }));
    expect(greeting.out).toContain("recheck in:   1000 ms (limit 30000 ms)");
    const transfer = cli("route", "--policy", file("t.json", { human: { action: "transfer", target: "q1" } }), file("h.json", { amd: "amd_human_detected" }));
    expect(transfer.out).toContain("transfer to:  q1");
    const hangUp = cli("route", "--policy", file("r.json", { human: { action: "hang-up", retryAfterMs: 60000 } }), file("h2.json", { amd: "amd_human_detected" }));
    expect(hangUp.out).toContain("retry:        yes, after 60000 ms");
    const noRetry = cli("route", "--policy", file("n.json", { human: "hang-up" }), file("h3.json", { amd: "amd_human_detected" }));
    expect(noRetry.out).toContain("retry:        no");
    const odd = cli("route", file("odd.json", { amd: "amd_beep" }));
    expect(odd.out).toContain('issue:        amd: unknown AMD event "amd_beep"');
  });

  it("reports a folder, a missing file and bad JSON as invalid input", () => {
    expect(cli("route", dir)).toMatchObject({ code: 1, err: `amd-flow route: context ${dir}: is a folder` });
    expect(cli("route", join(dir, "nope.json"))).toMatchObject({ code: 1 });
    expect(cli("route", file("bad.json", "{"))).toMatchObject({ code: 1 });
    expect(cli("route", "--policy", file("badjson.json", "{"), file("ok.json", {})).code).toBe(1);
  });
});

describe("run: table, summarize, check-policy, help", () => {
  it("prints the table in three forms", () => {
    expect(cli("table").out.split("\n")).toHaveLength(scenarioFixtures.length + 2);
    expect(cli("table", "--markdown").out.split("\n")).toHaveLength(scenarioFixtures.length + 2);
    expect(JSON.parse(cli("table", "--json").out)).toHaveLength(scenarioFixtures.length);
    expect(cli("table", "extra")).toMatchObject({ code: 2, err: 'amd-flow table: table takes no input, got "extra"' });
  });

  it("summarises a failed call with its cause", () => {
    const busy = notificationFixtures.find((fixture) => fixture.id === "documented-busy");
    const result = cli("summarize", file("busy.json", [busy?.body]));
    expect(result.code).toBe(0);
    expect(result.out).toContain("status:        failed (busy)");
    expect(result.out).toContain("reason:        Busy Here / 486 Busy Here");
  });

  it("summarises JSON lines, skipping blank lines, and lists issues", () => {
    const text = ['{"conversationId":"c","status":"Answered","ringDurationInMS":5}', "", '{"status":"nope"}'].join("\n");
    const result = cli("summarize", file("lines.jsonl", text));
    expect(result.out).toContain("call:          c");
    expect(result.out).toContain("ringing:       5 ms");
    expect(result.out).toMatch(/issue: +notifications\[1\]: conversationId: expected text/);
  });

  it("rejects a JSON array that is not an array of notifications, and bad JSON", () => {
    expect(cli("summarize", file("broken.json", "[1,")).code).toBe(1);
    expect(cli("summarize", file("none.json", "[]")).out).toContain("call:          (none)");
  });

  it("checks policies, in text and JSON", () => {
    expect(cli("check-policy", file("good.json", {}))).toMatchObject({ code: 0, out: `ok: ${join(dir, "good.json")} is a valid policy` });
    const bad = cli("check-policy", "--json", file("bad-policy.json", { human: 1 }));
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.err)).toEqual({ ok: false, errors: ['human: expected an action name or an object with "action"'], warnings: [] });
    expect(cli("check-policy", "a", "b").code).toBe(2);
  });

  it("turns every mistake into one line and the right exit code", () => {
    expect(cli("route", "--nope")).toMatchObject({ code: 2, err: expect.stringMatching(/^amd-flow route: Unknown option '--nope'/) });
    expect(cli("route", "--waited", "soon")).toMatchObject({ code: 2, err: 'amd-flow route: --waited: expected milliseconds, got "soon"' });
    expect(cli("route", "a", "b")).toMatchObject({ code: 2, err: "amd-flow route: route takes one input, got 2" });
    expect(cli("summarize", "--machine-detection", "x", file("x.json", "[]"))).toMatchObject({ code: 2 });
    expect(cli("summarize", file("lines-bad.jsonl", '{"a":1}\n{oops'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/line 2: not valid JSON/),
    });
    expect(cli("summarize", file("empty.jsonl", "  \n"))).toMatchObject({ code: 1, err: expect.stringMatching(/: empty$/) });
    const wrong = cli("check-policy", file("wrong.json", { human: "dance" }));
    expect(wrong).toMatchObject({ code: 1, err: "error: human: expected one of continue, transfer, leave-voicemail, wait, hang-up" });
    expect(cli("check-policy")).toMatchObject({ code: 2, err: "amd-flow check-policy: check-policy needs a policy file" });
    expect(cli()).toMatchObject({ code: 2 });
  });

  it("answers help, version and unknown commands", () => {
    expect(cli("help").code).toBe(0);
    expect(cli("-h").out).toMatch(/^amd-flow: route/);
    expect(cli("--version").out).toMatch(/^\d+\.\d+\.\d+$/);
    expect(cli("table", "--help").out).toMatch(/^Usage: amd-flow table/);
    expect(cli("check-policy", "--help").code).toBe(0);
    expect(cli("summarize", "--help").out).toMatch(/^Usage: amd-flow summarize/);
    expect(cli("route", "--help").out).toMatch(/^Usage: amd-flow route/);
    expect(cli("nope")).toMatchObject({ code: 2, err: 'amd-flow nope: unknown command "nope"; try amd-flow --help' });
  });
});
