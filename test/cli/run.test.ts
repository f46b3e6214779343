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

function withStdin(stdin: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, { out: (text) => out.push(text), err: (text) => err.push(text), stdin: () => stdin });
  return { code, out: out.join("\n"), err: err.join("\n") };
}
const cli = (...args: string[]) => withStdin("", ...args);
const lines = (...text: string[]) => text.join("\n");

describe("run: route", () => {
  it("gives the library's decision for every scenario, as JSON", () => {
    // route has no flag for amdRequested (yet): the scenarios that need it are left out.
    for (const scenario of scenarioFixtures.filter((fixture) => fixture.options?.amdRequested !== true)) {
      const waited = scenario.options?.waitedMs;
      const result = cli(
        "route",
        file(`${scenario.id}.json`, scenario.context),
        "--json",
        ...(waited === undefined ? [] : ["--waited", String(waited)]),
      );
      expect(result.code).toBe(0);
      expect(JSON.parse(result.out)).toEqual(
        JSON.parse(JSON.stringify(routeCall(scenario.context, undefined, scenario.options))),
      );
    }
  });

  it("prints the details each action has, and the issues", () => {
    const greeting = cli("route", file("greeting.json", { amd: "amd_machine_detected" }));
    expect(greeting.out).toContain("recheck in:   1000 ms (limit 30000 ms)");
    const transfer = cli(
      "route",
      "--policy",
      file("t.json", { human: { action: "transfer", target: "q1" } }),
      file("h.json", { amd: "amd_human_detected" }),
    );
    expect(transfer.out).toContain("transfer to:  q1");
    const hangUp = cli(
      "route",
      "--policy",
      file("r.json", { human: { action: "hang-up", retryAfterMs: 60000 } }),
      file("h2.json", { amd: "amd_human_detected" }),
    );
    expect(hangUp.out).toContain("retry:        yes, after 60000 ms");
    const noRetry = cli(
      "route",
      "--policy",
      file("n.json", { human: "hang-up" }),
      file("h3.json", { amd: "amd_human_detected" }),
    );
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
    expect(cli("table").out.split("\n")).toHaveLength(scenarioFixtures.length * 3 + 2);
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
    const text = ['{"conversationId":"c","status":"Answered","ringDurationInMS":5}', "", '{"status":"nope"}'].join(
      "\n",
    );
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
    expect(cli("check-policy", file("good.json", {}))).toMatchObject({
      code: 0,
      out: `ok: ${join(dir, "good.json")} is a valid policy`,
    });
    const bad = cli("check-policy", "--json", file("bad-policy.json", { human: 1 }));
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.err)).toEqual({
      ok: false,
      errors: ['human: expected an action name or an object with "action"'],
      warnings: [],
    });
    expect(cli("check-policy", "a", "b").code).toBe(2);
  });

  it("turns every mistake into one line and the right exit code", () => {
    expect(cli("route", "--nope")).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^amd-flow route: Unknown option '--nope'/),
    });
    expect(cli("route", "--waited", "soon")).toMatchObject({
      code: 2,
      err: 'amd-flow route: --waited: expected milliseconds, got "soon"',
    });
    expect(cli("route", "a", "b")).toMatchObject({ code: 2, err: "amd-flow route: route takes one input, got 2" });
    expect(cli("summarize", "--machine-detection", "x", file("x.json", "[]"))).toMatchObject({ code: 2 });
    expect(cli("summarize", file("lines-bad.jsonl", '{"a":1}\n{oops'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/line 2: not valid JSON/),
    });
    expect(cli("summarize", file("empty.jsonl", "  \n"))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/: empty$/),
    });
    const wrong = cli("check-policy", file("wrong.json", { human: "dance" }));
    expect(wrong).toMatchObject({
      code: 1,
      err: "error: human: expected one of continue, transfer, leave-voicemail, wait, hang-up",
    });
    expect(cli("check-policy")).toMatchObject({
      code: 2,
      err: "amd-flow check-policy: check-policy needs a policy file",
    });
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

