import { onePositional, parseOptions } from "./args.js";
import { usage } from "./cli-error.js";
import type { Command } from "./command.js";
import { decisionRows, renderMarkdown, renderText } from "./decision-table.js";
import { loadPolicy } from "./input.js";

/** `amd-flow table`: the decision for every bundled scenario. */
export const table: Command = {
  synopsis: "table",
  summary: "the decision for every bundled scenario",
  help: `Usage: amd-flow table [--policy file] [--markdown] [--json]

Prints the decision for every bundled scenario under a policy.

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
    return values.markdown ? renderMarkdown(rows) : renderText(rows, { color });
  },
};
