import { describe, expect, it } from "vitest";
import type { AmdSettings } from "../../src/simulator/amd-settings.js";
import type { CallScript } from "../../src/simulator/call-script.js";
import { simulateAmd, type TimedAmdEvent } from "../../src/simulator/simulate-amd.js";

// Hand-computed times with the default settings: an interim result every 300 ms from
// the start of an utterance (words take equal shares of its time), the final result
// 500 ms after its last word; timers 5000 (no speech), 15000 (decision), 20000 (tone),
// 2000 greeting completion (1000 once a beep was heard).

const line = (events: readonly TimedAmdEvent[]): string[] => events.map((event) => `${event.atMs} ${event.name}`);

const HELLO = { startMs: 400, endMs: 1000, text: "Hello?" };
// 12 words over 4000 ms: the 9th word is complete at 3300, an interim tick (300 + 11 × 300).
const VOICEMAIL_TEXT = "Hi you have reached Sam please leave a message after the tone";
const VOICEMAIL = { startMs: 300, endMs: 4300, text: VOICEMAIL_TEXT };
// 30 words over 21500 ms: the 9th is complete at 6950, so the first interim with 9 words is at 7100.
const ENDLESS = {
  startMs: 500,
  endMs: 22_000,
  text: Array.from({ length: 30 }, (_, index) => `word${index}`).join(" "),
};

