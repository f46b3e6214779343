import type { AmdEventName } from "../core.js";
import type { AmdEventData } from "../reading/schemas.js";
import {
  AFTER_BEEP_GREETING_COMPLETION_MS,
  type AmdSettings,
  type ResolvedAmdSettings,
  resolveAmdSettings,
} from "./amd-settings.js";
import { beepFrequencyOf, type CallScript } from "./call-script.js";
import { type Transcript, transcriptsOf } from "./transcripts.js";

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

/** The engine's timers; at the same moment they fire in this order (the order the engine starts them). */
const TIMERS = ["decision", "noSpeech", "tone", "greeting"] as const;
type Timer = (typeof TIMERS)[number];

/** One run of the engine over one call: the state the rules read and change. */
class Engine {
  readonly events: TimedAmdEvent[] = [];
  readonly due: Partial<Record<Timer, number>> = {};
  running = true;
  listening = true;
  beepHeard = false;
  decision: "human" | "machine" | undefined;

  constructor(readonly settings: ResolvedAmdSettings) {
    this.due.decision = settings.decisionTimeoutMs;
    this.due.noSpeech = settings.noSpeechTimeoutMs;
    this.due.tone = settings.toneTimeoutMs;
  }

  emit(atMs: number, name: AmdEventName, data?: AmdEventData): void {
    this.events.push(data === undefined ? { atMs, name } : { atMs, name, data });
  }

  /** AMD stops at once: recognition, beep detection and every timer end. */
  stop(atMs: number): void {
    this.running = false;
    for (const timer of TIMERS) delete this.due[timer];
    this.emit(atMs, "amd_stopped");
  }

  nextTimer(): Timer | undefined {
    let next: Timer | undefined;
    for (const timer of TIMERS) {
      const due = this.due[timer];
      if (due !== undefined && (next === undefined || due < (this.due[next] as number))) next = timer;
    }
    return next;
  }

  startGreetingTimer(atMs: number): void {
    this.due.greeting =
      atMs + (this.beepHeard ? AFTER_BEEP_GREETING_COMPLETION_MS : this.settings.greetingCompletionTimeoutMs);
  }

  fire(timer: Timer, atMs: number): void {
    delete this.due[timer];
    if (timer === "decision") this.emit(atMs, "amd_decision_timeout");
    else if (timer === "noSpeech") this.emit(atMs, "amd_no_speech_detected");
    else if (timer === "greeting") this.emit(atMs, "amd_machine_stopped_speaking");
    // The tone timer has no event of its own: it only stops AMD.
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
      delete this.due.tone;
      this.emit(input.atMs, "amd_tone_detected", { frequency: input.frequency, variance: input.variance });
    } else if (this.listening) this.evaluate(input);
  }

  evaluate(transcript: Transcript): void {
    const { atMs, text } = transcript;
    if (this.decision !== undefined) {
      // After a machine verdict the engine only listens for the greeting to end.
      this.startGreetingTimer(atMs);
      return;
    }
    delete this.due.noSpeech;
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
    delete this.due.decision;
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
    // While AMD runs, the tone, decision or greeting-completion timer always is: there is a next timer.
    const timer = engine.nextTimer() as Timer;
    const timerAt = engine.due[timer] as number;
    if (input !== undefined && input.atMs <= timerAt) {
      next++;
      engine.handle(input);
    } else engine.fire(timer, timerAt);
  }
  return engine.events;
}