describe("run: exact output", () => {
  const beep = scenarioFixtures.find((scenario) => scenario.id === "voicemail-beep");
  const voicemailCall = notificationFixtures.filter(
    (fixture) => fixture.body["conversationId"] === "433a9a58-44eb-4c56-bb3e-ab2415f0xxxx",
  );

  it("route prints the decision as aligned lines", () => {
    expect(withStdin(JSON.stringify(beep?.context), "route").out).toBe(
      lines(
        "action:       leave-voicemail",
        "reason:       machine-beep-heard",
        "outcome:      machine.beep",
        "explanation:  The voicemail beep was heard; leave the voicemail message now.",
      ),
    );
    expect(withStdin('{"amd":"amd_machine_detected"}', "route", "-", "--waited", "2500.5").out).toBe(
      lines(
        "action:       wait",
        "reason:       machine-greeting-playing",
        "outcome:      machine.greeting",
        "explanation:  A machine greeting is still playing; check again in 1 s.",
        "recheck in:   1000 ms (limit 30000 ms)",
      ),
    );
  });

  it("route reads a bare UserSession, and anything else as the context itself", () => {
    expect(
      JSON.parse(withStdin('{"amdInfo":{"amdEvents":["amd_human_detected"]}}', "route", "--json").out).outcome.kind,
    ).toBe("human");
    expect(
      JSON.parse(
        withStdin('{"session":{"UserSession":{"amd":"amd_error"}},"amd":"amd_human_detected"}', "route", "--json").out,
      ).outcome.kind,
    ).toBe("error");
    expect(JSON.parse(withStdin('{"other":{"amd":"amd_human_detected"}}', "route", "--json").out).outcome.kind).toBe(
      "not-run",
    );
    expect(JSON.parse(withStdin("null", "route", "--json").out).outcome.kind).toBe("not-run");
    expect(JSON.parse(withStdin('"amd_human_detected"', "route", "--json").out).issues).toEqual([
      "context: expected an object",
    ]);
  });

  it("route accepts whole and decimal milliseconds for --waited, and nothing else", () => {
    for (const good of ["0", "30000", "1.5"]) expect(withStdin("{}", "route", "--waited", good).code).toBe(0);
    for (const bad of ["1.", ".5", "x1", "1x", " 1", ""]) {
      expect(withStdin("{}", "route", "--waited", bad), bad).toMatchObject({
        code: 2,
        err: `amd-flow route: --waited: expected milliseconds, got "${bad}"`,
      });
    }
    // parseArgs itself refuses a value that looks like an option: a usage error too.
    expect(withStdin("{}", "route", "--waited", "-1")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--waited"),
    });
  });

  it("reading standard input names it in errors", () => {
    expect(withStdin("{oops", "route")).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^amd-flow route: context \(standard input\) is not valid JSON \(/),
    });
    const failing = run(["route"], {
      out: () => undefined,
      err: (text) => expect(text).toBe("amd-flow route: context (standard input): cannot be read"),
      stdin: () => {
        throw new Error("closed");
      },
    });
    expect(failing).toBe(1);
  });

  it("summarize prints a completed call", () => {
    expect(
      withStdin(
        voicemailCall.map((fixture) => JSON.stringify(fixture.body)).join("\n"),
        "summarize",
        "--machine-detection",
        "disconnect",
      ).out,
    ).toBe(
      lines(
        "call:          433a9a58-44eb-4c56-bb3e-ab2415f0xxxx",
        "status:        completed",
        "ended by:      bot",
        "reason:        bot-disconnected / 200 OK",
        "amd:           machine.greeting-ended from amd_machine_detected, amd_machine_stopped_speaking, amd_stopped",
        "machine flag:  yes (machineDetected)",
        "ringing:       3381 ms",
        "to connect:    4343 ms",
        "duration:      109 s",
        "notifications: 5",
      ),
    );
  });

  it("summarize prints a failed call, a person's call, and a call with little to go on", () => {
    const busy = notificationFixtures.find((fixture) => fixture.id === "documented-busy")?.body;
    expect(withStdin(JSON.stringify([busy]), "summarize").out).toBe(
      lines(
        "call:          00721e4f-bcbe-4965-ba3f-b24aec5bxxxx",
        "status:        failed (busy)",
        "reason:        Busy Here / 486 Busy Here",
        "amd:           not-run",
        "machine flag:  no",
        "ringing:       15255 ms",
        "to connect:    17204 ms",
        "notifications: 1",
      ),
    );
    const human = notificationFixtures.filter(
      (fixture) => fixture.body["conversationId"] === "6d2b7c1e-2f4a-4b8e-9a51-7c0e3f9dxxxx",
    );
    const person = withStdin(
      JSON.stringify(human.map((fixture) => fixture.body)),
      "summarize",
      "--machine-detection",
      "disconnect",
    ).out;
    expect(person).toContain("ended by:      person");
    expect(person).toContain("amd:           human from amd_human_detected");
    expect(person).toContain("machine flag:  no");
    expect(withStdin('{"conversationId":"c","status":"completed","reasonCode":"OK"}', "summarize").out).toBe(
      lines(
        "call:          c",
        "status:        completed",
        "reason:        OK",
        "amd:           not-run",
        "machine flag:  no",
        "notifications: 1",
      ),
    );
  });

  it("check-policy prints each warning and the verdict", () => {
    const path = file("two-warnings.json", {
      silence: "hang-up",
      error: { action: "wait", maxWaitMs: 2000, then: "hang-up" },
    });
    const result = cli("check-policy", path);
    expect(result.out.split("\n").map((line) => line.slice(0, 36))).toEqual([
      "warning: silence: hangs up although ",
      "warning: error.then: hangs up althou",
      `ok: ${path} is a valid policy (2 warnings)`.slice(0, 36),
    ]);
    expect(result.out.split("\n")[2]).toBe(`ok: ${path} is a valid policy (2 warnings)`);
  });
});

