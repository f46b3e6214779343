import { describeError, isArraySafe, type Mutable, put, readProp } from "../internal/safe.js";
import type { AmdOutcome } from "../outcome/classify-amd.js";
import { asRequested, outcomeOf } from "../outcome/classify-amd.js";
import { type ClassifyOptions, verdictOptions } from "../outcome/classify-options.js";
import type { VerdictOptions } from "../outcome/verdict.js";
import { defaultPolicy } from "../policy/default-policy.js";
import { parsePolicy } from "../policy/parse-policy.js";
import type { FinalRule, Policy, PolicyInput } from "../policy/policy.js";
import type { PolicyError } from "../policy/policy-error.js";
import { ruleOf } from "../policy/rule-for.js";
import { readInto } from "../reading/read-amd.js";
import { type Clock, type FlowState, nextState } from "../state/flow-state.js";
import { MACHINE_PHASES, OUTCOME_KINDS, type RouteAction, situationOf } from "../vocabulary.js";
import { describeRule, describeSituation, formatMs } from "./explain.js";
import { REASON_OF, type RouteReason } from "./route-reasons.js";
import { waitedOf, waitedText } from "./waited-ms.js";

export { ROUTE_REASONS, type RouteReason } from "./route-reasons.js";

/**
 * How the flow got here: `state` is what the previous decision handed back (the flow's
 * own clock: how long it has waited, and when it first saw each event), `waitedMs` how
 * long it has already waited on AMD in all (needed only without `state`; no clock is
 * read inside), `amdRequested` whether the dial-out asked for AMD, and `beepWindowMs`
 * how timed events are read (see {@link ClassifyOptions}).
 *
 * @example
 * ```ts
 * import type { RouteOptions } from "amd-flow";
 * const options: RouteOptions = { amdRequested: true, state: undefined };
 * const older: RouteOptions = { waitedMs: 12_000, amdRequested: true };
 * ```
 */
export interface RouteOptions extends ClassifyOptions {
  /**
   * The previous decision's `state`, as it was handed back (store `decision.state` in the
   * bot's context and pass it here on the next run). With it amd-flow counts the waits
   * itself and knows at which run it first saw each event: the clock real AMD payloads
   * lack. Missing on the first run; a state that is not one amd-flow wrote is read as a
   * first run, with an issue.
   */
  readonly state?: unknown;
  /**
   * Milliseconds the flow has waited on AMD so far, in all: the sum of every
   * `recheckAfterMs` it waited, while AMD was pending and while a greeting played
   * alike. When absent: the `state`'s own count, or 0 without one. A value that is not a
   * finite non-negative number counts as past every wait's limit (the wait's `then`
   * applies), with an issue: a wait always ends.
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
  /**
   * What to pass back as `options.state` on the next run: the waits counted so far
   * (this one's `recheckAfterMs` included) and when the flow first saw each event. Small
   * and JSON-safe: store it in the bot's context.
   */
  readonly state: FlowState;
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
    const judgements = readProp(outcome, "judgements");
    const phrase = readProp(outcome, "phrase");
    const usable =
      isArraySafe(evidence) &&
      (judgements === undefined || isArraySafe(judgements)) &&
      (phrase === undefined || typeof phrase === "string");
    if (usable) return outcome as AmdOutcome;
    // A hand-made outcome with parts that cannot be used: those parts are left out.
    const copy: Mutable<AmdOutcome> = Object.assign({}, outcome as AmdOutcome, {
      evidence: isArraySafe(evidence) ? evidence : [],
    });
    if (!isArraySafe(judgements)) delete copy.judgements;
    if (typeof phrase !== "string") delete copy.phrase;
    return copy;
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
 * is decided as `pending`. Other judgements that need the option (a person still
 * speaking, a verdict in flight) are made only by `classifyAmd`: classify with the same
 * options you decide with. (`beepWindowMs` changes the classification itself, so it
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
    const checked = checkedOutcome(outcome, issues);
    const how = verdictOptions(options, issues);
    return decide(asRequested(checked, how.amdRequested), resolvePolicy(policy, issues), options, how, issues);
  } catch (error) {
    return lastResort(error, issues);
  }
}

