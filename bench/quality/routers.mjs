// The four routers the quality bench compares, each with the loop's interface:
//   router(context, { amdRequested, waitedMs, state }) → { action, recheckAfterMs?, state? }
import { readFileSync } from "node:fs";
import vm from "node:vm";

/**
 * A bot file loaded as the platform runs it: a bare vm context holding only `context`,
 * code generation from strings off. Returns its `AmdFlow.version` and a function that
 * runs the script node's call in that context.
 */
function loadBotFile(path) {
  const sandbox = vm.createContext({ context: undefined }, { codeGeneration: { strings: false, wasm: false } });
  new vm.Script(readFileSync(path, "utf8"), { filename: path }).runInContext(sandbox);
  const call = vm.runInContext(
    "(function (name, context, policy, options) { return AmdFlow[name](context, policy, options); })",
    sandbox,
  );
  const version = vm.runInContext("AmdFlow.version", sandbox);
  return { version, call };
}

/**
 * amd-flow's routeCall from a bot file. The documented loop passes `state` (the bot
 * stores `context.amdState = decision.state`); a build whose decisions carry no state
 * (0.2.0) takes `waitedMs` instead, as its own loop did.
 * @param {string} path the bot file.
 * @param {unknown} [policy] a policy input (JSON), checked by the bot file's parsePolicy.
 */
export function amdFlowRouter(path, policy) {
  const { version, call } = loadBotFile(path);
  const checked = policy === undefined ? undefined : call("parsePolicy", policy);
  const probe = call("routeCall", { session: { UserSession: {} } }, checked, { amdRequested: true });
  const usesState = probe !== null && typeof probe === "object" && "state" in probe;
  const route = usesState
    ? (context, { amdRequested, state }) => call("routeCall", context, checked, { amdRequested, state })
    : (context, { amdRequested, waitedMs }) => call("routeCall", context, checked, { amdRequested, waitedMs });
  return { version, usesState, route, hangUpIsRight: (decision) => decision.outcome?.kind === "machine" };
}

const namesOf = (context) => (context.session.UserSession.amdInfo?.amdEvents ?? []).map((entry) => entry.type);

/**
 * What a bot designer writes without the package: a person → continue; a machine or a
 * tone → leave the voicemail at once; nothing yet → wait 250 ms; anything else → continue.
 */
export function handWrittenRouter() {
  const route = (context) => {
    const names = namesOf(context);
    if (names.includes("amd_human_detected")) return { action: "continue" };
    if (names.includes("amd_machine_detected") || names.includes("amd_tone_detected"))
      return { action: "leave-voicemail" };
    if (names.length === 0) return { action: "wait", recheckAfterMs: 250 };
    return { action: "continue" };
  };
  return { route, hangUpIsRight: () => false };
}

const HANGS_UP = new Set(["amd_machine_detected", "amd_tone_detected"]);

/**
 * The platform's `disconnect` mode: it hangs up on `amd_machine_detected` or
 * `amd_tone_detected`; once AMD gives any other answer, the bot continues. Here the
 * router looks every 250 ms where the platform acts on arrival: no figure depends on the
 * difference. A hang-up on a machine is what the mode is for, so it counts as right.
 */
export function disconnectRouter() {
  const route = (context) => {
    const names = namesOf(context);
    if (names.length === 0) return { action: "wait", recheckAfterMs: 250 };
    return { action: names.some((name) => HANGS_UP.has(name)) ? "hang-up" : "continue" };
  };
  return { route, hangUpIsRight: () => true };
}
