import { describeError, isArraySafe, type Mutable, put, readProp } from "../internal/safe.js";
import type { AmdOutcome } from "../outcome/classify-amd.js";
import { asRequested, outcomeOf } from "../outcome/classify-amd.js";
import { type ClassifyOptions, verdictOptions } from "../outcome/classify-options.js";
import { defaultPolicy } from "../policy/default-policy.js";
import { parsePolicy } from "../policy/parse-policy.js";
import type { FinalRule, Policy, PolicyInput } from "../policy/policy.js";
import type { PolicyError } from "../policy/policy-error.js";
import { ruleOf } from "../policy/rule-for.js";
import { readInto } from "../reading/read-amd.js";
import { MACHINE_PHASES, OUTCOME_KINDS, type RouteAction, situationOf } from "../vocabulary.js";
import { describeRule, describeSituation, formatMs } from "./explain.js";
import { REASON_OF, type RouteReason } from "./route-reasons.js";
import { waitedOf, waitedText } from "./waited-ms.js";

export { ROUTE_REASONS, type RouteReason } from "./route-reasons.js";

/**
 * How the flow got here: `waitedMs` is how long it has already waited on AMD in all
 * (pending and a machine greeting alike; no clock is read inside), `amdRequested`
 * whether the dial-out asked for AMD, and `beepWindowMs` how timed events are read
 * (see {@link ClassifyOptions}).
 *
 * @example
 * ```ts
 * import type { RouteOptions } from "amd-flow";
 * const options: RouteOptions = { waitedMs: 12_000, amdRequested: true };
 * ```
 */
export interface RouteOptions extends ClassifyOptions {
  /**
   * Milliseconds the flow has waited on AMD so far, in all: the sum of every
   * `recheckAfterMs` it waited, while AMD was pending and while a greeting played
   * alike; 0 when absent. A value that is not a finite non-negative number counts as
   * past every wait's limit (the wait's `then` applies), with an issue: a wait always ends.
   */
  readonly waitedMs?: number;
}

/**
 * The move for a bot script node: branch on `action`.
 *
 * @example
 * ```ts
 * import { routeCall, type RouteDecision } from "amd-flow";
 * const decision: RouteDecision = routeCall({ session: { UserSession: { amd: "amd_tone_detected" } } });
 * decision.action; // "leave-voicemail"
 * ```
 */
export interface RouteDecision {
  /** What the bot does now. */
  readonly action: RouteAction;
  /** Why, as a stable code. */
  readonly reason: RouteReason;
  /** Why and what, as one plain sentence for a bot designer. */
  readonly explanation: string;
  /** What AMD concluded. */
  readonly outcome: AmdOutcome;
  /** Problems with the input, the policy or the options; the decision was made anyway. */
  readonly issues: readonly string[];
  /** With `wait`: route again after this many ms. */
  readonly recheckAfterMs?: number;
  /** With `wait`: the wait limit; once `waitedMs` reaches it the wait's `then` applies. */
  readonly maxWaitMs?: number;
  /** With `hang-up`: whether the dialer should call again. */
  readonly retry?: boolean;
  /** With `hang-up` and `retry`: how long to wait before calling again. */
  readonly retryAfterMs?: number;
  /** With `transfer`: where to, when the policy names it. */
  readonly transferTarget?: string;
}

/** `outcome` when it is a well-formed outcome; otherwise an error outcome and an issue. */
function checkedOutcome(outcome: unknown, issues: string[]): AmdOutcome {
  const kind = readProp(outcome, "kind");
  const phase = readProp(outcome, "phase");
  const evidence = readProp(outcome, "evidence");
  if (
    OUTCOME_KINDS.indexOf(kind as never) !== -1 &&
    (kind !== "machine" || MACHINE_PHASES.indexOf(phase as never) !== -1)
  ) {
    if (isArraySafe(evidence)) return outcome as AmdOutcome;
    return Object.assign({}, outcome as AmdOutcome, { evidence: [] });
  }
  issues.push("outcome: not an AMD outcome (expected one from classifyAmd); treated as an AMD error");
  return { kind: "error", evidence: [] };
}

