// The greeting matcher's specification, written as plainly as it can be: every phrase
// looked for in the normalised greeting, one by one. greetingClues must agree with it on
// any text (greeting-clues.test.ts, greeting-clues.prop.test.ts).
import { normalizeGreeting, PERSON_GREETINGS, PERSON_PHRASES, VOICEMAIL_PHRASES } from "../../src/index.js";

/** The longest of `phrases` found in `found`, the first of equally long ones; `undefined` for none. */
function longest(phrases: readonly string[], found: (phrase: string) => boolean): string | undefined {
  let best: string | undefined;
  for (const phrase of phrases) if (found(phrase) && (best === undefined || phrase.length > best.length)) best = phrase;
  return best;
}

/** What greetingClues should answer for `text`. */
export function referenceClues(text: unknown): { voicemail?: string; person?: string } {
  const words = ` ${normalizeGreeting(text)} `;
  const anywhere = (phrase: string) => words.includes(` ${phrase} `);
  const voicemail = longest(VOICEMAIL_PHRASES, anywhere);
  const person = longest([...PERSON_PHRASES, ...PERSON_GREETINGS], (phrase) =>
    PERSON_GREETINGS.includes(phrase) ? words === ` ${phrase} ` : anywhere(phrase),
  );
  return { ...(voicemail === undefined ? {} : { voicemail }), ...(person === undefined ? {} : { person }) };
}

/** A small deterministic generator (mulberry32), so example tests can use many varied texts. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = [
  "hello",
  "hi",
  "sam",
  "this",
  "is",
  "the",
  "a",
  "de",
  "la",
  "no",
  "you",
  "your",
  "call",
  "me",
  "not",
  "leave",
  "can",
  "message",
  "who",
  "are",
  "ist",
  "le",
  "o",
  "il",
  "het",
  "phone",
  "speakingly",
  "beeps",
  "2",
  "007",
  "Jürgen",
  "über",
  "Ærø",
  "straße",
  "œuvre",
  "Привет",
  "你好",
  "안녕하세요",
  "مرحبا",
  "😀",
  "\ud800",
  "İstanbul",
  "ǅemal",
  "K",
];
const GLUE = [" ", "  ", ", ", ". ", "? ", "! ", " - ", "\n", "\t", "…", " ¿", "'", "’", "\u00a0", "\u2014", "/", ""];

/**
 * A greeting-like text made by `random`: lexicon phrases (as written, or upper-cased, or
 * with an accent or an apostrophe put back), plain words, other scripts and punctuation.
 */
export function randomGreeting(random: () => number): string {
  const phrases = [...VOICEMAIL_PHRASES, ...PERSON_PHRASES, ...PERSON_GREETINGS];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * 6);
  for (let part = 0; part < count; part++) {
    let piece = random() < 0.6 ? pick(phrases) : pick(NOISE);
    const twist = random();
    if (twist < 0.15) piece = piece.toUpperCase();
    else if (twist < 0.25) piece = piece.replace(/e/, "é").replace(/n/, "ñ");
    else if (twist < 0.3) piece = piece.replace(/t /, "'t ");
    else if (twist < 0.35) piece = piece.slice(0, Math.max(1, piece.length - 2));
    parts.push(piece, pick(GLUE));
  }
  return random() < 0.5 ? parts.join("") : ` ${parts.join("")}?`;
}
