import { describe, expect, it } from "vitest";
import { classifyAmd, type RouteDecision, type RouteOptions, readAmd, routeCall } from "../../src/index.js";

// One test per judgement, on payloads shaped as Voice Gateway sends them: objects
// `{ type, ...data }` with no time, in arrival order; `state` carried from run to run
// as the bot designers' guide tells designers to.

type Entry = { readonly type: string } & Record<string, unknown>;
const ctx = (entries: readonly Entry[]) => ({ session: { UserSession: { amdInfo: { amdEvents: entries } } } });
const human = (greeting: string): Entry => ({ type: "amd_human_detected", reason: "short greeting", greeting });
const machine = (greeting: string, reason = "long greeting"): Entry => ({
  type: "amd_machine_detected",
  reason,
  greeting,
});
const tone = (frequency: number): Entry => ({ type: "amd_tone_detected", frequency, variance: 0 });
const bare = (type: string): Entry => ({ type });
const ENDED = bare("amd_machine_stopped_speaking");
const STOPPED = bare("amd_stopped");
const NO_SPEECH = bare("amd_no_speech_detected");

/**
 * The documented loop: the script node runs on what has arrived by then, stores the
 * state, and after a wait runs again `recheckAfterMs` later. `arrivals` lists, per
 * run, the entries that arrived before it (cumulative lists are built here).
 */
function loop(arrivals: readonly (readonly Entry[])[], policy?: unknown, options: RouteOptions = {}): RouteDecision[] {
  const decisions: RouteDecision[] = [];
  let state: unknown;
  const seen: Entry[] = [];
  for (const arrived of arrivals) {
    seen.push(...arrived);
    const decision = routeCall(ctx(seen), policy as never, { amdRequested: true, ...options, state });
    decisions.push(decision);
    state = JSON.parse(JSON.stringify(decision.state));
    if (decision.action !== "wait") break;
  }
  return decisions;
}
const actions = (decisions: readonly RouteDecision[]) => decisions.map((decision) => decision.action);
/** `n` runs in which nothing new arrives. */
const quiet = (n: number): Entry[][] => Array.from({ length: n }, () => []);

describe("the greeting's words", () => {
  it("greeting-says-voicemail: a short greeting that says voicemail is a voicemail, not a person", () => {
    const outcome = classifyAmd(readAmd(ctx([human("Hi it's Priya, leave a message"), STOPPED])));
    expect(outcome).toMatchObject({
      kind: "machine",
      phase: "greeting-ended",
      judgements: ["greeting-says-voicemail"],
      phrase: "leave a message",
      reason: "short greeting",
      greeting: "Hi it's Priya, leave a message",
    });
    const decision = routeCall(ctx([human("Hi it's Priya, leave a message"), STOPPED]));
    expect(decision.action).toBe("leave-voicemail");
    expect(decision.explanation).toContain('the greeting says "leave a message"');
  });

  it("greeting-says-voicemail, with the state: waits a moment for the beep AMD no longer reports, then leaves the message", () => {
    const decisions = loop([[], [human("Sam here. Leave a message."), STOPPED], ...quiet(3)]);
    expect(actions(decisions)).toEqual(["wait", "wait", "leave-voicemail"]);
    expect(decisions[1]?.outcome.judgements).toEqual(["greeting-says-voicemail", "beep-may-follow"]);
    expect(decisions[1]?.explanation).toContain("a late beep may still come");
  });

  it("greeting-says-person: a long greeting whose first words are a person's is a person", () => {
    const entries = [machine("Hello Raj Johnson speaking sorry it took me a")];
    const outcome = classifyAmd(readAmd(ctx(entries)));
    expect(outcome).toMatchObject({
      kind: "human",
      judgements: ["greeting-says-person"],
      phrase: expect.stringMatching(/speaking|sorry it took me/),
      reason: "long greeting",
    });
    expect(routeCall(ctx(entries)).action).toBe("continue");
  });

  it("person-still-speaking: with the state, the bot lets the person finish before it speaks", () => {
    const decisions = loop([[], [machine("Good morning Acme Plumbing Dave speaking how can I")], ...quiet(8)]);
    // Seen at the second run; the bot speaks 1.25 s later, five rechecks of 250 ms on.
    expect(actions(decisions)).toEqual(["wait", "wait", "wait", "wait", "wait", "wait", "continue"]);
    expect(decisions[1]?.outcome).toMatchObject({
      kind: "pending",
      judgements: ["greeting-says-person", "person-still-speaking"],
    });
    expect(decisions[1]?.explanation).toMatch(/^A person is answering with a long greeting/);
    expect(decisions.at(-1)?.outcome.kind).toBe("human");
  });

  it("leans to the person when a short greeting says both", () => {
    const outcome = classifyAmd(readAmd(ctx([human("Who is this? Leave a message?")])));
    expect(outcome.kind).toBe("human");
  });

  it("keeps the machine when a long greeting says voicemail as well as a person's words", () => {
    const outcome = classifyAmd(readAmd(ctx([machine("Hi this is Sam speaking please leave a message after")])));
    expect(outcome).toMatchObject({ kind: "machine", phase: "greeting" });
  });

  it("does not overrule a hint or a digit count", () => {
    for (const reason of ["hint", "digit count"]) {
      const outcome = classifyAmd(readAmd(ctx([machine("Hello Raj speaking how can I help you 555", reason)])));
      expect(outcome.kind, reason).toBe("machine");
    }
  });

  it("blank-greeting: an empty transcript is no evidence of a person", () => {
    const outcome = classifyAmd(readAmd(ctx([human(""), STOPPED])));
    expect(outcome).toMatchObject({ kind: "undecided", judgements: ["blank-greeting"] });
    expect(routeCall(ctx([human("  "), STOPPED])).action).toBe("continue");
    // A bare human verdict (no greeting given at all) stays a person.
    expect(classifyAmd(readAmd(ctx([bare("amd_human_detected")]))).kind).toBe("human");
    // A blank greeting with a beep: the beep speaks alone.
    expect(classifyAmd(readAmd(ctx([tone(1000), human(""), STOPPED])))).toMatchObject({
      kind: "machine",
      phase: "beep",
    });
  });

  it("a policy can turn the greeting's words off", () => {
    const decision = routeCall(ctx([human("Hi it's Priya, leave a message"), STOPPED]), { greetingText: false });
    expect(decision.action).toBe("continue");
    expect(classifyAmd(readAmd(ctx([human("Leave a message")])), { greetingText: false }).kind).toBe("human");
  });
});

