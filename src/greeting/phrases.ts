import { DUTCH } from "./languages/dutch.js";
import { ENGLISH } from "./languages/english.js";
import { FRENCH } from "./languages/french.js";
import { GERMAN } from "./languages/german.js";
import { ITALIAN } from "./languages/italian.js";
import type { LanguagePhrases, PhraseKind } from "./languages/language-phrases.js";
import { PORTUGUESE } from "./languages/portuguese.js";
import { SPANISH } from "./languages/spanish.js";

/** The languages of the lexicon, in the order their phrases are listed (and ties are broken). */
export const LANGUAGES: readonly LanguagePhrases[] = [ENGLISH, SPANISH, GERMAN, FRENCH, PORTUGUESE, ITALIAN, DUTCH];

/**
 * The phrases of one kind, as one string, `|` between phrases.
 *
 * @param kind - which list.
 * @param languages - whose phrases: every language of the lexicon unless told.
 * @returns the phrases, in the order of `languages` and as written.
 */
export function lexiconText(kind: PhraseKind, languages: readonly LanguagePhrases[] = LANGUAGES): string {
  const texts: string[] = [];
  for (let index = 0; index < languages.length; index++) texts.push((languages[index] as LanguagePhrases)[kind]);
  return texts.join("|");
}

/**
 * The phrases of one kind, one by one.
 *
 * @param kind - which list.
 * @param languages - whose phrases: every language of the lexicon unless told.
 * @returns a new array of the phrases, in the order of `languages` and as written.
 */
export function phrasesOf(kind: PhraseKind, languages: readonly LanguagePhrases[] = LANGUAGES): string[] {
  return lexiconText(kind, languages).split("|");
}

/**
 * The voicemail phrases {@link greetingClues} looks for, normalised as
 * {@link normalizeGreeting} writes text: said by voicemail greetings ("leave a message",
 * "you've reached", "after the tone"), carriers' recordings ("the number you have
 * dialed", "fuera del área de cobertura") and businesses' after-hours messages ("our
 * office is closed"), in English, Spanish, German, French, Portuguese, Italian and Dutch,
 * in that order. Short openings are phrases too ("you've reached", "can't come to",
 * "leave a"), since a machine verdict carries only the first words of a greeting.
 *
 * @example
 * ```ts
 * import { VOICEMAIL_PHRASES } from "amd-flow";
 * VOICEMAIL_PHRASES.includes("leave a"); // true
 * VOICEMAIL_PHRASES.includes("signalton"); // true
 * ```
 */
// Pure: the bot file, which does not export the lists, leaves them out (greetingClues
// builds its own on first use).
export const VOICEMAIL_PHRASES: readonly string[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ phrasesOf("voicemail"),
);

/**
 * The live-person phrases {@link greetingClues} looks for anywhere in a greeting,
 * normalised as {@link normalizeGreeting} writes text: what people say answering the
 * phone and hardly any recording does ("speaking", "how can I help", "who is this", "can
 * you hear me", "sorry it took me", "¿quién habla?", "wer ist da", "qui est à
 * l'appareil", "quem fala"), in the languages and order of {@link VOICEMAIL_PHRASES}.
 * A voicemail greeting also says "hello", "hi, this is Sam" and "thanks for calling", so
 * those are not among them.
 *
 * @example
 * ```ts
 * import { PERSON_PHRASES } from "amd-flow";
 * PERSON_PHRASES.includes("who is this"); // true
 * PERSON_PHRASES.includes("quien habla"); // true
 * ```
 */
export const PERSON_PHRASES: readonly string[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ phrasesOf("person"));

/**
 * Greetings that are a person answering when they are the whole greeting ("Yes?",
 * "Hello?", "¿Bueno?", "Allô ?", "Pronto?"), normalised as {@link normalizeGreeting}
 * writes text. {@link greetingClues} finds them only as the whole greeting: "Hello, you've
 * reached Sam" says nothing of a person.
 *
 * @example
 * ```ts
 * import { greetingClues, PERSON_GREETINGS } from "amd-flow";
 * PERSON_GREETINGS.includes("bueno"); // true
 * greetingClues("¿Bueno?"); // { person: "bueno" }
 * greetingClues("Bueno, deja tu mensaje"); // { voicemail: "deja tu" }
 * ```
 */
export const PERSON_GREETINGS: readonly string[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ phrasesOf("personGreetings"),
);
