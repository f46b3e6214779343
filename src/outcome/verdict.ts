import { AMD_EVENTS, type AmdEventName } from "../events.js";
import { type GreetingClues, greetingClues, PERSON_GREETINGS } from "../greeting/index.js";
import { BIT, type Details } from "../reading/details.js";
import { ageOf, type Clock, seenAt } from "../state/flow-state.js";
import type { Judgement } from "../vocabulary.js";

// The verdict: what the events say, weighed with what the bot knows besides the engine's
// own verdicts (the greeting's words, the tone's pitch, when the flow first saw each
// event), as one small key and the judgements behind it. The mapping from verdict to
// outcome (classifyAmd's one match) is computed once per verdict and remembered.

/** What the events say: a machine phase, another outcome kind, or why there is none. */
export type Verdict =
  | "beep"
  | "greeting-ended"
  | "greeting"
  | "human"
  | "silence"
  | "error"
  | "undecided"
  | "fax"
  | "pending"
  | "unknown-only"
  | "nothing";

/** Every verdict, each once. */
export const ALL_VERDICTS: readonly Verdict[] = [
  "beep",
  "greeting-ended",
  "greeting",
  "human",
  "silence",
  "error",
  "undecided",
  "fax",
  "pending",
  "unknown-only",
  "nothing",
];

const index = (name: AmdEventName): number => AMD_EVENTS.indexOf(name);
const TONE = index("amd_tone_detected");
const HUMAN = index("amd_human_detected");
const MACHINE = index("amd_machine_detected");
const ENDED = index("amd_machine_stopped_speaking");
const STOPPED = index("amd_stopped");

/** Events after which AMD reports no speech verdict: a lone tone is then final. */
const AMD_OVER = BIT.amd_no_speech_detected | BIT.amd_decision_timeout | BIT.amd_error | BIT.amd_stopped;

/**
 * Tones a fax sends, as beep detectors report them (centre and tolerance in Hz): the
 * calling tone (about 1100 Hz), the V.21 signalling after an answering fax's 2100 Hz tone
 * (about 1650 Hz: the detector never reports 2100 Hz itself), and the 2100 Hz answer tone
 * for detectors that do report it.
 */
export const FAX_TONES: readonly (readonly [centre: number, tolerance: number])[] = [
  [1100, 50],
  [1650, 50],
  [2100, 50],
];

/**
 * Ringback (440 + 480 Hz) and call waiting (440 Hz) as the detector reports them, 440–560
 * Hz, widened by the detector's error (a pure tone reads up to about 40 Hz off): a
 * call-progress tone, not a beep.
 */
export const CALL_PROGRESS_HZ: readonly [low: number, high: number] = [400, 580];

/** How long after first seeing a person's long greeting the bot lets them finish. */
export const PERSON_FINISH_MS = 1250;
/** How long after a greeting's end the bot waits for a late beep. */
export const BEEP_SETTLE_MS = 1000;
/** How long AMD's `amd_stopped` alone may wait for the verdict sent with it. */
export const IN_FLIGHT_MS = 1000;

/**
 * `true` for a frequency a fax's tones are reported at ({@link FAX_TONES}). A tone
 * without a frequency, or at any other, is not a fax's.
 */
export function isFaxFrequency(frequency: number | undefined): boolean {
  if (frequency === undefined) return false;
  for (const [centre, tolerance] of FAX_TONES) if (Math.abs(frequency - centre) <= tolerance) return true;
  return false;
}

/** `true` for a frequency in {@link CALL_PROGRESS_HZ}. */
export function isCallProgressFrequency(frequency: number | undefined): boolean {
  return frequency !== undefined && frequency >= CALL_PROGRESS_HZ[0] && frequency <= CALL_PROGRESS_HZ[1];
}

/** How classification is asked for: see `ClassifyOptions`. */
export interface VerdictOptions {
  readonly amdRequested: boolean;
  readonly beepWindowMs: number;
  /** Whether the greeting's words may overrule the engine's word count. */
  readonly greetingText: boolean;
  readonly clock: Clock;
}

/**
 * `true` when every timed tone was heard more than `beepWindowMs` before every timed
 * human verdict, on a clock both carry (`atMs` first, else `timestamp`): the tone came
 * before the person spoke (a call-waiting beep, the tail of early media), not at the
 * end of a short voicemail greeting. Copies without a time (the `amd` value repeats
 * the latest event by name) change nothing. With no shared clock, `false`.
 */
