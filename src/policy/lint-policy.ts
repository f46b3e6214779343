import { ABANDONED } from "../abandonment-rule.js";
import { POLICY_SITUATIONS, type PolicySituation } from "../vocabulary.js";
import { parsePolicy } from "./parse-policy.js";
import type { Policy, PolicyInput, PolicyRule, WaitRule } from "./policy.js";
import { PolicyError } from "./policy-error.js";
import { ruleFor } from "./rule-for.js";

/**
 * A choice in a policy that is allowed but risky, with its path in the policy; or,
 * with `invalid`, a problem that makes the policy unusable.
 *
 * @example
 * ```ts
 * import type { PolicyWarning } from "amd-flow";
 * const warning: PolicyWarning = { path: "silence", message: "hangs up on a call where a person may be waiting" };
 * ```
 */
export interface PolicyWarning {
  /** Where in the policy, for example `"machine.greeting"` or `"error.then"`. */
  readonly path: string;
  /** What the risk is, in one sentence. */
  readonly message: string;
  /** `true` when the policy is not valid at all (`routeCall` would use the default policy instead). */
  readonly invalid?: true;
  /** `true` when the choice risks abandoning a person under `ABANDONMENT_RULE` (the 2-second / 3 % rule). */
  readonly abandonment?: true;
}

/** Who may be on the line in each situation; `undefined` where it is surely a machine. */
const MAYBE_A_PERSON: Readonly<Record<PolicySituation, string | undefined>> = {
  human: "AMD heard a person",
  "machine.greeting": undefined,
  "machine.greeting-ended": undefined,
  "machine.beep": undefined,
  silence: "a person may be waiting for the bot to speak",
  undecided: "AMD could not rule out a person",
  error: "AMD failed and a person may be there",
  fax: undefined,
  pending: "AMD has not decided yet and a person may be there",
  "not-run": "there is no AMD result and a person may be there",
};

/** A wait longer than this where a person may be keeps them past the 2-second rule. */
const LONG_WAIT_MS = 2000;
/**
 * A pending wait may last longer: AMD declares silence at its no-speech timer (5 s), so
 * the default waits 6000 ms; more than 2000 ms beyond that keeps a person AMD missed
 * waiting past the 2-second rule.
 */
const LONG_PENDING_WAIT_MS = 8000;
/** Rechecking a pending call less often than this delays the bot's answer to a person's "Hello?". */
const SLOW_PENDING_RECHECK_MS = 1000;
/** AMD reports a greeting's end only after this much silence; a shorter greeting wait never sees it. */
const GREETING_COMPLETION_MS = 2000;

type Warn = (path: string, message: string, abandonment?: true) => void;

function lintWait(situation: PolicySituation, rule: WaitRule, person: string | undefined, warn: Warn): void {
  const limit = situation === "pending" ? LONG_PENDING_WAIT_MS : LONG_WAIT_MS;
  if (person !== undefined && situation !== "human" && rule.maxWaitMs > limit) {
    warn(
      `${situation}.maxWaitMs`,
      `waits up to ${rule.maxWaitMs} ms although ${person}, who hears silence all that time (more than ${limit} ms): ${ABANDONED}`,
      true,
    );
  }
  if (situation === "pending" && rule.recheckAfterMs > SLOW_PENDING_RECHECK_MS) {
    warn(
      `${situation}.recheckAfterMs`,
      `rechecks only every ${rule.recheckAfterMs} ms (more than ${SLOW_PENDING_RECHECK_MS} ms), so a person who said "Hello?" waits that long more for the bot to answer`,
    );
  }
  if (
    situation === "machine.greeting" &&
    rule.then.action === "leave-voicemail" &&
    rule.maxWaitMs < GREETING_COMPLETION_MS
  ) {
    warn(
      `${situation}.maxWaitMs`,
      `stops waiting after ${rule.maxWaitMs} ms, before AMD can report the end of the greeting (it needs ${GREETING_COMPLETION_MS} ms of silence), so the message is left over the greeting and the recording misses its start`,
    );
  }
}