describe("the tone's pitch", () => {
  it("a fax's V.21 signalling (about 1650 Hz) with no speech is a fax", () => {
    expect(routeCall(ctx([tone(1655), NO_SPEECH, STOPPED]))).toMatchObject({ action: "hang-up", retry: false });
  });

  it("call-progress-tone: a 440–560 Hz tone with a person's verdict is a call-waiting or ringback tone, not a beep", () => {
    const outcome = classifyAmd(readAmd(ctx([tone(440), human("Hello?"), STOPPED])));
    expect(outcome).toMatchObject({ kind: "human", judgements: ["call-progress-tone"] });
    expect(routeCall(ctx([tone(520), human("Hello?"), STOPPED])).explanation).toContain(
      "520 Hz tone is a ringback or call-waiting tone",
    );
  });

  it("call-progress-tone: allows for the detector's error, a few tens of Hz either way", () => {
    for (const frequency of [400, 439, 561, 580]) {
      expect(classifyAmd(readAmd(ctx([tone(frequency), human("Hello?")]))).kind, `${frequency} Hz`).toBe("human");
    }
    for (const frequency of [399, 581, 850]) {
      expect(classifyAmd(readAmd(ctx([tone(frequency), human("Hello?")]))).kind, `${frequency} Hz`).toBe("machine");
    }
  });

  it("says what it waits for when the only tone so far is a call-progress tone, and names a fax's pitch", () => {
    expect(routeCall(ctx([tone(480)]), undefined, { amdRequested: true }).explanation).toBe(
      "AMD has not decided yet (the tone is a ringback or call-waiting tone, not a voicemail beep); check again in 250 ms.",
    );
    expect(routeCall(ctx([tone(1650), NO_SPEECH, STOPPED])).explanation).toBe(
      "A fax machine answered (a 1650 Hz tone and no speech); hang up.",
    );
  });

  it("call-progress-tone: alone it is no beep-only voicemail, and with no speech it is silence", () => {
    expect(classifyAmd(readAmd(ctx([tone(480)])), { amdRequested: true }).kind).toBe("pending");
    expect(classifyAmd(readAmd(ctx([tone(480)]))).kind).toBe("undecided");
    expect(classifyAmd(readAmd(ctx([tone(480), NO_SPEECH, STOPPED])))).toMatchObject({
      kind: "silence",
      judgements: ["call-progress-tone"],
    });
    // A beep-only voicemail at a beep's pitch is still one.
    expect(routeCall(ctx([tone(1000), NO_SPEECH, STOPPED])).action).toBe("leave-voicemail");
  });
});

