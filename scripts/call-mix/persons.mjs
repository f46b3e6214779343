// The call mix's persons: who picks up and what they say, by class.

import { endOf, fill, utterance, wordCount } from "./speech.mjs";
import { EN_NAMES, EN_PERSON_AGAIN, EN_PERSON_LONG, EN_PERSON_SHORT } from "./texts-en.mjs";
import { INTL } from "./texts-intl.mjs";

/** A person's first words take 0.4–1.5 s when short. */
const SHORT_MS = [400, 1500];

/** A text from `templates` whose word count is within `low`–`high` (the class depends on it). */
export function textWithin(templates, names, r, low, high) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const text = fill(r.pick(templates), r, names);
    const words = wordCount(text);
    if (words >= low && words <= high) return text;
  }
  throw new Error(`no text of ${low}–${high} words in ${templates[0]} …`);
}

export const shortHello = (r, startMs, templates = EN_PERSON_SHORT, names = EN_NAMES) =>
  utterance(textWithin(templates, names, r, 1, 8), startMs, r, SHORT_MS);

export const longHello = (r, startMs, templates = EN_PERSON_LONG, names = EN_NAMES) =>
  utterance(textWithin(templates, names, r, 9, 16), startMs, r);

/** When a person starts speaking after picking up. */
export const pickUpMs = (r) => r.near(700, 450, 250, 1300);

/** The person speaks again when nobody answers, `gap` ms after `speech` ends. */
function again(r, speech, low, high) {
  return utterance(r.pick(EN_PERSON_AGAIN), endOf(speech) + r.int(low, high), r, SHORT_MS);
}

export const PERSONS = {
  "person-short-greeting": {
    count: 330,
    make: (r) => ({ answeredBy: "person", speech: [shortHello(r, pickUpMs(r))] }),
  },
  "person-long-greeting": {
    count: 70,
    make(r) {
      const speech = [longHello(r, pickUpMs(r))];
      // Nobody answered their long greeting: more than half say "Hello?" again.
      if (r.chance(0.55)) speech.push(again(r, speech, 2000, 4000));
      return { answeredBy: "person", speech };
    },
  },
  "person-after-tone": {
    count: 50,
    make(r) {
      const callWaiting = r.chance(0.5);
      const atMs = r.int(100, 1500);
      const frequency = callWaiting ? r.int(438, 442) : r.int(440, 560);
      const startMs = atMs + r.int(400, 1500);
      const hello = r.chance(0.9) ? shortHello(r, startMs) : longHello(r, startMs);
      return {
        variant: callWaiting ? "call-waiting" : "ringback",
        answeredBy: "person",
        speech: [hello],
        beep: { atMs, frequency },
      };
    },
  },
  "person-late": {
    count: 30,
    make: (r) => ({ answeredBy: "person", speech: [shortHello(r, r.int(2500, 4500))] }),
  },
  "person-pauses": {
    count: 30,
    make(r) {
      const speech = [shortHello(r, pickUpMs(r))];
      speech.push(again(r, speech, 1000, 2600));
      if (r.chance(0.3)) speech.push(again(r, speech, 1200, 2500));
      return { answeredBy: "person", speech };
    },
  },
  "person-other-language": {
    count: 60,
    languages: { es: 20, de: 13, fr: 13, pt: 14 },
    make(r, language) {
      const texts = INTL[language];
      const startMs = pickUpMs(r);
      const long = r.chance(0.15);
      const hello = long
        ? longHello(r, startMs, texts.personLong, texts.names)
        : shortHello(r, startMs, texts.personShort, texts.names);
      const speech = [hello];
      if (long && r.chance(0.5))
        speech.push(utterance(texts.personShort[0], endOf(speech) + r.int(2000, 4000), r, SHORT_MS));
      return { variant: language, answeredBy: "person", speech };
    },
  },
};
