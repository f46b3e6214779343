import { type Policy, type RouteDecision, routeCall } from "../index.js";
import { type ScenarioFixture, scenarioFixtures } from "../fixtures/index.js";

/** One row of the decision table: a scenario and what the policy decides for it. */
export interface DecisionRow {
  readonly scenario: ScenarioFixture;
  readonly decision: RouteDecision;
}

/** Routes every scenario fixture under `policy`. */
export function decisionRows(policy: Policy): DecisionRow[] {
  return scenarioFixtures.map((scenario) => ({ scenario, decision: routeCall(scenario.context, policy, scenario.options) }));
}

/** `machine (beep)`, `human`, … */
export function outcomeLabel(decision: RouteDecision): string {
  const { outcome } = decision;
  return outcome.kind === "machine" ? `machine (${outcome.phase})` : outcome.kind;
}

function eventsLabel(row: DecisionRow): string {
  const events = row.scenario.events.map((name) => name.trim().replace(/^amd_/i, ""));
  const waited = row.scenario.options?.waitedMs;
  const shown = events.length === 0 ? "(none)" : events.join(" → ");
  return waited === undefined ? shown : `${shown} (waited ${waited} ms)`;
}

const HEADERS = ["Scenario", "Events", "Outcome", "Action", "Explanation"] as const;

function cells(row: DecisionRow): string[] {
  return [row.scenario.title, eventsLabel(row), outcomeLabel(row.decision), row.decision.action, row.decision.explanation];
}

/** A plain-text table with aligned columns, for a terminal. */
export function renderText(rows: readonly DecisionRow[]): string {
  const table = [[...HEADERS], ...rows.map(cells)];
  const widths = HEADERS.map((_, column) => Math.max(...table.map((line) => (line[column] ?? "").length)));
  const format = (line: string[]): string =>
    line
      .map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((width, column) => "─".repeat(column === widths.length - 1 ? Math.min(width, 40) : width)).join("  ");
  return [format(table[0] ?? []), rule, ...table.slice(1).map(format)].join("\n");
}

/** A Markdown table (pipes in cells escaped), for the docs. */
export function renderMarkdown(rows: readonly DecisionRow[]): string {
  const escape = (cell: string): string => cell.replace(/\|/g, "\\|");
  const line = (values: readonly string[]): string => `| ${values.map(escape).join(" | ")} |`;
  return [line(HEADERS), line(HEADERS.map(() => "---")), ...rows.map((row) => line(cells(row)))].join("\n");
}