export function toneBeforePerson(details: Details, beepWindowMs: number): boolean {
  const { toneAtMs, humanAtMs, toneTimestamp, humanTimestamp } = details;
  // Tone times are kept negated (see Details): human + tone is the gap from the latest tone.
  if (toneAtMs !== undefined && humanAtMs !== undefined) return humanAtMs + toneAtMs > beepWindowMs;
  return toneTimestamp !== undefined && humanTimestamp !== undefined && humanTimestamp + toneTimestamp > beepWindowMs;
}

/** The greetings the verdicts carry (`amdInfo`'s own first), and the machine verdict's reason. */
export interface Greetings {
  readonly human: string | undefined;
  readonly machine: string | undefined;
  readonly machineReason: string | undefined;
}

/** A verdict with the judgements that shaped it and the greeting phrase that decided, if one did. */
export interface Judged {
  readonly verdict: Verdict;
  readonly judgements: readonly Judgement[];
  readonly phrase: string | undefined;
}

/** Engine reasons that are not a word count (an operator's voicemail hint, a string of digits): the text does not overrule them. */
const NOT_A_COUNT = ["hint", "digit count"];

const NO_CLUES: GreetingClues = {};

/**
 * The clues of greetings judged lately. The script node runs again on every wait of a
 * call (up to dozens of times) with the same greeting; its words are judged once. Only
 * short texts are kept, and at most {@link CLUES_KEPT} of them.
 */
const judged = new Map<string, GreetingClues>();
const CLUES_KEPT = 64;
const CLUES_KEPT_UP_TO = 300;

function cluesOf(text: string | undefined, options: VerdictOptions): GreetingClues {
  if (!options.greetingText || text === undefined) return NO_CLUES;
  let clues = judged.get(text);
  if (clues === undefined) {
    clues = greetingClues(text);
    if (text.length <= CLUES_KEPT_UP_TO) {
      if (judged.size >= CLUES_KEPT) judged.clear();
      judged.set(text, clues);
    }
  }
  return clues;
}

/**
 * The verdict for what the events say, order-free (any permutation or repetition of the
 * same events, with the same state, gives the same verdict):
 *
 * 1. a fax's tone with no speech verdict → fax;
 * 2. whether a tone is the voicemail beep: not when it came well before the machine's
 *    greeting was detected, nor when it came well before a person's verdict (an empty
 *    one too), has a call-progress pitch with no machine verdict, or the person's words
 *    say a person;
 * 3. a machine verdict: a person when its first words hold no voicemail phrase (a
 *    person's words, or nothing either way: lean to the person), else its phase, waiting
 *    a moment for a late beep after the greeting ends, and for the greeting itself when
 *    AMD stopped listening before it ended;
 * 4. a human verdict: a short voicemail greeting when its words say voicemail (and no
 *    person phrase), else a person; an empty greeting is no evidence of one;
 * 5. the rest: a lone beep, no speech, an error, a timeout, AMD stopped, nothing.
 */
