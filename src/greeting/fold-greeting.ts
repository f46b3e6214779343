import { GREETING_CAP } from "./normalize-greeting.js";

// greetingClues's fast path: normalizeGreeting computed with a table instead of regular
// expressions and Unicode normalisation, straight into an array of character codes the
// matcher reads. The regular expressions took about 1 µs on a ten-word greeting, three
// times the matcher's whole budget; the table takes a few nanoseconds a character. The
// table covers the characters of the languages in the lexicon; a greeting with any other
// character (œ, Polish or Czech letters, Cyrillic, CJK, emoji) is folded from
// normalizeGreeting's result.

/** Between two words in the folded codes, and after the last one. */
export const SPACE = 32;

const APOSTROPHE = 39;

/**
 * A letter or digit outside a–z and 0–9 in the folded codes ("_"): no phrase holds one
 * (the tests make sure), so which one it was does not matter to the matcher.
 */
export const OTHER_LETTER = 95;

// normalizeGreeting of each code unit below U+0100 (Basic Latin and Latin-1, which write
// the languages of the lexicon) but a to z, one character each: " " separates words, "'"
// is dropped, "_" is a letter no phrase holds (æ, ð, ß, ø, þ), and anything else is the
// letter it folds to. The tests hold foldGreeting equal to normalizeGreeting, character
// by character.
const FOLD =
  // U+0000: the C0 controls, space, ASCII punctuation (the apostrophe is dropped), digits
  "                                       '        0123456789      " +
  // U+0040: A to Z; a to z are folded before the table is read, so never looked up here
  " abcdefghijklmnopqrstuvwxyz      --------------------------     " +
  // U+0080: the C1 controls, no-break space, Latin-1 punctuation and symbols
  "                                                                " +
  // U+00C0: the Latin-1 letters (and × and ÷)
  "aaaaaa_ceeeeiiii_nooooo _uuuuy__aaaaaa_ceeeeiiii_nooooo _uuuuy_y";

/** Where foldGreeting writes, made once (see {@link makeFolding}) and reused by every call. */
export interface Folding {
  /** The folded greeting: one code per element, and three {@link SPACE}s after the last word. */
  readonly out: Uint16Array;
  /** Where each word of the folded greeting ends, at the index where it starts. */
  readonly ends: Uint16Array;
}

/**
 * A new {@link Folding}.
 *
 * @returns arrays long enough for any greeting.
 */
export function makeFolding(): Folding {
  return { out: new Uint16Array(GREETING_CAP + 3), ends: new Uint16Array(GREETING_CAP) };
}

/**
 * Folds the first {@link GREETING_CAP} characters of `text` into `folding.out` as
 * {@link normalizeGreeting} would, one character code per element, with
 * {@link OTHER_LETTER} for every letter outside a–z and 0–9, and three {@link SPACE}s
 * after the last word (so that the first four codes of any word can be read); and where
 * each word ends into `folding.ends`, at its start's index.
 *
 * @param text - the greeting.
 * @param normalized - `true` when `text` is normalizeGreeting's result (every character
 *   the table does not cover is then a letter).
 * @param folding - where the folded greeting goes.
 * @returns how many codes the folded greeting has, or -1 when `text` has a character
 *   the table does not cover: fold normalizeGreeting's result instead.
 */
export function foldGreeting(text: string, normalized: boolean, folding: Folding): number {
  const { out, ends } = folding;
  let length = 0;
  let start = -1;
  const end = Math.min(text.length, GREETING_CAP);
  for (let index = 0; index < end; index++) {
    const code = text.charCodeAt(index);
    let folded: number;
    // Most characters of a greeting are lower-case letters, which fold to themselves.
    if (code >= 0x61 && code <= 0x7a) folded = code;
    else if (code < 0x100) folded = FOLD.charCodeAt(code);
    // General Punctuation: the curly apostrophes are dropped, the rest separates words.
    else if (code >= 0x2000 && code < 0x2070) folded = code === 0x2018 || code === 0x2019 ? APOSTROPHE : SPACE;
    else if (normalized) folded = OTHER_LETTER;
    else return -1;
    // Letters and digits fold to codes above the apostrophe's, separators to the space's.
    if (folded > APOSTROPHE) {
      if (start < 0) {
        if (length > 0) out[length++] = SPACE;
        start = length;
      }
      out[length++] = folded;
    } else if (folded === SPACE && start >= 0) {
      ends[start] = length;
      start = -1;
    }
  }
  if (start >= 0) ends[start] = length;
  out.fill(SPACE, length, length + 3);
  return length;
}
