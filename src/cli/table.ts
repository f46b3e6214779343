import { onePositional, parseOptions } from "./args.js";
import { usage } from "./cli-error.js";
import type { Command } from "./command.js";
import { decisionRows, renderMarkdown, renderText } from "./decision-table.js";
import { loadPolicy, sourceName } from "./input.js";

/** `amd-flow table`: the decision for every bundled scenario. */
export const table: Command = {
  synopsis: "table",
  summary: "the decision for every bundled scenario",
  help: `Usage: amd-flow table [--policy file] [--markdown | --json]

Prints the decision for every bundled scenario (the scenarioFixtures of
amd-flow/fixtures) under a policy: the events as the bot's context holds them,
the outcome, the action and its explanation. Fits 80 columns.

  --policy file   a policy (JSON); the default policy when absent
  --markdown      a Markdown table
  --json          the rows as JSON`,
  run(argv, { read, color }) {
    const { values, positionals, help } = parseOptions(argv, {
      policy: "string",
      markdown: "boolean",
      json: "boolean",
    });
    if (help) return table.help;
    const extra = onePositional(positionals, "table");
    if (extra !== undefined) throw usage(`table takes no input, got "${extra}"`);
    if (values.markdown && values.json) throw usage("--markdown and --json cannot be used together: choose one");
    const rows = decisionRows(loadPolicy(read, values.policy));
    if (values.json) {
      const json = rows.map(({ scenario, decision }) => ({
        scenario: scenario.id,
        title: scenario.title,
        events: scenario.events,
        ...decision,
      }));
      return JSON.stringify(json, null, 2);
    }
    if (values.markdown) return renderMarkdown(rows);
    const policy = values.policy === undefined ? "The default policy" : `The policy ${sourceName(values.policy)}`;
    const caption = `${policy}: its decision for each of the ${rows.length} bundled scenarios (the scenarioFixtures of amd-flow/fixtures).`;
    return renderText(rows, { color, caption });
  },
};
