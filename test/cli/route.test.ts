// amd-flow route, in-process through run(): every scenario as routeCall decides it, the
// decision's lines, and each option's checks.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeDecision } from "../../src/cli/route.js";
import { scenarioFixtures } from "../../src/fixtures/index.js";
import { type RouteOptions, routeCall } from "../../src/index.js";
import { cli, tempFolder, withStdin } from "../support/cli.js";

const { dir, file } = tempFolder("amd-flow-route-");
const lines = (...text: string[]) => text.join("\n");
const HUMAN = '{"amd":"amd_human_detected"}';
const beep = scenarioFixtures.find((scenario) => scenario.id === "voicemail-beep");

/** The command-line flags that pass `options` to routeCall; every option has one. */
function flagsOf(options: RouteOptions = {}): string[] {
  const flags: string[] = [];
  for (const key of Object.keys(options)) {
    const value = options[key as keyof RouteOptions];
    if (key === "waitedMs") flags.push("--waited", String(value));
    else if (key === "beepWindowMs") flags.push("--beep-window", String(value));
    else if (key === "amdRequested") flags.push(...(value === true ? ["--amd-requested"] : []));
    else if (key === "state") flags.push("--state", JSON.stringify(value));
    else throw new Error(`no flag for the option ${key}`);
  }
  return flags;
}

