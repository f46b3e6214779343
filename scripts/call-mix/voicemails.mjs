// The call mix's voicemails: the greeting and its beep (as the beep detector reports it), by class.
import { textWithin } from "./persons.mjs";
import { endOf, fill, recording } from "./speech.mjs";
import {
  EN_CARRIER,
  EN_LONG_CLOSINGS,
  EN_LONG_MIDDLES,
  EN_LONG_OPENINGS,
  EN_NAMES,
  EN_VOICEMAIL,
  EN_VOICEMAIL_SHORT,
} from "./texts-en.mjs";
import { INTL } from "./texts-intl.mjs";

/** When a recorded greeting starts after the answer. */
export const greetingStartMs = (r) => r.int(200, 900);

/**
 * A voicemail beep's frequency as the detector reports it: mostly a 1000 Hz beep read
 * within a few Hz (955–1025), some 850 Hz and 1400 Hz beeps.
 */
export function beepFrequency(r) {
  const kind = r.next();
  if (kind < 0.1) return r.int(846, 856);
  if (kind < 0.2) return r.int(1393, 1407);
  return r.near(995, 30, 955, 1025);
}

/** A beep 0.2–1 s after the greeting's last words. */
export const beepAfter = (r, speech, low = 200, high = 1000) => ({
  atMs: endOf(speech) + r.int(low, high),
  frequency: beepFrequency(r),
});

/** An English greeting of nine words or more: a personal or business one, or the carrier's. */
export function englishGreeting(r) {
  const carrier = r.chance(0.35);
  const text = textWithin(carrier ? EN_CARRIER : EN_VOICEMAIL, EN_NAMES, r, 9, 60);
  return { variant: carrier ? "carrier" : undefined, speech: recording(text, greetingStartMs(r), r) };
}

/**
 * A greeting that ends 20–35 s after the answer: an opening, middle sentences drawn in
 * turn until it is long enough, a closing (drawn again when the last sentence overshoots).
 */
function longGreeting(r) {
  for (;;) {
    const targetMs = r.int(20_000, 33_000);
    const startMs = greetingStartMs(r);
    const middles = [...EN_LONG_MIDDLES];
    const sentences = [fill(r.pick(EN_LONG_OPENINGS), r, EN_NAMES)];
    const closing = fill(r.pick(EN_LONG_CLOSINGS), r, EN_NAMES);
    let speech = recording([...sentences, closing].join(" "), startMs, r);
    while (endOf(speech) < targetMs && middles.length > 0) {
      const [middle] = middles.splice(r.int(0, middles.length - 1), 1);
      sentences.push(fill(middle, r, EN_NAMES));
      speech = recording([...sentences, closing].join(" "), startMs, r);
    }
    if (endOf(speech) >= 20_000 && endOf(speech) <= 35_000) return speech;
  }
}

const machine = (greeting, rest = {}) => ({
  variant: greeting.variant,
  answeredBy: "machine",
  speech: greeting.speech,
  ...rest,
});

export const VOICEMAILS = {
  "voicemail-beep": {
    count: 150,
    make(r) {
      const greeting = englishGreeting(r);
      return machine(greeting, { beep: beepAfter(r, greeting.speech) });
    },
  },
  "voicemail-beep-missed": {
    count: 40,
    make(r) {
      const greeting = englishGreeting(r);
      return machine(greeting, { beep: { ...beepAfter(r, greeting.speech), detected: false } });
    },
  },
  "voicemail-no-beep": {
    count: 60,
    make: (r) => machine(englishGreeting(r)),
  },
  "voicemail-late-beep": {
    count: 40,
    make(r) {
      const greeting = englishGreeting(r);
      return machine(greeting, { beep: beepAfter(r, greeting.speech, 2500, 4000) });
    },
  },
  "voicemail-short-greeting": {
    count: 60,
    make(r) {
      const speech = recording(textWithin(EN_VOICEMAIL_SHORT, EN_NAMES, r, 1, 8), greetingStartMs(r), r);
      return r.chance(0.7)
        ? { answeredBy: "machine", speech, beep: beepAfter(r, speech) }
        : { variant: "no-beep", answeredBy: "machine", speech };
    },
  },
  "voicemail-past-tone-timer": {
    count: 25,
    make(r) {
      const speech = longGreeting(r);
      return r.chance(0.6)
        ? { answeredBy: "machine", speech, beep: beepAfter(r, speech) }
        : { variant: "no-beep", answeredBy: "machine", speech };
    },
  },
  "voicemail-after-ringback": {
    count: 30,
    make(r) {
      // The ringback's tail as the call is answered (reported at 440–560 Hz), then the
      // greeting and its beep: detection stops at the first tone, so only the ringback is reported.
      const ringback = { atMs: r.int(100, 800), frequency: r.int(440, 560) };
      const speech = recording(
        textWithin(r.chance(0.35) ? EN_CARRIER : EN_VOICEMAIL, EN_NAMES, r, 9, 60),
        ringback.atMs + r.int(800, 2000),
        r,
      );
      return { answeredBy: "machine", speech, tones: [ringback, beepAfter(r, speech)] };
    },
  },
  "voicemail-other-language": {
    count: 90,
    languages: { es: 25, de: 22, fr: 21, pt: 22 },
    make(r, language) {
      const texts = INTL[language];
      const kind = r.next();
      const [pool, low, high, variant] =
        kind < 0.45
          ? [texts.voicemail, 9, 60, language]
          : kind < 0.8
            ? [texts.carrier, 9, 60, `${language}-carrier`]
            : [texts.voicemailShort, 1, 8, `${language}-short`];
      const speech = recording(textWithin(pool, texts.names, r, low, high), greetingStartMs(r), r);
      const beep = r.next();
      if (beep < 0.8) return { variant, answeredBy: "machine", speech, beep: beepAfter(r, speech) };
      if (beep < 0.88)
        return {
          variant: `${variant}-missed`,
          answeredBy: "machine",
          speech,
          beep: { ...beepAfter(r, speech), detected: false },
        };
      return { variant: `${variant}-no-beep`, answeredBy: "machine", speech };
    },
  },
};
