import { type ScenarioFixture, scenarioFixtures } from "../fixtures/index.js";
import { type AmdOutcome, type Policy, type RouteDecision, routeCall, situationOf, toAmdEventName } from "../index.js";
import { displayWidth, padToWidth } from "./display-width.js";
import { oneLine } from "./one-line.js";
import { TEXT_WIDTH, wrap } from "./wrap.js";

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

/**
 * The events as a bot designer sees them in the context (`amd_human_detected`, spelled
 * as the scenario spells it), a name amd-flow does not know marked as ignored.
 */
function eventsLabel(row: DecisionRow): string {
  const events = row.scenario.events.map((name) => {
    const shown = oneLine(name.trim());
    return toAmdEventName(name) === undefined ? `${shown} (unknown, ignored)` : shown;
  });
  const { waitedMs, amdRequested, beepWindowMs } = row.scenario.options ?? {};
  const shown = events.length === 0 ? "(none)" : events.join(" → ");
  const notes = [
    ...(amdRequested === true ? ["AMD requested"] : []),
    ...(waitedMs === undefined ? [] : [`waited ${waitedMs} ms`]),
    ...(beepWindowMs === undefined ? [] : [`beep window ${beepWindowMs} ms`]),
  ];
  return notes.length === 0 ? shown : `${shown} (${notes.join(", ")})`;
}

const HEADERS = ["Scenario", "Events", "Outcome", "Action", "Explanation"] as const;
type Header = (typeof HEADERS)[number];
type Cells = Readonly<Record<Header, string>>;

/** The judgements amd-flow made beyond AMD's verdicts, as a table shows them; empty without any. */
function judgedLabel(row: DecisionRow): string {
  const { judgements } = row.decision.outcome;
  return judgements === undefined || judgements.length === 0 ? "" : judgements.join(", ");
}

function cells(row: DecisionRow): Cells {
  return {
    Scenario: row.scenario.title,
    Events: eventsLabel(row),
    Outcome: outcomeLabel(row.decision.outcome),
    Action: row.decision.action,
    Explanation: row.decision.explanation,
  };
}

const HEADER_CELLS: Cells = {
  Scenario: "Scenario",
  Events: "Events",
  Outcome: "Outcome",
  Action: "Action",
  Explanation: "Explanation",
};

const INDENT = "    ";
const GAP = "  ";

/** ANSI styles for a terminal; each wraps text that is already padded. */
const STYLE = {
  bold: (text: string) => `\u001b[1m${text}\u001b[22m`,
  dim: (text: string) => `\u001b[2m${text}\u001b[22m`,
  action: (action: string, text: string) => {
    const colours: Readonly<Record<string, number>> = {
      continue: 32,
      transfer: 36,
      "leave-voicemail": 35,
      wait: 33,
      "hang-up": 31,
    };
    return `\u001b[${colours[action] ?? 39}m${text}\u001b[39m`;
  },
};

/** Options of {@link renderText}. */
export interface TextOptions {
  /** ANSI colour for a terminal: the header bold, each action in its colour, the events dim. */
  readonly color?: boolean;
  /** A line above the table saying what it shows, wrapped, then a blank line. */
  readonly caption?: string;
}

/**
 * A table for an 80-column terminal: scenario, outcome and action in aligned columns
 * (a long scenario title wraps within its column), and under each row its events, the
 * judgements amd-flow made beyond AMD's verdicts (when any) and the explanation,
 * indented and wrapped.
 */
export function renderText(rows: readonly DecisionRow[], options: TextOptions = {}): string {
  const color = options.color === true;
  const table = [HEADER_CELLS, ...rows.map(cells)];
  const width = (header: Header): number => Math.max(...table.map((line) => displayWidth(line[header])));
  const outcomeWidth = width("Outcome");
  const actionWidth = width("Action");
  const scenarioWidth = Math.min(width("Scenario"), TEXT_WIDTH - outcomeWidth - actionWidth - 2 * GAP.length);
  const pad = padToWidth;
  const head = (line: Cells, style: (header: Header, text: string) => string): string[] => {
    const titles = wrap(line.Scenario, scenarioWidth);
    const first = [
      style("Scenario", pad(titles[0] ?? "", scenarioWidth)),
      style("Outcome", pad(line.Outcome, outcomeWidth)),
      style("Action", line.Action),
    ].join(GAP);
    return [first, ...titles.slice(1).map((title) => `  ${style("Scenario", title)}`)];
  };
  // Continuation lines sit two columns further in, so a wrapped line reads as one.
  const beneath = (text: string, style: (text: string) => string): string[] =>
    wrap(text, TEXT_WIDTH - INDENT.length - 2).map((part, index) => `${INDENT}${index > 0 ? "  " : ""}${style(part)}`);
  const plain = (text: string): string => text;
  const header = head(HEADER_CELLS, (_header, text) => (color ? STYLE.bold(text) : text));
  const rule = [scenarioWidth, outcomeWidth, actionWidth].map((size) => "─".repeat(size)).join(GAP);
  const blocks = rows.map((row) => {
    const line = cells(row);
    const styled = (header: Header, text: string): string =>
      color && header === "Action" ? STYLE.action(line.Action, text) : text;
    const judged = judgedLabel(row);
    return [
      ...head(line, styled),
      ...beneath(`events: ${line.Events}`, color ? STYLE.dim : plain),
      ...(judged === "" ? [] : beneath(`judged: ${judged}`, color ? STYLE.dim : plain)),
      ...beneath(line.Explanation, plain),
    ].join("\n");
  });
  const caption = options.caption === undefined ? [] : [...wrap(options.caption, TEXT_WIDTH), ""];
  return [...caption, ...header.map((text) => text.replace(/\s+$/, "")), rule, ...blocks]
    .map((text) => text.replace(/ +$/, ""))
    .join("\n");
}

/** A Markdown table (pipes in cells escaped), for the docs; an outcome names the judgements that shaped it. */
export function renderMarkdown(rows: readonly DecisionRow[]): string {
  const escapeCell = (cell: string): string => cell.replace(/\|/g, "\\|");
  const line = (values: readonly string[]): string => `| ${values.map(escapeCell).join(" | ")} |`;
  return [
    line(HEADERS),
    line(HEADERS.map(() => "---")),
    // The judgements beside the outcome they shaped: `human (greeting-says-person)`.
    ...rows.map((row) => {
      const judged = judgedLabel(row);
      const shown = cells(row);
      return line(
        HEADERS.map((header) =>
          header === "Outcome" && judged !== "" ? `${shown.Outcome} (${judged})` : shown[header],
        ),
      );
    }),
  ].join("\n");
}
