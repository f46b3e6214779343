// npm run bench: the bot bundle's budgets, measured beside a hand-written switch
// bundle (bench/floor-switch.js) in the same run, so the ratios hold on any machine.
//
// - size: dist/amd-flow.bot.js gzipped (budget 12 KB, aim 10 KB);
// - cold start: a fresh vm context, compile + run + first routeCall, a new filename
//   each time so no compile cache helps; median of interleaved runs (budget 10×, aim 5×);
// - warm: routeCall over the scenario fixtures in one context, median ns per call
//   (budget 2 µs).
// Prints PASS or FAIL per budget and exits 1 on any FAIL.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { scenarioFixtures, timedScenarios } from "../dist/fixtures.js";
import { simulateCampaign } from "../dist/simulator.js";
import { variedCalls } from "./campaign-calls.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const bot = readFileSync(here("../dist/amd-flow.bot.js"), "utf8");
const floor = readFileSync(here("./floor-switch.js"), "utf8");
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 60);
const WARM_BATCHES = Number(process.env.BENCH_WARM_BATCHES ?? 41);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
};
const kb = (bytes) => (bytes / 1024).toFixed(2);
const sandbox = (context) => vm.createContext({ context }, { codeGeneration: { strings: false, wasm: false } });
const firstContext = JSON.stringify(scenarioFixtures[1].context);

function coldStart(code, global, run) {
  const started = process.hrtime.bigint();
  const context = sandbox(JSON.parse(firstContext));
  new vm.Script(`${code}\n;${global}.routeCall(context);`, { filename: `cold-${global}-${run}.js` }).runInContext(
    context,
  );
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function warm(code, global) {
  const context = sandbox(undefined);
  new vm.Script(code, { filename: `warm-${global}.js` }).runInContext(context);
  // The contexts live in the sandbox's realm, as they do on the bot platform.
  context.fixturesJson = JSON.stringify(
    scenarioFixtures.map((scenario) => [scenario.context, scenario.options ?? null]),
  );
  const loop = new vm.Script(`
    (function () {
      var list = JSON.parse(fixturesJson);
      var api = ${global};
      return function (calls) {
        var sink = 0;
        for (var i = 0; i < calls; i++) {
          var fixture = list[i % list.length];
          sink += api.routeCall(fixture[0], undefined, fixture[1] || undefined).action.length;
        }
        return sink;
      };
    })()`).runInContext(context);
  const calls = 20_000;
  loop(calls * 5); // warm up the JIT
  const perCall = [];
  for (let batch = 0; batch < WARM_BATCHES; batch++) {
    const started = process.hrtime.bigint();
    loop(calls);
    perCall.push(Number(process.hrtime.bigint() - started) / calls);
  }
  return median(perCall);
}

const results = [];
function budget(name, value, limit, aim, unit, detail) {
  const pass = value <= limit;
  results.push(pass);
  const aimNote = aim === undefined ? "" : value <= aim ? `, aim ${aim}${unit} met` : `, aim ${aim}${unit} not met`;
  console.log(`${pass ? "PASS" : "FAIL"}  ${name}: ${detail} (budget ≤ ${limit}${unit}${aimNote})`);
}

const botGz = gzipSync(bot, { level: 9 }).length;
const floorGz = gzipSync(floor, { level: 9 }).length;
console.log(`bundle  amd-flow ${kb(bot.length)} KB minified, ${kb(botGz)} KB gzipped; floor ${kb(floorGz)} KB gzipped`);

const cold = { bot: [], floor: [] };
for (let run = 0; run < COLD_RUNS + 5; run++) {
  const botMs = coldStart(bot, "AmdFlow", run);
  const floorMs = coldStart(floor, "Floor", run);
  if (run >= 5) {
    cold.bot.push(botMs);
    cold.floor.push(floorMs);
  }
}
const coldBot = median(cold.bot);
const coldFloor = median(cold.floor);
console.log(
  `cold    amd-flow ${coldBot.toFixed(3)} ms, floor ${coldFloor.toFixed(3)} ms (median of ${COLD_RUNS}, interleaved)`,
);

const warmBot = warm(bot, "AmdFlow");
const warmFloor = warm(floor, "Floor");
console.log(
  `warm    amd-flow ${warmBot.toFixed(0)} ns/call, floor ${warmFloor.toFixed(0)} ns/call (median of ${WARM_BATCHES} batches over ${scenarioFixtures.length} scenarios)`,
);
console.log("");

budget("size", botGz / 1024, 12, 10, " KB", `${kb(botGz)} KB gzipped`);
budget("cold start", coldBot / coldFloor, 10, 5, "×", `${(coldBot / coldFloor).toFixed(2)}× the floor`);
budget(
  "warm routeCall",
  warmBot / 1000,
  2,
  undefined,
  " µs",
  `${(warmBot / 1000).toFixed(3)} µs/call, ${(warmBot / warmFloor).toFixed(1)}× the floor`,
);

// The simulator: simulateCampaign over 10⁴ calls made from the timed scenarios with
// varied times, after a warm-up of 10³; the median of 3 runs (budget < 2 s).
const campaignCalls = variedCalls(timedScenarios, 10_000);
simulateCampaign(campaignCalls.slice(0, 1000));
const campaignMs = median(
  [0, 1, 2].map(() => {
    const started = process.hrtime.bigint();
    simulateCampaign(campaignCalls);
    return Number(process.hrtime.bigint() - started) / 1e6;
  }),
);
budget(
  "simulateCampaign",
  campaignMs / 1000,
  2,
  undefined,
  " s",
  `${(campaignMs / 1000).toFixed(3)} s for ${campaignCalls.length} calls (median of 3)`,
);

process.exitCode = results.every(Boolean) ? 0 : 1;