/** At most this many entries of an outcome's `evidence` are read for the state (there are eight event names). */
const MAX_EVIDENCE_READ = 64;

/** The first entries of `evidence` (a hand-made outcome's may hold anything); none when they cannot be read. */
function presentIn(evidence: readonly unknown[]): readonly unknown[] {
  try {
    return evidence.slice(0, MAX_EVIDENCE_READ);
  } catch {
    return [];
  }
}

function decision(
  action: RouteAction,
  reason: RouteReason,
  explanation: string,
  outcome: AmdOutcome,
  issues: string[],
  clock: Clock,
  waitMs = 0,
): Mutable<RouteDecision> {
  return { action, reason, explanation, outcome, issues, state: nextState(clock, presentIn(outcome.evidence), waitMs) };
}

/** The decision for a checked outcome, with `issues` so far (the options' problems already in them). */
function decide(
  outcome: AmdOutcome,
  chosen: Policy,
  options: unknown,
  how: VerdictOptions,
  issues: string[],
): RouteDecision {
  const { clock } = how;
  // Without a count of its own, the flow has waited what its state says.
  const given = readProp(options, "waitedMs");
  const waitedMs = given === undefined || given === null ? clock.now : waitedOf(options, issues);
  const situation = situationOf(outcome);
  const said = describeSituation(situation, outcome);
  // Wait or final: the two rule shapes. Each final action's details and wording
  // come from tables mapped over every action (DETAILS, RULE_TEXT), so a new action
  // or rule type fails to compile until it is handled there.
  const rule = ruleOf(chosen, outcome);
  if (rule.action !== "wait")
    return withDetails(
      rule,
      decision(rule.action, REASON_OF[situation], `${said}; ${describeRule(rule)}.`, outcome, issues, clock),
    );
  if (waitedMs < rule.maxWaitMs) {
    const explanation = `${said}; ${describeRule(rule)}.`;
    const waiting = decision("wait", REASON_OF[situation], explanation, outcome, issues, clock, rule.recheckAfterMs);
    waiting.recheckAfterMs = rule.recheckAfterMs;
    waiting.maxWaitMs = rule.maxWaitMs;
    return waiting;
  }
  const limit = formatMs(rule.maxWaitMs);
  const explanation = `${said} ${waitedText(waitedMs)} (the limit is ${limit}); ${describeRule(rule.then)}.`;
  return withDetails(rule.then, decision(rule.then.action, "wait-limit-reached", explanation, outcome, issues, clock));
}

/** The clock of a first run, for the last resort. */
const FIRST_RUN: Clock = { now: 0, running: false, seen: [] };

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
    state: nextState(FIRST_RUN, [], 0),
  });
}

/**
 * Reads, classifies and decides in one call: the function a bot script node calls.
 * Never throws, whatever `context`, `policy` or `options` are; problems are listed in
 * the decision's `issues`.
 *
 * @param context - the bot's `context`; AMD is read from `context.session.UserSession` (in an experience flow, `context.UserSession`).
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
    // What decideRoute(classifyAmd(readAmd(context), options), policy, options) gives (the
    // policy's greetingText passed to classifyAmd too), with
    // the reading's issues first, in one walk of the events: the reader gathers what they
    // say as it goes, and the options are read once.
    const into = readInto(context, false);
    const { info } = into;
    issues = into.issues;
    const asked = verdictOptions(options, issues);
    const chosen = resolvePolicy(policy, issues);
    // The policy can turn the greeting-text judgement off; the options only for this call.
    const how = chosen.greetingText === false ? Object.assign({}, asked, { greetingText: false }) : asked;
    const outcome = outcomeOf(into.details, into.unknownEvents.length > 0, info[0], info[1], how);
    return decide(outcome, chosen, options, how, issues);
  } catch (error) {
    // readInto and decide never throw: this is for what no test can produce.
    return lastResort(error, issues);
  }
}