describe("when the flow first saw each event (the state)", () => {
  it("tone-before-person: a tone seen a second or more before the person's verdict was not their beep", () => {
    const decisions = loop([[], [tone(1000)], [], [], [], [human("Hello?"), STOPPED]]);
    expect(actions(decisions)).toEqual(["wait", "wait", "wait", "wait", "wait", "continue"]);
    expect(decisions.at(-1)?.outcome.judgements).toEqual(["tone-before-person"]);
  });

  it("a tone seen with the person's verdict is a short voicemail greeting's beep", () => {
    const decisions = loop([[], [], [tone(1000), human("Hi Sam here"), STOPPED]]);
    expect(actions(decisions)).toEqual(["wait", "wait", "leave-voicemail"]);
    expect(decisions.at(-1)?.outcome).toMatchObject({ kind: "machine", phase: "beep" });
  });

  it("without the state, a tone and a person's verdict read together are a short greeting's beep, as the engine's verdicts say", () => {
    const seenTogether = ctx([tone(1000), human("Hi Sam here"), STOPPED]);
    expect(routeCall(seenTogether, undefined, { waitedMs: 3000 }).action).toBe("leave-voicemail");
  });

  it("tone-before-greeting: a tone seen before the machine's verdict is not its beep, so the flow waits for the greeting's end", () => {
    const greeting = machine("Hi you have reached Sam I am not available right");
    const decisions = loop([[], [tone(480)], ...quiet(6), [greeting], ...quiet(4), [ENDED, STOPPED], ...quiet(3)]);
    expect(decisions[8]?.outcome).toMatchObject({
      kind: "machine",
      phase: "greeting",
      judgements: ["tone-before-greeting"],
    });
    expect(actions(decisions).slice(-3)).toEqual(["wait", "wait", "leave-voicemail"]);
  });

  it("a tone seen a run or two before the machine's verdict is still its beep (the verdict may trail the words)", () => {
    const greeting = machine("Hi you have reached Sam I am not available right");
    const decisions = loop([[], [tone(1000)], [], [greeting]]);
    expect(decisions.at(-1)).toMatchObject({ action: "leave-voicemail", reason: "machine-beep-heard" });
  });

  it("an empty greeting still dates a tone: one seen well before it was no beep", () => {
    const decisions = loop([[], [tone(1000)], ...quiet(4), [human(""), STOPPED]]);
    expect(decisions.at(-1)).toMatchObject({
      action: "continue",
      outcome: { kind: "undecided", judgements: ["blank-greeting", "tone-before-person"] },
    });
  });

  it("a tone seen after the machine's verdict is its beep: the message starts at once", () => {
    const greeting = machine("Hi you have reached Sam I am not available right");
    const decisions = loop([[], [greeting], [], [tone(1000)]]);
    expect(actions(decisions)).toEqual(["wait", "wait", "wait", "leave-voicemail"]);
    expect(decisions.at(-1)?.reason).toBe("machine-beep-heard");
  });

  it("beep-may-follow: after the greeting ends the flow waits a moment for a late beep", () => {
    const greeting = machine("Hi you have reached Sam I am not available right");
    const decisions = loop([[], [greeting], [], [ENDED, STOPPED], [], []]);
    expect(actions(decisions)).toEqual(["wait", "wait", "wait", "wait", "leave-voicemail"]);
    expect(decisions[3]?.outcome.judgements).toEqual(["beep-may-follow"]);
    expect(decisions[3]?.explanation).toMatch(/^The voicemail greeting has just ended \(a late beep may still come\)/);
    // Without the state nothing tells how long ago the greeting ended: the message starts at once.
    expect(routeCall(ctx([greeting, ENDED, STOPPED]), undefined, { waitedMs: 4000 }).action).toBe("leave-voicemail");
  });

  it("greeting-may-still-play: AMD stopped (its tone timer) before the greeting ended, so the flow waits up to its limit", () => {
    const greeting = machine("Hi you have reached the voicemail of the Riverside Medical");
    const decisions = loop([[], [greeting], ...quiet(19), [STOPPED], ...quiet(40)]);
    const stopped = decisions.findIndex((decision) => decision.outcome.evidence.includes("amd_stopped"));
    expect(decisions[stopped]?.outcome.judgements).toEqual(["greeting-may-still-play"]);
    expect(decisions[stopped]?.action).toBe("wait");
    expect(decisions.at(-1)).toMatchObject({ action: "leave-voicemail", reason: "wait-limit-reached" });
    // Without the state: AMD has stopped listening and nothing more will come.
    expect(routeCall(ctx([greeting, STOPPED])).action).toBe("leave-voicemail");
  });

  it("verdict-in-flight: amd_stopped alone waits a moment for the verdict sent with it", () => {
    const decisions = loop([[], [STOPPED], [], [human("Sam here. Leave a message.")], ...quiet(5)]);
    expect(decisions[1]?.outcome).toMatchObject({ kind: "pending", judgements: ["verdict-in-flight"] });
    expect(decisions.at(-1)?.action).toBe("leave-voicemail");
    // When no verdict comes, AMD stopped undecided: the bot talks.
    expect(actions(loop([[], [STOPPED], ...quiet(5)])).at(-1)).toBe("continue");
  });

  it("verdict-in-flight: a tone and amd_stopped just now wait for the verdict rather than read as a beep-only voicemail", () => {
    const decisions = loop([[], [tone(1000)], [], [], [], [STOPPED], [human("Hello?")], ...quiet(3)]);
    expect(decisions[5]?.outcome).toMatchObject({ kind: "pending", judgements: ["verdict-in-flight"] });
    expect(decisions.at(-1)?.action).toBe("continue");
    // Seen long after, with nothing more: the tone alone is the beep of a voicemail that only beeps.
    expect(actions(loop([[], [tone(1000)], [STOPPED], ...quiet(5)])).at(-1)).toBe("leave-voicemail");
  });
});

