import { type ScenarioFixture, scenarioFixtures } from "../fixtures/index.js";
import { type AmdOutcome, type Policy, type RouteDecision, routeCall, situationOf } from "../index.js";

/** One row of the decision table: a scenario and what the policy decides for it. */
export interface DecisionRow {
  readonly scenario: ScenarioFixture;
  readonly decision: RouteDecision;
}

/** Routes every scenario fixture under `policy`. */
export function decisionRows(policy: Policy): DecisionRow[] {
  return scenarioFixtures.map((scenario) => ({
    scenario,
    decision: routeCall(scenario.context, policy, scenario.options),
  }));
}

/** `machine.beep`, `human`, …: the outcome's policy situation, its one spelling. */
export function outcomeLabel(outcome: AmdOutcome): string {
  return situationOf(outcome);
}

function eventsLabel(row: DecisionRow): string {
  const events = row.scenario.events.map((name) => name.trim().replace(/^amd_/i, ""));
  const { waitedMs, amdRequested } = row.scenario.options ?? {};
  const shown = events.length === 0 ? "(none)" : events.join(" → ");
  const notes = [
    ...(amdRequested === true ? ["AMD requested"] : []),
    ...(waitedMs === undefined ? [] : [`waited ${waitedMs} ms`]),
  ];
  return notes.length === 0 ? shown : `${shown} (${notes.join(", ")})`;
}

const HEADERS = ["Scenario", "Events", "Outcome", "Action", "Explanation"] as const;
type Header = (typeof HEADERS)[number];
type Cells = Readonly<Record<Header, string>>;

function cells(row: DecisionRow): Cells {
  return {
    Scenario: row.scenario.title,
    Events: eventsLabel(row),
    Outcome: outcomeLabel(row.decision.outcome),
    Action: row.decision.action,
    Explanation: row.decision.explanation,
  };
}

const HEADER_CELLS = Object.fromEntries(HEADERS.map((header) => [header, header])) as Cells;

const TEXT_COLUMNS = ["Scenario", "Outcome", "Action"] as const satisfies readonly Header[];

/**
 * A table for a terminal: scenario, outcome and action in aligned columns, and under
 * each row its events and the explanation, indented, so that lines stay short.
 */
export function renderText(rows: readonly DecisionRow[]): string {
  const table = [HEADER_CELLS, ...rows.map(cells)];
  const width = (header: Header): number => Math.max(...table.map((line) => line[header].length));
  const format = (line: Cells): string =>
    TEXT_COLUMNS.map((header) => line[header].padEnd(width(header)))
      .join("  ")
      .trimEnd();
  const rule = TEXT_COLUMNS.map((header) => "─".repeat(width(header))).join("  ");
  const blocks = rows.map((row) => {
    const line = cells(row);
    return [format(line), `    events: ${line.Events}`, `    ${line.Explanation}`].join("\n");
  });
  return [format(HEADER_CELLS), rule, ...blocks].join("\n");
}

/** A Markdown table (pipes in cells escaped), for the docs. */
export function renderMarkdown(rows: readonly DecisionRow[]): string {
  const escapeCell = (cell: string): string => cell.replace(/\|/g, "\\|");
  const line = (values: readonly string[]): string => `| ${values.map(escapeCell).join(" | ")} |`;
  return [
    line(HEADERS),
    line(HEADERS.map(() => "---")),
    ...rows.map((row) => line(HEADERS.map((header) => cells(row)[header]))),
  ].join("\n");
}
