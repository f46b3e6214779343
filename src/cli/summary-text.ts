import { max, unzip } from "lodash-es";
import type { CallSummary, CampaignFigures } from "../dialer/index.js";
import { clip } from "../internal/safe.js";
import type { LeftOut, LeftOutNotifications } from "./call-stream.js";
import { outcomeLabel } from "./decision-table.js";

/**
 * Text from a notification as one safe line: control characters (an escape sequence's
 * ESC too), line separators and bidirectional controls shown as `\uXXXX`, long text cut.
 */
const shown = (text: string, max = 200): string => clip(text, max);

/** One call's summary as aligned lines; every text from the notifications shown escaped. */
export function describeSummary(summary: CallSummary): string {
  const { amd } = summary;
  const lines = [
    `call:          ${summary.conversationId === undefined ? "(none)" : shown(summary.conversationId)}`,
    `status:        ${summary.status}${summary.failureCause === undefined ? "" : ` (${summary.failureCause})`}`,
  ];
  if (summary.endedBy !== undefined) lines.push(`ended by:      ${summary.endedBy}`);
  if (summary.reasonCode !== undefined)
    lines.push(
      `reason:        ${shown(summary.reasonCode)}${summary.reason === undefined ? "" : ` / ${shown(summary.reason)}`}`,
    );
  lines.push(`amd:           ${outcomeLabel(amd)}${amd.evidence.length > 0 ? ` from ${amd.evidence.join(", ")}` : ""}`);
  lines.push(`machine flag:  ${summary.machineDetected ? "yes (machineDetected)" : "no"}`);
  if (summary.ringDurationMs !== undefined) lines.push(`ringing:       ${summary.ringDurationMs} ms`);
  if (summary.connectDurationMs !== undefined) lines.push(`to connect:    ${summary.connectDurationMs} ms`);
  if (summary.callDurationSeconds !== undefined) lines.push(`duration:      ${summary.callDurationSeconds} s`);
  lines.push(`notifications: ${summary.notifications}`);
  for (const issue of summary.issues) lines.push(`issue:         ${shown(issue, 400)}`);
  return lines.join("\n");
}

/** A share as a percentage with at most one decimal: `50 %`, `33.3 %`. */
const percent = (rate: number): string => `${Math.round(rate * 1000) / 10} %`;

/** `completed 3 (75 %), failed 1 (25 %)`, or `(none)`. */
function counts(byName: Readonly<Record<string, number>>, rates: Readonly<Record<string, number>>): string {
  const names = Object.keys(byName);
  if (names.length === 0) return "(none)";
  return names.map((name) => `${name} ${byName[name]} (${percent(rates[name] ?? 0)})`).join(", ");
}

/** The campaign in one line, after the calls' summaries. */
export function campaignLine(figures: CampaignFigures): string {
  const statuses = Object.keys(figures.byStatus).map((name) => `${name} ${figures.byStatus[name]}`);
  const outcomes = Object.keys(figures.byOutcome).map((name) => `${name} ${figures.byOutcome[name]}`);
  return [
    `campaign:      ${figures.calls} calls`,
    statuses.join(", "),
    `AMD ${outcomes.join(", ")}`,
    `cut off ${figures.liveAnswersCutOff} of ${figures.liveAnswers} live answers (${percent(figures.cutOffRate)})`,
  ].join("; ");
}

/**
 * The campaign's figures, one per line under a readable label (the deprecated 0.1.0
 * names, which repeat other figures, are left out; `--json` has every field).
 */