function lintRule(situation: PolicySituation, rule: PolicyRule, warn: Warn): void {
  const person = MAYBE_A_PERSON[situation];
  const final = rule.action === "wait" ? rule.then : rule;
  const finalPath = rule.action === "wait" ? `${situation}.then` : situation;
  if (person !== undefined && final.action === "hang-up")
    warn(finalPath, `hangs up although ${person}: ${ABANDONED}`, true);
  if (person !== undefined && final.action === "leave-voicemail") {
    warn(finalPath, `plays the voicemail message although ${person}`);
  }
  if (situation === "fax" && final.action === "leave-voicemail") {
    warn(finalPath, "plays the voicemail message to a fax machine, where nobody will hear it; hang up instead");
  }
  if (situation === "human" && rule.action === "wait") {
    warn(situation, `keeps a person waiting in silence: ${ABANDONED}`, true);
  }
  if (situation === "machine.greeting" && rule.action === "leave-voicemail") {
    warn(
      situation,
      "leaves the message while the greeting still plays, so the recording misses its start; wait for the greeting to end",
    );
  }
  if (rule.action === "wait") lintWait(situation, rule, person, warn);
}

/** `"machine.greeting: expected …"` as a warning at `machine.greeting`. */
function invalidWarning(problem: string): PolicyWarning {
  const colon = problem.indexOf(": ");
  return colon > 0
    ? { path: problem.slice(0, colon), message: problem.slice(colon + 2), invalid: true }
    : { path: "policy", message: problem, invalid: true };
}

/**
 * Warnings, not errors, for choices that risk hanging up on or stalling a live person
 * (marked `abandonment: true`: an abandoned call under `ABANDONMENT_RULE`), and for a
 * voicemail nobody will hear in full:
 *
 * - hanging up on, or playing the voicemail to, a situation where a person may be
 *   (human, silence, undecided, error, pending, not-run), directly or as a wait's `then`;
 * - a `wait` on a person, and where a person may be a wait longer than 2000 ms
 *   (8000 ms for `pending`, whose default of 6000 ms covers AMD's 5 s no-speech timer),
 *   or a `pending` wait that rechecks less often than every 1000 ms;
 * - a voicemail left while the greeting plays: `machine.greeting` set to
 *   `leave-voicemail`, or a greeting wait that gives up (then leaving the message)
 *   sooner than 2000 ms, the silence AMD needs to report the greeting's end;
 * - a voicemail left for a fax machine;
 * - `greetingText: false`, which follows AMD's word count alone (long personal
 *   greetings get the voicemail, short voicemail greetings get the bot).
 *
 * Accepts whatever {@link parsePolicy} accepts (a policy, a partial policy or its JSON
 * text; `undefined` is the default policy) and never throws. A policy that is not
 * valid gives one warning per problem, marked `invalid: true`, and nothing else:
 * `routeCall` would use the default policy instead.
 *
 * @param policy - a {@link Policy}, a {@link PolicyInput} or its JSON text.
 * @returns the warnings, in {@link POLICY_SITUATIONS} order then `greetingText`; empty for {@link defaultPolicy}.
 * @example
 * ```ts
 * import { lintPolicy } from "amd-flow";
 * lintPolicy({ error: "hang-up" })[0]?.path; // "error"
 * lintPolicy({ fax: "leave-voicemail" }).map((warning) => warning.path); // ["fax"]
 * lintPolicy(JSON.parse(`{"human":"talk"}`))[0]; // { path: "human", message: "expected one of …", invalid: true }
 * ```
 */
export function lintPolicy(policy: Policy | PolicyInput | string | undefined): PolicyWarning[] {
  let parsed: Policy;
  try {
    parsed = parsePolicy(policy);
  } catch (error) {
    if (error instanceof PolicyError) return error.problems.map(invalidWarning);
    /* v8 ignore next */
    return [{ path: "policy", message: "could not be read", invalid: true }];
  }
  const warnings: PolicyWarning[] = [];
  const warn: Warn = (path, message, abandonment) =>
    warnings.push(abandonment ? { path, message, abandonment } : { path, message });
  for (const situation of POLICY_SITUATIONS) lintRule(situation, ruleFor(parsed, situation), warn);
  if (parsed.greetingText === false) {
    warn(
      "greetingText",
      "follows AMD's word count alone: a person who answers with a long greeting gets the voicemail message (an abandoned call), and a short voicemail greeting gets the bot talking to a recorder",
      true,
    );
  }
  return warnings;
}