describe("run: route", () => {
  it("gives the library's decision for every scenario, with the scenario's options as flags", () => {
    for (const scenario of scenarioFixtures) {
      const result = cli(
        "route",
        file(`${scenario.id}.json`, scenario.context),
        "--json",
        ...flagsOf(scenario.options),
      );
      expect(result.code, scenario.id).toBe(0);
      expect(JSON.parse(result.out), scenario.id).toEqual(
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
        'state:        {"version":1,"waitedMs":3500.5,"seenMs":{"amd_machine_detected":-1}}',
      ),
    );
  });

  it("route reads a bare UserSession, and routes any other JSON value as routeCall does, with exit 0", () => {
    expect(
      JSON.parse(withStdin('{"amdInfo":{"amdEvents":["amd_human_detected"]}}', "route", "--json").out).outcome.kind,
    ).toBe("human");
    expect(
      JSON.parse(
        withStdin('{"session":{"UserSession":{"amd":"amd_error"}},"amd":"amd_human_detected"}', "route", "--json").out,
      ).outcome.kind,
    ).toBe("error");
    for (const input of [
      "{}",
      '{"other":{"amd":"amd_human_detected"}}',
      "null",
      '"amd_human_detected"',
      "[1,2]",
      "3",
    ]) {
      for (const flags of [[], ["--amd-requested"]]) {
        const result = withStdin(input, "route", "--json", ...flags);
        expect(result, input).toMatchObject({ code: 0, err: "" });
        const options = flags.length === 0 ? {} : { amdRequested: true };
        expect(JSON.parse(result.out), input).toEqual(
          JSON.parse(JSON.stringify(routeCall(JSON.parse(input), undefined, options))),
        );
      }
    }
    expect(withStdin("[1,2]", "route").out.split("\n").at(-1)).toBe("issue:        context: expected an object");
    expect(withStdin("{}", "route", "--amd-requested").out.split("\n")[0]).toBe("action:       wait");
  });

  it("--state passes the previous decision's state to routeCall, as JSON text, from a file or standard input", () => {
    const state = { runs: 3, seen: { amd_machine_detected: 1 } };
    const context = JSON.stringify({ amd: "amd_machine_detected" });
    const expected = JSON.parse(
      JSON.stringify(
        routeCall({ session: { UserSession: { amd: "amd_machine_detected" } } }, undefined, { state } as RouteOptions),
      ),
    );
    const path = file("state.json", state);
    const contextFile = file("context.json", context);
    for (const args of [
      ["--state", JSON.stringify(state)],
      ["--state", ` ${JSON.stringify(state)}`],
      [`--state=${JSON.stringify(state)}`],
      ["--state", path],
    ]) {
      expect(JSON.parse(withStdin(context, "route", "--json", ...args).out), args.join(" ")).toEqual(expected);
    }
    expect(JSON.parse(withStdin(JSON.stringify(state), "route", contextFile, "--json", "--state", "-").out)).toEqual(
      expected,
    );
    expect(withStdin(context, "route", "--state", "{oops")).toEqual({
      code: 1,
      out: "",
      err: 'amd-flow route: --state is not valid JSON: line 1, column 2: expected a property name in double quotes ("name"), found "o" in `{oops`',
    });
    expect(withStdin(context, "route", "--state", join(dir, "no-state.json"))).toMatchObject({
      code: 1,
      err: `amd-flow route: state ${join(dir, "no-state.json")}: no such file`,
    });
  });

  it("prints the new state last after a wait, as one line of JSON, for the next step's --state", () => {
    const decision = routeCall({ session: { UserSession: { amd: "amd_machine_detected" } } });
    expect(describeDecision(decision).split("\n").at(-1)).toBe(
      'state:        {"version":1,"waitedMs":1000,"seenMs":{"amd_machine_detected":-1}}',
    );
    const final = routeCall({ session: { UserSession: { amd: "amd_human_detected" } } });
    expect(describeDecision(final)).not.toContain("state:");
  });

  it.each(["waited", "beep-window"])("--%s takes numeric text as the library reads it, and nothing else", (name) => {
    for (const good of ["0", "30000", "1.5", " 1", "2500 ", "\t7\n"]) {
      expect(withStdin(HUMAN, "route", `--${name}`, good), good).toMatchObject({ code: 0, err: "" });
    }
    const huge = "9".repeat(400);
    for (const bad of ["1.", ".5", "x1", "1x", "1e3", "0x10", "", " ", "-1", "-", "1 000", "Infinity", huge]) {
      for (const args of [[`--${name}`, bad], [`--${name}=${bad}`]]) {
        expect(withStdin(HUMAN, "route", ...args), bad).toEqual({
          code: 2,
          out: "",
          err: `amd-flow route: --${name}: expected milliseconds, a number 0 or more, got "${bad}"`,
        });
      }
    }
  });

  it("passes --waited, --amd-requested and --beep-window to routeCall as numbers and true", () => {
    const silent = '{"amdInfo":{"amdEvents":[]}}';
    expect(JSON.parse(withStdin(silent, "route", "--json").out).outcome.kind).toBe("not-run");
    const pending = JSON.parse(withStdin(silent, "route", "--json", "--amd-requested", "--waited", " 6000 ").out);
    expect(pending).toEqual(
      JSON.parse(JSON.stringify(routeCall(JSON.parse(silent), undefined, { amdRequested: true, waitedMs: 6000 }))),
    );
    expect([pending.outcome.kind, pending.reason]).toEqual(["pending", "wait-limit-reached"]);
    // A tone 400 ms before the human verdict: within the default window a beep, outside 300 ms a person.
    const timed = JSON.stringify({
      amdInfo: {
        amdEvents: [
          { type: "amd_tone_detected", atMs: 2000 },
          { type: "amd_human_detected", atMs: 2400 },
        ],
      },
    });
    expect(JSON.parse(withStdin(timed, "route", "--json").out).action).toBe("leave-voicemail");
    expect(JSON.parse(withStdin(timed, "route", "--json", "--beep-window", "399").out).action).toBe("continue");
    expect(JSON.parse(withStdin(timed, "route", "--json", "--beep-window=400").out).action).toBe("leave-voicemail");
    expect(withStdin(silent, "route", "--amd-requested=yes")).toEqual({
      code: 2,
      out: "",
      err: "amd-flow route: --amd-requested takes no value",
    });
  });

  it("explains --amd-requested, --state and --beep-window in its help, and its exit codes", () => {
    const help = cli("route", "--help").out;
    expect(help).toContain(
      [
        "  --amd-requested    the dial-out asked for AMD, as the script node says with",
        '                     amdRequested: true: no AMD event yet is then "not decided',
        '                     yet" (pending: wait), not "AMD is off" (not-run: continue)',
      ].join("\n"),
    );
    expect(help).toContain("  --state json|file  the previous decision's state (context.amdState in the");
    expect(help).toContain(
      [
        "  --beep-window ms   for events with times: a tone more than this many ms before",
        "                     the person's verdict came before they spoke, and the",
        "                     outcome stays human; a tone within it is a voicemail's",
        "                     beep (0 or more; default 1000)",
      ].join("\n"),
    );
    expect(help).toContain("Exit status: 0 with a decision (issues included), 1 when a file cannot be read");
    expect(help.split("\n").every((line) => line.length <= 80)).toBe(true);
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

  it("refuses to read two of the context, the policy and the state from standard input", () => {
    const path = file("human.json", HUMAN);
    for (const args of [
      ["--policy", "-"],
      ["--state", "-"],
      [path, "--policy", "-", "--state", "-"],
    ]) {
      expect(withStdin(HUMAN, "route", ...args), args.join(" ")).toEqual({
        code: 2,
        out: "",
        err: "amd-flow route: only one of the context, --policy and --state can come from standard input (-)",
      });
    }
  });
});