export function describeFigures(figures: CampaignFigures): string {
  const rows: Array<[string, string]> = [
    ["calls", String(figures.calls)],
    ["by status", counts(figures.byStatus, figures.statusRates)],
    ["failure causes", counts(figures.byFailureCause, figures.failureCauseRates)],
    ["AMD outcomes", counts(figures.byOutcome, figures.outcomeRates)],
    [
      "machine flag",
      `${figures.machineDetected} call${figures.machineDetected === 1 ? "" : "s"} marked machineDetected`,
    ],
    ["live answers", `${figures.liveAnswers} (answered; AMD found no machine and no fax)`],
    [
      "cut off",
      `${figures.liveAnswersCutOff} (${percent(figures.cutOffRate)} of live answers): ` +
        `${figures.liveAnswersEndedByGateway} ended by Voice Gateway, ` +
        `${figures.liveAnswersEndedByBotWithoutHumanVerdict} by the bot without a human verdict`,
    ],
    [
      "over the limit",
      `${figures.overAbandonmentLimit ? "yes" : "no"} (limit ${percent(figures.abandonmentLimit)} cut off; a warning sign, not the abandonment rate)`,
    ],
    ...figures.issues.map((issue): [string, string] => ["issue", shown(issue, 400)]),
  ];
  return rows.map(([label, value]) => `${`${label}:`.padEnd(16)}${value}`).join("\n");
}

/** `2 notifications over 1000000 characters (lines 5, 9)`: a kind of left-out notification, or nothing. */
function leftOutPart(kind: LeftOutNotifications, what: string): string[] {
  if (kind.count === 0) return [];
  const more = kind.count > kind.lines.length ? ", …" : "";
  const lines = `line${kind.lines.length === 1 ? "" : "s"} ${kind.lines.join(", ")}${more}`;
  return [`${kind.count} notification${kind.count === 1 ? "" : "s"} ${what} (${lines})`];
}

/**
 * What a streamed summary left out to keep its memory bounded, in one line (`2
 * notifications over 1000000 characters (lines 5, 9); …`), or `undefined` when nothing was.
 *
 * @param leftOut - the counts.
 * @param limits - the bounds, as they are named in the line.
 */
export function describeLeftOut(
  leftOut: LeftOut,
  limits: { readonly maxValueChars: number; readonly maxOpenCalls: number },
): string | undefined {
  const parts = [
    ...leftOutPart(leftOut.tooLong, `over ${limits.maxValueChars} characters`),
    ...leftOutPart(leftOut.late, "of calls already printed"),
    ...leftOutPart(leftOut.pastCallLimit, "past what one call keeps"),
  ];
  if (leftOut.printedBeforeFinal > 0)
    parts.push(
      `${leftOut.printedBeforeFinal} call${leftOut.printedBeforeFinal === 1 ? "" : "s"} printed before ` +
        `${leftOut.printedBeforeFinal === 1 ? "its" : "their"} final status (over ${limits.maxOpenCalls} calls open at once)`,
    );
  return parts.length === 0 ? undefined : parts.join("; ");
}

/** How many rows set the column widths of the campaign's call table; later rows use them. */
export const WIDTH_ROWS = 1000;

/**
 * The campaign's call table, printed as it goes: the widths come from the header and
 * the first {@link WIDTH_ROWS} rows (held until then), so a table of any length is
 * printed without holding it; a later, longer cell pushes its line's next cells right.
 */
export class CallTable {
  private readonly held: string[][] = [["call", "status", "amd", "ended by"]];
  private widths: number[] | undefined;

  constructor(private readonly print: (text: string) => void) {}

  /** Adds one call's row. */
  add(summary: CallSummary): void {
    const row = [
      summary.conversationId === undefined ? "(none)" : shown(summary.conversationId, 80),
      summary.status,
      outcomeLabel(summary.amd),
      summary.endedBy ?? "",
    ];
    if (this.widths !== undefined) this.print(this.line(row, this.widths));
    else {
      this.held.push(row);
      if (this.held.length > WIDTH_ROWS) this.flush();
    }
  }

  /** Prints the rows held, once their widths are known (at the end, for a short table). */
  flush(): void {
    if (this.widths !== undefined) return;
    // The widest cell of each column but the last (lodash's max loops: no arguments spread, whatever the length).
    const widths = unzip(this.held)
      .slice(0, 3)
      .map((column) => max(column.map((cell) => cell.length)) ?? 0);
    this.widths = widths;
    this.print(this.held.map((row) => this.line(row, widths)).join("\n"));
    this.held.length = 0;
  }

  private line(row: readonly string[], widths: readonly number[]): string {
    return row
      .map((cell, column) => (column < widths.length ? cell.padEnd(widths[column] as number) : cell))
      .join("  ")
      .replace(/\s+$/, "");
  }
}
