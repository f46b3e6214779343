// Every error the command line prints is one line, whatever the input held: control
// characters from file names, option values and file contents are shown escaped.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typingHint } from "../../src/cli/input.js";
import { oneLine } from "../../src/cli/one-line.js";
import { run } from "../../src/cli/run.js";
import { cli, tempFolder, withStdin } from "../support/cli.js";

const { dir, file } = tempFolder("amd-flow-one-line-");
const ESC = "\u001b";
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

describe("oneLine", () => {
  it("escapes control characters, separators and bidirectional controls, and cuts nothing", () => {
    expect(oneLine(`a${ESC}[31mb\nc\rd\u2028e\u202ef\u0085`)).toBe(
      "a\\u001b[31mb\\u000ac\\u000dd\\u2028e\\u202ef\\u0085",
    );
    expect(oneLine("x".repeat(5000))).toBe("x".repeat(5000));
    expect(oneLine("営業 😀")).toBe("営業 😀");
  });
});

describe("every error is one line, control characters escaped", () => {
  it("escapes them in a file name, an option's value, a command and an option name", () => {
    const name = join(dir, `${ESC}[2J\nevil\u202e.json`);
    const shown = join(dir, "\\u001b[2J\\u000aevil\\u202e.json");
    expect(cli("route", name)).toEqual({ code: 1, out: "", err: `amd-flow route: context ${shown}: no such file` });
    expect(cli("check-policy", name).err).toBe(`amd-flow check-policy: policy ${shown}: no such file`);
    expect(cli("simulate", "--scenario", `x${ESC}]0;pwned\u0007`)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^amd-flow simulate: --scenario: no scenario "x\\u001b\]0;pwned\\u0007"; one of /),
    });
    expect(cli(`rm${ESC}[A`).err).toBe('amd-flow: unknown command "rm\\u001b[A"; try amd-flow --help');
    expect(cli("table", `--x${ESC}`).err).toBe("amd-flow table: unknown option --x\\u001b");
    expect(cli("route", "--waited", "1\n2").err).toBe(
      'amd-flow route: --waited: expected milliseconds, a number 0 or more, got "1\\u000a2"',
    );
    for (const result of [cli("route", name), cli("simulate", "--scenario", `\n${ESC}`), cli(`${ESC}\n`)]) {
      expect(result.err).not.toMatch(CONTROL);
    }
  });

  it("quotes JSON around its mistake on one line, with line and column", () => {
    const path = file("bad.json", '{\n  "amd": "amd_human_detected",\n  "amdInfo": {\n    "amdEvents": [oops]\n  }\n}');
    expect(cli("route", path)).toEqual({
      code: 1,
      out: "",
      err: `amd-flow route: context ${path} is not valid JSON: line 4, column 19: expected a value (an object, a list, text, a number, true, false or null), found "o" in \`    "amdEvents": [oops]\``,
    });
    const policy = file("bad-policy.json", '{"human": "continue",\n "fax": "hang-up"\n "silence": 1}');
    expect(cli("check-policy", policy).err).toBe(
      `amd-flow check-policy: policy ${policy} is not valid JSON: line 3, column 2: expected "," or "}", found "\\"" in \` "silence": 1}\``,
    );
    expect(withStdin("{\n", "route").err).toBe(
      'amd-flow route: context standard input (-) is not valid JSON: line 2, column 1: expected a property name in double quotes ("name"), found the end of the text in ``',
    );
  });

  it("prints a transfer target from a policy escaped, in the decision's lines", () => {
    const policy = file("target.json", { human: { action: "transfer", target: `q${ESC}[31mred\nx` } });
    const result = withStdin('{"amd":"amd_human_detected"}', "route", "--policy", policy);
    expect(result.out.split("\n").filter((line) => CONTROL.test(line))).toEqual([]);
    expect(result.out.split("\n")).toContain("transfer to:  q\\u001b[31mred\\u000ax");
  });

  it("prints a policy's problems and the file name it checked escaped too", () => {
    const name = file(`p${ESC}.json`, { human: `dance${ESC}` });
    const result = cli("check-policy", name);
    expect(result.code).toBe(1);
    expect(result.err).not.toMatch(CONTROL);
    const good = cli("check-policy", file(`ok${ESC}.json`, {}));
    expect(good.out.split("\n").at(-1)).toMatch(/^ok: .*ok\\u001b\.json is a valid policy; /);
  });
});

describe("byte order marks, huge argument lists, a terminal on standard input", () => {
  it("reads a policy and a context file that start with a UTF-8 byte order mark", () => {
    const policy = file("bom-policy.json", `\uFEFF${JSON.stringify({ human: "transfer" })}`);
    const context = file("bom-context.json", `\uFEFF${JSON.stringify({ amd: "amd_human_detected" })}`);
    expect(JSON.parse(cli("route", context, "--policy", policy, "--json").out).action).toBe("transfer");
    expect(cli("check-policy", policy).code).toBe(0);
    expect(JSON.parse(cli("table", "--policy", policy, "--json").out)[0].action).toBe("transfer");
    expect(JSON.parse(withStdin('\uFEFF{"amd":"amd_human_detected"}', "route", "--json").out).action).toBe("continue");
  });

  it("takes 150,000 arguments after -- without overflowing the stack", () => {
    const argv = ["route", "--", ...Array.from({ length: 150_000 }, () => "x")];
    const err: string[] = [];
    const code = run(argv, { out: () => undefined, err: (text) => err.push(text), stdin: () => "" });
    expect([code, err]).toEqual([2, ["amd-flow route: route takes one input, got 150000"]]);
  });

  it("tells a person at a terminal that it is reading standard input, before it waits", () => {
    const said: string[] = [];
    const io = (isTTY: boolean) => ({
      out: () => undefined,
      err: (text: string) => said.push(`err: ${text}`),
      stdin: () => {
        said.push("read");
        return '{"amd":"amd_human_detected"}';
      },
      stdinIsTTY: isTTY,
    });
    expect(run(["route"], io(true))).toBe(0);
    expect(said).toEqual([`err: ${typingHint("context")}`, "read"]);
    expect(typingHint("context")).toBe(
      "amd-flow: reading the context from standard input (the terminal): paste or type JSON, then press Ctrl-D; or give a file (--help)",
    );
    said.length = 0;
    expect(run(["route"], io(false))).toBe(0);
    expect(said).toEqual(["read"]);
    said.length = 0;
    expect(run(["route", file("c.json", {})], io(true))).toBe(0);
    expect(said).toEqual([]);
  });
});
