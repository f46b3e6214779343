import { describe, expect, it } from "vitest";
import { onePositional, parseOptions } from "../../src/cli/args.js";
import { CliError } from "../../src/cli/cli-error.js";

const spec = { policy: "string", json: "boolean" } as const;

function usageError(argv: string[]): string {
  try {
    parseOptions(argv, spec);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    return (error as CliError).message;
  }
  throw new Error(`no error for ${argv.join(" ")}`);
}

describe("parseOptions", () => {
  it("reads values, switches, inputs and help", () => {
    expect(parseOptions(["a.json", "--policy", "p.json", "--json"], spec)).toEqual({
      values: { policy: "p.json", json: true },
      positionals: ["a.json"],
      help: false,
    });
    expect(parseOptions(["--policy=-1", "-"], spec)).toEqual({
      values: { policy: "-1" },
      positionals: ["-"],
      help: false,
    });
    expect(parseOptions(["--policy", "-x"], spec).values).toEqual({ policy: "-x" });
    expect(parseOptions(["-h"], spec).help).toBe(true);
    expect(parseOptions(["--help"], spec).help).toBe(true);
  });

  it("takes everything after -- as inputs", () => {
    expect(parseOptions(["--json", "--", "--policy", "-1"], spec)).toEqual({
      values: { json: true },
      positionals: ["--policy", "-1"],
      help: false,
    });
  });

  it("gives one line for each mistake", () => {
    expect(usageError(["--nope"])).toBe("unknown option --nope");
    expect(usageError(["--nope=1"])).toBe("unknown option --nope");
    expect(usageError(["-p"])).toBe("unknown option -p");
    expect(usageError(["--toString"])).toBe("unknown option --toString");
    expect(usageError(["--policy"])).toBe("--policy needs a value");
    expect(usageError(["--policy", "--json"])).toBe("--policy needs a value");
    expect(usageError(["--policy", "--policy=x"])).toBe("--policy needs a value");
    expect(usageError(["--policy", "--help"])).toBe("--policy needs a value");
    expect(usageError(["--json=yes"])).toBe("--json takes no value");
    expect(usageError(["--json", "--json"])).toBe("--json given twice");
    expect(usageError(["--policy=a", "--policy", "b"])).toBe("--policy given twice");
  });
});

describe("onePositional", () => {
  it("gives the one input, or none, and refuses more", () => {
    expect(onePositional([], "route")).toBeUndefined();
    expect(onePositional(["a"], "route")).toBe("a");
    expect(() => onePositional(["a", "b"], "route")).toThrow("route takes one input, got 2");
  });
});
