// npm run stress: the worst inputs, timed. Each case states its bound; the slowest of
// RUNS runs must stay under it, or the script exits 1. This is a script, not a timed
// unit test: shared machines make timings flaky, so it runs on its own and prints.
//
// Bounds: routeCall on any input returns in under 50 ms (the documented promise), in Node and in the
// bot bundle; the dialer's readers stay under bounds that scale with their input; the simulator
// keeps a campaign's figures, not its calls (10⁴ calls in under 2 s, 10⁶ in under 60 s, each
// under 500 MB), runs the longest valid policy to its end, and does no work for speech after
// AMD stopped. Each simulator case runs in a process of its own, so its peak memory is its own;
// amd-flow summarize and the example receiver stay within their memory bounds (stress-streams.mjs).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import {
  buildDialoutRequest,
  parseCallNotification,
  signNotifyPayload,
  summarizeCall,
  summarizeCalls,
  verifyNotifySignature,
} from "../dist/dialer.js";
import { notificationFixtures, timedScenarios } from "../dist/fixtures.js";
import { parsePolicy, readAmd, routeCall } from "../dist/index.js";
import { stressStreams } from "./stress-streams.mjs";
import { simulateAmd, simulateCall, simulateCampaign } from "../dist/simulator.js";
import { variedCalls } from "../bench/campaign-calls.mjs";

// ---------------------------------------------------------------- the simulator's cases
// Each: [name, bound in ms, bound in MB of peak resident memory, run (returns a note)].
const EVERY_MS_FOR_AN_HOUR = {
  "not-run": { action: "wait", recheckAfterMs: 1, maxWaitMs: 3_600_000, then: "continue" },
};
const campaignOf = (count) => {
  const pool = variedCalls(timedScenarios, 10_000);
  return Array.from({ length: count }, (_, index) => pool[index % pool.length]);
};
const figures = (result) => `→ ${result.right} of ${result.calls} right, ${result.personsAbandoned} persons abandoned`;
const SIMULATOR_CASES = [
  [
    "simulateCampaign: 10⁴ calls (after 10³ to warm up)",
    2000,
    500,
    (calls = campaignOf(10_000)) => {
      simulateCampaign(calls.slice(0, 1000));
      const started = process.hrtime.bigint();
      const result = simulateCampaign(calls);
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, note: figures(result) };
    },
  ],
  ["simulateCampaign: 10⁶ calls", 60_000, 500, (calls = campaignOf(1_000_000)) => figures(simulateCampaign(calls))],
  [
    "simulateCall: a wait every 1 ms for an hour (3.6·10⁶ runs)",
    60_000,
    500,
    () => {
      const result = simulateCall({ answeredBy: "person", amd: false }, EVERY_MS_FOR_AN_HOUR);
      return `→ ${result.action} at ${result.actionAtMs} ms after ${result.steps.length} runs`;
    },
  ],
  [
    "simulateCampaign: that call, no steps kept",
    30_000,
    500,
    () => figures(simulateCampaign([{ answeredBy: "person", amd: false }], EVERY_MS_FOR_AN_HOUR)),
  ],
  [
    "simulateAmd: a segment ending at 10¹² ms",
    50,
    500,
    () => {
      const text = Array.from({ length: 30 }, (_, index) => `word${index}`).join(" ");
      const events = simulateAmd({ answeredBy: "machine", speech: [{ startMs: 500, endMs: 1e12, text }] });
      return `→ ${events.map((event) => event.name).join(", ")}`;
    },
  ],
  [
    "simulateAmd: 10⁵ segments",
    2000,
    500,
    () => {
      const speech = Array.from({ length: 100_000 }, (_, index) => ({
        startMs: 300 + 10 * index,
        endMs: 305 + 10 * index,
        text: `w${index}`,
      }));
      return `→ ${simulateAmd({ answeredBy: "machine", speech }).length} events`;
    },
  ],
];

// A child process runs one simulator case and prints its time and peak memory as JSON.
const caseIndex = process.argv.indexOf("--simulator-case");
if (caseIndex !== -1) {
  const [, , , run] = SIMULATOR_CASES[Number(process.argv[caseIndex + 1])];
  const started = process.hrtime.bigint();
  const outcome = run();
  const ms = typeof outcome === "object" ? outcome.ms : Number(process.hrtime.bigint() - started) / 1e6;
  const note = typeof outcome === "object" ? outcome.note : outcome;
  process.stdout.write(JSON.stringify({ ms, peakMB: process.resourceUsage().maxRSS / 1024, note }));
  process.exit(0);
}