export function judge(details: Details, hasUnknown: boolean, greetings: Greetings, options: VerdictOptions): Judged {
  const judgements: Judgement[] = [];
  const done = (verdict: Verdict, phrase?: string): Judged => ({ verdict, judgements, phrase });
  const { mask } = details;
  const { clock, amdRequested } = options;
  const tone = (mask & BIT.amd_tone_detected) !== 0;
  const machine = (mask & (BIT.amd_machine_detected | BIT.amd_machine_stopped_speaking)) !== 0;
  const ended = (mask & BIT.amd_machine_stopped_speaking) !== 0;
  const stopped = (mask & BIT.amd_stopped) !== 0;
  const blank = (mask & BIT.amd_human_detected) !== 0 && details.humanBlank && greetings.human === undefined;
  const human = (mask & BIT.amd_human_detected) !== 0 && !blank;
  const frequency = details.toneFrequency;
  if (blank) judgements.push("blank-greeting");

  if (tone && !human && !machine && isFaxFrequency(frequency)) return done("fax");

  // 2. Does the tone count as the voicemail beep?
  let beep = tone;
  let humanClues: GreetingClues | undefined;
  if (tone && machine) {
    const toneSeen = seenAt(clock, TONE);
    const machineSeen = Math.min(
      (mask & BIT.amd_machine_detected) !== 0 ? seenAt(clock, MACHINE) : Infinity,
      ended ? seenAt(clock, ENDED) : Infinity,
    );
    if (human && toneBeforePerson(details, options.beepWindowMs)) {
      judgements.push("tone-before-person");
      beep = false;
    } else if (machineSeen >= 0 && machineSeen - Math.max(toneSeen, 0) >= options.beepWindowMs) {
      // Beep detection stops at the first tone: this one came well before the greeting was
      // detected (a beep seen a run or two early, with the verdict, still counts), so the
      // greeting's own beep will not be reported.
      judgements.push("tone-before-greeting");
      beep = false;
    }
  } else if (tone && (human || blank)) {
    // An empty greeting is no evidence of a person, but its verdict still dates the tone.
    const humanSeen = seenAt(clock, HUMAN);
    humanClues = cluesOf(greetings.human, options);
    if (
      toneBeforePerson(details, options.beepWindowMs) ||
      (humanSeen >= 0 && humanSeen - Math.max(seenAt(clock, TONE), 0) >= options.beepWindowMs)
    ) {
      judgements.push("tone-before-person");
      beep = false;
    } else if (isCallProgressFrequency(frequency)) {
      judgements.push("call-progress-tone");
      beep = false;
    } else if (
      humanClues.person !== undefined &&
      humanClues.voicemail === undefined &&
      PERSON_GREETINGS.indexOf(humanClues.person) === -1
    ) {
      // The words say a person ("who's calling", not a bare "Hello?", which a short
      // voicemail greeting may be too): the tone is not their greeting's beep.
      judgements.push("greeting-says-person");
      beep = false;
    }
  } else if (tone && isCallProgressFrequency(frequency)) {
    judgements.push("call-progress-tone");
    beep = false;
  }

  // 3. A machine verdict.
  if (machine) {
    if (
      !beep &&
      options.greetingText &&
      greetings.machine !== undefined &&
      NOT_A_COUNT.indexOf(greetings.machineReason as string) === -1
    ) {
      // A long greeting whose first words say no voicemail phrase: a person's words, or
      // nothing either way. AMD's word count alone is not evidence enough to play a
      // message to someone who may be a person: lean to the person.
      const clues = cluesOf(greetings.machine, options);
      if (clues.voicemail === undefined) {
        judgements.push(clues.person === undefined ? "no-voicemail-phrase" : "greeting-says-person");
        if (amdRequested && !ended && ageOf(clock, MACHINE) < PERSON_FINISH_MS) {
          judgements.push("person-still-speaking");
          return done("pending", clues.person);
        }
        return done("human", clues.person);
      }
    }
    if (beep) return done("beep");
    if (ended) {
      if (ageOf(clock, ENDED) < BEEP_SETTLE_MS) {
        judgements.push("beep-may-follow");
        return done("greeting");
      }
      return done("greeting-ended");
    }
    if (stopped) {
      if (ageOf(clock, STOPPED) < Infinity) {
        judgements.push("greeting-may-still-play");
        return done("greeting");
      }
      return done("greeting-ended");
    }
    return done("greeting");
  }

  // 4. A human verdict.
  if (human) {
    if (beep) return done("beep");
    const clues = humanClues ?? cluesOf(greetings.human, options);
    if (clues.voicemail !== undefined && clues.person === undefined) {
      judgements.push("greeting-says-voicemail");
      if (ageOf(clock, HUMAN) < BEEP_SETTLE_MS) {
        judgements.push("beep-may-follow");
        return done("greeting", clues.voicemail);
      }
      return done("greeting-ended", clues.voicemail);
    }
    return done("human", judgements.indexOf("greeting-says-person") === -1 ? undefined : clues.person);
  }

  // 5. No speech verdict.
  const inFlight = stopped && amdRequested && !blank && ageOf(clock, STOPPED) < IN_FLIGHT_MS;
  if (beep) {
    // Only AMD's stop beside the tone, just now: the verdict sent with it may still be on its way.
    if (inFlight && (mask & AMD_OVER) === BIT.amd_stopped) {
      judgements.push("verdict-in-flight");
      return done("pending");
    }
    return done(amdRequested && (mask & AMD_OVER) === 0 && !blank ? "pending" : "beep");
  }
  if ((mask & BIT.amd_no_speech_detected) !== 0) return done("silence");
  if ((mask & BIT.amd_error) !== 0) return done("error");
  if ((mask & BIT.amd_decision_timeout) !== 0) return done("undecided");
  if (stopped) {
    if (inFlight) {
      judgements.push("verdict-in-flight");
      return done("pending");
    }
    return done("undecided");
  }
  if (blank) return done("undecided");
  if (amdRequested && (tone || !hasUnknown)) return done("pending");
  // AMD reported a tone that is not a beep, and nothing else.
  if (tone) return done("undecided");
  return done(hasUnknown ? "unknown-only" : "nothing");
}
