// amd-flow route, in-process through run(): every scenario as routeCall decides it, the
// decision's lines, and each option's checks.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
      ),
    );
  });

  it("route reads a bare UserSession, and refuses what is not a context", () => {
    expect(
      JSON.parse(withStdin('{"amdInfo":{"amdEvents":["amd_human_detected"]}}', "route", "--json").out).outcome.kind,
    ).toBe("human");
    expect(
      JSON.parse(
        withStdin('{"session":{"UserSession":{"amd":"amd_error"}},"amd":"amd_human_detected"}', "route", "--json").out,
      ).outcome.kind,
    ).toBe("error");
    const expected =
      'expected a bot context ({"session":{"UserSession":…}}) or its UserSession ({"amd":…,"amdInfo":…})';
    expect(withStdin('{"other":{"amd":"amd_human_detected"}}', "route")).toMatchObject({
      code: 1,
      err: `amd-flow route: context standard input (-): ${expected}, got an object without any of them`,
    });
    for (const [input, got] of [
      ["null", "null"],
      ['"amd_human_detected"', "a string"],
      ["[1,2]", "a list"],
      ["3", "a number"],
    ]) {
      expect(withStdin(input as string, "route"), input).toMatchObject({
        code: 1,
        err: `amd-flow route: context standard input (-): ${expected}, got ${got}`,
      });
    }
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

  it("explains --amd-requested and --beep-window in its help", () => {
    const help = cli("route", "--help").out;
    expect(help).toContain(
      [
        "  --amd-requested     the dial-out asked for AMD (machineDetection detect or disconnect):",
        "                      no AMD event yet then means AMD has not decided yet (pending),",
        "                      not that AMD is off (not-run)",
      ].join("\n"),
    );
    expect(help).toContain("  --beep-window ms    a tone heard more than this long before the human verdict came");
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

  it("refuses to read the context and the policy both from standard input", () => {
    expect(withStdin(HUMAN, "route", "--policy", "-")).toMatchObject({
      code: 2,
      err: "amd-flow route: context and policy cannot both come from standard input (-)",
    });
  });
});
