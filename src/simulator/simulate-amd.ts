import type { AmdEventName } from "../core.js";
import type { AmdEventData } from "../reading/schemas.js";
import {
  AFTER_BEEP_GREETING_COMPLETION_MS,
  type AmdSettings,
  amdSettingsProblems,
  type ResolvedAmdSettings,
} from "./amd-settings.js";
import { type CallScript, type CallTone, callScriptProblems, listProblems, toneFrequencyOf } from "./call-script.js";
import { type Transcript, TranscriptStream, textOf, wordCountOf } from "./transcripts.js";

/**
 * One event the simulated AMD engine emits: when, which, and the data the engine sends
 * with it (`reason`, `greeting`, `hint`, `language`, `frequency`, `variance`). The bot
 * receives `{ type: name, ...data }`: the time is the simulation's, never sent.
 *
 * @example
 * ```ts
 * import type { TimedAmdEvent } from "amd-flow/simulator";
 * const human: TimedAmdEvent = {
 *   atMs: 1500,
 *   name: "amd_human_detected",
 *   data: { reason: "short greeting", greeting: "Hello?", language: "en-US" },
 * };
 * ```
 */
export interface TimedAmdEvent {
  /** When the engine emits it, in ms from the answer. */
  readonly atMs: number;
  /** The event. */
  readonly name: AmdEventName;
  /** What the engine sends with it, when anything. */
  readonly data?: Readonly<AmdEventData>;
}

/** The longest delay Node's `setTimeout` keeps; anything longer fires after 1 ms. */
const TIMEOUT_MAX_MS = 2 ** 31 - 1;

/** How long Node's `setTimeout(fn, ms)` waits: under 1, `NaN` or over 2³¹ − 1 → 1; fractions cut off. */
export function timerDelayOf(ms: number): number {
  const after = ms * 1;
  return Math.trunc(after >= 1 && after <= TIMEOUT_MAX_MS ? after : 1);
}

// The engine's timers, by index.
const DECISION = 0;
const NO_SPEECH = 1;
const TONE = 2;
const GREETING = 3;
type Timer = typeof DECISION | typeof NO_SPEECH | typeof TONE | typeof GREETING;

/** A running timer: when it fires, and when it was started (of timers due together, the first started fires first). */
interface Running {
  readonly dueMs: number;
  readonly order: number;
}

/** A tone the detector may report, in the order the call lists it (`tones`, then `beep`). */
interface ToneInput {
  readonly atMs: number;
  readonly frequency: number;
  readonly variance: number;
}

/**
 * One run of Voice Gateway's AMD engine (jambonz 0.9.8's `amd-utils.js`) over one call.
 * Its state is the engine's own: the `Amd` object's verdict, beep flag and timers
 * (which run on after a recognizer failure detaches it), whether the endpoint still
 * holds it (`active`), whether the line is up, and whether the beep detector runs and
 * is listened to. At the same moment the call's inputs come before the timers: a
 * hang-up, then a recognizer failure, a tone, a transcript.
 */
class Engine {
  readonly events: TimedAmdEvent[] = [];
  private readonly timers: (Running | undefined)[] = [undefined, undefined, undefined, undefined];
  private started = 0;
  private nowMs = 0;
  /** The endpoint still holds the engine (`ep.amd`): false once AMD stopped or the recognizer failed. */
  private active = true;
  private connected = true;
  private hungUp = false;
  private verdict: AmdEventName | undefined;
  private beepHeard = false;
  /** The beep detector runs (`avmd_start` … `avmd_stop`). */
  private detecting = true;
  /** The engine listens to the beep detector. */
  private listeningForTones = true;
  private readonly threshold: number;
  private readonly language: string | undefined;
  private readonly digits: RegExp;
  private readonly transcripts: TranscriptStream;
  private readonly tones: ToneInput[];
  private nextTone = 0;
  private sttErrorAtMs: number | undefined;
  private readonly hangUpAtMs: number | undefined;

