import type { AmdEventName } from "../core.js";
import type { AmdEventData } from "../reading/schemas.js";
import {
  AFTER_BEEP_GREETING_COMPLETION_MS,
  type AmdSettings,
  type ResolvedAmdSettings,
  resolveAmdSettings,
} from "./amd-settings.js";
import { beepFrequencyOf, type CallScript } from "./call-script.js";
import { type Transcript, textOf, transcriptsOf } from "./transcripts.js";

/**
 * One event the simulated AMD engine emits: when, which, and the data the engine sends
 * with it (`reason`, `greeting`, `hint`, `language`, `frequency`, `variance`, `error`).
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

type Input =
  | { readonly atMs: number; readonly kind: "hang-up" }
  | { readonly atMs: number; readonly kind: "stt-error" }
  | { readonly atMs: number; readonly kind: "beep"; readonly frequency: number; readonly variance: number }
  | ({ readonly kind: "transcript" } & Transcript);

// At the same moment the call's inputs come before timers, in this order: a call that
// ends ends everything, and a failure or a beep is known before the words heard with it.
const INPUT_ORDER: Readonly<Record<Input["kind"], number>> = { "hang-up": 0, "stt-error": 1, beep: 2, transcript: 3 };

function inputsOf(call: CallScript, settings: ResolvedAmdSettings): Input[] {
  const inputs: Input[] = transcriptsOf(call.speech ?? [], settings).map((t) => ({ kind: "transcript", ...t }));
  const { beep, sttError, hangUpAtMs } = call;
  if (beep !== undefined && beep.detected !== false)
    inputs.push({
      atMs: beep.atMs,
      kind: "beep",
      frequency: Math.floor(beepFrequencyOf(call, beep)),
      variance: Math.floor(beep.variance ?? 0),
    });
  if (sttError !== undefined) inputs.push({ atMs: sttError.atMs, kind: "stt-error" });
  if (hangUpAtMs !== undefined) inputs.push({ atMs: hangUpAtMs, kind: "hang-up" });
  // Array.prototype.sort is stable: transcripts keep their order.
  return inputs.sort((a, b) => a.atMs - b.atMs || INPUT_ORDER[a.kind] - INPUT_ORDER[b.kind]);
}

// The engine's timers, by index; at the same moment they fire in this order (the order
// the engine starts them).
const DECISION = 0;
const NO_SPEECH = 1;
const TONE = 2;
const GREETING = 3;
type Timer = typeof DECISION | typeof NO_SPEECH | typeof TONE | typeof GREETING;
/** What a timer emits when it runs out before AMD stops; the tone timer emits nothing of its own. */
const TIMER_EVENTS: readonly (AmdEventName | undefined)[] = [
  "amd_decision_timeout",
  "amd_no_speech_detected",
  undefined,
  "amd_machine_stopped_speaking",
];

/** One run of the engine over one call: the state the rules read and change. */
class Engine {
  readonly events: TimedAmdEvent[] = [];
  /** When each timer runs out, by its index in TIMERS; Infinity when it is not running. */
  readonly due: number[] = [Infinity, Infinity, Infinity, Infinity];
  running = true;
  listening = true;
  beepHeard = false;
  decision: "human" | "machine" | undefined;

  constructor(readonly settings: ResolvedAmdSettings) {
    this.due[DECISION] = settings.decisionTimeoutMs;
    this.due[NO_SPEECH] = settings.noSpeechTimeoutMs;
    this.due[TONE] = settings.toneTimeoutMs;
  }

  emit(atMs: number, name: AmdEventName, data?: AmdEventData): void {
    this.events.push(data === undefined ? { atMs, name } : { atMs, name, data });
  }

  /** AMD stops at once: recognition, beep detection and every timer end. */
  stop(atMs: number): void {
    this.running = false;
    this.due.fill(Infinity);
    this.emit(atMs, "amd_stopped");
  }

  /** The timer that runs out first (the first of those due at the same moment). */
  nextTimer(): Timer {
    let next: Timer = DECISION;
    for (let timer = NO_SPEECH; timer <= GREETING; timer++)
      if ((this.due[timer] as number) < (this.due[next] as number)) next = timer as Timer;
    return next;
  }

  startGreetingTimer(atMs: number): void {
    this.due[GREETING] =
      atMs + (this.beepHeard ? AFTER_BEEP_GREETING_COMPLETION_MS : this.settings.greetingCompletionTimeoutMs);
  }

  fire(timer: Timer, atMs: number): void {
    const name = TIMER_EVENTS[timer];
    if (name !== undefined) this.emit(atMs, name);
    this.stop(atMs);
  }

