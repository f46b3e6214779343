// The built command line (dist/cli.js, built by `npm test` first), spawned as a user runs it.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scenarioFixtures } from "../../src/fixtures/index.js";
import { CLI, ESC, SPAWN_TIMEOUT, spawnCli } from "../support/built-cli.js";
import { tempFolder } from "../support/cli.js";
import { bodiesOf, VOICEMAIL_CALL } from "../support/notifications.js";

const { dir, file } = tempFolder("amd-flow-cli-");
const run = (args: string[], input?: string) => spawnCli(args, input);

function expectOneLineError(result: ReturnType<typeof run>, code: number, pattern: RegExp): void {
  expect(result.code).toBe(code);
  expect(result.out).toBe("");
  expect(result.err.trim().split("\n")).toHaveLength(1);
  expect(result.err).toMatch(pattern);
  expect(result.err).not.toMatch(/\bat .*:\d+:\d+/);
}

const beep = scenarioFixtures.find((scenario) => scenario.id === "voicemail-beep");

describe("amd-flow route", { timeout: SPAWN_TIMEOUT }, () => {
  it("decides for a context from a file, and from standard input", () => {
    const path = file("beep.json", beep?.context);
    const fromFile = run(["route", path]);
    expect(fromFile.code).toBe(0);
    expect(fromFile.out).toContain("action:       leave-voicemail");
    expect(fromFile.out).toContain("explanation:  The voicemail beep was heard; leave the voicemail message now.");
    const fromStdin = run(["route", "-"], JSON.stringify(beep?.context));
    expect(fromStdin.out).toBe(fromFile.out);
    expect(run(["route"], JSON.stringify(beep?.context)).out).toBe(fromFile.out);
  });

  it("accepts a bare UserSession, a policy file and --waited", () => {
    const policy = file("policy.json", { machine: { greeting: { action: "wait", maxWaitMs: 5000, then: "hang-up" } } });
    const result = run(
      ["route", "--policy", policy, "--waited", "6000", "--json"],
      JSON.stringify({ amd: "amd_machine_detected" }),
    );
    expect(JSON.parse(result.out)).toMatchObject({ action: "hang-up", reason: "wait-limit-reached", retry: false });
  });

  it("fails with one line: 1 for bad input, 2 for bad usage", () => {
    expectOneLineError(
      run(["route", join(dir, "missing.json")]),
      1,
      /^amd-flow route: context .*missing\.json: no such file$/m,
    );
    expectOneLineError(run(["route"], "{oops"), 1, /^amd-flow route: context standard input \(-\) is not valid JSON/);
    expectOneLineError(
      run(["route", "--policy", file("bad-policy.json", { human: "dance" })], '{"amd":"amd_human_detected"}'),
      1,
      /policy .*: human: expected one of/,
    );
    expectOneLineError(run(["route", "--waited", "soon"], "{}"), 2, /--waited: expected milliseconds/);
    expectOneLineError(run(["route", "--nope"]), 2, /^amd-flow route: unknown option --nope$/m);
    expectOneLineError(run(["route", "a.json", "b.json"]), 2, /route takes one input, got 2/);
    expectOneLineError(run(["dance"]), 2, /unknown command "dance"/);
  });
});

describe("amd-flow table", { timeout: SPAWN_TIMEOUT }, () => {
  it("prints a row for every scenario", () => {
    const result = run(["table"]);
    expect(result.code).toBe(0);
    // A title longer than its column wraps onto the next line; its start is on the row's line.
    for (const scenario of scenarioFixtures) expect(result.out).toContain(scenario.title.slice(0, 30));
    expect(result.out.split("\n")[0]).toBe(
      `The default policy: its decision for each of the ${scenarioFixtures.length} bundled scenarios (the`,
    );
    expect(result.out.split("\n")[3]).toMatch(/^Scenario\s+Outcome\s+Action$/);
    expect(result.out).not.toContain(ESC);
  });

  it("prints Markdown and JSON, under a policy", () => {
    const markdown = run(["table", "--markdown"]).out.trim().split("\n");
    expect(markdown[0]).toBe("| Scenario | Events | Outcome | Action | Explanation |");
    expect(markdown).toHaveLength(scenarioFixtures.length + 2);
    const policy = file("hang-up.json", { machine: "hang-up" });
    const rows = JSON.parse(run(["table", "--json", "--policy", policy]).out) as Array<{
      scenario: string;
      action: string;
    }>;
    expect(rows.find((row) => row.scenario === "voicemail-beep")?.action).toBe("hang-up");
  });
});