describe("run: the decision table's layout", () => {
  it("aligns scenario, outcome and action, with the events and explanation indented beneath", () => {
    const text = cli("table").out.split("\n");
    const header = text[0] ?? "";
    expect(header).toMatch(/^Scenario +Outcome +Action$/);
    const [outcomeAt, actionAt] = ["Outcome", "Action"].map((name) => header.indexOf(name));
    const rule = text[1] ?? "";
    expect(rule.split("  ").map((run) => run.length)).toEqual([
      (outcomeAt ?? 0) - 2,
      (actionAt ?? 0) - (outcomeAt ?? 0) - 2,
      "leave-voicemail".length,
    ]);
    expect(rule).toMatch(/^[─ ]+$/);
    const body = text.slice(2);
    expect(body).toHaveLength(scenarioFixtures.length * 3);
    scenarioFixtures.forEach((scenario, index) => {
      const [row = "", events = "", explanation = ""] = body.slice(index * 3, index * 3 + 3);
      const decision = routeCall(scenario.context, undefined, scenario.options);
      expect(row.slice(0, (outcomeAt ?? 0) - 2).trimEnd()).toBe(scenario.title);
      expect(row.slice(actionAt)).toBe(decision.action);
      expect(events.startsWith("    events: ")).toBe(true);
      expect(explanation).toBe(`    ${decision.explanation}`);
    });
    expect(text.every((line) => line === line.trimEnd())).toBe(true);
    expect(Math.max(...text.map((line) => line.length))).toBeLessThan(160);
  });

  it("labels events without their amd_ prefix, in any case, with the wait and no-event cases", () => {
    const markdown = cli("table", "--markdown").out.split("\n");
    expect(markdown[2]).toBe(
      "| Person, short greeting | human_detected → stopped | human | continue | A person answered; let the bot talk. |",
    );
    expect(markdown).toContain(
      "| Machine greeting, waited 30 s | machine_detected (waited 30000 ms) | machine.greeting | leave-voicemail | A machine greeting is still playing after 30 s of waiting (the limit is 30 s); leave the voicemail message now. |",
    );
    expect(markdown.find((line) => line.startsWith("| AMD disabled"))).toContain("| (none) | not-run |");
    expect(markdown.find((line) => line.startsWith("| Mixed case"))).toContain("| Human_Detected → Stopped |");
  });

  it("escapes pipes in Markdown cells", () => {
    const policy = file("pipe.json", { human: { action: "transfer", target: "queue|sales" } });
    const row = cli("table", "--markdown", "--policy", policy).out.split("\n")[2];
    expect(row).toBe(
      "| Person, short greeting | human_detected → stopped | human | transfer | A person answered; transfer the call to queue\\|sales. |",
    );
  });
});