const RUNS = 5;
const MILLION = 1_000_000;
const results = [];

function measure(name, boundMs, run) {
  let slowest = 0;
  let outcome;
  for (let index = 0; index < RUNS; index++) {
    const started = process.hrtime.bigint();
    outcome = run();
    slowest = Math.max(slowest, Number(process.hrtime.bigint() - started) / 1e6);
  }
  const pass = slowest < boundMs;
  results.push(pass);
  console.log(
    `${pass ? "PASS" : "FAIL"}  ${name.padEnd(58)} ${slowest.toFixed(2).padStart(9)} ms  (bound ${boundMs} ms)  ${outcome ?? ""}`,
  );
}

const ctx = (UserSession) => ({ session: { UserSession } });
const boom = () => {
  throw new Error("boom");
};

// 10⁶ events, in every shape.
const millionObjects = Array.from({ length: MILLION }, (_, index) => ({
  type: index % 2 ? "amd_machine_detected" : "amd_stopped",
  greeting: "hello",
}));
const millionNames = Array.from({ length: MILLION }, () => " AMD_Tone_Detected ");
const millionUnknown = Array.from({ length: MILLION }, (_, index) => `amd_unknown_${index}`);
const millionBad = Array.from({ length: MILLION }, () => ({
  type: "amd_tone_detected",
  frequency: "loud",
  variance: {},
  timestamp: "never",
}));
const sparse = new Array(MILLION);
const claimsTrillion = new Proxy([], {
  get: (target, key) => (key === "length" ? 1e12 : key === "0" ? "amd_stopped" : Reflect.get(target, key)),
});
const cycle = {};
cycle.session = { UserSession: { amd: cycle, amdInfo: { amdEvents: [cycle, cycle, cycle] } } };
const hostile = new Proxy(
  {},
  { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom },
);
const megabyteName = "amd_".padEnd(MILLION, "x");
const megabyteJson = JSON.stringify(
  Array.from({ length: 16_000 }, () => ({ type: "amd_machine_detected", hint: "leave a message" })),
);
if (megabyteJson.length < 900_000 || megabyteJson.length > 1_000_000)
  throw new Error(`the JSON text is ${megabyteJson.length} characters, not about 1 MB`);
// Sparse lists as long as a list can be, and lists longer than the whole-read cap.
const giantSparse = new Array(2 ** 32 - 1);
giantSparse[4000] = "amd_tone_detected";
const stoppedThenTone = [...Array.from({ length: 1000 }, () => "amd_stopped"), "amd_tone_detected"];
// Hostile data: every data field of 10⁶ entries throws when read.
const throwingEvent = { type: "amd_machine_detected" };
for (const key of [
  "reason",
  "greeting",
  "transcript",
  "hint",
  "language",
  "frequency",
  "variance",
  "error",
  "timestamp",
])
  Object.defineProperty(throwingEvent, key, { get: boom, enumerable: true });
const millionThrowing = new Array(MILLION).fill(throwingEvent);
const millionDistinctThrowing = Array.from({ length: 20_000 }, () => new Proxy({}, { get: boom }));
// Text: a megabyte of white space before a name, a megabyte of JSON, 10⁶ times each; control characters; BOMs.
const megabyteSpaces = `${" ".repeat(MILLION)}amd_stopped`;
const millionSpaces = new Array(MILLION).fill(megabyteSpaces);
const megabyteEntry = `{"type":"amd_machine_detected","pad":"${"x".repeat(MILLION - 40)}"}`;
const millionJson = new Array(MILLION).fill(megabyteEntry);
const distinctJson = Array.from({ length: 5 }, (_, index) => `${megabyteEntry.slice(0, -2)}${index}"}`);
// Distinct names where they are looked at, then one repeated: a smaller heap keeps GC pauses out of the timings.
const controlNames = new Array(MILLION).fill("amd\n\u2028\u202e\u0000");
for (let index = 0; index < 5000; index++) controlNames[index] = `amd\n\u2028\u202e${index}\u0000`;
const bomJson = `\uFEFF${JSON.stringify(Array.from({ length: 16_000 }, () => ({ type: "amd_machine_detected" })))}`;
const prototypeNames = Array.from(
  { length: MILLION },
  (_, index) => ["__proto__", "constructor", "toString"][index % 3],
);

