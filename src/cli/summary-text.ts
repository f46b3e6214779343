import type { CallSummary, CampaignFigures } from "../dialer/index.js";
import { outcomeLabel } from "./decision-table.js";

/** One call's summary as aligned lines. */
export function describeSummary(summary: CallSummary): string {
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

const number = (value: number): string => String(Math.round(value * 1000) / 1000);

function figure(value: unknown): string {
  if (typeof value === "number") return number(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object" && value !== null) {
    const entries = Object.keys(value).map((key) => `${key} ${figure((value as Record<string, unknown>)[key])}`);
    return entries.length === 0 ? "(none)" : entries.join(", ");
  }
  return String(value);
}

/**
 * Many calls: one line per call, then every campaign figure by its name in
 * `CampaignFigures` (so the text and `--json` use the same words).
 */
export function describeCampaign(summaries: readonly CallSummary[], figures: CampaignFigures): string {
  const rows = summaries.map((summary) => [
    summary.conversationId ?? "(none)",
    summary.status,
    outcomeLabel(summary.amd),
    summary.endedBy ?? "",
  ]);
  const table = [["call", "status", "amd", "ended by"], ...rows];
  const widths = [0, 1, 2].map((column) => Math.max(...table.map((row) => (row[column] as string).length)));
  const calls = table.map((row) =>
    row
      .map((cell, column) => (column < 3 ? cell + " ".repeat((widths[column] as number) - cell.length) : cell))
      .join("  ")
      .replace(/\s+$/, ""),
  );
  const record = figures as unknown as Record<string, unknown>;
  const width = Math.max(...Object.keys(record).map((key) => key.length)) + 1;
  const lines = Object.keys(record).map((key) => `${`${key}:`.padEnd(width + 1)}${figure(record[key])}`);
  return [...calls, "", ...lines].join("\n");
}