describe("run: every message, exactly", () => {
  it("names missing files and bad policy files", () => {
    const missing = join(dir, "missing.json");
    expect(cli("route", missing)).toEqual({
      code: 1,
      out: "",
      err: `amd-flow route: context ${missing}: no such file`,
    });
    expect(cli("route", "--policy", missing, file("c.json", {}))).toEqual({
      code: 1,
      out: "",
      err: `amd-flow route: policy ${missing}: no such file`,
    });
    const wrong = file("wrong2.json", { human: "dance", silence: 3 });
    expect(cli("route", "--policy", wrong, file("c2.json", {})).err).toBe(
      `amd-flow route: policy ${wrong}: human: expected one of continue, transfer, leave-voicemail, wait, hang-up; silence: expected an action name or an object with "action"`,
    );
    expect(cli("check-policy", missing).err).toBe(`amd-flow check-policy: policy ${missing}: no such file`);
  });

  it("reads --waited with several decimals, and prints a retry without a time", () => {
    expect(withStdin('{"amd":"amd_machine_detected"}', "route", "--waited", "29999.55").out).toContain(
      "action:       wait",
    );
    const retry = file("retry.json", { human: { action: "hang-up", retry: true } });
    expect(withStdin('{"amd":"amd_human_detected"}', "route", "--policy", retry).out.split("\n").pop()).toBe(
      "retry:        yes",
    );
  });

  it("gives each table row in JSON with its scenario and whole decision", () => {
    const [first] = JSON.parse(cli("table", "--json").out) as Array<Record<string, unknown>>;
    expect(first).toEqual({
      scenario: "person-short-greeting",
      title: "Person, short greeting",
      events: ["amd_human_detected", "amd_stopped"],
      ...JSON.parse(JSON.stringify(routeCall(scenarioFixtures[0]?.context))),
    });
  });

  it("names the file of notifications that are not JSON, and skips lines of spaces", () => {
    const broken = file("broken2.json", "[1,");
    expect(cli("summarize", broken).err).toMatch(
      new RegExp(`^amd-flow summarize: notifications ${broken} is not valid JSON \\(`),
    );
    const spaced = file("spaced.jsonl", '{"conversationId":"c","status":"Answered"}\n   \n');
    expect(cli("summarize", spaced).code).toBe(0);
    expect(cli("summarize", "a", "b").err).toBe("amd-flow summarize: summarize takes one input, got 2");
    expect(cli("summarize", "--machine-detection", "x").err).toBe(
      'amd-flow summarize: --machine-detection: expected one of disconnect, detect, disabled, got "x"',
    );
  });

  it("prints no reason line without a reason code", () => {
    expect(withStdin('{"conversationId":"c","status":"Answered"}', "summarize").out).toBe(
      lines(
        "call:          c",
        "status:        answered",
        "amd:           not-run",
        "machine flag:  no",
        "notifications: 1",
      ),
    );
  });

  it("lists every policy error on its own line, and answers JSON for a good policy", () => {
    expect(cli("check-policy", file("two.json", { human: "dance", silence: 3 })).err).toBe(
      lines(
        "error: human: expected one of continue, transfer, leave-voicemail, wait, hang-up",
        'error: silence: expected an action name or an object with "action"',
      ),
    );
    expect(JSON.parse(cli("check-policy", "--json", file("good2.json", { human: "transfer" })).out)).toEqual({
      ok: true,
      errors: [],
      warnings: [],
    });
    expect(cli("check-policy", "--help").out).toMatch(/^Usage: amd-flow check-policy <file>/);
    expect(cli("check-policy", "a", "b").err).toBe("amd-flow check-policy: check-policy takes one input, got 2");
    expect(cli("--help")).toMatchObject({ code: 0, out: expect.stringMatching(/^amd-flow: route Kore\.ai/) });
  });
});