describe("outcomes carry only what is known", () => {
  it("sets no field it has no value for, and names the judgements only when there are some", () => {
    expect(classifyAmd(readAmd(ctx([bare("amd_machine_detected")])))).toStrictEqual({
      kind: "machine",
      phase: "greeting",
      evidence: ["amd_machine_detected"],
    });
    expect(classifyAmd(readAmd(ctx([bare("amd_human_detected")])))).toStrictEqual({
      kind: "human",
      evidence: ["amd_human_detected"],
    });
    expect(classifyAmd(readAmd(ctx([human("Hi it's Priya, leave a message")])))).toStrictEqual({
      kind: "machine",
      phase: "greeting-ended",
      evidence: ["amd_human_detected"],
      reason: "short greeting",
      greeting: "Hi it's Priya, leave a message",
      judgements: ["greeting-says-voicemail"],
      phrase: "leave a message",
    });
    expect(classifyAmd(readAmd(ctx([machine("Hello Raj Johnson speaking sorry it took me a")])))).toStrictEqual({
      kind: "human",
      evidence: ["amd_machine_detected"],
      reason: "long greeting",
      greeting: "Hello Raj Johnson speaking sorry it took me a",
      judgements: ["greeting-says-person"],
      phrase: "sorry it took me",
    });
    expect(classifyAmd(readAmd(ctx([tone(1000), human("Hello?")])))).toStrictEqual({
      kind: "machine",
      phase: "beep",
      evidence: ["amd_human_detected", "amd_tone_detected"],
      reason: "short greeting",
      greeting: "Hello?",
      toneFrequency: 1000,
    });
  });

  it("a hand-made pending outcome keeps its evidence when decided with amdRequested", () => {
    const decision = routeCall(ctx([tone(1000)]), undefined, { amdRequested: true });
    expect(decision.outcome).toStrictEqual({ kind: "pending", evidence: ["amd_tone_detected"] });
  });
});

