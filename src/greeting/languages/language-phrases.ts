/**
 * The greeting phrases of one language, each written normalised (as normalizeGreeting
 * writes text: lower case, no accents, no apostrophes, one space between words) and
 * made of a–z, 0–9 and spaces only. Each list is one string, the phrases separated by
 * `|` (written as lines joined with `+`, which the bundler joins): one long string loads
 * many times faster than hundreds of short ones.
 *
 * A phrase earns its place by being said in one kind of greeting and (almost) never in
 * the other: voicemail greetings also say "hello", "hi, this is Sam" and "thanks for
 * calling", and people answering also say "hello?" and "this is Sam", so none of those is
 * a phrase. The engine's machine verdict carries only the first nine or so words of a
 * greeting, so the short openings of voicemail greetings ("you've reached", "can't come
 * to", "leave a") are phrases too.
 */
export interface LanguagePhrases {
  /** The language's name in English. */
  readonly name: string;
  /** Said by voicemail greetings, carriers' recordings and businesses' after-hours messages; three letters or more. */
  readonly voicemail: string;
  /** Said by a person answering the phone, anywhere in the greeting; three letters or more. */
  readonly person: string;
  /**
   * A person answering when it is the whole greeting ("yes?", "¿bueno?"); said inside a
   * longer greeting, they tell nothing. The only phrases that may be shorter than three
   * letters.
   */
  readonly personGreetings: string;
}

/** One kind of greeting phrase: one of the lists of {@link LanguagePhrases}. */
export type PhraseKind = "voicemail" | "person" | "personGreetings";