  handle(input: Input): void {
    if (input.kind === "hang-up") this.stop(input.atMs);
    else if (input.kind === "stt-error") {
      this.listening = false;
      this.emit(input.atMs, "amd_error", { error: "the speech recognizer failed to start" });
    } else if (input.kind === "beep") {
      // A call has one tone, and AMD stopping ends the run: beep detection stopping
      // after the first beep, or with AMD, needs no state of its own.
      this.beepHeard = true;
      this.due[TONE] = Infinity;
      this.emit(input.atMs, "amd_tone_detected", { frequency: input.frequency, variance: input.variance });
    } else if (this.listening) this.evaluate(input);
  }

  evaluate(transcript: Transcript): void {
    const { atMs } = transcript;
    if (this.decision !== undefined) {
      // After a machine verdict the engine only listens for the greeting to end.
      this.startGreetingTimer(atMs);
      return;
    }
    this.due[NO_SPEECH] = Infinity;
    const text = textOf(transcript);
    const { settings } = this;
    const words = text.split(" ").length;
    const language = settings.language;
    const folded = text.toLowerCase();
    const hint = settings.hints.find((phrase) => folded.indexOf(phrase.toLowerCase()) >= 0);
    if (hint !== undefined) this.decide(atMs, "machine", { reason: "hint", hint, language });
    else if (settings.digitCount > 0 && new RegExp(`[0-9]{${settings.digitCount}}`).test(text))
      this.decide(atMs, "machine", { reason: "digit count", greeting: text, language });
    else if (transcript.final && words < settings.thresholdWordCount)
      this.decide(atMs, "human", { reason: "short greeting", greeting: text, language });
    else if (words >= settings.thresholdWordCount)
      this.decide(atMs, "machine", { reason: "long greeting", greeting: text, language });
  }

  decide(atMs: number, verdict: "human" | "machine", data: AmdEventData): void {
    this.decision = verdict;
    this.due[DECISION] = Infinity;
    if (verdict === "human") {
      this.emit(atMs, "amd_human_detected", data);
      this.stop(atMs);
    } else {
      this.emit(atMs, "amd_machine_detected", data);
      this.startGreetingTimer(atMs);
    }
  }
}

/**
 * What Voice Gateway's AMD engine emits for a call, by time. At the answer it starts
 * the decision (15 s), no-speech (5 s) and tone (20 s) timers, speech recognition with
 * interim results and beep detection. Each transcript before a decision stops the
 * no-speech timer and counts its words (split on spaces): a hint phrase → machine
 * (`hint`); `digitCount` digits in a row → machine (`digit count`); a final transcript
 * under `thresholdWordCount` → person (`short greeting`); that many words or more,
 * interim or final → machine (`long greeting`). After a machine verdict every
 * transcript restarts the greeting-completion timer (2 s, 1 s once a beep was heard);
 * when it runs out → `amd_machine_stopped_speaking`. A beep → `amd_tone_detected`
 * (whole-number `frequency` and `variance`), after which beep detection stops and the
 * tone timer is cancelled. A person verdict, no-speech, the decision timeout, the
 * greeting's end, the tone timer and the callee hanging up each stop AMD at once
 * (`amd_stopped`). A recognizer failure → `amd_error`; the timers keep running. A call
 * with `amd: false` gives no events.
 *
 * At the same moment the call's inputs come before the timers (a hang-up first, then a
 * recognizer failure, a beep, a transcript), and timers fire in the order the engine
 * starts them (decision, no-speech, tone, greeting completion).
 *
 * @param call - the call.
 * @param settings - the engine's settings; see {@link AmdSettings} for each default.
 * @returns the events, in the order the engine emits them (by time).
 * @throws RangeError when a setting is out of range.
 * @example
 * ```ts
 * import { simulateAmd } from "amd-flow/simulator";
 * const events = simulateAmd({ answeredBy: "person", speech: [{ startMs: 400, endMs: 1000, text: "Hello?" }] });
 * events.map((event) => `${event.atMs} ${event.name}`); // ["1500 amd_human_detected", "1500 amd_stopped"]
 * ```
 */
export function simulateAmd(call: CallScript, settings?: AmdSettings): TimedAmdEvent[] {
  if (call.amd === false) return [];
  const engine = new Engine(resolveAmdSettings(settings));
  const inputs = inputsOf(call, engine.settings);
  let next = 0;
  while (engine.running) {
    const input = inputs[next];
    // While AMD runs, the tone, decision or greeting-completion timer always is, so the
    // next timer runs out at a finite time.
    const timer = engine.nextTimer();
    const timerAt = engine.due[timer] as number;
    if (input !== undefined && input.atMs <= timerAt) {
      next++;
      engine.handle(input);
    } else engine.fire(timer, timerAt);
  }
  return engine.events;
}
