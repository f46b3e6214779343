import {
  ABANDONMENT_RULE,
  lintPolicy,
  type Policy,
  type PolicyError,
  type PolicyWarning,
  parsePolicy,
} from "../index.js";
import { onePositional, parseOptions } from "./args.js";
import { usage } from "./cli-error.js";
import type { Command, CommandResult } from "./command.js";
import { readJsonObject, STDIN, sourceName } from "./input.js";
import { oneLine } from "./one-line.js";
import {
  describeAbandonment,
  ruleParagraph,
  type SimulatedAbandonment,
  simulatedAbandonment,
} from "./simulated-abandonment.js";
import { wrapLine } from "./wrap.js";

function failed(problems: readonly string[], json: boolean | undefined): CommandResult {
  if (json) return { text: JSON.stringify({ ok: false, errors: problems, warnings: [] }, null, 2), exitCode: 1 };
  return { text: problems.map((problem) => `error: ${oneLine(problem)}`).join("\n"), exitCode: 1 };
}

/** What a warning that abandons a person ends with: the rule is named there and stated once, after the warnings. */
const ABANDONED_SUFFIX = /: an abandoned call under the FCC\/FTC abandoned-call rule$/;

/** The simulated abandonment as a warning, when it is over the rule's limit. */
function simulatedWarning(figures: SimulatedAbandonment): PolicyWarning[] {
  if (!figures.overLimit) return [];
  return [{ path: "simulated", message: describeAbandonment(figures), abandonment: true }];
}

/**
 * The text output: each warning wrapped to 80 columns (the rule it risks named once,
 * not on every line), the simulated abandonment, the rule stated once when any warning
 * concerns it, and a summary line.
 */
function renderText(file: string, warnings: readonly PolicyWarning[], figures: SimulatedAbandonment): string {
  const lines: string[] = [];
  for (const warning of warnings) {
    const message = warning.abandonment ? warning.message.replace(ABANDONED_SUFFIX, "") : warning.message;
    lines.push(...wrapLine(`warning: ${warning.path}: ${message}`));
  }
  if (!figures.overLimit) lines.push(...wrapLine(`simulated: ${describeAbandonment(figures)}`));
  const abandoning = warnings
    .filter((warning) => warning.abandonment)
    .map((warning) => (warning.path === "simulated" ? "the simulation" : warning.path));
  if (abandoning.length > 0) {
    const which =
      abandoning.length === 1
        ? `The warning on ${abandoning[0]} is`
        : `The warnings on ${abandoning.slice(0, -1).join(", ")} and ${abandoning.at(-1)} are`;
    lines.push("", ...ruleParagraph(which), "");
  }
  const count = warnings.length === 0 ? "no warnings" : `${warnings.length} warning${warnings.length === 1 ? "" : "s"}`;
  const about = abandoning.length === 0 ? "" : `, ${abandoning.length} about abandoned calls`;
  // One line, however long the file name: the verdict a script can read last.
  lines.push(`ok: ${sourceName(file)} is a valid policy; ${count}${about}`);
  return lines.join("\n");
}

/** `amd-flow check-policy`: a policy file's errors and warnings, and its simulated abandonment. */
export const checkPolicy: Command = {
  synopsis: `check-policy <file|${STDIN}>`,
  summary: "check a policy: errors, warnings, simulated abandonment",
  help: `Usage: amd-flow check-policy <file|${STDIN}> [--json]

Checks a policy (a JSON object) in a file, or on standard input given ${STDIN}.
Errors exit 1. Otherwise it prints the warnings (choices that risk abandoning or
stalling a person, or a voicemail nobody hears in full), then simulates the
policy over the bundled calls, as amd-flow simulate does, and warns when it
abandons more than ${ABANDONMENT_RULE.maxRate * 100} % of the persons; warnings exit 0.

  --json   print { ok, errors, warnings, simulated } as JSON`,
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
    const simulated = simulatedAbandonment(policy);
    const warnings = [...lintPolicy(policy), ...simulatedWarning(simulated)];
    if (values.json) return JSON.stringify({ ok: true, errors: [], warnings, simulated }, null, 2);
    return renderText(file, warnings, simulated);
  },
};
