import { describe, expect, it } from "vitest";
import { scenarioFixtures } from "../../src/fixtures/index.js";
import { routeCall } from "../../src/index.js";

// What a bot designer reads for each judgement: the situation, why amd-flow judged so,
// and the move. Pinned word for word, so a change to the wording is a visible decision.
describe("explanations of the judgement scenarios", () => {
  it.each([
    [
      "timed-tone-before-person",
      "A person answered (the tone came well before the person spoke, so it was not a voicemail beep); let the bot talk.",
    ],
    [
      "short-voicemail-greeting-words",
      'A short voicemail greeting has ended with no beep heard (the greeting says "leave a message": a short voicemail greeting AMD took for a person); leave the voicemail message now.',
    ],
    [
      "short-voicemail-greeting-just-now",
      'The voicemail greeting has just ended (the greeting says "leave a message": a short voicemail greeting AMD took for a person; a late beep may still come); check again in 1 s.',
    ],
    [
      "person-long-greeting-words",
      'A person answered (the greeting says "sorry it took me": a person with a long greeting AMD took for a machine); let the bot talk.',
    ],
    [
      "person-long-greeting-still-speaking",
      'A person is answering with a long greeting (the greeting says "how can i": a person with a long greeting AMD took for a machine; they may still be speaking); check again in 250 ms.',
    ],
    [
      "long-greeting-no-voicemail-words",
      "A person answered (the long greeting's first words hold no voicemail phrase, and AMD's word count alone does not outweigh a person); let the bot talk.",
    ],
    [
      "blank-greeting",
      "AMD heard an empty greeting and cannot tell who answered (AMD's person verdict came from an empty transcript, no evidence of anyone); let the bot talk.",
    ],
    [
      "person-after-call-waiting-tone",
      "A person answered (the 440 Hz tone is a ringback or call-waiting tone, not a voicemail beep); let the bot talk.",
    ],
    [
      "person-after-tone-by-state",
      "A person answered (the tone came well before the person spoke, so it was not a voicemail beep); let the bot talk.",
    ],
    [
      "ringback-then-voicemail-greeting",
      "A machine greeting is still playing (the tone came before the greeting, so it was not the beep that ends it); check again in 1 s.",
    ],
    ["greeting-just-ended", "The voicemail greeting has just ended (a late beep may still come); check again in 1 s."],
    [
      "greeting-past-tone-timer",
      "A long voicemail greeting may still be playing (AMD stopped listening before the greeting ended); check again in 1 s.",
    ],
    [
      "stopped-before-its-verdict",
      "AMD has stopped and its verdict has not arrived yet (events can arrive out of order); check again in 250 ms.",
    ],
    [
      "ringback-then-dead-air",
      "Nobody spoke after the call was answered (the tone is a ringback or call-waiting tone, not a voicemail beep); let the bot talk.",
    ],
  ])("%s", (id, explanation) => {
    const scenario = scenarioFixtures.find((candidate) => candidate.id === id);
    expect(scenario, id).toBeDefined();
    expect(routeCall(scenario?.context, undefined, scenario?.options).explanation).toBe(explanation);
  });
});