// One object 10⁶ times whose `type` sits 5 × 10⁴ prototypes up: each named read of a
// field it lacks would walk the whole chain (amd-flow reads through 32 prototypes at most).
let inheritsDeep = { type: "amd_tone_detected" };
for (let index = 0; index < 50_000; index++) inheritsDeep = Object.create(inheritsDeep);
const millionDeep = new Array(MILLION).fill(inheritsDeep);
let deep = { type: "amd_error" };
for (let index = 0; index < 100_000; index++) deep = { type: deep };

const action = (decision) => `→ ${decision.action}, ${decision.issues.length} issues`;
measure("routeCall: 10⁶ event objects", 50, () => action(routeCall(ctx({ amdInfo: { amdEvents: millionObjects } }))));
measure("routeCall: 10⁶ mixed-case names", 50, () => action(routeCall(ctx({ amdInfo: { amdEvents: millionNames } }))));
measure("routeCall: 10⁶ unknown names", 50, () => action(routeCall(ctx({ amdInfo: { amdEvents: millionUnknown } }))));
measure("routeCall: 10⁶ events with bad fields", 50, () =>
  action(routeCall(ctx({ amdInfo: { amdEvents: millionBad } }))),
);
measure("routeCall: a sparse list of 10⁶ holes", 50, () => action(routeCall(ctx({ amd: sparse }))));
measure("routeCall: a list claiming 10¹² entries", 50, () => action(routeCall(ctx({ amd: claimsTrillion }))));
measure("routeCall: cycles", 50, () => action(routeCall(cycle)));
measure("routeCall: a Proxy whose every trap throws, as context, policy, options", 50, () =>
  action(routeCall(hostile, hostile, hostile)),
);
measure("routeCall: a 1 MB event name", 50, () => action(routeCall(ctx({ amd: megabyteName }))));
measure("routeCall: 1 MB of amdEvents as JSON text", 50, () =>
  action(routeCall(ctx({ amdInfo: { amdEvents: megabyteJson } }))),
);
measure("routeCall: an event nested 10⁵ deep", 50, () => action(routeCall(ctx({ amd: deep }))));
measure("routeCall: a sparse list of 2³²−1 entries", 50, () =>
  action(routeCall(ctx({ amdInfo: { amdEvents: giantSparse } }))),
);
measure("routeCall: 1000 × amd_stopped, then a tone", 50, () =>
  action(routeCall(ctx({ amdInfo: { amdEvents: stoppedThenTone } }))),
);
measure("routeCall: 10⁶ × one object inheriting through 5 × 10⁴ prototypes", 50, () =>
  action(routeCall(ctx({ amdInfo: { amdEvents: millionDeep }, amd: millionDeep }))),
);
measure("routeCall: 10⁶ entries whose every data field throws", 50, () =>
  action(routeCall(ctx({ amdInfo: { amdEvents: millionThrowing }, amd: millionThrowing }))),
);
measure("routeCall: 2 × 10⁴ distinct Proxies whose get throws", 50, () =>
  action(routeCall(ctx({ amdInfo: { amdEvents: millionDistinctThrowing }, amd: millionDistinctThrowing }))),
);
measure("routeCall: 10⁶ × a name after 1 MB of white space", 50, () =>
  action(routeCall(ctx({ amdInfo: { amdEvents: millionSpaces }, amd: millionSpaces }))),
);
measure("routeCall: 10⁶ × the same 1 MB JSON entry", 50, () => action(routeCall(ctx({ amd: millionJson }))));
measure("routeCall: 5 distinct 1 MB JSON entries", 50, () => action(routeCall(ctx({ amd: distinctJson }))));
measure("routeCall: 10⁶ names with control characters", 50, () =>
  action(routeCall(ctx({ amdInfo: { amdEvents: controlNames } }))),
);
measure("routeCall: 10⁶ prototype-named entries", 50, () => action(routeCall(ctx({ amd: prototypeNames }))));
measure("routeCall: amdEvents as JSON text after a BOM", 50, () =>
  action(routeCall(ctx({ amdInfo: { amdEvents: bomJson } }))),
);
measure("routeCall: waitedMs Infinity, NaN, text", 50, () =>
  [Infinity, Number.NaN, "0.5"]
    .map((waitedMs) => routeCall(ctx({ amd: "amd_machine_detected" }), undefined, { waitedMs }).action)
    .join(", "),
);
measure("parsePolicy: a Map, a Date, a class instance", 50, () =>
  [new Map(), new Date(0), new (class {})()]
    .map((input) => {
      try {
        parsePolicy(input);
        return "accepted";
      } catch (error) {
        return error.name;
      }
    })
    .join(", "),
);
measure(
  "readAmd: 10⁶ event objects",
  50,
  () => `→ ${readAmd(ctx({ amdInfo: { amdEvents: millionObjects } })).events.length} events read`,
);
measure("parsePolicy: a Proxy whose every trap throws", 50, () => {
  try {
    parsePolicy(hostile);
  } catch (error) {
    return `→ ${error.name}`;
  }
  return "→ accepted";
});

