// The command line's commands, in-process through run(): the same code as dist/cli.js
// (cli.test.ts spawns that), fast enough to cover every scenario.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type DecisionRow, decisionRows, renderMarkdown } from "../../src/cli/decision-table.js";
import { run } from "../../src/cli/run.js";
import { describeAbandonment, simulatedAbandonment } from "../../src/cli/simulated-abandonment.js";
import { callMix, notificationFixtures, scenarioFixtures } from "../../src/fixtures/index.js";
import { ABANDONMENT_RULE, defaultPolicy, parsePolicy, routeCall, situationOf } from "../../src/index.js";
import { cli, tempFolder, withStdin } from "../support/cli.js";
import { bodiesOf, HUMAN_CALL, VOICEMAIL_CALL } from "../support/notifications.js";

const ESC = String.fromCharCode(27);

const { dir, file } = tempFolder("amd-flow-run-");
/** The persons of the call mix, which check-policy simulates a policy over. */
const PERSONS = callMix.filter((call) => call.answeredBy === "person").length;
const lines = (...text: string[]) => text.join("\n");

describe("run: table, summarize, check-policy, help", () => {
  it("prints the table in three forms, and refuses two at once", () => {
    // A caption (two lines and a blank), the header and its rule, then a line per scenario.
    expect(
      cli("table")
        .out.split("\n")
        .filter((line) => !line.startsWith(" ")),
    ).toHaveLength(scenarioFixtures.length + 5);
    expect(cli("table", "--markdown").out.split("\n")).toHaveLength(scenarioFixtures.length + 2);
    expect(JSON.parse(cli("table", "--json").out)).toHaveLength(scenarioFixtures.length);
    expect(cli("table", "extra")).toMatchObject({ code: 2, err: 'amd-flow table: table takes no input, got "extra"' });
    for (const args of [
      ["--markdown", "--json"],
      ["--json", "--markdown"],
    ])
      expect(cli("table", ...args)).toEqual({
        code: 2,
        out: "",
        err: "amd-flow table: --markdown and --json cannot be used together: choose one",
      });
  });

  it("summarises a failed call with its cause", () => {
    const busy = notificationFixtures.find((fixture) => fixture.id === "documented-busy");
    const result = cli("summarize", file("busy.json", [busy?.body]));
    expect(result.code).toBe(0);
    expect(result.out).toContain("status:        failed (busy)");
    expect(result.out).toContain("reason:        Busy Here / 486 Busy Here");
  });

  it("summarises JSON lines, skipping blank lines, and refuses what is not a notification", () => {
    const text = ['{"conversationId":"c","status":"Answered","ringDurationInMS":5}', ""].join("\n");
    const result = cli("summarize", file("lines.jsonl", text));
    expect(result.out).toContain("call:          c");
    expect(result.out).toContain("ringing:       5 ms");
    const path = file("lines-bad.jsonl", `${text}\n{"status":"nope"}`);
    expect(cli("summarize", path)).toMatchObject({
      code: 1,
      err: `amd-flow summarize: notifications ${path}, notification 2 (line 3): conversationId: expected text; status: expected Answered, Call-In-Progress, completed or Failed`,
    });
  });

  it("rejects a JSON array that is not an array of notifications, and bad JSON", () => {
    expect(cli("summarize", file("broken.json", "[1,")).code).toBe(1);
    const none = file("none.json", "[]");
    expect(cli("summarize", none)).toMatchObject({ code: 1, err: `amd-flow summarize: notifications ${none}: empty` });
  });

  it("checks policies, in text and JSON", () => {
    const good = cli("check-policy", file("good.json", {}));
    expect(good.code).toBe(0);
    // The default policy abandons fewer persons of the call mix than the rule allows: no warning.
    expect(good.out.split("\n").at(-1)).toBe(`ok: ${join(dir, "good.json")} is a valid policy; no warnings`);
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
    expect(cli("route", "--nope")).toMatchObject({ code: 2, err: "amd-flow route: unknown option --nope" });
    expect(cli("route", "--waited", "soon")).toMatchObject({
      code: 2,
      err: 'amd-flow route: --waited: expected milliseconds, a number 0 or more, got "soon"',
    });
    expect(cli("route", "a", "b")).toMatchObject({ code: 2, err: "amd-flow route: route takes one input, got 2" });
    expect(cli("summarize", "--machine-detection", "x", file("x.json", "[]"))).toMatchObject({ code: 2 });
    expect(
      cli("summarize", file("lines-bad.jsonl", '{"conversationId":"c","status":"Answered"}\n{oops')),
    ).toMatchObject({
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
      err: "amd-flow check-policy: check-policy needs a policy file, or - for standard input",
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
    expect(cli("nope")).toMatchObject({ code: 2, err: 'amd-flow: unknown command "nope"; try amd-flow --help' });
    expect(cli("toString")).toMatchObject({
      code: 2,
      err: 'amd-flow: unknown command "toString"; try amd-flow --help',
    });
  });
});

describe("run: exact output", () => {
  const voicemailCall = bodiesOf(VOICEMAIL_CALL);

  it("reading standard input names it in errors", () => {
    expect(withStdin("{oops", "route")).toMatchObject({
      code: 1,
      err: 'amd-flow route: context standard input (-) is not valid JSON: line 1, column 2: expected a property name in double quotes ("name"), found "o" in `{oops`',
    });
    const failing = run(["route"], {
      out: () => undefined,
      err: (text) => expect(text).toBe("amd-flow route: context standard input (-): cannot be read"),
      stdin: () => {
        throw new Error("closed");
      },
    });
    expect(failing).toBe(1);
  });

  it("summarize prints a completed call", () => {
    expect(
      withStdin(
        voicemailCall.map((body) => JSON.stringify(body)).join("\n"),
        "summarize",
        "--machine-detection",
        "disconnect",
      ).out,
    ).toBe(
      lines(
        `call:          ${VOICEMAIL_CALL}`,
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
    const human = bodiesOf(HUMAN_CALL);
    const person = withStdin(JSON.stringify(human), "summarize", "--machine-detection", "disconnect").out;
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
      human: "hang-up",
      error: { action: "wait", maxWaitMs: 2000, then: "hang-up" },
    });
    const result = cli("check-policy", path);
    expect(result.code).toBe(0);
    const lines = result.out.split("\n");
    const blank = lines.indexOf("");
    // Each warning in 80 columns; the rule its warnings concern stated once, after them; a summary last.
    expect(lines.slice(0, 2)).toEqual([
      "warning: human: hangs up although AMD heard a person",
      "warning: error.then: hangs up although AMD failed and a person may be there",
    ]);
    const simulated = simulatedAbandonment(parsePolicy(JSON.parse(readFileSync(path, "utf8"))));
    expect(simulated.overLimit).toBe(true);
    expect(lines.slice(2, blank).join(" ").replace(/ {3}/g, " ")).toBe(
      `warning: simulated: ${describeAbandonment(simulated)}`,
    );
    expect(describeAbandonment(simulated)).toMatch(
      new RegExp(
        `^abandons \\d+ of ${PERSONS} persons \\(\\d+\\.\\d %\\) on the bundled call mix: over the 3 % limit$`,
      ),
    );
    expect(lines.at(-2)).toBe("");
    expect(lines.at(-1)).toBe(`ok: ${path} is a valid policy; 3 warnings, 3 about abandoned calls`);
    const paragraph = lines.slice(blank + 1, -2).join(" ");
    expect(paragraph).toBe(
      `The warnings on human, error.then and the simulation are about abandoned calls. ${ABANDONMENT_RULE.text}`,
    );
    expect(result.out.split(ABANDONMENT_RULE.name)).toHaveLength(1);
    expect(lines.slice(0, -1).every((line) => line.length <= 80)).toBe(true);
  });

  it("check-policy reports the simulated abandonment within the limit, and answers it in JSON", () => {
    const path = file("transfer.json", {
      pending: { action: "wait", recheckAfterMs: 250, maxWaitMs: 6000, then: "transfer" },
      machine: { greeting: { action: "wait", then: "transfer" } },
    });
    const result = cli("check-policy", path);
    expect(result.code).toBe(0);
    const json = JSON.parse(cli("check-policy", "--json", path).out);
    expect(json.simulated).toEqual({
      calls: "the bundled call mix",
      persons: PERSONS,
      personsAbandoned: json.simulated.personsAbandoned,
      abandonmentRate: json.simulated.personsAbandoned / PERSONS,
      overLimit: json.simulated.personsAbandoned / PERSONS > 0.03,
    });
    const fine = cli("check-policy", file("fine.json", { human: "transfer", machine: "hang-up" }));
    expect(fine.out).toMatch(new RegExp(`^(simulated|warning: simulated): abandons \\d+ of ${PERSONS} persons`, "m"));
  });
});

describe("run: the decision table's layout", () => {
  it("aligns scenario, outcome and action in 80 columns, with the events and explanation indented beneath", () => {
    const [caption, captionEnd, blank, ...text] = cli("table").out.split("\n");
    expect([caption, captionEnd, blank]).toEqual([
      `The default policy: its decision for each of the ${scenarioFixtures.length} bundled scenarios (the`,
      "scenarioFixtures of amd-flow/fixtures).",
      "",
    ]);
    expect(text.every((line) => line.length <= 80 && line === line.trimEnd())).toBe(true);
    const header = text[0] ?? "";
    // The outcome column is as wide as its longest label; the scenario column takes what is left of 80.
    const outcomeWidth = Math.max(
      "Outcome".length,
      ...scenarioFixtures.map(
        (scenario) => situationOf(routeCall(scenario.context, undefined, scenario.options).outcome).length,
      ),
    );
    const scenarioWidth = 80 - outcomeWidth - "leave-voicemail".length - 4;
    expect(header).toBe(`${"Scenario".padEnd(scenarioWidth)}  ${"Outcome".padEnd(outcomeWidth)}  Action`);
    expect(text[1]).toBe(`${"─".repeat(scenarioWidth)}  ${"─".repeat(outcomeWidth)}  ${"─".repeat(15)}`);
    const actionAt = header.indexOf("Action");
    // Each row: its first line, then its title's continuation ("  "), events ("    events: ") and explanation.
    const rows: string[][] = [];
    for (const line of text.slice(2)) {
      if (line.startsWith(" ")) rows[rows.length - 1]?.push(line);
      else rows.push([line]);
    }
    expect(rows).toHaveLength(scenarioFixtures.length);
    scenarioFixtures.forEach((scenario, index) => {
      const row = rows[index] ?? [];
      const decision = routeCall(scenario.context, undefined, scenario.options);
      const first = row[0] ?? "";
      expect(first.slice(actionAt)).toBe(decision.action);
      const titleLines = [first.slice(0, scenarioWidth).trimEnd(), ...row.filter((line) => /^ {2}\S/.test(line))];
      expect(titleLines.map((line) => line.trim()).join(" ")).toBe(scenario.title);
      const rest = row.slice(titleLines.length);
      const eventsAt = rest.findIndex((line) => line.startsWith("    events: "));
      expect(eventsAt).toBe(0);
      const joined = rest.map((line) => line.trim()).join(" ");
      expect(joined.endsWith(decision.explanation)).toBe(true);
      expect(rest.slice(1).every((line) => line.startsWith("    "))).toBe(true);
    });
  });

  it("colours only when asked: the header bold, each action in its colour, the events dim", () => {
    const plain = cli("table").out;
    expect(plain).not.toContain(ESC);
    const out: string[] = [];
    run(["table"], { out: (text) => out.push(text), err: () => undefined, stdin: () => "" }, { color: true });
    const coloured = out.join("\n");
    expect(coloured).toContain("\u001b[1mScenario");
    expect(coloured).toContain("\u001b[32mcontinue\u001b[39m");
    expect(coloured).toContain("\u001b[35mleave-voicemail\u001b[39m");
    expect(coloured).toContain("\u001b[33mwait\u001b[39m");
    expect(coloured).toContain("    \u001b[2mevents: amd_human_detected → amd_stopped\u001b[22m");
    expect(coloured.split(new RegExp(`${ESC}\\[\\d+m`)).join("")).toBe(plain);
  });

  it("labels events as the context holds them, in any case, an unknown one ignored, with the wait and no-event cases", () => {
    const markdown = cli("table", "--markdown").out.split("\n");
    expect(markdown[2]).toBe(
      "| Person, short greeting | amd_human_detected → amd_stopped | human | continue | A person answered; let the bot talk. |",
    );
    expect(markdown).toContain(
      "| Machine greeting, waited 30 s | amd_machine_detected (waited 30000 ms) | machine.greeting | leave-voicemail | A machine greeting is still playing after 30 s of waiting (the limit is 30 s); leave the voicemail message now. |",
    );
    expect(markdown.find((line) => line.startsWith("| AMD disabled"))).toContain("| (none) | not-run |");
    expect(markdown.find((line) => line.startsWith("| Mixed case"))).toContain("| AMD_Human_Detected → Amd_Stopped |");
    expect(markdown.find((line) => line.startsWith("| Unknown event name"))).toContain(
      "| amd_beep_detected (unknown, ignored) → amd_human_detected → amd_stopped | human |",
    );
    const requested = scenarioFixtures.find((scenario) => scenario.options?.amdRequested === true);
    expect(markdown.find((line) => line.startsWith(`| ${requested?.title} |`))).toContain("(AMD requested, waited ");
  });

  it("names every option a scenario routes with, beside its events", () => {
    const scenario = scenarioFixtures[0] as (typeof scenarioFixtures)[number];
    const options = { amdRequested: true, waitedMs: 250, beepWindowMs: 400 };
    const [row] = decisionRows(defaultPolicy);
    const label = renderMarkdown([{ scenario: { ...scenario, options }, decision: (row as DecisionRow).decision }]);
    expect(label).toContain("| amd_human_detected → amd_stopped (AMD requested, waited 250 ms, beep window 400 ms) |");
  });

  it("escapes pipes in Markdown cells", () => {
    const policy = file("pipe.json", { human: { action: "transfer", target: "queue|sales" } });
    const row = cli("table", "--markdown", "--policy", policy).out.split("\n")[2];
    expect(row).toBe(
      "| Person, short greeting | amd_human_detected → amd_stopped | human | transfer | A person answered; transfer the call to queue\\|sales. |",
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
      new RegExp(`^amd-flow summarize: notifications ${broken}, line 1: not valid JSON \\(`),
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
    const simulated = simulatedAbandonment(defaultPolicy);
    expect(simulated.overLimit).toBe(false);
    expect(JSON.parse(cli("check-policy", "--json", file("good2.json", { fax: "continue" })).out)).toEqual({
      ok: true,
      errors: [],
      warnings: [],
      simulated,
    });
    expect(cli("check-policy", "--help").out).toMatch(/^Usage: amd-flow check-policy <file\|-> \[--json\]/);
    expect(cli("check-policy", "a", "b").err).toBe("amd-flow check-policy: check-policy takes one input, got 2");
    expect(cli("--help")).toMatchObject({ code: 0, out: expect.stringMatching(/^amd-flow: route Kore\.ai/) });
  });
});

describe("run: summarize --campaign", () => {
  const body = (conversationId: string, status: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ conversationId, status, ...extra }, null, 2);

  it("prints one line per call as each call ends, then the campaign's figures under readable labels", () => {
    const text = [
      body("c1", "Answered", { machineDetection: "amd_human_detected" }),
      body("c2", "Failed", { reasonCode: "Busy Here", reason: "486 Busy Here" }),
      body("c1", "completed", { reasonCode: "bot-disconnected" }),
    ].join("\n");
    const result = withStdin(text, "summarize", "--campaign");
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      lines(
        "call  status     amd      ended by",
        "c2    failed     not-run",
        "c1    completed  human    bot",
        "",
        "calls:          2",
        "by status:      failed 1 (50 %), completed 1 (50 %)",
        "failure causes: busy 1 (100 %)",
        "AMD outcomes:   not-run 1 (50 %), human 1 (50 %)",
        "machine flag:   0 calls marked machineDetected",
        "live answers:   1 (answered; AMD found no machine and no fax)",
        "cut off:        0 (0 % of live answers): 0 ended by Voice Gateway, 0 by the bot without a human verdict",
        "over the limit: no (limit 3 % cut off; a warning sign, not the abandonment rate)",
      ),
    );
    // No camelCase field names, and not the deprecated ones.
    expect(result.out).not.toMatch(/byStatus|statusRates|routedAwayFromPerson|abandonmentRate/);
  });

  it("answers JSON with each call's summary and the campaign", () => {
    const text = [body("a", "completed"), body("b", "completed"), body("a", "Answered")].join("");
    const { calls, campaign } = JSON.parse(withStdin(text, "summarize", "--campaign", "--json").out);
    expect(
      calls.map((call: { conversationId: string; notifications: number }) => [call.conversationId, call.notifications]),
    ).toEqual([
      ["a", 2],
      ["b", 1],
    ]);
    expect(campaign).toMatchObject({ calls: 2, byStatus: { completed: 2 } });
  });

  it("prints (none) for an empty count and marks the machine flag with disconnect", () => {
    const text = body("m", "completed", { machineDetection: "amd_machine_detected" });
    const out = withStdin(text, "summarize", "--campaign", "--machine-detection", "disconnect").out;
    expect(out).toMatch(/^failure causes: \(none\)$/m);
    expect(out).toMatch(/^machine flag: +1 call marked machineDetected$/m);
  });
});

describe("run: the decision table's judgements", () => {
  it("names the judgements beside the outcome they shaped, in text and Markdown", () => {
    const rows = decisionRows(defaultPolicy);
    const row = rows.find((candidate) => candidate.scenario.id === "short-voicemail-greeting-words") as DecisionRow;
    expect(renderMarkdown([row]).split("\n")[2]).toContain("| machine.greeting-ended (greeting-says-voicemail) |");
    const text = cli("table").out;
    expect(text).toContain("    judged: greeting-says-voicemail\n");
    // A scenario the engine's verdicts decide alone has no such line.
    const plain = rows.find((candidate) => candidate.scenario.id === "person-short-greeting") as DecisionRow;
    expect(renderMarkdown([plain]).split("\n")[2]).toContain("| human |");
  });
});
