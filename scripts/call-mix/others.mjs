// The call mix's faxes, dead air, hang-ups and recognizer failures.
import { longHello, pickUpMs, shortHello, textWithin } from "./persons.mjs";
import { endOf, recording, utterance } from "./speech.mjs";
import { EN_MAILBOX_FULL, EN_NAMES, EN_PERSON_AGAIN } from "./texts-en.mjs";
import { beepAfter, englishGreeting, greetingStartMs } from "./voicemails.mjs";

export const OTHERS = {
  fax: {
    count: 50,
    // What the beep detector reports for an answering fax: the V.21 signalling after its
    // 2100 Hz answer tone (which is never reported) at about 1650 Hz, or a calling tone at
    // about 1100 Hz; some report nothing and look like dead air.
    kinds: { v21: 30, cng: 16, silent: 4 },
    make(r, kind) {
      if (kind === "v21")
        return { variant: kind, answeredBy: "fax", beep: { atMs: r.int(2600, 4200), frequency: r.int(1644, 1669) } };
      if (kind === "cng")
        return { variant: kind, answeredBy: "fax", beep: { atMs: r.int(300, 1500), frequency: r.int(1091, 1115) } };
      return { variant: kind, answeredBy: "fax", beep: { atMs: r.int(200, 600), frequency: 2100, detected: false } };
    },
  },
  "dead-air": {
    count: 60,
    kinds: { silent: 45, "early-hang-up": 4, "hang-up": 11 },
    make(r, kind) {
      if (kind === "silent") return { answeredBy: "nobody" };
      return {
        variant: kind,
        answeredBy: "nobody",
        hangUpAtMs: kind === "hang-up" ? r.int(6000, 25_000) : r.int(2000, 4500),
      };
    },
  },
  "hang-up": {
    count: 70,
    kinds: {
      "person-waits": 22,
      "person-again": 8,
      "person-quick": 6,
      "person-long": 4,
      "machine-after-beep": 14,
      "machine-soon-after-beep": 8,
      "mailbox-full": 8,
    },
    make(r, kind) {
      if (kind.startsWith("person")) {
        const speech = [kind === "person-long" ? longHello(r, pickUpMs(r)) : shortHello(r, pickUpMs(r))];
        if (kind === "person-again")
          speech.push(utterance(r.pick(EN_PERSON_AGAIN), endOf(speech) + r.int(1500, 2500), r, [400, 1500]));
        const [low, high] = {
          "person-waits": [2500, 7000],
          "person-again": [500, 1500],
          "person-quick": [800, 2000],
          "person-long": [2000, 5000],
        }[kind];
        return { variant: kind, answeredBy: "person", speech, hangUpAtMs: endOf(speech) + r.int(low, high) };
      }
      if (kind === "mailbox-full") {
        const speech = recording(textWithin(EN_MAILBOX_FULL, EN_NAMES, r, 9, 60), greetingStartMs(r), r);
        return { variant: kind, answeredBy: "machine", speech, hangUpAtMs: endOf(speech) + r.int(300, 1200) };
      }
      const { speech } = englishGreeting(r);
      const beep = beepAfter(r, speech);
      const [low, high] = kind === "machine-after-beep" ? [2000, 6000] : [1000, 2000];
      return { variant: kind, answeredBy: "machine", speech, beep, hangUpAtMs: beep.atMs + r.int(low, high) };
    },
  },
  "recognizer-failure": {
    count: 15,
    kinds: { person: 7, machine: 6, nobody: 2 },
    make(r, kind) {
      const sttError = { atMs: r.int(150, 600) };
      if (kind === "person")
        return { variant: kind, answeredBy: "person", speech: [shortHello(r, pickUpMs(r))], sttError };
      if (kind === "nobody") return { variant: kind, answeredBy: "nobody", sttError };
      const { speech } = englishGreeting(r);
      return { variant: kind, answeredBy: "machine", speech, beep: beepAfter(r, speech), sttError };
    },
  },
};