describe("simulateAmd: the timeline rules", () => {
  it("a final transcript under the threshold is a person (short greeting), and AMD stops at once", () => {
    const events = simulateAmd({ answeredBy: "person", speech: [HELLO] });
    expect(events).toEqual([
      {
        atMs: 1500,
        name: "amd_human_detected",
        data: { reason: "short greeting", greeting: "Hello?", language: "en-US" },
      },
      { atMs: 1500, name: "amd_stopped" },
    ]);
  });

  it("an interim transcript reaching the threshold is a machine (long greeting) while it still speaks", () => {
    const [first] = simulateAmd({ answeredBy: "machine", speech: [VOICEMAIL] });
    expect(first).toEqual({
      atMs: 3300,
      name: "amd_machine_detected",
      data: { reason: "long greeting", greeting: "Hi you have reached Sam please leave a message", language: "en-US" },
    });
  });

  it("an interim transcript under the threshold decides nothing; the final one then decides", () => {
    // 8 words: every interim is under 9, the final (at 4800) too: a person.
    const events = simulateAmd({
      answeredBy: "machine",
      speech: [{ startMs: 300, endMs: 4300, text: "Hi you have reached Sam please leave one" }],
    });
    expect(line(events)).toEqual(["4800 amd_human_detected", "4800 amd_stopped"]);
  });

  it("thresholdWordCount moves the line between person and machine", () => {
    const speech = [{ startMs: 400, endMs: 1400, text: "Hello who is this" }];
    expect(simulateAmd({ answeredBy: "person", speech }, { thresholdWordCount: 4 })[0]).toMatchObject({
      name: "amd_machine_detected",
      data: { reason: "long greeting" },
    });
    expect(simulateAmd({ answeredBy: "person", speech }, { thresholdWordCount: 5 })[0]).toMatchObject({
      name: "amd_human_detected",
    });
  });

  it("the greeting-completion timer starts at the machine verdict and each later transcript restarts it", () => {
    // Interims at 3600, 3900, 4200, the final at 4800: 2000 ms after it the greeting has ended.
    expect(line(simulateAmd({ answeredBy: "machine", speech: [VOICEMAIL] }))).toEqual([
      "3300 amd_machine_detected",
      "6800 amd_machine_stopped_speaking",
      "6800 amd_stopped",
    ]);
  });

  it("once a beep was heard the greeting-completion timer is 1000 ms", () => {
    const events = simulateAmd({ answeredBy: "machine", speech: [VOICEMAIL], beep: { atMs: 4600 } });
    expect(line(events)).toEqual([
      "3300 amd_machine_detected",
      "4600 amd_tone_detected",
      "5800 amd_machine_stopped_speaking",
      "5800 amd_stopped",
    ]);
  });

  it("a beep does not restart a running greeting-completion timer: only a transcript does", () => {
    // The last transcript is the final at 4800; the beep at 5000 leaves the timer due at 6800.
    const events = simulateAmd({ answeredBy: "machine", speech: [VOICEMAIL], beep: { atMs: 5000 } });
    expect(line(events)).toEqual([
      "3300 amd_machine_detected",
      "5000 amd_tone_detected",
      "6800 amd_machine_stopped_speaking",
      "6800 amd_stopped",
    ]);
  });

  it("a beep before the machine verdict makes the greeting-completion timer 1000 ms from the start", () => {
    const events = simulateAmd({ answeredBy: "machine", speech: [VOICEMAIL], beep: { atMs: 200 } });
    expect(line(events)).toEqual([
      "200 amd_tone_detected",
      "3300 amd_machine_detected",
      "5800 amd_machine_stopped_speaking",
      "5800 amd_stopped",
    ]);
  });

  it("a hint contained in a transcript, ignoring case, is a machine (hint)", () => {
    const speech = [{ startMs: 300, endMs: 2400, text: "Sorry I missed you Leave A Message" }];
    const events = simulateAmd({ answeredBy: "machine", speech }, { hints: ["leave a message"] });
    expect(events[0]).toEqual({
      atMs: 2900,
      name: "amd_machine_detected",
      data: { reason: "hint", hint: "leave a message", language: "en-US" },
    });
  });

  it("with digitCount, that many digits in a row are a machine (digit count)", () => {
    const speech = [{ startMs: 300, endMs: 1500, text: "You have reached 5551234" }];
    const events = simulateAmd({ answeredBy: "machine", speech }, { digitCount: 4 });
    expect(events).toEqual([
      {
        atMs: 2000,
        name: "amd_machine_detected",
        data: { reason: "digit count", greeting: "You have reached 5551234", language: "en-US" },
      },
      { atMs: 4000, name: "amd_machine_stopped_speaking" },
      { atMs: 4000, name: "amd_stopped" },
    ]);
    expect(simulateAmd({ answeredBy: "machine", speech }, { digitCount: 8 })[0]?.name).toBe("amd_human_detected");
    expect(simulateAmd({ answeredBy: "machine", speech })[0]?.name).toBe("amd_human_detected");
  });

  it("no transcript before the no-speech timer: no speech, and AMD stops", () => {
    expect(line(simulateAmd({ answeredBy: "nobody" }))).toEqual(["5000 amd_no_speech_detected", "5000 amd_stopped"]);
  });

  it("speech that starts too late to be transcribed before the no-speech timer is no speech", () => {
    // The first interim holding a word would come at 5300.
    const events = simulateAmd({ answeredBy: "person", speech: [{ startMs: 4700, endMs: 5300, text: "Hello?" }] });
    expect(line(events)).toEqual(["5000 amd_no_speech_detected", "5000 amd_stopped"]);
  });

  it("a transcript stops the no-speech timer; no decision by the decision timer: decision timeout", () => {
    // 4 words over 15000 ms: the first word is complete at 4750, the interim at 4900 holds it.
    const speech = [{ startMs: 1000, endMs: 16_000, text: "well um so yes" }];
    expect(line(simulateAmd({ answeredBy: "person", speech }))).toEqual([
      "15000 amd_decision_timeout",
      "15000 amd_stopped",
    ]);
  });

  it("the tone timer stops AMD with no event of its own", () => {
    expect(line(simulateAmd({ answeredBy: "machine", speech: [ENDLESS] }))).toEqual([
      "7100 amd_machine_detected",
      "20000 amd_stopped",
    ]);
  });

  it("a beep cancels the tone timer: the greeting runs on until it ends", () => {
    // The final result at 22500, then 1000 ms (a beep was heard).
    const events = simulateAmd({ answeredBy: "machine", speech: [ENDLESS], beep: { atMs: 1000 } });
    expect(line(events)).toEqual([
      "1000 amd_tone_detected",
      "7100 amd_machine_detected",
      "23500 amd_machine_stopped_speaking",
      "23500 amd_stopped",
    ]);
  });

  it("a beep carries whole-number frequency and variance (rounded down)", () => {
    const events = simulateAmd({ answeredBy: "machine", beep: { atMs: 800, frequency: 1400.7, variance: 12.9 } });
    expect(events[0]).toEqual({ atMs: 800, name: "amd_tone_detected", data: { frequency: 1400, variance: 12 } });
  });

  it("a beep without a frequency is 1000 Hz, or 2100 Hz when a fax answered; variance 0 by default", () => {
    expect(simulateAmd({ answeredBy: "machine", beep: { atMs: 800 } })[0]?.data).toEqual({
      frequency: 1000,
      variance: 0,
    });
    expect(simulateAmd({ answeredBy: "fax", beep: { atMs: 800 } })[0]?.data).toEqual({ frequency: 2100, variance: 0 });
  });

  it("a lone tone: tone, then no speech, then stopped", () => {
    expect(line(simulateAmd({ answeredBy: "fax", beep: { atMs: 600, frequency: 1100 } }))).toEqual([
      "600 amd_tone_detected",
      "5000 amd_no_speech_detected",
      "5000 amd_stopped",
    ]);
  });

  it("a beep the detector misses emits nothing and leaves the tone timer running", () => {
    const events = simulateAmd({ answeredBy: "machine", speech: [ENDLESS], beep: { atMs: 1000, detected: false } });
    expect(line(events)).toEqual(["7100 amd_machine_detected", "20000 amd_stopped"]);
  });

  it("beep detection ends when AMD stops: a later beep is not reported", () => {
    const events = simulateAmd({ answeredBy: "person", speech: [HELLO], beep: { atMs: 3000 } });
    expect(line(events)).toEqual(["1500 amd_human_detected", "1500 amd_stopped"]);
  });

  it("the callee hanging up stops AMD (amd_stopped) when it is still running", () => {
    const events = simulateAmd({ answeredBy: "machine", speech: [VOICEMAIL], hangUpAtMs: 4000 });
    expect(line(events)).toEqual(["3300 amd_machine_detected", "4000 amd_stopped"]);
  });

  it("a hang-up after AMD stopped adds nothing; a hang-up at a timer's moment comes first", () => {
    expect(line(simulateAmd({ answeredBy: "person", speech: [HELLO], hangUpAtMs: 9000 }))).toEqual([
      "1500 amd_human_detected",
      "1500 amd_stopped",
    ]);
    expect(line(simulateAmd({ answeredBy: "nobody", hangUpAtMs: 5000 }))).toEqual(["5000 amd_stopped"]);
  });

  it("a call dialled without AMD gives no events", () => {
    expect(simulateAmd({ answeredBy: "person", speech: [HELLO], amd: false })).toEqual([]);
  });

  it("speech resuming before the final result was due is one utterance; after it, a new one", () => {
    const again = { startMs: 1300, endMs: 2500, text: "Hello? Anyone there?" };
    expect(simulateAmd({ answeredBy: "person", speech: [HELLO, again] })[0]).toMatchObject({
      atMs: 3000,
      data: { greeting: "Hello? Hello? Anyone there?" },
    });
    const later = { ...again, startMs: 1500 };
    expect(simulateAmd({ answeredBy: "person", speech: [later, HELLO] })[0]).toMatchObject({
      atMs: 1500,
      data: { greeting: "Hello?" },
    });
  });

  it("interim results accumulate the words of every segment of one utterance", () => {
    // The second segment's words take 200 ms each: at the tick 2000 (200 + 6 × 300) 4 + 4 words
    // are complete, at 2300 4 + 5, the threshold.
    const speech = [
      { startMs: 200, endMs: 1000, text: "one two three four" },
      { startMs: 1200, endMs: 2400, text: "five six seven eight nine ten" },
    ];
    expect(simulateAmd({ answeredBy: "machine", speech })[0]).toMatchObject({
      atMs: 2300,
      data: { greeting: "one two three four five six seven eight nine" },
    });
  });

  it("words are split on spaces, however many; a segment without words is not heard", () => {
    const spaced = { startMs: 400, endMs: 1000, text: "  Hello   there " };
    expect(simulateAmd({ answeredBy: "person", speech: [spaced] })[0]?.data).toMatchObject({ greeting: "Hello there" });
    const silent = { startMs: 400, endMs: 1000, text: "   " };
    expect(line(simulateAmd({ answeredBy: "person", speech: [silent] }))).toEqual([
      "5000 amd_no_speech_detected",
      "5000 amd_stopped",
    ]);
  });

  it("a segment with no length has all its words at its end", () => {
    const instant = { startMs: 700, endMs: 700, text: "one two three four five six seven eight nine" };
    // Merged with the next segment (it starts before 1200): at the tick 900 (300 + 2 × 300) all 9 words are complete.
    const speech = [{ startMs: 300, endMs: 600, text: "zero" }, instant, { startMs: 800, endMs: 2000, text: "ten" }];
    expect(simulateAmd({ answeredBy: "machine", speech })[0]).toMatchObject({
      atMs: 900,
      name: "amd_machine_detected",
      data: { greeting: "zero one two three four five six seven eight nine" },
    });
  });

  it("timers due at the same moment fire in the order the engine starts them", () => {
    const events = simulateAmd({ answeredBy: "nobody" }, { timers: { decisionTimeoutMs: 5000 } });
    expect(line(events)).toEqual(["5000 amd_decision_timeout", "5000 amd_stopped"]);
  });

  it("settings change the timers, the recognizer's delays and the language", () => {
    const settings = {
      timers: { noSpeechTimeoutMs: 3000, greetingCompletionTimeoutMs: 1500 },
      finalResultDelayMs: 200,
      interimSpacingMs: 1000,
      language: "de-DE",
    };
    expect(line(simulateAmd({ answeredBy: "nobody" }, settings))).toEqual([
      "3000 amd_no_speech_detected",
      "3000 amd_stopped",
    ]);
    expect(simulateAmd({ answeredBy: "person", speech: [HELLO] }, settings)[0]).toMatchObject({
      atMs: 1200,
      data: { language: "de-DE" },
    });
    // Interims at 1300, 2300, 3300 (9 words by 3300 = 300 + 3000), the final at 4500, then 1500 ms.
    expect(line(simulateAmd({ answeredBy: "machine", speech: [VOICEMAIL] }, settings))).toEqual([
      "3300 amd_machine_detected",
      "6000 amd_machine_stopped_speaking",
      "6000 amd_stopped",
    ]);
  });

  it("a bad setting throws one RangeError naming every problem, even for a call without AMD", () => {
    const call: CallScript = { answeredBy: "nobody", amd: false };
    expect(() =>
      simulateAmd(call, {
        timers: { noSpeechTimeoutMs: "5000" as unknown as number },
        interimSpacingMs: 0,
        thresholdWordCount: "9" as unknown as number,
        hints: [""],
        language: 3 as unknown as string,
        digitCount: 2.5,
        vendor: "nuance" as "google",
        hangUpPath: "sip" as "rest",
      }),
    ).toThrow(
      new RangeError(
        "Bad simulator settings: settings.hints: expected a list of non-empty phrases; settings.language: expected text; settings.digitCount: expected a whole number ≥ 0 (the engine would build a digit pattern that never matches from 2.5); settings.timers.noSpeechTimeoutMs: expected a number; settings.thresholdWordCount: expected a number; settings.interimSpacingMs: expected a finite number ≥ 1; settings.vendor: expected one of google, deepgram, microsoft; settings.hangUpPath: expected one of rest, dial",
      ),
    );
  });

  it("an unknown setting, or settings that are not an object, are refused", () => {
    expect(() =>
      simulateAmd({ answeredBy: "nobody" }, { thresholdWordcount: 5, timers: { toneTimeout: 1 } } as AmdSettings),
    ).toThrow(
      new RangeError(
        "Bad simulator settings: settings.thresholdWordcount: unknown setting; settings.timers.toneTimeout: unknown setting",
      ),
    );
    expect(() => simulateAmd({ answeredBy: "nobody" }, null as unknown as AmdSettings)).toThrow(
      "settings: expected an object",
    );
    expect(() => simulateAmd({ answeredBy: "nobody" }, { digitCount: -1 })).toThrow("settings.digitCount");
  });
});