  constructor(
    call: CallScript,
    private readonly settings: ResolvedAmdSettings,
  ) {
    // `opts.thresholdWordCount || 9`, `RegExp(\`[0-9]{${digitCount}}\`)`: as the engine reads them.
    this.threshold = settings.thresholdWordCount || 9;
    this.digits = new RegExp(`[0-9]{${settings.digitCount}}`);
    // Google returns the language it recognized (the configured one); Deepgram and Microsoft none.
    this.language = settings.vendor === "google" && settings.language !== "" ? settings.language : undefined;
    this.transcripts = new TranscriptStream(call.speech ?? [], settings);
    const tones: CallTone[] = [...(call.tones ?? []), ...(call.beep === undefined ? [] : [call.beep])];
    this.tones = tones
      .filter((tone) => tone.detected !== false)
      .map((tone) => ({
        atMs: tone.atMs,
        // Sent as header text and read back with Math.floor: whole numbers, never -0.
        frequency: Math.floor(toneFrequencyOf(call, tone)) + 0,
        variance: Math.floor(tone.variance ?? 0) + 0,
      }))
      // A stable sort: tones at the same moment in the order listed.
      .sort((a, b) => a.atMs - b.atMs);
    this.sttErrorAtMs = call.sttError?.atMs;
    this.hangUpAtMs = call.hangUpAtMs;
    this.start(DECISION, settings.decisionTimeoutMs);
    this.start(NO_SPEECH, settings.noSpeechTimeoutMs);
    this.start(TONE, settings.toneTimeoutMs);
  }

  private emit(name: AmdEventName, data?: AmdEventData): void {
    this.events.push(data === undefined ? { atMs: this.nowMs, name } : { atMs: this.nowMs, name, data });
  }

  private start(timer: Timer, ms: number): void {
    this.timers[timer] = { dueMs: this.nowMs + timerDelayOf(ms), order: this.started++ };
  }

  private clear(timer: Timer): void {
    this.timers[timer] = undefined;
  }

  /** The timer that fires next, if any runs. */
  private nextTimer(): Timer | undefined {
    let next: Timer | undefined;
    for (let timer = DECISION; timer <= GREETING; timer++) {
      const running = this.timers[timer];
      const best = next === undefined ? undefined : this.timers[next];
      if (
        running !== undefined &&
        (best === undefined ||
          running.dueMs < best.dueMs ||
          (running.dueMs === best.dueMs && running.order < best.order))
      )
        next = timer as Timer;
    }
    return next;
  }

  /**
   * The engine's `stopAmd`. With the engine detached by a recognizer failure and the line
   * up, it fails at its first step (stopping recognition for an unknown vendor): nothing
   * is stopped and no `amd_stopped` is emitted.
   */
  private stopAmd(): void {
    const held = this.active;
    if (held) {
      for (let timer = DECISION; timer <= GREETING; timer++) this.clear(timer as Timer);
      this.active = false;
    }
    if (this.connected) {
      if (!held) return;
      this.emit("amd_stopped");
      this.detecting = false;
    }
    this.listeningForTones = false;
  }

  private fire(timer: Timer): void {
    this.clear(timer);
    if (timer === DECISION) {
      this.verdict = "amd_decision_timeout";
      this.emit("amd_decision_timeout");
      this.stopAmd();
      this.clear(NO_SPEECH);
    } else if (timer === NO_SPEECH) {
      this.verdict = "amd_no_speech_detected";
      this.emit("amd_no_speech_detected");
      this.stopAmd();
      this.clear(DECISION);
    } else if (timer === TONE) {
      // The tone timer emits nothing of its own.
      this.stopAmd();
    } else {
      this.emit("amd_machine_stopped_speaking");
      this.stopAmd();
    }
  }

  private startGreetingTimer(): void {
    this.start(
      GREETING,
      this.beepHeard ? AFTER_BEEP_GREETING_COMPLETION_MS : this.settings.greetingCompletionTimeoutMs,
    );
  }

  private hangUp(): void {
    // By a dial verb the line is already gone when AMD is stopped: no amd_stopped.
    if (this.settings.hangUpPath === "dial") this.connected = false;
    if (this.active) this.stopAmd();
    this.hungUp = true;
    this.connected = false;
  }

