import { clip } from "../internal/safe.js";
import type { AmdOutcome } from "../outcome/classify-amd.js";
import type { PolicyRule } from "../policy/policy.js";
import { JUDGEMENTS, type Judgement, type PolicySituation, type RouteAction } from "../vocabulary.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** `250` → `"250 ms"`, `1500` → `"1.5 s"`, `300000` → `"5 min"`, `7200000` → `"2 h"`. */
export function formatMs(ms: number): string {
  const oneDecimal = (value: number): number => Math.round(value * 10) / 10;
  if (ms < 1000) return `${ms} ms`;
  if (ms < 2 * MINUTE) return `${oneDecimal(ms / 1000)} s`;
  if (ms < 2 * HOUR) return `${oneDecimal(ms / MINUTE)} min`;
  return `${oneDecimal(ms / HOUR)} h`;
}

const heard = (outcome: AmdOutcome, name: AmdOutcome["evidence"][number]): boolean =>
  outcome.evidence.indexOf(name) !== -1;

/** Whether amd-flow made `judgement` on this outcome. */
const judged = (outcome: AmdOutcome, judgement: Judgement): boolean => {
  const { judgements } = outcome;
  return judgements !== undefined && judgements.indexOf(judgement) !== -1;
};

const quoted = (outcome: AmdOutcome): string => `"${clip(outcome.phrase ?? "", 40)}"`;
const hertz = (outcome: AmdOutcome): string => {
  const frequency = "toneFrequency" in outcome ? outcome.toneFrequency : undefined;
  return frequency === undefined ? "the" : `the ${frequency} Hz`;
};

/** Why, for each judgement: a clause of the explanation. */
const JUDGEMENT_TEXT: Readonly<Record<Judgement, (outcome: AmdOutcome) => string>> = {
  "greeting-says-voicemail": (outcome) =>
    `the greeting says ${quoted(outcome)}: a short voicemail greeting AMD took for a person`,
  "greeting-says-person": (outcome) =>
    `the greeting says ${quoted(outcome)}: a person with a long greeting AMD took for a machine`,
  "no-voicemail-phrase": () =>
    "the long greeting's first words hold no voicemail phrase, and AMD's word count alone does not outweigh a person",
  "blank-greeting": () => "AMD's person verdict came from an empty transcript, no evidence of anyone",
  "tone-before-person": () => "the tone came well before the person spoke, so it was not a voicemail beep",
  "call-progress-tone": (outcome) => `${hertz(outcome)} tone is a ringback or call-waiting tone, not a voicemail beep`,
  "tone-before-greeting": () => "the tone came before the greeting, so it was not the beep that ends it",
  "person-still-speaking": () => "they may still be speaking",
  "beep-may-follow": () => "a late beep may still come",
  "greeting-may-still-play": () => "AMD stopped listening before the greeting ended",
  "verdict-in-flight": () => "events can arrive out of order",
};

/** The judgements behind an outcome as a parenthesis (empty without any). */
function judgementText(outcome: AmdOutcome): string {
  const { judgements } = outcome;
  if (judgements === undefined || judgements.length === 0) return "";
  const clauses: string[] = [];
  for (const judgement of judgements) {
    // A hand-made outcome may list anything ("constructor", "__proto__"): only known judgements are said.
    if (JUDGEMENTS.indexOf(judgement) !== -1) clauses.push(JUDGEMENT_TEXT[judgement](outcome));
  }
  return clauses.length === 0 ? "" : ` (${clauses.join("; ")})`;
}