// Each fact below is what jambonz 0.9.8's own amd-utils.js emits for the script, run under
// a fake clock (the expected timelines were recorded from the real engine, not from this
// simulator): the events that reach the dial's AMD hook, and so the bot.
describe("simulateAmd: what the real engine sends", () => {
  it("a recognizer failure: no amd_error reaches the bot, no-speech fires at its timer, and no amd_stopped follows", () => {
    expect(simulateAmd({ answeredBy: "person", speech: [HELLO], sttError: { atMs: 400 } })).toEqual([
      { atMs: 5000, name: "amd_no_speech_detected" },
    ]);
  });

  it("a recognizer failure: a tone after it is still reported, however late", () => {
    const call: CallScript = {
      answeredBy: "person",
      speech: [HELLO],
      sttError: { atMs: 400 },
      beep: { atMs: 30_000, frequency: 1400 },
    };
    expect(simulateAmd(call)).toEqual([
      { atMs: 5000, name: "amd_no_speech_detected" },
      { atMs: 30_000, name: "amd_tone_detected", data: { frequency: 1400, variance: 0 } },
    ]);
  });

  it("a recognizer failure: a hang-up then stops nothing (the no-speech timer fires after it)", () => {
    const call: CallScript = { answeredBy: "person", speech: [HELLO], sttError: { atMs: 400 }, hangUpAtMs: 3000 };
    expect(line(simulateAmd(call))).toEqual(["5000 amd_no_speech_detected"]);
  });

  it("a recognizer failure after a machine verdict: transcripts are lost, the greeting timer runs out, no amd_stopped", () => {
    const call: CallScript = { answeredBy: "machine", speech: [VOICEMAIL], sttError: { atMs: 3500 } };
    // The timer started at 3300 is no longer restarted by the transcripts after 3500.
    expect(line(simulateAmd(call))).toEqual(["3300 amd_machine_detected", "5300 amd_machine_stopped_speaking"]);
  });

  it("a recognizer failure after the first transcript: the decision timer fires, no amd_stopped", () => {
    const speech = [{ startMs: 1000, endMs: 16_000, text: "well um so yes" }];
    const call: CallScript = { answeredBy: "person", speech, sttError: { atMs: 6000 } };
    expect(line(simulateAmd(call))).toEqual(["15000 amd_decision_timeout"]);
  });

  it("a recognizer failure after AMD stopped changes nothing", () => {
    const events = simulateAmd({ answeredBy: "person", speech: [HELLO], sttError: { atMs: 2000 } });
    expect(line(events)).toEqual(["1500 amd_human_detected", "1500 amd_stopped"]);
  });

  it("one tone per call: a ringback before the greeting hides the voicemail's beep, and shortens the greeting timer", () => {
    const call: CallScript = {
      answeredBy: "machine",
      tones: [{ atMs: 300, frequency: 480 }],
      speech: [VOICEMAIL],
      beep: { atMs: 4600 },
    };
    expect(simulateAmd(call)).toEqual([
      { atMs: 300, name: "amd_tone_detected", data: { frequency: 480, variance: 0 } },
      {
        atMs: 3300,
        name: "amd_machine_detected",
        data: {
          reason: "long greeting",
          greeting: "Hi you have reached Sam please leave a message",
          language: "en-US",
        },
      },
      // The final result at 4800, then 1000 ms: a tone was heard.
      { atMs: 5800, name: "amd_machine_stopped_speaking" },
      { atMs: 5800, name: "amd_stopped" },
    ]);
  });

  it("one tone per call: of several tones only the first is reported", () => {
    const call: CallScript = {
      answeredBy: "machine",
      tones: [
        { atMs: 300, frequency: 440 },
        { atMs: 900, frequency: 1400 },
      ],
    };
    expect(line(simulateAmd(call))).toEqual([
      "300 amd_tone_detected",
      "5000 amd_no_speech_detected",
      "5000 amd_stopped",
    ]);
  });

  it('an empty final result is a human verdict with greeting "": AMD stops, the greeting after it is never judged', () => {
    const call: CallScript = {
      answeredBy: "machine",
      speech: [
        { startMs: 300, endMs: 600, text: "hm", recognized: "" },
        { startMs: 1500, endMs: 5500, text: VOICEMAIL_TEXT },
      ],
    };
    expect(simulateAmd(call)).toEqual([
      { atMs: 1100, name: "amd_human_detected", data: { reason: "short greeting", greeting: "", language: "en-US" } },
      { atMs: 1100, name: "amd_stopped" },
    ]);
  });

  it("the machine verdict's greeting is the transcript at that moment, often an interim", () => {
    expect(simulateAmd({ answeredBy: "machine", speech: [VOICEMAIL] })[0]?.data).toEqual({
      reason: "long greeting",
      greeting: "Hi you have reached Sam please leave a message",
      language: "en-US",
    });
  });

  it("language: Google returns the configured one; Deepgram and Microsoft none; Google with no language none", () => {
    const call: CallScript = { answeredBy: "person", speech: [HELLO] };
    const human = (settings: AmdSettings) => simulateAmd(call, settings)[0]?.data;
    expect(human({})).toEqual({ reason: "short greeting", greeting: "Hello?", language: "en-US" });
    expect(human({ vendor: "google", language: "es-ES" })).toEqual({
      reason: "short greeting",
      greeting: "Hello?",
      language: "es-ES",
    });
    expect(human({ vendor: "deepgram" })).toEqual({ reason: "short greeting", greeting: "Hello?" });
    expect(human({ vendor: "microsoft" })).toEqual({ reason: "short greeting", greeting: "Hello?" });
    expect(human({ language: "" })).toEqual({ reason: "short greeting", greeting: "Hello?" });
  });

  it("a hang-up on a call placed by a dial verb stops AMD without amd_stopped (the line is already gone)", () => {
    const call: CallScript = { answeredBy: "machine", speech: [VOICEMAIL], hangUpAtMs: 4000 };
    expect(line(simulateAmd(call, { hangUpPath: "dial" }))).toEqual(["3300 amd_machine_detected"]);
    expect(line(simulateAmd(call, { hangUpPath: "rest" }))).toEqual(["3300 amd_machine_detected", "4000 amd_stopped"]);
  });

  it.each([
    [0, 1],
    [-5, 1],
    [Number.NaN, 1],
    [2500.9, 2500],
    [2 ** 31 - 1 + 1, 1],
    [Number.POSITIVE_INFINITY, 1],
  ])("a timer of %s ms fires as Node's setTimeout would: after %s ms", (noSpeechTimeoutMs, firesAfterMs) => {
    expect(line(simulateAmd({ answeredBy: "nobody" }, { timers: { noSpeechTimeoutMs } }))).toEqual([
      `${firesAfterMs} amd_no_speech_detected`,
      `${firesAfterMs} amd_stopped`,
    ]);
  });

  it("a timer over 2³¹ − 1 ms fires after 1 ms, before one of exactly 2³¹ − 1", () => {
    const settings = { timers: { noSpeechTimeoutMs: 2 ** 31 - 1, decisionTimeoutMs: 1e12 } };
    expect(line(simulateAmd({ answeredBy: "nobody" }, settings))).toEqual(["1 amd_decision_timeout", "1 amd_stopped"]);
  });

  it("thresholdWordCount 0 means 9", () => {
    const speech = [{ startMs: 400, endMs: 2400, text: "one two three four five six seven eight nine ten" }];
    expect(line(simulateAmd({ answeredBy: "person", speech }, { thresholdWordCount: 0 }))).toEqual([
      "2200 amd_machine_detected",
      "4900 amd_machine_stopped_speaking",
      "4900 amd_stopped",
    ]);
  });
});