  private tone(tone: ToneInput): void {
    this.emit("amd_tone_detected", { frequency: tone.frequency, variance: tone.variance });
    if (this.active) {
      this.clear(TONE);
      this.beepHeard = true;
    }
    // One tone per call: the detector is stopped after the first it reports.
    this.detecting = false;
  }

  private transcript(transcript: Transcript): void {
    if (this.verdict !== undefined) {
      // Only a machine verdict leaves the engine attached: it now only listens for the greeting to end.
      this.startGreetingTimer();
      return;
    }
    this.clear(NO_SPEECH);
    // The engine splits the text on spaces: no words (an empty result) is one.
    const words = Math.max(1, wordCountOf(transcript));
    const { hints, digitCount } = this.settings;
    // The text is built only when a rule reads it.
    const text =
      hints.length > 0 || digitCount !== 0 || transcript.final || words >= this.threshold ? textOf(transcript) : "";
    const folded = hints.length > 0 ? text.toLowerCase() : "";
    const hint = hints.find((phrase) => folded.indexOf(phrase.toLowerCase()) !== -1);
    if (hint !== undefined) this.machine(this.verdictData("hint", "hint", hint));
    else if (digitCount !== 0 && this.digits.test(text))
      this.machine(this.verdictData("digit count", "greeting", text));
    else if (transcript.final && words < this.threshold) {
      this.verdict = "amd_human_detected";
      this.emit("amd_human_detected", this.verdictData("short greeting", "greeting", text));
      this.stopAmd();
    } else if (words >= this.threshold) this.machine(this.verdictData("long greeting", "greeting", text));
  }

  /** A verdict's data, in the engine's order: `reason`, the greeting or hint, `language` when the recognizer returns one. */
  private verdictData(reason: string, key: "greeting" | "hint", text: string): AmdEventData {
    const data: Record<string, string> = { reason, [key]: text };
    if (this.language !== undefined) data["language"] = this.language;
    return data as AmdEventData;
  }

  private machine(data: AmdEventData): void {
    this.verdict = "amd_machine_detected";
    this.emit("amd_machine_detected", data);
    this.clear(DECISION);
    this.startGreetingTimer();
  }

  /** Runs the call until nothing more can be emitted. */
  run(): void {
    for (;;) {
      const timer = this.nextTimer();
      const timerAt = timer === undefined ? Infinity : (this.timers[timer] as Running).dueMs;
      if (!this.input(timerAt)) {
        if (timer === undefined) return;
        this.nowMs = timerAt;
        this.fire(timer);
      }
    }
  }

  /**
   * Handles the first input due at or before `horizonMs` (the next timer) that can still
   * change anything; false when there is none. After the hang-up nothing more arrives;
   * tones only while the detector runs and is listened to; transcripts only while the
   * engine is attached (and then a timer always runs, so the horizon is finite).
   */
  private input(horizonMs: number): boolean {
    if (this.hungUp) return false;
    // The first input due, in the order inputs take at the same moment: a later kind must come strictly earlier.
    let atMs = horizonMs;
    let kind: "hang-up" | "stt-error" | "tone" | "transcript" | undefined;
    if (this.hangUpAtMs !== undefined && this.hangUpAtMs <= atMs) {
      atMs = this.hangUpAtMs;
      kind = "hang-up";
    }
    if (
      this.sttErrorAtMs !== undefined &&
      (kind === undefined ? this.sttErrorAtMs <= atMs : this.sttErrorAtMs < atMs)
    ) {
      atMs = this.sttErrorAtMs;
      kind = "stt-error";
    }
    if (!(this.detecting && this.listeningForTones)) this.nextTone = this.tones.length;
    const tone = this.tones[this.nextTone];
    if (tone !== undefined && (kind === undefined ? tone.atMs <= atMs : tone.atMs < atMs)) {
      atMs = tone.atMs;
      kind = "tone";
    }
    const transcript = this.active && atMs !== Infinity ? this.transcripts.peek(atMs) : undefined;
    if (transcript !== undefined && (kind === undefined || transcript.atMs < atMs)) {
      atMs = transcript.atMs;
      kind = "transcript";
    }
    if (kind === undefined) return false;
    this.nowMs = atMs;
    if (kind === "hang-up") this.hangUp();
    else if (kind === "stt-error") {
      // The recognizer's promise rejects: the endpoint drops the engine, whose timers run on.
      this.sttErrorAtMs = undefined;
      this.active = false;
    } else if (kind === "tone") {
      this.nextTone++;
      this.tone(tone as ToneInput);
    } else {
      this.transcripts.take();
      this.transcript(transcript as Transcript);
    }
    return true;
  }
}

