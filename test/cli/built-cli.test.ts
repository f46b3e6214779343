// What a user sees from the built command line (dist/cli.js, spawned): invalid input exits
// 1, usage mistakes exit 2 with one line, summarize reads notifications however they were
// pasted, --campaign summarises many calls, and `npm start`'s table fits 80 columns in
// plain text unless a terminal asks for colour.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { notificationFixtures } from "../../src/fixtures/index.js";
import { CLI, ESC, SPAWN_TIMEOUT, spawnCli } from "../support/built-cli.js";
import { bodiesOf, VOICEMAIL_CALL } from "../support/notifications.js";

const cli = spawnCli;

function oneLine(result: ReturnType<typeof cli>, code: number, message: string): void {
  expect(result).toEqual({ code, out: "", err: `${message}\n` });
}

describe("built amd-flow: invalid input exits 1 with one line", { timeout: SPAWN_TIMEOUT }, () => {
  it("route routes any JSON value as routeCall does (exit 0), and names JSON that is not JSON by line and column", () => {
    for (const input of ['"amd_human_detected"', "[1,2]", "null", "{}"]) {
      const result = cli(["route", "--amd-requested"], input);
      expect(result, input).toMatchObject({ code: 0, err: "" });
      expect(result.out, input).toMatch(/^action: {7}wait\n/);
    }
    oneLine(
      cli(["route"], '{"amd":\n  "amd_human_detected",\n}'),
      1,
      'amd-flow route: context standard input (-) is not valid JSON: line 3, column 1: expected a property name in double quotes ("name"), found "}" in `}`',
    );
  });

  it("summarize refuses {} and anything that is not a notification", () => {
    oneLine(
      cli(["summarize"], "{}"),
      1,
      "amd-flow summarize: notifications standard input (-), notification 1 (line 1): conversationId: expected text; status: expected a status",
    );
    oneLine(cli(["summarize"], "  "), 1, "amd-flow summarize: notifications standard input (-): empty");
  });

  it("check-policy refuses null, a list and a string", () => {
    for (const [input, got] of [
      ["null", "null"],
      ["[]", "a list"],
      ['"continue"', "a string"],
    ] as const) {
      oneLine(
        cli(["check-policy", "-"], input),
        1,
        `amd-flow check-policy: policy standard input (-): expected a JSON object, got ${got}`,
      );
    }
  });
});

describe("built amd-flow: usage mistakes exit 2 with one line", { timeout: SPAWN_TIMEOUT }, () => {
  it("--waited -1 says what --waited expects", () => {
    const expected = 'amd-flow route: --waited: expected milliseconds, a number 0 or more, got "-1"';
    oneLine(cli(["route", "--waited", "-1"], '{"amd":"amd_human_detected"}'), 2, expected);
    oneLine(cli(["route", "--waited=-1"], '{"amd":"amd_human_detected"}'), 2, expected);
    oneLine(
      cli(["route", "--beep-window", "1s"], '{"amd":"amd_human_detected"}'),
      2,
      'amd-flow route: --beep-window: expected milliseconds, a number 0 or more, got "1s"',
    );
  });

  it("--amd-requested reads no event yet as AMD not decided yet", () => {
    const result = cli(["route", "--amd-requested"], '{"amdInfo":{"amdEvents":[]}}');
    expect(result.code).toBe(0);
    expect(result.out).toContain("reason:       amd-pending\n");
    expect(result.out).toContain("outcome:      pending\n");
  });

  it("unknown options, a missing value, a value given to a switch, an option twice", () => {
    oneLine(cli(["route", "--nope"]), 2, "amd-flow route: unknown option --nope");
    oneLine(cli(["table", "--colour=yes"]), 2, "amd-flow table: unknown option --colour");
    oneLine(cli(["summarize", "-x"]), 2, "amd-flow summarize: unknown option -x");
    oneLine(cli(["route", "--policy"]), 2, "amd-flow route: --policy needs a value");
    oneLine(cli(["route", "--policy", "--json"]), 2, "amd-flow route: --policy needs a value");
    oneLine(cli(["table", "--json=1"]), 2, "amd-flow table: --json takes no value");
    oneLine(cli(["table", "--json", "--json"]), 2, "amd-flow table: --json given twice");
    oneLine(
      cli(["route", "--policy", "-", "-"]),
      2,
      "amd-flow route: only one of the context, --policy and --state can come from standard input (-)",
    );
    oneLine(
      cli(["table", "--markdown", "--json"]),
      2,
      "amd-flow table: --markdown and --json cannot be used together: choose one",
    );
    oneLine(cli(["rout"]), 2, 'amd-flow: unknown command "rout"; did you mean "route"?');
  });

  it("names standard input the same way in help and errors", () => {
    for (const command of ["route", "summarize", "check-policy"]) {
      expect(cli([command, "--help"]).out, command).toMatch(/\|-\]?>? /);
      expect(cli([command, "--help"]).out, command).toContain("standard input given -");
    }
    expect(cli(["--help"]).out).toContain("Every input is a file, or standard input given -");
    const broken = cli(["route"], "{oops");
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(
      /^amd-flow route: context standard input \(-\) is not valid JSON: line 1, column 2: [^\n]*\n$/,
    );
  });
});