describe("amd-flow summarize", { timeout: SPAWN_TIMEOUT }, () => {
  const call = bodiesOf(VOICEMAIL_CALL);

  it("reads a JSON array or JSON lines, the same either way", () => {
    const array = run(["summarize", file("call.json", call), "--json", "--machine-detection", "disconnect"]);
    const lines = run(
      ["summarize", "-", "--json", "--machine-detection", "disconnect"],
      call.map((body) => JSON.stringify(body)).join("\n"),
    );
    expect(array.code).toBe(0);
    expect(JSON.parse(array.out)).toEqual(JSON.parse(lines.out));
    expect(JSON.parse(array.out)).toMatchObject({ status: "completed", endedBy: "bot", machineDetected: true });
    expect(run(["summarize"], call.map((body) => JSON.stringify(body)).join("\n")).out).toContain(
      "status:        completed",
    );
  });

  it("fails with one line on bad input and bad usage", () => {
    expectOneLineError(run(["summarize"], ""), 1, /notifications standard input \(-\): empty/);
    expectOneLineError(
      run(["summarize"], '{"conversationId":"c","status":"Answered"}\n{oops'),
      1,
      /line 2: not valid JSON/,
    );
    expectOneLineError(run(["summarize"], '{"a":1}'), 1, /notification 1 \(line 1\): conversationId: expected text/);
    expectOneLineError(
      run(["summarize", "--machine-detection", "always"], "[]"),
      2,
      /--machine-detection: expected one of/,
    );
  });

  it("exits quietly when its reader goes away (summarize … | head -1)", () => {
    // Megabytes of output: far past the pipe's buffer, so writing meets the closed pipe.
    const bodies = Array.from({ length: 20_000 }, (_, index) =>
      JSON.stringify({ conversationId: `c${index}`, status: "Failed" }),
    );
    const path = file("many.jsonl", bodies.join("\n"));
    for (const [args, first] of [
      ["", "call:          c0"],
      ["--campaign --json", "{"],
    ]) {
      const piped = spawnSync("sh", ["-c", `"${process.execPath}" "${CLI}" summarize "${path}" ${args} | head -1`], {
        encoding: "utf8",
      });
      expect(piped.stdout).toBe(`${first}\n`);
      expect(piped.stderr).toBe("");
    }
  });

  it("refuses endless input without a line of JSON in bounded memory, and reads standard input as it streams", () => {
    expectOneLineError(
      run(["summarize", "/dev/zero"]),
      1,
      /^amd-flow summarize: notifications \/dev\/zero, line 1: no JSON object in the first 1000000 characters$/m,
    );
    const text = Array.from({ length: 20_000 }, (_, index) =>
      JSON.stringify({ conversationId: `c${index % 100}`, status: index < 19_900 ? "Answered" : "completed" }),
    ).join("\n");
    const result = run(["summarize", "-", "--campaign", "--json"], text);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).campaign).toMatchObject({ calls: 100, byStatus: { completed: 100 } });
  });
});

describe("amd-flow check-policy", { timeout: SPAWN_TIMEOUT }, () => {
  it("says ok, with warnings that risk a person, and exits 0", () => {
    const result = run(["check-policy", file("risky.json", { silence: "hang-up" })]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^warning: silence: hangs up although a person may be waiting for the bot to speak$/m);
    // Hanging up on silence abandons none of the call mix's persons over the limit: the lint warning alone.
    expect(result.out).toMatch(/^ok: .*risky\.json is a valid policy; 1 warning, 1 about abandoned calls$/m);
    const json = JSON.parse(run(["check-policy", "--json", file("fine.json", { human: "transfer" })]).out);
    expect(json).toMatchObject({ ok: true, errors: [], simulated: { calls: "the bundled call mix" } });
  });

  it("lists every error and exits 1", () => {
    const result = run(["check-policy", file("wrong.json", { human: "dance", machine: { beep: 3 } })]);
    expect(result.code).toBe(1);
    expect(result.err.trim().split("\n")).toEqual([
      "error: human: expected one of continue, transfer, leave-voicemail, wait, hang-up",
      'error: machine.beep: expected an action name or an object with "action"',
    ]);
  });

  it("needs a file", () => {
    expectOneLineError(run(["check-policy"]), 2, /check-policy needs a policy file/);
  });
});

describe("help and version", { timeout: SPAWN_TIMEOUT }, () => {
  it("has --help for every command", () => {
    for (const command of ["route", "table", "summarize", "check-policy"]) {
      const result = run([command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(new RegExp(`^Usage: amd-flow ${command}`));
    }
    expect(run(["--help"]).out).toMatch(/^amd-flow: route Kore\.ai outbound calls/);
    expect(run([]).code).toBe(2);
  });

  it("prints the package version", () => {
    expect(run(["--version"]).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