describe("simulateAmd: call scripts", () => {
  it("a bad call script throws one RangeError listing every problem", () => {
    const call = {
      answeredBy: "robot",
      speech: [
        { startMs: 0, endMs: Number.POSITIVE_INFINITY, text: "hello" },
        { startMs: Number.NEGATIVE_INFINITY, endMs: 10, text: "hi" },
        { startMs: Number.NaN, endMs: 10, text: 5 },
        { startMs: 900, endMs: 800, text: "late", recognized: 7 },
        null,
      ],
      beep: { atMs: -1, frequency: 0, variance: Number.NaN, detected: "no" },
      tones: "440 Hz",
      sttError: 400,
      hangUpAtMs: Number.NaN,
      amd: true,
    } as unknown as CallScript;
    expect(() => simulateAmd(call)).toThrow(
      new RangeError(
        "Bad call script: call.answeredBy: expected one of person, machine, fax, nobody; call.speech[0].endMs: expected a finite number of ms ≥ 0; call.speech[1].startMs: expected a finite number of ms ≥ 0; call.speech[2].startMs: expected a finite number of ms ≥ 0; call.speech[2].text: expected text; call.speech[3].endMs: ends before it starts (800 < 900); call.speech[3].recognized: expected text, or absent; call.speech[4]: expected a segment { startMs, endMs, text }; call.beep.atMs: expected a finite number of ms ≥ 0; call.beep.frequency: expected a finite number of Hz > 0, or absent; call.beep.variance: expected a finite number, or absent; call.beep.detected: expected true or false, or absent; call.tones: expected a list; call.sttError: expected { atMs }; call.hangUpAtMs: expected a finite number of ms ≥ 0; call.amd: expected false (AMD off), or absent",
      ),
    );
  });

  it("a getter that throws, a list with holes and a list too long are problems, not crashes", () => {
    const hostile = Object.defineProperty({ answeredBy: "person" }, "speech", {
      get() {
        throw new Error("boom");
      },
      enumerable: true,
    });
    expect(() => simulateAmd(hostile as CallScript)).toThrow(
      new RangeError("Bad call script: call.speech: could not be read"),
    );
    const sparse = { answeredBy: "person", speech: new Array(2) } as unknown as CallScript;
    expect(() => simulateAmd(sparse)).toThrow(
      new RangeError(
        "Bad call script: call.speech[0]: expected a segment { startMs, endMs, text }; call.speech[1]: expected a segment { startMs, endMs, text }",
      ),
    );
    const many = { answeredBy: "machine", tones: new Array(100_001).fill({ atMs: 1 }) } as unknown as CallScript;
    expect(() => simulateAmd(many)).toThrow(new RangeError("Bad call script: call.tones: more than 100000 entries"));
  });

  it("a revoked Proxy is a problem, not a crash", () => {
    const { proxy, revoke } = Proxy.revocable({ answeredBy: "person" }, {});
    revoke();
    expect(() => simulateAmd(proxy as CallScript)).toThrow(new RangeError("Bad call script: call: could not be read"));
  });

  it.each([null, "person", [], 42])("%j is not a call script", (call) => {
    expect(() => simulateAmd(call as unknown as CallScript)).toThrow(
      new RangeError("Bad call script: call: expected a call script object"),
    );
  });

  it("speech long after AMD stopped costs nothing: a segment ending at 10¹² ms gives AMD's first 20 s", () => {
    const endless = { startMs: 500, endMs: 1e12, text: ENDLESS.text };
    // One word per 3.3·10¹⁰ ms: no interim holds a word before the timers run out.
    expect(line(simulateAmd({ answeredBy: "machine", speech: [endless] }))).toEqual([
      "5000 amd_no_speech_detected",
      "5000 amd_stopped",
    ]);
  });

  it("many segments: the engine only reads what it hears before it stops", () => {
    // 2·10⁴ one-word segments, 10 ms apart: one utterance, a machine at its 9th word.
    const speech = Array.from({ length: 20_000 }, (_, index) => ({
      startMs: 300 + 10 * index,
      endMs: 305 + 10 * index,
      text: `w${index}`,
    }));
    expect(simulateAmd({ answeredBy: "machine", speech })[0]).toEqual({
      atMs: 600,
      name: "amd_machine_detected",
      data: {
        reason: "long greeting",
        greeting:
          "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 w25 w26 w27 w28 w29",
        language: "en-US",
      },
    });
  });
});