describe("the judgements' edges", () => {
  const at = (waitedMs: number, seenMs: Record<string, number>) => ({ version: 1, waitedMs, seenMs });

  it("a tone before a person, by the flow's clock: the window's edge, and a tone there at the first look", () => {
    const entries = [tone(1000), human("Hi there")];
    // The tone was there at the first look (time 0 at the latest); the person's verdict first seen 999 ms on: within the window.
    const within = routeCall(ctx(entries), undefined, { state: at(999, { amd_tone_detected: -1 }) });
    expect(within.outcome).toMatchObject({ kind: "machine", phase: "beep" });
    const past = routeCall(ctx(entries), undefined, { state: at(1000, { amd_tone_detected: -1 }) });
    expect(past.outcome).toMatchObject({ kind: "human", judgements: ["tone-before-person"] });
    // A window of 0: a tone seen at the first look and a verdict seen at time 0 are already apart enough.
    const zero = routeCall(ctx(entries), undefined, { beepWindowMs: 0, state: at(0, { amd_tone_detected: -1 }) });
    expect(zero.outcome.kind).toBe("human");
  });

  it("a tone before a person by their timestamps; one timestamp alone is no clock", () => {
    const toneAt = (timestamp: number) => ({ ...tone(1000), timestamp });
    const personAt = (timestamp: number) => ({ ...human("Hi there"), timestamp });
    expect(classifyAmd(readAmd(ctx([toneAt(1_000), personAt(2_500)]))).kind).toBe("human");
    expect(classifyAmd(readAmd(ctx([toneAt(1_000), personAt(1_500)]))).kind).toBe("machine");
    expect(classifyAmd(readAmd(ctx([toneAt(1_000), human("Hi there")]))).kind).toBe("machine");
    expect(classifyAmd(readAmd(ctx([tone(1000), personAt(2_500)]))).kind).toBe("machine");
  });

  it("a timed tone before a person stays out of the machine evidence beside a greeting's end", () => {
    const outcome = classifyAmd(readAmd(ctx([{ ...tone(1000), atMs: 0 }, { ...human("Hi"), atMs: 5000 }, ENDED])));
    expect(outcome).toMatchObject({ kind: "machine", phase: "greeting-ended", judgements: ["tone-before-person"] });
  });

  it("a person's own phrase beside a tone makes them a person; with a voicemail phrase too, the tone is the beep", () => {
    expect(classifyAmd(readAmd(ctx([tone(1000), human("Who is this?")])))).toMatchObject({
      kind: "human",
      judgements: ["greeting-says-person"],
      phrase: "who is this",
    });
    expect(classifyAmd(readAmd(ctx([tone(1000), human("Who is this? leave a message")]))).kind).toBe("machine");
  });

  it("a person whose long greeting has ended is not waited for", () => {
    const entries = [machine("Hello Raj Johnson speaking sorry it took me a"), ENDED];
    const decision = routeCall(ctx(entries), undefined, { amdRequested: true, state: at(3000, {}) });
    expect(decision).toMatchObject({ action: "continue", outcome: { kind: "human" } });
  });

  it("waits for a verdict in flight only when AMD was asked for, and not after an empty greeting", () => {
    const now = at(2000, {});
    expect(classifyAmd(readAmd(ctx([tone(1000), STOPPED])), { state: now }).kind).toBe("machine");
    expect(classifyAmd(readAmd(ctx([tone(1000), STOPPED])), { amdRequested: true, state: now }).kind).toBe("pending");
    expect(classifyAmd(readAmd(ctx([STOPPED])), { state: now }).kind).toBe("undecided");
    expect(classifyAmd(readAmd(ctx([human(""), STOPPED])), { amdRequested: true, state: now }).kind).toBe("undecided");
    expect(
      classifyAmd(readAmd(ctx([tone(1000), human(""), STOPPED])), { amdRequested: true, state: now }),
    ).toMatchObject({ kind: "machine", phase: "beep" });
    // Seen a second ago: the verdict would have come.
    expect(
      classifyAmd(readAmd(ctx([tone(1000), STOPPED])), { amdRequested: true, state: at(2000, { amd_stopped: 1000 }) })
        .kind,
    ).toBe("machine");
  });

  it("an empty greeting beside a person's words is no blank greeting", () => {
    expect(classifyAmd(readAmd(ctx([human(""), human("Hello?")]))).kind).toBe("human");
  });
});

describe("greetings judged again", () => {
  it("give the same outcome however many other greetings came between, short or long", () => {
    const long = `Hi it's Priya, leave a message ${"and more words ".repeat(40)}`;
    const first = [
      classifyAmd(readAmd(ctx([human("Sam here. Leave a message.")]))),
      classifyAmd(readAmd(ctx([machine(long)]))),
    ];
    for (let index = 0; index < 100; index++) classifyAmd(readAmd(ctx([human(`Hello number ${index}`)])));
    expect(classifyAmd(readAmd(ctx([human("Sam here. Leave a message.")])))).toEqual(first[0]);
    expect(classifyAmd(readAmd(ctx([machine(long)])))).toEqual(first[1]);
    expect(first[0]).toMatchObject({ kind: "machine", judgements: ["greeting-says-voicemail"] });
  });
});
