import { describe, expect, it } from "vitest";
import { LANGUAGES, lexiconText, phrasesOf } from "../../src/greeting/phrases.js";
import { normalizeGreeting, PERSON_GREETINGS, PERSON_PHRASES, VOICEMAIL_PHRASES } from "../../src/index.js";

const EVERY = [...VOICEMAIL_PHRASES, ...PERSON_PHRASES, ...PERSON_GREETINGS];
const KINDS = ["voicemail", "person", "personGreetings"] as const;

/** Whether `phrase` holds `other` as whole words. */
const holds = (phrase: string, other: string) => ` ${phrase} `.includes(` ${other} `);

describe("the lexicon", () => {
  it("lists each language's phrases, in the order of the languages", () => {
    expect(LANGUAGES.map((language) => language.name)).toEqual([
      "English",
      "Spanish",
      "German",
      "French",
      "Portuguese",
      "Italian",
      "Dutch",
    ]);
    expect(VOICEMAIL_PHRASES).toEqual(LANGUAGES.flatMap((language) => phrasesOf("voicemail", [language])));
    expect(PERSON_PHRASES).toEqual(LANGUAGES.flatMap((language) => phrasesOf("person", [language])));
    expect(PERSON_GREETINGS).toEqual(LANGUAGES.flatMap((language) => phrasesOf("personGreetings", [language])));
    expect(VOICEMAIL_PHRASES.slice(0, 3)).toEqual(["you have reached", "youve reached", "you reached"]);
    expect(lexiconText("person", LANGUAGES.slice(0, 2))).toBe(`${LANGUAGES[0]?.person}|${LANGUAGES[1]?.person}`);
  });

  it("has voicemail and person phrases in every language", () => {
    for (const language of LANGUAGES) {
      expect(phrasesOf("voicemail", [language]).length, language.name).toBeGreaterThanOrEqual(25);
      expect(phrasesOf("person", [language]).length, language.name).toBeGreaterThanOrEqual(10);
      expect(phrasesOf("personGreetings", [language]).length, language.name).toBeGreaterThanOrEqual(1);
    }
  });

  it("holds the phrases its documentation names", () => {
    expect(VOICEMAIL_PHRASES).toEqual(expect.arrayContaining(["leave a", "signalton", "you have reached", "deje su"]));
    expect(PERSON_PHRASES).toEqual(expect.arrayContaining(["who is this", "quien habla", "speaking", "wer ist da"]));
    expect(PERSON_GREETINGS).toEqual(expect.arrayContaining(["bueno", "yes", "allo", "pronto"]));
  });

  it("is frozen", () => {
    for (const list of [VOICEMAIL_PHRASES, PERSON_PHRASES, PERSON_GREETINGS]) expect(Object.isFrozen(list)).toBe(true);
  });

  it("writes every phrase normalised, of a–z, 0–9 and single spaces, three characters or more", () => {
    const bad = EVERY.filter(
      (phrase) => normalizeGreeting(phrase) !== phrase || !/^[a-z0-9]+( [a-z0-9]+)*$/.test(phrase) || phrase.length < 2,
    );
    expect(bad).toEqual([]);
    // Shorter ones are whole greetings: inside a greeting, a phrase is followed by a space.
    expect([...VOICEMAIL_PHRASES, ...PERSON_PHRASES].filter((phrase) => phrase.length < 3)).toEqual([]);
    for (const language of LANGUAGES) {
      for (const kind of KINDS) expect(language[kind], `${language.name} ${kind}`).toMatch(/^[^|]+(\|[^|]+)*$/);
    }
  });

  it("lists no phrase twice, in any language or kind", () => {
    expect(EVERY.filter((phrase, index) => EVERY.indexOf(phrase) !== index)).toEqual([]);
  });

  it("puts no phrase of one kind inside a phrase of the other (a whole greeting is never inside anything)", () => {
    const person = [...PERSON_PHRASES, ...PERSON_GREETINGS];
    const mixed = [
      ...VOICEMAIL_PHRASES.flatMap((phrase) =>
        PERSON_PHRASES.filter((other) => holds(phrase, other)).map((other) => `${phrase} ⊃ ${other}`),
      ),
      ...person.flatMap((phrase) => VOICEMAIL_PHRASES.filter((o) => holds(phrase, o)).map((o) => `${phrase} ⊃ ${o}`)),
    ];
    expect(mixed).toEqual([]);
  });
});
