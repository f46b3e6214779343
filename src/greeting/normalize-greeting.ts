// The one definition of the text that greeting phrases are matched on. greetingClues
// folds most greetings faster with its own tables (fold-greeting.ts), which the tests
// hold equal to this definition, code unit by code unit.

/**
 * How much of a greeting is read: its first 1000 UTF-16 code units. A greeting is a few
 * dozen words; the cap keeps the time spent on any text bounded.
 */
export const GREETING_CAP = 1000;

// Apostrophes inside words are dropped, so "can't" is "cant" and "l'appareil" is
// "lappareil": the ASCII one, the left and right single quotation marks and the
// modifier letter apostrophe.
const APOSTROPHES = /['\u2018\u2019\u02bc]/g;

// Accents, once the text is decomposed (NFD): the combining diacritical marks.
const ACCENTS = /[\u0300-\u036f]/g;

// What separates words: every ASCII character but letters, digits and the apostrophe
// (dropped before); the C1 controls, the no-break space and Latin-1's punctuation and
// symbols (U+0080 to U+00BF, so ª, º, µ and the superscript digits too), × and ÷;
// punctuation of other scripts (Greek, Armenian, Hebrew, Arabic, Devanagari, Thai); the
// Ogham and Mongolian spaces; General Punctuation (U+2000 to U+206F: spaces, dashes,
// quotation marks, bullets, the invisible and bidirectional controls); currency signs;
// arrows, mathematical and technical symbols, box drawing, shapes, dingbats (U+2190 to
// U+2BFF); supplemental punctuation; CJK and fullwidth punctuation; the byte order mark
// and the specials (U+FFF0 to U+FFFF); and every surrogate, so emoji and any character
// outside the Basic Multilingual Plane (and a lone surrogate) separate words.
const SEPARATORS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters separate words.
  /[\u0000-\u0026\u0028-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7\u037e\u0387\u055a-\u055f\u0589\u058a\u05be\u05c0\u05c3\u05c6\u05f3\u05f4\u060c\u060d\u061b\u061e\u061f\u066a-\u066d\u06d4\u0964\u0965\u0970\u0e4f\u0e5a\u0e5b\u1680\u180e\u2000-\u2017\u201a-\u206f\u20a0-\u20cf\u2190-\u2bff\u2e00-\u2e7f\u3000-\u3004\u3008-\u3020\u3030\u303d\u30fb\ufd3e\ufd3f\ufe10-\ufe19\ufe30-\ufe6f\ufeff\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\ufff0-\uffff\ud800-\udfff]+/g;

/**
 * The form of a greeting that voicemail and person phrases are matched on (see
 * {@link greetingClues}): the first 1000 UTF-16 code units of `text`, with
 *
 * - apostrophes removed (`'`, `‘`, `’`, `ʼ`): "can't" is `cant`, "l'appareil" is `lappareil`;
 * - lower case (`String.prototype.toLowerCase`);
 * - accents removed: decomposed (NFD), the combining marks U+0300 to U+036F removed, and
 *   what is left recomposed (NFC): "Después" is `despues`, "Grüße" is `gruße` (ß has no accent);
 * - every other punctuation mark, symbol, control character and white space a word
 *   separator, each run of separators one space, none at either end. Emoji and every
 *   character outside the Basic Multilingual Plane separate words too.
 *
 * Letters and digits of every script (Cyrillic, Greek, Arabic, CJK) are kept as they are,
 * in lower case. Never throws; anything but a string gives `""`.
 *
 * @param text - a greeting as the recognizer wrote it.
 * @returns the normalised greeting: words of letters and digits, one space apart.
 * @example
 * ```ts
 * import { normalizeGreeting } from "amd-flow";
 * normalizeGreeting("Hi, you've reached Sam -- I can't come to the phone!"); // "hi youve reached sam i cant come to the phone"
 * normalizeGreeting("¿Quién habla?"); // "quien habla"
 * ```
 */
export function normalizeGreeting(text: unknown): string {
  if (typeof text !== "string") return "";
  return (
    text
      .slice(0, GREETING_CAP)
      .replace(APOSTROPHES, "")
      .toLowerCase()
      .normalize("NFD")
      .replace(ACCENTS, "")
      // Recomposed once the accents are gone, so that other scripts come out as they went
      // in (Hangul syllables, kana with voicing marks).
      .normalize("NFC")
      .replace(SEPARATORS, " ")
      .trim()
  );
}
