import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { version as VERSION } from "../../package.json";
import { type CallSummary, summarizeCall } from "../dialer/index.js";
import { lintPolicy, type Policy, PolicyError, parsePolicy, routeCall } from "../index.js";
import { decisionRows, outcomeLabel, renderMarkdown, renderText } from "./decision-table.js";
import { simulateCommand } from "./simulate.js";

/** A problem with the input (exit 1) or with how the command was called (exit 2). */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

const usage = (message: string): CliError => new CliError(message, 2);
const invalid = (message: string): CliError => new CliError(message, 1);

const HELP = {
  main: `amd-flow: route Kore.ai outbound calls on their AMD results

Usage: amd-flow <command> [options]

Commands:
  route [file|-]         decide what the bot does for a bot context (JSON)
  table                  the decision for every bundled scenario
  summarize [file|-]     summarise one call's notify webhooks (JSON array or JSON lines)
  check-policy <file>    check a policy file: errors and warnings
  simulate               run the timed scenarios through simulated AMD and the bot

Options:
  --help                 help for a command (amd-flow route --help)
  --version              the version

Exit status: 0 fine, 1 invalid input, 2 usage error.`,
  route: `Usage: amd-flow route [file|-] [--policy file] [--waited ms] [--json]

Reads a bot context (JSON: {"session":{"UserSession":{"amd":…,"amdInfo":…}}}, or the
UserSession object itself) from a file or standard input and prints the decision.

  --policy file   a policy (JSON); the default policy when absent
  --waited ms     how long the flow has already waited on a machine greeting
  --json          print the whole decision as JSON`,
  table: `Usage: amd-flow table [--policy file] [--markdown] [--json]

Prints the decision for every bundled scenario under a policy.

  --policy file   a policy (JSON); the default policy when absent
  --markdown      a Markdown table
  --json          the rows as JSON`,
  summarize: `Usage: amd-flow summarize [file|-] [--machine-detection mode] [--json]

Reads one call's notify-webhook bodies (a JSON array, or one JSON object per line) and
prints the call's final state.

  --machine-detection mode   the dial-out's machineDetection: disconnect, detect or disabled
  --json                     print the summary as JSON`,
  "check-policy": `Usage: amd-flow check-policy <file> [--json]

Checks a policy file. Errors exit 1; warnings (choices that risk hanging up on a
person) are printed and exit 0.

  --json   print { ok, errors, warnings } as JSON`,
} as const;

/** Where the command line's text comes from and goes to; tests pass their own. */
export interface CliIo {
  /** Prints a result. */
  readonly out: (text: string) => void;
  /** Prints an error line. */
  readonly err: (text: string) => void;
  /** Reads all of standard input. */
  readonly stdin: () => string;
}

/** Reads a file, or standard input for `-` or no file, naming `what` in errors. */
type Reader = (file: string | undefined, what: string) => string;

function readerFor(io: CliIo): Reader {
  return (file, what) => {
    const path = file ?? "-";
    try {
      return path === "-" ? io.stdin() : readFileSync(path, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reasons: Readonly<Record<string, string>> = { ENOENT: "no such file", EISDIR: "is a folder" };
      const reason = (code !== undefined && reasons[code]) || "cannot be read";
      throw invalid(`${what} ${path === "-" ? "(standard input)" : path}: ${reason}`);
    }
  };
}

function readJson(read: Reader, file: string | undefined, what: string): unknown {
  const text = read(file, what);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw invalid(`${what} ${file ?? "(standard input)"} is not valid JSON (${(error as Error).message})`);
  }
}

function loadPolicy(read: Reader, file: string | undefined): Policy {
  if (file === undefined) return parsePolicy(undefined);
  try {
    return parsePolicy(readJson(read, file, "policy"));
  } catch (error) {
    if (error instanceof PolicyError) throw invalid(`policy ${file}: ${error.problems.join("; ")}`);
    throw error;
  }
}

type OptionSpec = Record<string, { type: "string" } | { type: "boolean" }>;

