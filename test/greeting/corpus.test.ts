// How well the lexicon reads the corpus, as the bot hears it. The floors are what a
// greeting lexicon must give to be worth its bytes: a voicemail phrase (and no person
// phrase) in 90 % of voicemail greetings, so short ones stop passing for people; and no
// voicemail phrase in 98 % of people's greetings, since a voicemail left to a person is an
// abandoned call. `node bench/lexicon.mjs` prints the table and every miss.
import { describe, expect, it } from "vitest";
import { greetingClues } from "../../src/index.js";
import { CORPUS, type CorpusGreeting } from "./corpus.js";

/** Whether the lexicon reads `greeting` right: a voicemail clue alone for a voicemail, no voicemail clue for a person. */
function readRight(greeting: CorpusGreeting): boolean {
  const clues = greetingClues(greeting.heard);
  return greeting.kind === "voicemail"
    ? clues.voicemail !== undefined && clues.person === undefined
    : clues.voicemail === undefined;
}

/** The share of `greetings` read right, in percent. */
const share = (greetings: readonly CorpusGreeting[]) =>
  (100 * greetings.filter(readRight).length) / Math.max(1, greetings.length);

const languages = [...new Set(CORPUS.map((greeting) => greeting.language))];
const of = (kind: string, language?: string) =>
  CORPUS.filter((greeting) => greeting.kind === kind && (language === undefined || greeting.language === language));

describe("the corpus, as the bot hears it", () => {
  it("holds several hundred greetings of both kinds in seven languages", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(400);
    expect(languages).toEqual(["en", "es", "de", "fr", "pt", "it", "nl"]);
    for (const language of languages) {
      expect(of("voicemail", language).length, language).toBeGreaterThanOrEqual(15);
      expect(of("person", language).length, language).toBeGreaterThanOrEqual(15);
    }
    expect(CORPUS.filter((greeting) => greeting.long && greeting.kind === "voicemail").length).toBeGreaterThan(100);
    expect(CORPUS.find((greeting) => greeting.long)?.heard.split(" ")).toHaveLength(9);
  });

  it("finds a voicemail phrase, and no person phrase, in 90 % of voicemail greetings", () => {
    expect(share(of("voicemail"))).toBeGreaterThanOrEqual(90);
    expect(share(of("voicemail").filter((greeting) => !greeting.long))).toBeGreaterThanOrEqual(90);
  });

  it("finds no voicemail phrase in 98 % of people's greetings, and in every short one", () => {
    expect(share(of("person"))).toBeGreaterThanOrEqual(98);
    expect(share(of("person").filter((greeting) => !greeting.long))).toBe(100);
  });

  it.each(languages)("reads %s at least 80 % right for voicemails and 95 % for people", (language) => {
    expect(share(of("voicemail", language))).toBeGreaterThanOrEqual(80);
    expect(share(of("person", language))).toBeGreaterThanOrEqual(95);
  });
});