// The bot bundle, in the platform's kind of sandbox, on the same worst inputs.
const sandbox = vm.createContext({ big: millionObjects, names: millionNames }, { codeGeneration: { strings: false } });
new vm.Script(readFileSync(new URL("../dist/amd-flow.bot.js", import.meta.url), "utf8")).runInContext(sandbox);
const inBundle = (expression) => vm.runInContext(expression, sandbox);
measure(
  "bot bundle: 10⁶ event objects",
  50,
  () => `→ ${inBundle("AmdFlow.routeCall({ session: { UserSession: { amdInfo: { amdEvents: big } } } }).action")}`,
);
measure(
  "bot bundle: 10⁶ mixed-case names",
  50,
  () => `→ ${inBundle("AmdFlow.routeCall({ session: { UserSession: { amd: names } } }).action")}`,
);

// The dialer.
const bodies = notificationFixtures.map((fixture) => fixture.body);
const hundredThousand = Array.from({ length: 100_000 }, (_, index) => ({
  ...bodies[index % bodies.length],
  extra: index,
}));
const megabyteBody = JSON.stringify({ conversationId: "c", status: "Answered", padding: "x".repeat(MILLION) });
const signature = signNotifyPayload(megabyteBody, "secret", 1_750_947_610);
measure(
  "summarizeCall: 10⁵ notifications",
  3000,
  () => `→ ${summarizeCall(hundredThousand).notifications} distinct used`,
);
measure("parseCallNotification: a 1 MB body", 100, () => `→ ok: ${parseCallNotification(megabyteBody).ok}`);
measure(
  "verifyNotifySignature: a 1 MB body",
  50,
  () => `→ ${JSON.stringify(verifyNotifySignature(megabyteBody, signature, "secret", { now: 1_750_947_610_000 }))}`,
);
measure(
  "verifyNotifySignature: a 1 MB body, tampered",
  50,
  () =>
    `→ ${JSON.stringify(verifyNotifySignature(`${megabyteBody} `, signature, "secret", { now: 1_750_947_610_000 }))}`,
);

measure(
  "summarizeCalls: a sparse list of length 2³² − 1",
  2000,
  () => `→ ${summarizeCalls(new Array(2 ** 32 - 1)).calls} calls`,
);
const slashes = "/".repeat(200_000);
measure("buildDialoutRequest: hosts of 2·10⁵ slashes", 1000, () => {
  let refused = 0;
  for (const host of [`https://h${slashes}x`, `https://h${slashes}`, `https:${slashes}`]) {
    try {
      buildDialoutRequest({ host, jwt: "token", botId: "st-1", target: "tel:+15550100", caller: "+15550199" });
    } catch {
      refused++;
    }
  }
  return `→ ${refused} of 3 refused`;
});

// The simulator, each case once in a process of its own: time and peak resident memory.
SIMULATOR_CASES.forEach(([name, boundMs, boundMB], index) => {
  const output = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--simulator-case", String(index)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const { ms, peakMB, note } = JSON.parse(output);
  const pass = ms < boundMs && peakMB < boundMB;
  results.push(pass);
  console.log(
    `${pass ? "PASS" : "FAIL"}  ${name.padEnd(58)} ${ms.toFixed(2).padStart(9)} ms  (bound ${boundMs} ms)  peak ${peakMB.toFixed(0)} MB (bound ${boundMB} MB)  ${note}`,
  );
});

// amd-flow summarize over a stream, and the example receiver under load: scripts/stress-streams.mjs.
await stressStreams((pass, line) => {
  results.push(pass);
  console.log(line);
});

const failed = results.filter((pass) => !pass).length;
console.log(
  failed === 0
    ? `stress: all ${results.length} within their bounds`
    : `stress: ${failed} of ${results.length} over their bounds`,
);
process.exitCode = failed === 0 ? 0 : 1;
