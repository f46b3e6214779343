import { describe, expect, it } from "vitest";
import { phraseIndex } from "../../src/greeting/greeting-clues.js";
import { greetingClues, PERSON_GREETINGS, PERSON_PHRASES, VOICEMAIL_PHRASES } from "../../src/index.js";
import { randomGreeting, referenceClues, seeded } from "./reference.js";

describe("greetingClues", () => {
  it("finds every phrase of the lexicon, as written, in its own field", () => {
    const wrong: string[] = [];
    for (const phrase of VOICEMAIL_PHRASES) {
      const clues = greetingClues(phrase);
      if (clues.voicemail !== phrase || clues.person !== undefined) wrong.push(`${phrase} → ${JSON.stringify(clues)}`);
    }
    for (const phrase of [...PERSON_PHRASES, ...PERSON_GREETINGS]) {
      const clues = greetingClues(phrase);
      if (clues.person !== phrase || clues.voicemail !== undefined) wrong.push(`${phrase} → ${JSON.stringify(clues)}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ["a short voicemail greeting", "Hi it's Priya, leave a message", { voicemail: "leave a message" }],
    ["a person with a long greeting", "Hello, Raj Johnson speaking, sorry it took me", { person: "sorry it took me" }],
    ["a greeting cut mid-sentence", "Hi this is Sam I can't come to the", { voicemail: "cant come to" }],
    ["a carrier's recording", "The number you have dialed is not in service", { voicemail: "the number you" }],
    ["both kinds", "Speaking? Oh, leave a message", { voicemail: "leave a message", person: "speaking" }],
    ["neither kind", "Hello, this is Sam", {}],
    ["Spanish", "¿Bueno? ¿Quién habla?", { person: "quien habla" }],
    ["Spanish voicemail", "Deje su mensaje después del tono", { voicemail: "despues del tono" }],
    ["German", "Hallo, wer ist da?", { person: "wer ist da" }],
    ["German voicemail", "Bitte sprechen Sie nach dem Signalton", { voicemail: "bitte sprechen sie" }],
    ["French", "Allô, qui est à l'appareil ?", { person: "qui est a lappareil" }],
    ["Portuguese", "Alô, quem fala?", { person: "quem fala" }],
    ["Italian", "Pronto, chi parla?", { person: "chi parla" }],
    ["Dutch", "Goedemiddag, met wie spreek ik?", { person: "met wie spreek" }],
    ["a phrase in upper case with accents", "DESPUÉS DEL TONO", { voicemail: "despues del tono" }],
    ["a phrase in another script's text", "Привет! Leave a message.", { voicemail: "leave a message" }],
    ["a phrase after a character outside Latin-1", "Œuvre: you've reached Zoë", { voicemail: "youve reached" }],
  ])("reads %s", (_what, text, expected) => {
    expect(greetingClues(text)).toEqual(expected);
  });

  it("matches whole words only", () => {
    expect(greetingClues("speakingly")).toEqual({});
    expect(greetingClues("beeps")).toEqual({});
    expect(greetingClues("abeep")).toEqual({});
    expect(greetingClues("beep")).toEqual({ voicemail: "beep" });
    expect(greetingClues("leave amessage")).toEqual({});
    expect(greetingClues("text menu")).toEqual({});
    expect(greetingClues("text me, nu")).toEqual({ voicemail: "text me" });
  });

  it("finds a whole greeting only as the whole greeting", () => {
    expect(greetingClues("Yes?")).toEqual({ person: "yes" });
    expect(greetingClues(" ¿Bueno? ")).toEqual({ person: "bueno" });
    expect(greetingClues("Yes, you've reached Sam")).toEqual({ voicemail: "youve reached" });
    expect(greetingClues("Bueno, deja tu mensaje")).toEqual({ voicemail: "deja tu" });
    expect(greetingClues("Hello hello")).toEqual({ person: "hello hello" });
    expect(greetingClues("oh yes")).toEqual({});
    for (const phrase of PERSON_GREETINGS) {
      expect(greetingClues(`qq ${phrase}`), phrase).toEqual({});
      expect(greetingClues(`${phrase} qq`), phrase).toEqual({});
    }
  });

  it("gives the longest phrase of each kind, and of equally long ones the first in the lexicon", () => {
    expect(greetingClues("please leave a message")).toEqual({ voicemail: "leave a message" });
    expect(greetingClues("leave a message, you have reached")).toEqual({ voicemail: "you have reached" });
    // "not available" (13 letters) is listed before "take your call" (14), "the person you" (14) after it.
    expect(greetingClues("not available, take your call")).toEqual({ voicemail: "take your call" });
    expect(VOICEMAIL_PHRASES.indexOf("take your call")).toBeLessThan(VOICEMAIL_PHRASES.indexOf("the person you"));
    expect(greetingClues("the person you... take your call")).toEqual({ voicemail: "take your call" });
    expect(greetingClues("take your call, the person you")).toEqual({ voicemail: "take your call" });
    expect(greetingClues("hold on, who is this")).toEqual({ person: "who is this" });
    // "hang on" and "hold on" are equally long: "hold on" is listed first.
    expect(PERSON_PHRASES.indexOf("hold on")).toBeLessThan(PERSON_PHRASES.indexOf("hang on"));
    expect(greetingClues("hang on, hold on")).toEqual({ person: "hold on" });
    expect(greetingClues("hold on, hang on")).toEqual({ person: "hold on" });
  });

  it("gives nothing for blank text and anything but a string", () => {
    for (const value of [
      "",
      "   ",
      "?!",
      "\u2014",
      undefined,
      null,
      0,
      true,
      {},
      ["leave a message"],
      new String("beep"),
    ]) {
      expect(greetingClues(value)).toEqual({});
    }
  });

  it("reads the first 1000 characters only", () => {
    expect(greetingClues(`${"x".repeat(995)} beep`)).toEqual({ voicemail: "beep" });
    expect(greetingClues(`${"x".repeat(996)} beep`)).toEqual({});
    expect(greetingClues(`${"x".repeat(994)} beep?`)).toEqual({ voicemail: "beep" });
    expect(greetingClues(`${"Ж".repeat(995)} beep`)).toEqual({ voicemail: "beep" });
    expect(greetingClues(`${"Ж".repeat(996)} beep`)).toEqual({});
    expect(greetingClues(`${"x ".repeat(1_000_000)}beep`)).toEqual({});
  });

  it("is not misled by what an earlier, longer greeting left behind", () => {
    expect(greetingClues("answering machine")).toEqual({ voicemail: "answering machine" });
    expect(greetingClues("answering")).toEqual({});
    expect(greetingClues("voicemails")).toEqual({});
    expect(greetingClues("voicemail")).toEqual({ voicemail: "voicemail" });
    expect(greetingClues("hello there")).toEqual({});
    expect(greetingClues("hello")).toEqual({ person: "hello" });
  });

  it("agrees with the plain reading of the rules on varied texts", () => {
    const random = seeded(20260);
    for (let run = 0; run < 400; run++) {
      const text = randomGreeting(random);
      expect(greetingClues(text), JSON.stringify(text)).toEqual(referenceClues(text));
    }
  });

  it("builds its index once, on first use", () => {
    expect(phraseIndex()).toBe(phraseIndex());
    expect(phraseIndex().phrases).toEqual([...VOICEMAIL_PHRASES, ...PERSON_PHRASES, ...PERSON_GREETINGS]);
  });
});