/** The policy to apply, and an issue when the given one could not be used. */
function resolvePolicy(policy: unknown, issues: string[]): Policy {
  try {
    // undefined and null give the default policy, and a checked policy is itself.
    return parsePolicy(policy);
  } catch (error) {
    // parsePolicy throws nothing but PolicyError; anything else reaches decideRoute's last resort.
    issues.push(`policy: ${(error as PolicyError).problems.join("; ")}; the default policy was used`);
    return defaultPolicy;
  }
}

type Details = {
  readonly [A in FinalRule["action"]]: (
    rule: Extract<FinalRule, { action: A }>,
    decision: Mutable<RouteDecision>,
  ) => void;
};

/** What each final action adds to a decision. */
const DETAILS: Details = {
  continue: () => undefined,
  "leave-voicemail": () => undefined,
  transfer: ({ target }, decision) => put(decision, "transferTarget", target),
  "hang-up": ({ retry, retryAfterMs }, decision) => {
    decision.retry = retry;
    put(decision, "retryAfterMs", retryAfterMs);
  },
};

/** `decision` with the details its final rule adds. */
function withDetails(rule: FinalRule, decision: Mutable<RouteDecision>): RouteDecision {
  // Safe widening: Details ties each action to its own rule type.
  (DETAILS[rule.action] as (rule: FinalRule, decision: Mutable<RouteDecision>) => void)(rule, decision);
  return decision;
}

/**
 * Decides what the bot does for an outcome under a policy. Never throws: a policy that
 * is not valid is replaced by {@link defaultPolicy}, and something that is not an
 * outcome is treated as an AMD error; both are reported in `issues`.
 *
 * With a `wait` rule the decision is `wait` with `recheckAfterMs` and `maxWaitMs`
 * until `options.waitedMs` reaches `maxWaitMs`; from then on the rule's `then` applies
 * and the reason is `wait-limit-reached`.
 *
 * With `options.amdRequested`, an outcome that would be `pending` had it been
 * classified with that option (`not-run`, or a machine whose only evidence is a tone)
 * is decided as `pending`: an outcome classified without that option is decided as
 * `routeCall` decides with it. (`beepWindowMs` changes the classification itself, so it
 * belongs in `classifyAmd`'s options.)
 *
 * @param outcome - what {@link classifyAmd} returned.
 * @param policy - a {@link Policy}, a {@link PolicyInput} or its JSON text; {@link defaultPolicy} when absent. Anything else is reported and replaced by the default.
 * @param options - {@link RouteOptions}: how long the flow has waited, and whether the dial-out asked for AMD.
 * @returns the decision.
 * @example
 * ```ts
 * import { decideRoute } from "amd-flow";
 * const machine = { kind: "machine", phase: "greeting", evidence: ["amd_machine_detected"] } as const;
 * decideRoute(machine).action; // "wait"
 * decideRoute(machine, undefined, { waitedMs: 30_000 }).action; // "leave-voicemail"
 * decideRoute({ kind: "pending", evidence: [] }).recheckAfterMs; // 250
 * ```
 */
export function decideRoute(
  outcome: AmdOutcome,
  policy?: Policy | PolicyInput | string,
  options?: RouteOptions,
): RouteDecision {
  const issues: string[] = [];
  try {
    const checked = asRequested(checkedOutcome(outcome, issues), verdictOptions(options, issues).amdRequested);
    return decide(checked, policy, options, issues);
  } catch (error) {
    return lastResort(error, issues);
  }
}

function decision(
  action: RouteAction,
  reason: RouteReason,
  explanation: string,
  outcome: AmdOutcome,
  issues: string[],
): Mutable<RouteDecision> {
  return { action, reason, explanation, outcome, issues };
}