describe("built amd-flow summarize: every way notifications are pasted", { timeout: SPAWN_TIMEOUT }, () => {
  const call = bodiesOf(VOICEMAIL_CALL);

  it("reads JSON Lines, a JSON array and pretty-printed objects one after another the same", () => {
    const asArray = cli(["summarize", "--json"], JSON.stringify(call));
    expect(asArray.code).toBe(0);
    const asLines = cli(["summarize", "--json"], call.map((body) => JSON.stringify(body)).join("\n"));
    const pasted = cli(["summarize", "--json"], call.map((body) => JSON.stringify(body, null, 2)).join("\n"));
    const touching = cli(["summarize", "--json"], call.map((body) => JSON.stringify(body)).join(""));
    expect(asLines.out).toBe(asArray.out);
    expect(pasted.out).toBe(asArray.out);
    expect(touching.out).toBe(asArray.out);
    expect(JSON.parse(asArray.out)).toMatchObject({ status: "completed", notifications: call.length });
  });

  it("names the line of a value that is not JSON", () => {
    const text = `${JSON.stringify(call[0], null, 2)}\n{ "conversationId": oops }`;
    const line = JSON.stringify(call[0], null, 2).split("\n").length + 1;
    const result = cli(["summarize"], text);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      new RegExp(`^amd-flow summarize: notifications standard input \\(-\\), line ${line}: not valid JSON \\(`),
    );
  });

  it("--campaign summarises each call and the campaign", () => {
    const bodies = notificationFixtures.map((fixture) => fixture.body);
    const ids = [...new Set(bodies.map((body) => body["conversationId"]))];
    const result = cli(
      ["summarize", "--campaign", "--json"],
      bodies.map((body) => JSON.stringify(body, null, 2)).join("\n"),
    );
    expect(result.code).toBe(0);
    const { calls, campaign } = JSON.parse(result.out) as {
      calls: Array<{ conversationId: string }>;
      campaign: { calls: number };
    };
    expect(calls.map((summary) => summary.conversationId)).toEqual(ids);
    expect(campaign.calls).toBe(ids.length);
    const text = cli(["summarize", "--campaign"], JSON.stringify(bodies));
    expect(text.code).toBe(0);
    expect(text.out.split("\n")[0]).toMatch(/^call +status +amd +ended by$/);
    expect(text.out).toMatch(new RegExp(`^calls: +${ids.length}$`, "m"));
  });
});

describe("built amd-flow: standard input on a terminal", { timeout: SPAWN_TIMEOUT }, () => {
  it("says on standard error that it reads standard input before it waits, only on a terminal", () => {
    // A terminal is simulated by a preload that marks stdin as a TTY; the input is still piped.
    const tty = `--import=data:text/javascript,${encodeURIComponent("process.stdin.isTTY = true;")}`;
    const result = spawnSync(process.execPath, [tty, CLI, "route"], {
      input: '{"amd":"amd_human_detected"}',
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      "amd-flow: reading the context from standard input (the terminal): paste or type JSON, then press Ctrl-D; or give a file (--help)\n",
    );
    expect(result.stdout).toContain("action:       continue");
    expect(cli(["route"], '{"amd":"amd_human_detected"}').err).toBe("");
  });
});

describe("built amd-flow table: 80 columns, colour only for a terminal", { timeout: SPAWN_TIMEOUT }, () => {
  it("fits 80 columns and has no colour when piped", () => {
    const result = cli(["table"]);
    expect(result.code).toBe(0);
    expect(Math.max(...result.out.split("\n").map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(result.out).not.toContain(ESC);
  });

  it("never colours with NO_COLOR set, even on a terminal", () => {
    // A terminal is simulated by a preload that marks stdout as a TTY.
    const tty = `--import=data:text/javascript,${encodeURIComponent("process.stdout.isTTY = true;")}`;
    const spawn = (env: Record<string, string>) =>
      spawnSync(process.execPath, [tty, CLI, "table"], { encoding: "utf8", env: { ...process.env, ...env } }).stdout;
    expect(spawn({ NO_COLOR: "" })).toContain(`${ESC}[32mcontinue${ESC}[39m`);
    expect(spawn({ NO_COLOR: "1" })).not.toContain(ESC);
  });
});
