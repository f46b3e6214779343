import { type Folding, foldGreeting, makeFolding, SPACE } from "./fold-greeting.js";
import { normalizeGreeting } from "./normalize-greeting.js";
import { phrasesOf } from "./phrases.js";

/**
 * What a greeting's words say, by the phrases found in it: a voicemail phrase ("leave a
 * message", "nach dem Signalton"), a live-person phrase ("who is this", "¿quién habla?"),
 * both, or neither. Each is the phrase as written in {@link VOICEMAIL_PHRASES},
 * {@link PERSON_PHRASES} or {@link PERSON_GREETINGS} (normalised: `cant`, `quien habla`).
 *
 * @example
 * ```ts
 * import { type GreetingClues, greetingClues } from "amd-flow";
 * const clues: GreetingClues = greetingClues("Hi, it's Priya, leave a message");
 * clues.voicemail; // "leave a message"
 * clues.person; // undefined
 * ```
 */
export interface GreetingClues {
  /** The voicemail phrase found: the longest one, and of those the first in {@link VOICEMAIL_PHRASES}. */
  readonly voicemail?: string;
  /** The live-person phrase found: the longest one, and of those the first in {@link PERSON_PHRASES} then {@link PERSON_GREETINGS}. */
  readonly person?: string;
}

/** The lexicon's phrases by how they begin: built on first use, so the bot file loads without the work. */
interface PhraseIndex {
  /** Every phrase, by id: the voicemail phrases, then the person phrases, then the whole greetings. */
  readonly phrases: readonly string[];
  /** The first person phrase's id: the ids below are voicemail phrases'. */
  readonly firstPerson: number;
  /** The first whole greeting's id. */
  readonly firstWhole: number;
  /** By slot (a hash of a phrase's first four characters): the first phrase id there, or -1. */
  readonly first: Int16Array;
  /** By phrase id: the next phrase id in the same slot, or -1. */
  readonly next: Int16Array;
  /** What the greeting is folded into (see foldGreeting), reused by every call. */
  readonly folding: Folding;
}

let index: PhraseIndex | undefined;

// A phrase's slot is a hash of its first four characters, spaces included ("no e" for "no
// esta disponible", "bip " for "bip"): mostly one phrase a slot, and no word boundary to
// look for while the index is built. It is written out where it is used, in the index and
// in the matcher, which must agree on it. A phrase shorter than four characters ends
// where the text has a space (or, at its end, the three spaces foldGreeting writes), and
// a missing character (charCodeAt gives NaN) counts as that space: only a whole greeting
// may be shorter than three characters, since a two-letter phrase inside a greeting would
// be followed by the next word's first letter.

/**
 * The phrase index, built on first use and kept.
 *
 * @returns the index of the phrases of VOICEMAIL_PHRASES, PERSON_PHRASES and PERSON_GREETINGS.
 */
export function phraseIndex(): PhraseIndex {
  if (index === undefined) {
    const voicemail = phrasesOf("voicemail");
    const person = phrasesOf("person");
    const phrases = voicemail.concat(person, phrasesOf("personGreetings"));
    const first = new Int16Array(4096).fill(-1);
    const next = new Int16Array(phrases.length);
    for (let id = 0; id < phrases.length; id++) {
      const phrase = phrases[id] as string;
      const slot =
        (((phrase.charCodeAt(0) * 31 + phrase.charCodeAt(1)) * 31 + (phrase.charCodeAt(2) || SPACE)) * 31 +
          (phrase.charCodeAt(3) || SPACE)) &
        4095;
      next[id] = first[slot] as number;
      first[slot] = id;
    }
    index = {
      phrases,
      firstPerson: voicemail.length,
      firstWhole: voicemail.length + person.length,
      first,
      next,
      folding: makeFolding(),
    };
  }
  return index;
}

/**
 * The voicemail and live-person phrases in a greeting, matched on its normalised form
 * ({@link normalizeGreeting}: case, accents, apostrophes and punctuation aside) as whole
 * words: `speaking` is not found in "speakingly". A phrase of {@link PERSON_GREETINGS}
 * ("yes", "hola", "allô") is found only when it is the whole greeting. When several
 * phrases of a kind are found, the clue is the longest, and of those the first in the
 * lexicon.
 *
 * The engine sends the whole greeting with a human verdict, and only its first words
 * (about nine, often cut mid-sentence) with a machine verdict; the lexicon holds the short
 * openings of voicemail greetings ("you've reached", "can't come to", "mailbox of") for
 * that. A blank greeting, or anything but a string, gives `{}`: no evidence either way.
 * Only the first 1000 characters are read, so any text returns quickly; never throws.
 *
 * @param text - the greeting, as the AMD event carries it.
 * @returns the voicemail phrase and the person phrase found, each when there is one.
 * @example
 * ```ts
 * import { greetingClues } from "amd-flow";
 * greetingClues("Hi it's Priya, leave a message"); // { voicemail: "leave a message" }
 * greetingClues("Hello, Raj Johnson speaking, sorry it took me"); // { person: "sorry it took me" }
 * greetingClues("Hi this is Sam I can't come to the"); // { voicemail: "cant come to" }
 * greetingClues("Yes?"); // { person: "yes" }
 * greetingClues(""); // {}
 * ```
 */
export function greetingClues(text: unknown): GreetingClues {
  if (typeof text !== "string") return {};
  const { phrases, firstPerson, firstWhole, first, next, folding } = phraseIndex();
  const { out: folded, ends } = folding;
  let length = foldGreeting(text, false, folding);
  if (length < 0) {
    length = foldGreeting(normalizeGreeting(text), true, folding);
  }
  let voicemail = -1;
  let voicemailLength = 0;
  let person = -1;
  let personLength = 0;
  for (let start = 0; start < length; ) {
    const slot =
      ((((folded[start] as number) * 31 + (folded[start + 1] as number)) * 31 + (folded[start + 2] as number)) * 31 +
        (folded[start + 3] as number)) &
      4095;
    for (let id = first[slot] as number; id >= 0; id = next[id] as number) {
      const phrase = phrases[id] as string;
      const end = start + phrase.length;
      // Whole words only, and a whole greeting only as the whole text.
      if (end > length || folded[end] !== SPACE || (id >= firstWhole && (start > 0 || end < length))) continue;
      let same = true;
      for (let at = 0; at < phrase.length; at++) {
        if (phrase.charCodeAt(at) !== folded[start + at]) {
          same = false;
          break;
        }
      }
      if (!same) continue;
      // The longest phrase of each kind, and of equally long ones the first in the lexicon.
      if (id < firstPerson) {
        if (phrase.length > voicemailLength || (phrase.length === voicemailLength && id < voicemail)) {
          voicemail = id;
          voicemailLength = phrase.length;
        }
      } else if (phrase.length > personLength || (phrase.length === personLength && id < person)) {
        person = id;
        personLength = phrase.length;
      }
    }
    start = (ends[start] as number) + 1;
  }
  const clues: { voicemail?: string; person?: string } = {};
  if (voicemail >= 0) clues.voicemail = phrases[voicemail] as string;
  if (person >= 0) clues.person = phrases[person] as string;
  return clues;
}
