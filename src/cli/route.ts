import { type RouteDecision, type RouteOptions, routeCall } from "../index.js";
import { millisecondsOption, onePositional, parseOptions } from "./args.js";
import { invalid, usage } from "./cli-error.js";
import type { Command } from "./command.js";
import { outcomeLabel } from "./decision-table.js";
import { loadPolicy, readJsonObject, STDIN, sourceName } from "./input.js";

const CONTEXT = 'a bot context ({"session":{"UserSession":…}}) or its UserSession ({"amd":…,"amdInfo":…})';

function asContext(value: Record<string, unknown>): unknown {
  // A bare UserSession ({ amd, amdInfo }) is accepted too: it is what people copy from logs.
  if ("session" in value) return value;
  if ("amd" in value || "amdInfo" in value) return { session: { UserSession: value } };
  return undefined;
}

function describe(decision: RouteDecision): string {
  const lines = [
    `action:       ${decision.action}`,
    `reason:       ${decision.reason}`,
    `outcome:      ${outcomeLabel(decision.outcome)}`,
    `explanation:  ${decision.explanation}`,
  ];
  if (decision.recheckAfterMs !== undefined)
    lines.push(`recheck in:   ${decision.recheckAfterMs} ms (limit ${decision.maxWaitMs} ms)`);
  if (decision.transferTarget !== undefined) lines.push(`transfer to:  ${decision.transferTarget}`);
  if (decision.retry !== undefined) {
    const after = decision.retryAfterMs === undefined ? "" : `, after ${decision.retryAfterMs} ms`;
    lines.push(`retry:        ${decision.retry ? `yes${after}` : "no"}`);
  }
  for (const issue of decision.issues) lines.push(`issue:        ${issue}`);
  return lines.join("\n");
}

/** `amd-flow route`: the decision for one bot context. */
export const route: Command = {
  synopsis: `route [file|${STDIN}]`,
  summary: "decide what the bot does for a bot context (JSON)",
  help: `Usage: amd-flow route [file|${STDIN}] [--policy file] [--waited ms] [--amd-requested]
                            [--beep-window ms] [--json]

Reads a bot context (JSON: {"session":{"UserSession":{"amd":…,"amdInfo":…}}}, or the
UserSession object itself) from a file, or from standard input given ${STDIN} or no file,
and prints the decision.

  --policy file       a policy (JSON); the default policy when absent
  --waited ms         how long the flow has already waited on AMD (0 or more; default 0)
  --amd-requested     the dial-out asked for AMD (machineDetection detect or disconnect):
                      no AMD event yet then means AMD has not decided yet (pending),
                      not that AMD is off (not-run)
  --beep-window ms    a tone heard more than this long before the human verdict came
                      before the person spoke (0 or more; default 1000)
  --json              print the whole decision as JSON`,
  run(argv, { read }) {
    const { values, positionals, help } = parseOptions(argv, {
      policy: "string",
      waited: "string",
      "amd-requested": "boolean",
      "beep-window": "string",
      json: "boolean",
    });
    if (help) return route.help;
    const options: { -readonly [K in keyof RouteOptions]: RouteOptions[K] } = {};
    if (values.waited !== undefined) options.waitedMs = millisecondsOption("waited", values.waited);
    if (values["amd-requested"] === true) options.amdRequested = true;
    if (values["beep-window"] !== undefined)
      options.beepWindowMs = millisecondsOption("beep-window", values["beep-window"]);
    const file = onePositional(positionals, "route") ?? STDIN;
    if (file === STDIN && values.policy === STDIN) {
      throw usage(`context and policy cannot both come from ${sourceName(STDIN)}`);
    }
    const policy = loadPolicy(read, values.policy);
    const input = readJsonObject(read, file, "context", CONTEXT);
    const context = asContext(input);
    if (context === undefined) {
      throw invalid(`context ${sourceName(file)}: expected ${CONTEXT}, got an object without any of them`);
    }
    const decision = routeCall(context, policy, options);
    return values.json ? JSON.stringify(decision, null, 2) : describe(decision);
  },
};
