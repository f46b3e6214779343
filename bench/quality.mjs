// npm run bench:quality: how right the routing decisions are on a realistic campaign.
// Runs every call of the labelled call mix (callMix, amd-flow/fixtures) through the
// simulated engine and the documented script-node loop (simulateCall with a router, bench/quality/call-loop.mjs:
// entries without times, in arrival order, delivered 100–300 ms after AMD emits them;
// the first run at 0.3 s) and prints one table comparing four routers:
//
// - amd-flow 0.2.0: bench/baseline/amd-flow-0.2.0.bot.js, its loop passing `waitedMs`;
// - this build: dist/amd-flow.bot.js (after npm run build) with the default policy, or
//   the policy of --policy file.json;
// - a hand-written router (what a designer writes without the package);
// - the platform's disconnect mode.
//
// Each bot file runs as the platform runs it, in a bare vm context. Rows: right moves,
// persons abandoned, persons talked over, voicemails clipped, faxes hung up, persons'
// silence, and the right rate per class of call. The decision budgets print PASS or FAIL;
// the process exits 0 either way (exit 1 only for bad usage or a bad policy file).
// --json prints the same figures as JSON.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { callMix } from "../dist/fixtures.js";
import { BOT_START_MS, DELIVERY_DELAY_MS, DELIVERY_JITTER_MS, runCall } from "./quality/call-loop.mjs";
import { BUDGETS, figuresOf, scoreCall } from "./quality/figures.mjs";
import { amdFlowRouter, disconnectRouter, handWrittenRouter } from "./quality/routers.mjs";

const HELP = `Usage: npm run bench:quality [-- --json] [-- --policy file.json]

Runs the call mix (callMix, ${callMix.length} calls) through simulated AMD and the documented
script-node loop under four routers: amd-flow 0.2.0, this build (the default policy, or
--policy file.json), a hand-written router and the platform's disconnect mode. Prints the
right rate, persons abandoned and talked over, voicemails clipped, faxes hung up, persons'
silence and the right rate per class, with the decision budgets PASS or FAIL.`;

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

function options(argv) {
  const result = { json: false, policy: undefined };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === "--json") result.json = true;
    else if (arg === "--help" || arg === "-h") result.help = true;
    else if (arg === "--policy" && argv[index + 1] !== undefined) result.policy = argv[++index];
    else if (arg.startsWith("--policy=")) result.policy = arg.slice("--policy=".length);
    else throw new Error(`unknown argument ${arg}`);
  }
  return result;
}

function readPolicy(path) {
  if (path === undefined) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`--policy ${path}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  }
}

function routersOf(policyPath) {
  const baseline = amdFlowRouter(here("./baseline/amd-flow-0.2.0.bot.js"));
  let current;
  try {
    current = amdFlowRouter(here("../dist/amd-flow.bot.js"), readPolicy(policyPath));
  } catch (error) {
    throw new Error(error.message.startsWith("--policy") ? error.message : `--policy ${policyPath}: ${error.message}`);
  }
  const policy = policyPath === undefined ? "the default policy" : `the policy ${policyPath}`;
  const loop = (router) => `the loop passes ${router.usesState ? "state" : "waitedMs"}`;
  return [
    {
      id: "amd-flow-0.2.0",
      title: "amd-flow 0.2.0",
      note: `bench/baseline/amd-flow-0.2.0.bot.js, the default policy, ${loop(baseline)}`,
      ...baseline,
    },
    {
      id: "this-build",
      title: `this build ${current.version}`,
      note: `dist/amd-flow.bot.js, ${policy}, ${loop(current)}`,
      ...current,
    },
    {
      id: "hand-written",
      title: "hand-written",
      note: "human → continue, machine or tone → leave-voicemail, nothing yet → wait 250 ms, else continue",
      ...handWrittenRouter(),
    },
    {
      id: "disconnect",
      title: "disconnect mode",
      note: "the platform hangs up on a machine verdict or a tone, else the bot continues once AMD answers",
      ...disconnectRouter(),
    },
  ];
}

function measure(router) {
  const results = callMix.map((call, index) => runCall(call, router.route, index + 1));
  const scores = callMix.map((call, index) => scoreCall(call, results[index], router));
  return figuresOf(callMix, scores, results);
}

const percent = (value) => `${(value * 100).toFixed(1)} %`;
const seconds = (ms) => (ms === null ? "n/a" : `${(ms / 1000).toFixed(2)} s`);
const LABEL = 36;
const COLUMN = 19;
const row = (label, cells) => label.padEnd(LABEL) + cells.map((cell) => cell.padStart(COLUMN)).join("");

const PLURAL = { person: "persons", machine: "machines", fax: "faxes", nobody: "nobody" };

function table(routers, figures) {
  const counts = {};
  const groups = {};
  for (const call of callMix) {
    counts[call.answeredBy] = (counts[call.answeredBy] ?? 0) + 1;
    groups[call.group] = (groups[call.group] ?? 0) + 1;
  }
  const budgetRow = (key) => {
    const { label, limit } = BUDGETS.find((entry) => entry.key === key);
    return row(
      `${label} (${limit})`,
      figures.map((f) => `${percent(f[key])} ${f.budgets[key]}`),
    );
  };
  const callees = Object.entries(counts).map(([kind, count]) => `${count} ${PLURAL[kind]}`);
  const lines = [
    `Decisions on the call mix (callMix): ${callMix.length} calls, ${callees.join(", ")}.`,
    "Simulated AMD and the documented script-node loop: entries without times, in arrival order,",
    `${DELIVERY_DELAY_MS}–${DELIVERY_DELAY_MS + DELIVERY_JITTER_MS} ms after AMD emits them (seeded); the first run at ${BOT_START_MS} ms.`,
    "",
    row(
      "",
      routers.map((router) => router.title),
    ),
    budgetRow("rightRate"),
    budgetRow("abandonmentRate"),
    budgetRow("talkedOverRate"),
    budgetRow("clippedRate"),
    row(
      "faxes hung up",
      figures.map((f) => percent(f.faxesHungUpRate)),
    ),
    row(
      "person silence p50",
      figures.map((f) => seconds(f.personSilenceMs.p50)),
    ),
    row(
      "person silence p95",
      figures.map((f) => seconds(f.personSilenceMs.p95)),
    ),
    "right, by class:",
    ...Object.entries(groups).map(([group, count]) =>
      row(
        `  ${group} (${count})`,
        figures.map((f) => percent(f.byGroup[group].rightRate)),
      ),
    ),
    "",
    ...routers.map((router) => `${router.title}: ${router.note}.`),
    "Talked over: the bot spoke before the end of the person's first utterance. Clipped: the",
    "message began before the greeting's end or its beep. Disconnect mode: a hang-up on a",
    "machine counts as right (the mode's purpose).",
  ];
  return lines.join("\n");
}

function main() {
  const args = options(process.argv.slice(2));
  if (args.help) return console.log(HELP);
  const routers = routersOf(args.policy);
  const figures = routers.map(measure);
  if (!args.json) return console.log(table(routers, figures));
  const out = {
    calls: callMix.length,
    budgets: Object.fromEntries(BUDGETS.map(({ key, limit }) => [key, limit])),
    routers: routers.map((router, index) => ({
      id: router.id,
      title: router.title,
      note: router.note,
      ...figures[index],
    })),
  };
  console.log(JSON.stringify(out, null, 2));
}

try {
  main();
} catch (error) {
  console.error(`bench:quality: ${error.message}`);
  process.exitCode = 1;
}