/** The decision for a checked outcome, with `issues` so far (the options' problems already in them). */
function decide(outcome: AmdOutcome, policy: unknown, options: unknown, issues: string[]): RouteDecision {
  const chosen = resolvePolicy(policy, issues);
  const waitedMs = waitedOf(options, issues);
  const situation = situationOf(outcome);
  const said = describeSituation(situation, outcome);
  // Wait or final: the two rule shapes. Each final action's details and wording
  // come from tables mapped over every action (DETAILS, RULE_TEXT), so a new action
  // or rule type fails to compile until it is handled there.
  const rule = ruleOf(chosen, outcome);
  if (rule.action !== "wait")
    return withDetails(
      rule,
      decision(rule.action, REASON_OF[situation], `${said}; ${describeRule(rule)}.`, outcome, issues),
    );
  if (waitedMs < rule.maxWaitMs) {
    const waiting = decision("wait", REASON_OF[situation], `${said}; ${describeRule(rule)}.`, outcome, issues);
    waiting.recheckAfterMs = rule.recheckAfterMs;
    waiting.maxWaitMs = rule.maxWaitMs;
    return waiting;
  }
  const limit = formatMs(rule.maxWaitMs);
  const explanation = `${said} ${waitedText(waitedMs)} (the limit is ${limit}); ${describeRule(rule.then)}.`;
  return withDetails(rule.then, decision(rule.then.action, "wait-limit-reached", explanation, outcome, issues));
}

/**
 * The decision when something unforeseen failed inside: an AMD failure must never
 * drop a live call, so the default policy's rule for an AMD error applies.
 */
function lastResort(error: unknown, issues: string[]): RouteDecision {
  issues.push(`amd-flow: internal failure (${describeError(error)}); the default policy for an AMD error was used`);
  const outcome: AmdOutcome = { kind: "error", evidence: [] };
  const rule = defaultPolicy.error as FinalRule;
  return withDetails(rule, {
    action: rule.action,
    reason: "amd-error",
    explanation: `${describeSituation("error", outcome)}; ${describeRule(rule)}.`,
    outcome,
    issues,
  });
}

/**
 * Reads, classifies and decides in one call: the function a bot script node calls.
 * Never throws, whatever `context`, `policy` or `options` are; problems are listed in
 * the decision's `issues`.
 *
 * @param context - the bot's `context`; AMD is read from `context.session.UserSession`.
 * @param policy - a {@link Policy}, a {@link PolicyInput} or its JSON text; {@link defaultPolicy} when absent. Anything else is reported and replaced by the default.
 * @param options - {@link RouteOptions}: how long the flow has waited on AMD, whether the dial-out asked for AMD (pass `amdRequested: true` when it did: then no AMD event yet means "not decided yet", not "AMD off"), and the beep window.
 * @returns the decision; branch on `action`.
 * @example
 * ```ts
 * import { routeCall } from "amd-flow";
 * const context = {
 *   session: { UserSession: { amdInfo: { amdEvents: ["amd_machine_detected", "amd_tone_detected"] } } },
 * };
 * const decision = routeCall(context);
 * decision.action; // "leave-voicemail"
 * decision.explanation; // "The voicemail beep was heard; leave the voicemail message now."
 * routeCall({}, undefined, { amdRequested: true, waitedMs: 0 }).action; // "wait"
 * ```
 */
export function routeCall(
  context: unknown,
  policy?: Policy | PolicyInput | string,
  options?: RouteOptions,
): RouteDecision {
  let issues: string[] = [];
  try {
    // What decideRoute(classifyAmd(readAmd(context), options), policy, options) gives, with
    // the reading's issues first, in one walk of the events: the reader gathers what they
    // say as it goes, and the options are read once.
    const into = readInto(context, false);
    const { info } = into;
    issues = into.issues;
    const outcome = outcomeOf(
      into.details,
      into.unknownEvents.length > 0,
      info[0],
      info[1],
      verdictOptions(options, issues),
    );
    return decide(outcome, policy, options, issues);
  } catch (error) {
    // readInto and decide never throw: this is for what no test can produce.
    return lastResort(error, issues);
  }
}
