// Laws of the greeting matcher and its normaliser over generated text: they never throw,
// read a bounded part of any text, and greetingClues answers what the plain reading of the
// rules (reference.ts) answers on the normalised text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  greetingClues,
  normalizeGreeting,
  PERSON_GREETINGS,
  PERSON_PHRASES,
  VOICEMAIL_PHRASES,
} from "../../src/index.js";
import { randomGreeting, referenceClues, seeded } from "./reference.js";

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Characters a greeting mixes: Latin letters with and without accents, punctuation, other scripts, emoji, controls. */
const greetingChar = fc.oneof(
  fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
  fc.constantFrom(..." ,.;:!?¿¡'’‘ʼ\"-—…()\t\n\u00a0\u2003\ufeff"),
  fc.constantFrom(..."áéíóúñçàèüöäßœæøÉÀÜŒİǅǎ"),
  fc.constantFrom(
    "Ж",
    "й",
    "Ω",
    "ς",
    "你",
    "안",
    "が",
    "ش",
    "\u0301",
    "\u0308",
    "K",
    "Å",
    "\u{1F600}",
    "\ud800",
    "\udc00",
  ),
  codeUnit,
);

/** Text built from the lexicon's phrases, plain words and arbitrary characters. */
const greeting = fc.oneof(
  fc.string({ unit: greetingChar, maxLength: 80 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...VOICEMAIL_PHRASES, ...PERSON_PHRASES, ...PERSON_GREETINGS),
        fc.string({ unit: greetingChar, maxLength: 6 }),
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(" ")),
  fc.integer().map((seed) => randomGreeting(seeded(seed))),
);

describe("greetingClues, over generated text", () => {
  it("never throws, and gives only the two clues, each a phrase of its kind", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string({ unit: codeUnit }), greeting), (value) => {
        const clues = greetingClues(value);
        expect(Object.keys(clues).every((key) => key === "voicemail" || key === "person")).toBe(true);
        if (clues.voicemail !== undefined) expect(VOICEMAIL_PHRASES).toContain(clues.voicemail);
        if (clues.person !== undefined) expect([...PERSON_PHRASES, ...PERSON_GREETINGS]).toContain(clues.person);
      }),
    );
  });

  it("agrees with the plain reading of the rules", () => {
    fc.assert(
      fc.property(greeting, (text) => {
        expect(greetingClues(text)).toEqual(referenceClues(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads a text and its normalised form alike", () => {
    fc.assert(
      fc.property(greeting, (text) => {
        expect(greetingClues(normalizeGreeting(text))).toEqual(greetingClues(text));
      }),
    );
  });

  it("reads only the first 1000 characters of any text, however long", () => {
    fc.assert(
      fc.property(greeting, fc.constantFrom(" ", "Ж", "x", "\ud800"), (text, filler) => {
        const long = `${text}${filler.repeat(1_000_000)}leave a message`;
        expect(greetingClues(long)).toEqual(greetingClues(long.slice(0, 1000)));
        expect(normalizeGreeting(long)).toBe(normalizeGreeting(long.slice(0, 1000)));
      }),
      { numRuns: 20 },
    );
  });
});

describe("normalizeGreeting, over generated text", () => {
  it("writes words of letters and digits, one space apart, in lower case, and keeps what it wrote", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: codeUnit }), greeting), (text) => {
        const normalized = normalizeGreeting(text);
        expect(normalized).not.toMatch(/^ | $| {2}/);
        // Upper-case ASCII, apostrophes, ASCII punctuation and symbols, surrogates.
        expect(normalized).not.toMatch(/[A-Z'’‘ʼ!-/:-@[-`{-~\ud800-\udfff]/);
        for (const char of normalized) {
          const code = char.charCodeAt(0);
          expect(code < 0x21 || (code >= 0x300 && code <= 0x36f), `U+${code.toString(16)}`).toBe(code === 0x20);
        }
        expect(normalizeGreeting(normalized)).toBe(normalized);
      }),
    );
  });
});