/** What the engine emits for `call` under settings already checked. */
export function engineEvents(call: CallScript, settings: ResolvedAmdSettings): TimedAmdEvent[] {
  if (call.amd === false) return [];
  const engine = new Engine(call, settings);
  engine.run();
  return engine.events;
}

/**
 * What Voice Gateway's AMD engine (jambonz 0.9.8's `amd-utils.js`) emits for a call, by
 * time: the events the dial-out's AMD hook receives, and so the bot.
 *
 * At the answer it starts the decision (15 s), no-speech (5 s) and tone (20 s) timers,
 * speech recognition with interim results and beep detection. Each transcript before a
 * verdict stops the no-speech timer and counts its words (split on spaces): a hint
 * phrase → machine (`hint`); `digitCount` digits in a row → machine (`digit count`); a
 * final transcript under `thresholdWordCount` → person (`short greeting`; an empty final
 * result is one word); that many words or more, interim or final → machine (`long
 * greeting`, the greeting so far). After a machine verdict every transcript restarts
 * the greeting-completion timer (2 s, 1 s once a tone was heard); when it runs out →
 * `amd_machine_stopped_speaking`. The first tone reported → `amd_tone_detected`
 * (whole-number `frequency` and `variance`), after which the detector stops (one tone
 * per call) and the tone timer is cancelled. A person verdict, no-speech, the decision
 * timeout, the greeting's end, the tone timer and the callee hanging up each stop AMD
 * (`amd_stopped`; not on a hang-up with `hangUpPath: "dial"`). Verdicts carry
 * `language` with the Google recognizer only.
 *
 * A recognizer failure emits nothing the bot receives (the engine's `amd_error` goes
 * to a channel nobody listens to): the engine is detached, so transcripts are ignored,
 * but its timers run on: the no-speech timer (or the decision or greeting-completion
 * timer) still emits its event, with no `amd_stopped` after it; a tone is still
 * reported, at any time, until the callee hangs up; and a hang-up stops nothing (a
 * timer still due fires after it). A call with `amd: false` gives no events.
 *
 * At the same moment the call's inputs come before the timers (a hang-up first, then a
 * recognizer failure, a tone, a transcript), and timers due together fire in the order
 * they were started. The work is bounded by how long AMD listens, not by how long the
 * call's speech runs: nothing is built for speech after AMD stopped.
 *
 * @param call - the call; see {@link CallScript}.
 * @param settings - the engine's settings; see {@link AmdSettings} for each default.
 * @returns the events, in the order the engine emits them (by time).
 * @throws RangeError listing every problem when the call script or a setting is bad (also for a call with `amd: false`).
 * @example
 * ```ts
 * import { simulateAmd } from "amd-flow/simulator";
 * const events = simulateAmd({ answeredBy: "person", speech: [{ startMs: 400, endMs: 1000, text: "Hello?" }] });
 * events.map((event) => `${event.atMs} ${event.name}`); // ["1500 amd_human_detected", "1500 amd_stopped"]
 * ```
 */
export function simulateAmd(call: CallScript, settings?: AmdSettings): TimedAmdEvent[] {
  const problems: string[] = [];
  const resolved = amdSettingsProblems(settings, "settings", problems);
  if (problems.length > 0) throw new RangeError(`Bad simulator settings: ${listProblems(problems)}`);
  callScriptProblems(call, "call", problems);
  if (problems.length > 0) throw new RangeError(`Bad call script: ${listProblems(problems)}`);
  return engineEvents(call, resolved);
}
