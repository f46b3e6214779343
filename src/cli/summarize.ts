import {
  type CallSummary,
  type CampaignFigures,
  parseCallNotification,
  type SummarizeOptions,
  summarizeCall,
  summarizeCalls,
} from "../dialer/index.js";
import { onePositional, parseOptions } from "./args.js";
import { invalid, usage } from "./cli-error.js";
import type { Command } from "./command.js";
import { type Reader, STDIN, sourceName } from "./input.js";
import { type JsonValueAt, type JsonValuesError, readJsonValues } from "./json-values.js";
import { describeCampaign, describeSummary } from "./summary-text.js";

type Mode = NonNullable<SummarizeOptions["machineDetection"]>;
const MODES = ["disconnect", "detect", "disabled"] as const satisfies readonly Mode[];

/** A notification and the conversation it belongs to. */
interface Notification {
  readonly body: unknown;
  readonly conversationId: string;
}

/**
 * The notifications in `file`: JSON Lines, one JSON array, or JSON objects one after
 * another. Each must be a call notification: anything else is invalid input.
 */
function readNotifications(read: Reader, file: string): Notification[] {
  const text = read(file, "notifications");
  let values: JsonValueAt[];
  try {
    values = readJsonValues(text);
  } catch (error) {
    const { line, message } = error as JsonValuesError;
    throw invalid(`notifications ${sourceName(file)}, line ${line}: not valid JSON (${message})`);
  }
  const first = values[0];
  const items: JsonValueAt[] =
    values.length === 1 && first !== undefined && Array.isArray(first.value)
      ? (first.value as unknown[]).map((value) => ({ value, line: first.line }))
      : values;
  if (items.length === 0) throw invalid(`notifications ${sourceName(file)}: empty`);
  return items.map(({ value, line }, index) => {
    const parsed = parseCallNotification(value);
    if (!parsed.ok) {
      const where = `notification ${index + 1} (line ${line})`;
      throw invalid(`notifications ${sourceName(file)}, ${where}: ${parsed.issues.join("; ")}`);
    }
    return { body: value, conversationId: parsed.value.conversationId };
  });
}

/** Notifications by call, in the order each call first appears. */
function byCall(notifications: readonly Notification[]): unknown[][] {
  const calls = new Map<string, unknown[]>();
  for (const { body, conversationId } of notifications) {
    const call = calls.get(conversationId);
    if (call === undefined) calls.set(conversationId, [body]);
    else call.push(body);
  }
  return [...calls.values()];
}

/** `amd-flow summarize`: one call's final state, or (`--campaign`) many calls' figures. */
export const summarize: Command = {
  synopsis: `summarize [file|${STDIN}]`,
  summary: "summarise notify webhooks: one call, or many with --campaign",
  help: `Usage: amd-flow summarize [file|${STDIN}] [--campaign] [--machine-detection mode] [--json]

Reads notify-webhook bodies from a file, or from standard input given ${STDIN} or no file:
JSON Lines, one JSON array, or JSON objects one after another (as pasted from logs).
Prints the call's final state; with --campaign, one line per call (by conversationId)
and the campaign's figures.

  --campaign                 many calls: summarise each, then the campaign
  --machine-detection mode   the dial-out's machineDetection: ${MODES.join(", ")}
  --json                     print the summary (or { calls, campaign }) as JSON`,
  run(argv, { read }) {
    const { values, positionals, help } = parseOptions(argv, {
      campaign: "boolean",
      "machine-detection": "string",
      json: "boolean",
    });
    if (help) return summarize.help;
    const mode = values["machine-detection"];
    if (mode !== undefined && (MODES as readonly string[]).indexOf(mode) === -1) {
      throw usage(`--machine-detection: expected one of ${MODES.join(", ")}, got "${mode}"`);
    }
    const options: SummarizeOptions = mode === undefined ? {} : { machineDetection: mode as Mode };
    const notifications = readNotifications(read, onePositional(positionals, "summarize") ?? STDIN);
    if (!values.campaign) {
      const summary = summarizeCall(
        notifications.map(({ body }) => body),
        options,
      );
      return values.json ? JSON.stringify(summary, null, 2) : describeSummary(summary);
    }
    const calls: CallSummary[] = byCall(notifications).map((call) => summarizeCall(call, options));
    const campaign: CampaignFigures = summarizeCalls(calls);
    return values.json ? JSON.stringify({ calls, campaign }, null, 2) : describeCampaign(calls, campaign);
  },
};
