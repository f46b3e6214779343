import { type RouteDecision, type RouteOptions, routeCall } from "../index.js";
import { millisecondsOption, onePositional, parseOptions } from "./args.js";
import { invalid, usage } from "./cli-error.js";
import type { Command } from "./command.js";
import { outcomeLabel } from "./decision-table.js";
import { loadPolicy, type Reader, readJson, STDIN, sourceName } from "./input.js";
import { parseJsonText } from "./json-text.js";
import { oneLine } from "./one-line.js";

/**
 * What `routeCall` is given for a JSON value: the value itself, except a bare UserSession
 * (an object with `amd` or `amdInfo` and no `session`, as copied from logs), which is put
 * where a bot context holds it. Any other value is routed as `routeCall` routes it.
 */
export function asContext(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value) || "session" in value) return value;
  return "amd" in value || "amdInfo" in value ? { session: { UserSession: value } } : value;
}

/**
 * The previous decision's `state`: JSON text given in the option itself (it starts with
 * `{`, `[` or `"`), or a file holding it, or standard input for `-`.
 */
function readState(read: Reader, text: string): unknown {
  if (!/^\s*[{["]/.test(text)) return readJson(read, text, "state");
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw invalid(`--state is not valid JSON: ${parsed.reason}`);
  return parsed.value;
}

/** The decision as aligned lines; after a wait, the state for the next step last, as one line of JSON. */
export function describeDecision(decision: RouteDecision): string {
  const lines = [
    `action:       ${decision.action}`,
    `reason:       ${decision.reason}`,
    `outcome:      ${outcomeLabel(decision.outcome)}`,
    `explanation:  ${decision.explanation}`,
  ];
  if (decision.recheckAfterMs !== undefined)
    lines.push(`recheck in:   ${decision.recheckAfterMs} ms (limit ${decision.maxWaitMs} ms)`);
  // The target is the policy's text as written: shown escaped, like everything else from outside.
  if (decision.transferTarget !== undefined) lines.push(`transfer to:  ${oneLine(decision.transferTarget)}`);
  if (decision.retry !== undefined) {
    const after = decision.retryAfterMs === undefined ? "" : `, after ${decision.retryAfterMs} ms`;
    lines.push(`retry:        ${decision.retry ? `yes${after}` : "no"}`);
  }
  for (const issue of decision.issues) lines.push(`issue:        ${issue}`);
  // The state a bot stores (context.amdState = decision.state) and passes back on its next
  // run: after a wait, --state for the next step. A final move has no next step.
  if (decision.action === "wait") lines.push(`state:        ${JSON.stringify(decision.state)}`);
  return lines.join("\n");
}

/** `amd-flow route`: the decision for one bot context. */
export const route: Command = {
  synopsis: `route [file|${STDIN}]`,
  summary: "decide what the bot does for a bot context (JSON)",
  help: `Usage: amd-flow route [file|${STDIN}] [--amd-requested] [--state json|file]
                      [--waited ms] [--policy file] [--beep-window ms] [--json]

Reads a bot context from a file, or from standard input given ${STDIN} or no file,
and prints what routeCall decides for it. Any JSON value is routed as routeCall
routes it: {"session":{"UserSession":{"amd":…,"amdInfo":…}}} is a bot context,
and a bare UserSession ({"amd":…,"amdInfo":…}) is read as one; what is odd in
it is listed as issues.

  --amd-requested    the dial-out asked for AMD, as the script node says with
                     amdRequested: true: no AMD event yet is then "not decided
                     yet" (pending: wait), not "AMD is off" (not-run: continue)
  --state json|file  the previous decision's state (context.amdState in the
                     script node): JSON text, or a file holding it; the new
                     state is printed last, for the next step
  --waited ms        how long the flow has already waited on AMD, in all (0 or
                     more; default 0), for a flow that counts its waits itself
  --policy file      a policy (JSON); the default policy when absent
  --beep-window ms   for events with times: a tone more than this many ms before
                     the person's verdict came before they spoke, and the
                     outcome stays human; a tone within it is a voicemail's
                     beep (0 or more; default 1000)
  --json             print the whole decision as JSON

Exit status: 0 with a decision (issues included), 1 when a file cannot be read
or is not JSON, or the policy has errors, 2 for a usage error.`,
  run(argv, { read }) {
    const { values, positionals, help } = parseOptions(argv, {
      policy: "string",
      waited: "string",
      state: "string",
      "amd-requested": "boolean",
      "beep-window": "string",
      json: "boolean",
    });
    if (help) return route.help;
    const options: { -readonly [K in keyof RouteOptions]: RouteOptions[K] } & { state?: unknown } = {};
    if (values["amd-requested"] === true) options.amdRequested = true;
    if (values.waited !== undefined) options.waitedMs = millisecondsOption("waited", values.waited);
    if (values["beep-window"] !== undefined)
      options.beepWindowMs = millisecondsOption("beep-window", values["beep-window"]);
    const file = onePositional(positionals, "route") ?? STDIN;
    const fromStdin = [file, values.policy, values.state].filter((source) => source === STDIN).length;
    if (fromStdin > 1) throw usage(`only one of the context, --policy and --state can come from ${sourceName(STDIN)}`);
    const policy = loadPolicy(read, values.policy);
    if (values.state !== undefined) options.state = readState(read, values.state);
    const context = asContext(readJson(read, file, "context"));
    const decision = routeCall(context, policy, options);
    return values.json ? JSON.stringify(decision, null, 2) : describeDecision(decision);
  },
};