/** What happened, as the start of a sentence for a bot designer; one entry per situation. */
const SITUATION_TEXT: Readonly<Record<PolicySituation, (outcome: AmdOutcome) => string>> = {
  human: () => "A person answered",
  "machine.greeting": (outcome) => {
    if (judged(outcome, "beep-may-follow")) return "The voicemail greeting has just ended";
    if (judged(outcome, "greeting-may-still-play")) return "A long voicemail greeting may still be playing";
    return "A machine greeting is still playing";
  },
  "machine.greeting-ended": (outcome) => {
    if (judged(outcome, "greeting-says-voicemail")) return "A short voicemail greeting has ended with no beep heard";
    return heard(outcome, "amd_machine_stopped_speaking")
      ? "The machine greeting has ended with no beep heard"
      : "A machine answered and AMD has stopped listening with no beep heard";
  },
  "machine.beep": (outcome) => {
    if (heard(outcome, "amd_machine_detected") || heard(outcome, "amd_machine_stopped_speaking"))
      return "The voicemail beep was heard";
    return heard(outcome, "amd_human_detected")
      ? "A beep came with a short greeting, so a voicemail answered, not a person"
      : "A tone was heard with no greeting (a voicemail that only beeps)";
  },
  silence: () => "Nobody spoke after the call was answered",
  undecided: (outcome) =>
    judged(outcome, "blank-greeting")
      ? "AMD heard an empty greeting and cannot tell who answered"
      : "AMD could not tell a person from a machine",
  error: (outcome) => {
    const error = "error" in outcome ? outcome.error : undefined;
    return error === undefined ? "AMD failed" : `AMD failed (${clip(error, 60)})`;
  },
  fax: (outcome) => {
    const frequency = "toneFrequency" in outcome ? outcome.toneFrequency : undefined;
    return `A fax machine answered (a ${frequency === undefined ? "fax" : `${frequency} Hz`} tone and no speech)`;
  },
  pending: (outcome) => {
    if (judged(outcome, "person-still-speaking")) return "A person is answering with a long greeting";
    if (judged(outcome, "verdict-in-flight")) return "AMD has stopped and its verdict has not arrived yet";
    if (outcome.evidence.length === 0) return "AMD has not decided yet (no AMD event so far)";
    return judged(outcome, "call-progress-tone")
      ? "AMD has not decided yet"
      : "AMD has not decided yet (only a tone so far, from a beep-only voicemail or before a person speaks)";
  },
  "not-run": () => "There is no AMD result (AMD is off or has not reported yet)",
};

/** What happened in `situation`, as the start of a sentence. */
export function describeSituation(situation: PolicySituation, outcome: AmdOutcome): string {
  return SITUATION_TEXT[situation](outcome) + judgementText(outcome);
}

type RuleText = { readonly [A in RouteAction]: (rule: Extract<PolicyRule, { action: A }>) => string };

/** What to do, as the end of a sentence; one entry per action. */
const RULE_TEXT: RuleText = {
  continue: () => "let the bot talk",
  transfer: ({ target }) =>
    target === undefined ? "transfer the call to an agent" : `transfer the call to ${clip(target, 60)}`,
  "leave-voicemail": () => "leave the voicemail message now",
  wait: ({ recheckAfterMs }) => `check again in ${formatMs(recheckAfterMs)}`,
  "hang-up": ({ retry, retryAfterMs }) => {
    if (!retry) return "hang up";
    return retryAfterMs === undefined
      ? "hang up and call again later"
      : `hang up and call again in ${formatMs(retryAfterMs)}`;
  },
};

/**
 * What a policy rule does, in the words of every decision's `explanation` (the part after
 * the semicolon): for docs and tools that show a policy to a bot designer. A `wait` rule
 * says when it checks again; its limit and its `then` rule are rules of their own.
 *
 * @param rule - A rule of a checked policy (`ruleFor(policy, situation)`).
 * @returns The end of a sentence, such as `"leave the voicemail message now"`.
 *
 * @example
 * ```ts
 * import { defaultPolicy, describeRule, ruleFor } from "amd-flow";
 * describeRule(ruleFor(defaultPolicy, "machine.beep")); // "leave the voicemail message now"
 * describeRule({ action: "hang-up", retry: true, retryAfterMs: 3_600_000 }); // "hang up and call again in 1 h"
 * ```
 */
export function describeRule(rule: PolicyRule): string {
  // A table of functions keyed by the action cannot tie each key to its rule type for
  // the compiler; RuleText above does, so this one widening is safe.
  return (RULE_TEXT[rule.action] as (rule: PolicyRule) => string)(rule);
}