function parse<const T extends OptionSpec>(argv: string[], options: T) {
  try {
    const all = { ...options, help: { type: "boolean" } } as const;
    return parseArgs({ args: argv, options: all, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs' messages are one sentence; keep the first line in case one ever is not.
    // Stryker disable next-line StringLiteral: split with a limit of 1 leaves one piece, so the separator is never used.
    throw usage(
      String((error as Error).message)
        .split("\n", 1)
        .join(""),
    );
  }
}

function onePositional(positionals: string[], command: string): string | undefined {
  if (positionals.length > 1) throw usage(`${command} takes one input, got ${positionals.length}`);
  return positionals[0];
}

function asContext(value: unknown): unknown {
  // A bare UserSession ({ amd, amdInfo }) is accepted too: it is what people copy from logs.
  if (typeof value === "object" && value !== null && !("session" in value) && ("amd" in value || "amdInfo" in value)) {
    return { session: { UserSession: value } };
  }
  return value;
}

function route(argv: string[], read: Reader): string {
  const { values, positionals } = parse(argv, {
    policy: { type: "string" },
    waited: { type: "string" },
    json: { type: "boolean" },
  });
  if (values.help) return HELP.route;
  const waited = values.waited ?? "0";
  if (!/^\d+(\.\d+)?$/.test(waited)) throw usage(`--waited: expected milliseconds, got "${waited}"`);
  const policy = loadPolicy(read, values.policy);
  const context = asContext(readJson(read, onePositional(positionals, "route"), "context"));
  const decision = routeCall(context, policy, { waitedMs: Number(waited) });
  if (values.json) return JSON.stringify(decision, null, 2);
  const lines = [
    `action:       ${decision.action}`,
    `reason:       ${decision.reason}`,
    `outcome:      ${outcomeLabel(decision.outcome)}`,
    `explanation:  ${decision.explanation}`,
  ];
  if (decision.recheckAfterMs !== undefined)
    lines.push(`recheck in:   ${decision.recheckAfterMs} ms (limit ${decision.maxWaitMs} ms)`);
  if (decision.transferTarget !== undefined) lines.push(`transfer to:  ${decision.transferTarget}`);
  if (decision.retry !== undefined)
    lines.push(
      `retry:        ${decision.retry ? `yes${decision.retryAfterMs === undefined ? "" : `, after ${decision.retryAfterMs} ms`}` : "no"}`,
    );
  for (const issue of decision.issues) lines.push(`issue:        ${issue}`);
  return lines.join("\n");
}

function table(argv: string[], read: Reader): string {
  const { values, positionals } = parse(argv, {
    policy: { type: "string" },
    markdown: { type: "boolean" },
    json: { type: "boolean" },
  });
  if (values.help) return HELP.table;
  if (positionals.length > 0) throw usage(`table takes no input, got "${positionals[0]}"`);
  const rows = decisionRows(loadPolicy(read, values.policy));
  if (values.json) {
    return JSON.stringify(
      rows.map(({ scenario, decision }) => ({
        scenario: scenario.id,
        title: scenario.title,
        events: scenario.events,
        ...decision,
      })),
      null,
      2,
    );
  }
  return values.markdown ? renderMarkdown(rows) : renderText(rows);
}

/** A JSON array of notifications, or JSON lines (one object per line). */
function readNotifications(read: Reader, file: string | undefined): unknown[] {
  const text = read(file, "notifications").trim();
  const where = file ?? "(standard input)";
  if (text === "") throw invalid(`notifications ${where}: empty`);
  if (text.startsWith("[")) {
    try {
      return JSON.parse(text) as unknown[];
    } catch (error) {
      throw invalid(`notifications ${where} is not valid JSON (${(error as Error).message})`);
    }
  }
  return text.split(/\r?\n/).flatMap((line, index) => {
    if (line.trim() === "") return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch (error) {
      throw invalid(`notifications ${where}, line ${index + 1}: not valid JSON (${(error as Error).message})`);
    }
  });
}

const MODES = ["disconnect", "detect", "disabled"] as const;

function describeSummary(summary: CallSummary): string {
  const { amd } = summary;
  const lines = [
    `call:          ${summary.conversationId ?? "(none)"}`,
    `status:        ${summary.status}${summary.failureCause === undefined ? "" : ` (${summary.failureCause})`}`,
  ];
  if (summary.endedBy !== undefined) lines.push(`ended by:      ${summary.endedBy}`);
  if (summary.reasonCode !== undefined)
    lines.push(`reason:        ${summary.reasonCode}${summary.reason === undefined ? "" : ` / ${summary.reason}`}`);
  lines.push(`amd:           ${outcomeLabel(amd)}${amd.evidence.length > 0 ? ` from ${amd.evidence.join(", ")}` : ""}`);
  lines.push(`machine flag:  ${summary.machineDetected ? "yes (machineDetected)" : "no"}`);
  if (summary.ringDurationMs !== undefined) lines.push(`ringing:       ${summary.ringDurationMs} ms`);
  if (summary.connectDurationMs !== undefined) lines.push(`to connect:    ${summary.connectDurationMs} ms`);
  if (summary.callDurationSeconds !== undefined) lines.push(`duration:      ${summary.callDurationSeconds} s`);
  lines.push(`notifications: ${summary.notifications}`);
  for (const issue of summary.issues) lines.push(`issue:         ${issue}`);
  return lines.join("\n");
}

function summarize(argv: string[], read: Reader): string {
  const { values, positionals } = parse(argv, { "machine-detection": { type: "string" }, json: { type: "boolean" } });
  if (values.help) return HELP.summarize;
  const mode = values["machine-detection"];
  if (mode !== undefined && !(MODES as readonly string[]).includes(mode)) {
    throw usage(`--machine-detection: expected one of ${MODES.join(", ")}, got "${mode}"`);
  }
  const notifications = readNotifications(read, onePositional(positionals, "summarize"));
  // Stryker disable next-line ConditionalExpression,ObjectLiteral: { machineDetection: undefined } reads the same as {}.
  const summary = summarizeCall(
    notifications,
    mode === undefined ? {} : { machineDetection: mode as (typeof MODES)[number] },
  );
  return values.json ? JSON.stringify(summary, null, 2) : describeSummary(summary);
}

function checkPolicy(argv: string[], read: Reader): { text: string; exitCode: 0 | 1 } {
  const { values, positionals } = parse(argv, { json: { type: "boolean" } });
  if (values.help) return { text: HELP["check-policy"], exitCode: 0 };
  const file = onePositional(positionals, "check-policy");
  if (file === undefined) throw usage("check-policy needs a policy file");
  const input = readJson(read, file, "policy");
  let policy: Policy;
  try {
    policy = parsePolicy(input);
  } catch (error) {
    // parsePolicy throws nothing but PolicyError.
    const { problems } = error as PolicyError;
    if (values.json)
      return { text: JSON.stringify({ ok: false, errors: problems, warnings: [] }, null, 2), exitCode: 1 };
    return { text: problems.map((problem) => `error: ${problem}`).join("\n"), exitCode: 1 };
  }
  const warnings = lintPolicy(policy);
  if (values.json) return { text: JSON.stringify({ ok: true, errors: [], warnings }, null, 2), exitCode: 0 };
  const lines = warnings.map((warning) => `warning: ${warning.path}: ${warning.message}`);
  return {
    text: [
      ...lines,
      `ok: ${file} is a valid policy${warnings.length > 0 ? ` (${warnings.length} warnings)` : ""}`,
    ].join("\n"),
    exitCode: 0,
  };
}

/** Runs the command line; returns the exit code. Never throws. */
export function run(argv: string[], io: CliIo): number {
  const { out, err } = io;
  const read = readerFor(io);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "--help":
      case "-h":
      case "help":
        out(HELP.main);
        return command === undefined ? 2 : 0;
      case "--version":
        out(VERSION);
        return 0;
      case "route":
        out(route(rest, read));
        return 0;
      case "table":
        out(table(rest, read));
        return 0;
      case "summarize":
        out(summarize(rest, read));
        return 0;
      case "simulate": {
        const { out: text = "", err: problem, exitCode } = simulateCommand(rest, (file) => loadPolicy(read, file));
        if (problem === undefined) out(text);
        else err(`amd-flow simulate: ${problem}`);
        return exitCode;
      }
      case "check-policy": {
        const { text, exitCode } = checkPolicy(rest, read);
        (exitCode === 0 ? out : err)(text);
        return exitCode;
      }
      default:
        throw usage(`unknown command "${command}"; try amd-flow --help`);
    }
  } catch (error) {
    // Stryker disable all: every command turns bad input into a CliError; this is for what no command foresaw.
    /* v8 ignore next 3 */
    if (!(error instanceof CliError)) {
      err(`amd-flow: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    // Stryker restore all
    err(`amd-flow${command === undefined ? "" : ` ${command}`}: ${error.message}`);
    return error.exitCode;
  }
}
