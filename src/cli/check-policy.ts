import { lintPolicy, type Policy, type PolicyError, parsePolicy } from "../index.js";
import { onePositional, parseOptions } from "./args.js";
import { usage } from "./cli-error.js";
import type { Command, CommandResult } from "./command.js";
import { readJsonObject, STDIN, sourceName } from "./input.js";

function failed(problems: readonly string[], json: boolean | undefined): CommandResult {
  if (json) return { text: JSON.stringify({ ok: false, errors: problems, warnings: [] }, null, 2), exitCode: 1 };
  return { text: problems.map((problem) => `error: ${problem}`).join("\n"), exitCode: 1 };
}

/** `amd-flow check-policy`: a policy file's errors and warnings. */
export const checkPolicy: Command = {
  synopsis: `check-policy <file|${STDIN}>`,
  summary: "check a policy file: errors and warnings",
  help: `Usage: amd-flow check-policy <file|${STDIN}> [--json]

Checks a policy (a JSON object) in a file, or on standard input given ${STDIN}. Errors exit 1;
warnings (choices that risk hanging up on a person) are printed and exit 0.

  --json   print { ok, errors, warnings } as JSON`,
  run(argv, { read }) {
    const { values, positionals, help } = parseOptions(argv, { json: "boolean" });
    if (help) return checkPolicy.help;
    const file = onePositional(positionals, "check-policy");
    if (file === undefined) throw usage(`check-policy needs a policy file, or ${STDIN} for standard input`);
    const input = readJsonObject(read, file, "policy", "a JSON object");
    let policy: Policy;
    try {
      policy = parsePolicy(input);
    } catch (error) {
      // parsePolicy throws nothing but PolicyError.
      return failed((error as PolicyError).problems, values.json);
    }
    const warnings = lintPolicy(policy);
    if (values.json) return JSON.stringify({ ok: true, errors: [], warnings }, null, 2);
    const lines = warnings.map((warning) => `warning: ${warning.path}: ${warning.message}`);
    const count = warnings.length > 0 ? ` (${warnings.length} warnings)` : "";
    return [...lines, `ok: ${sourceName(file)} is a valid policy${count}`].join("\n");
  },
};
