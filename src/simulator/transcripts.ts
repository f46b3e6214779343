import sortBy from "lodash-es/sortBy.js";
import type { ResolvedAmdSettings } from "./amd-settings.js";
import type { SpeechSegment } from "./call-script.js";

/**
 * A transcript the speech recognizer sends to AMD. Its text is built only when AMD
 * reads it ({@link textOf}): after a verdict AMD only notes that one arrived.
 */
export interface Transcript {
  /** When AMD receives it, in ms from the answer. */
  readonly atMs: number;
  /** `true` for the final result of an utterance, `false` for an interim one. */
  readonly final: boolean;
  /** The utterance it belongs to. */
  readonly utterance: Utterance;
}

/** One segment as the recognizer returns it: its words (none for an empty result). */
interface Part {
  readonly segment: SpeechSegment;
  readonly words: readonly string[];
}

/** What one speaker says without a pause the recognizer takes as the end. */
export interface Utterance {
  readonly startMs: number;
  endMs: number;
  /** By start time (then as listed). */
  readonly parts: Part[];
}

const heardOf = (segment: SpeechSegment): string => segment.recognized ?? segment.text;
const wordsOf = (text: string): string[] => text.split(" ").filter((word) => word !== "");

/**
 * Speech segments grouped as the recognizer hears them: speech that resumes before the
 * final result of the previous words was due belongs to the same utterance. A segment
 * the recognizer returns as `""` is an empty result (it still ends an utterance); one
 * it returns as spaces only is not heard.
 */
function utterancesOf(speech: readonly SpeechSegment[], finalResultDelayMs: number): Utterance[] {
  const parts: Part[] = [];
  for (const segment of speech) {
    const heard = heardOf(segment);
    const words = wordsOf(heard);
    if (words.length > 0 || heard === "") parts.push({ segment, words });
  }
  const utterances: Utterance[] = [];
  // sortBy is stable: segments that start together stay in the order listed.
  for (const part of sortBy(parts, (each) => each.segment.startMs)) {
    const last = utterances[utterances.length - 1];
    if (last !== undefined && part.segment.startMs < last.endMs + finalResultDelayMs) {
      last.parts.push(part);
      last.endMs = Math.max(last.endMs, part.segment.endMs);
    } else utterances.push({ startMs: part.segment.startMs, endMs: part.segment.endMs, parts: [part] });
  }
  return utterances;
}

/**
 * How many of a part's words are complete by `atMs`, for a part that started by then:
 * each word takes an equal share of the segment's time (all of them at once in a
 * segment of no length).
 */
function spokenCount({ segment, words }: Part, atMs: number): number {
  const length = segment.endMs - segment.startMs;
  const count = length === 0 ? words.length : Math.floor((words.length * (atMs - segment.startMs)) / length);
  return Math.min(words.length, count);
}

/** Whether any word of `utterance` is complete by `atMs` (parts starting later have none). */
function hasWordBy(utterance: Utterance, atMs: number): boolean {
  for (const part of utterance.parts) {
    if (part.segment.startMs > atMs) return false;
    if (spokenCount(part, atMs) > 0) return true;
  }
  return false;
}

/** The text of `transcript`: the words recognised so far in its utterance, joined by single spaces. */
export function textOf(transcript: Transcript): string {
  const spoken: string[] = [];
  for (const part of transcript.utterance.parts) {
    if (!transcript.final && part.segment.startMs > transcript.atMs) break;
    const count = transcript.final ? part.words.length : spokenCount(part, transcript.atMs);
    for (let index = 0; index < count; index++) spoken.push(part.words[index] as string);
  }
  return spoken.join(" ");
}

/** How many words `transcript` holds ({@link textOf} without building the text). */
export function wordCountOf(transcript: Transcript): number {
  let count = 0;
  for (const part of transcript.utterance.parts) {
    if (transcript.final) count += part.words.length;
    else if (part.segment.startMs > transcript.atMs) break;
    else count += spokenCount(part, transcript.atMs);
  }
  return count;
}

/**
 * The transcripts AMD receives for `speech`, in time order, made one at a time as AMD
 * asks for them (so nothing is built for speech after AMD stopped listening): while an
 * utterance is spoken, an interim result every `interimSpacingMs` from its start holding
 * the words spoken so far (none while no word is complete), and its final result
 * `finalResultDelayMs` after its last word.
 */
export class TranscriptStream {
  private readonly utterances: Utterance[];
  private readonly spacingMs: number;
  private readonly finalDelayMs: number;
  /** The utterance being transcribed. */
  private index = 0;
  /** The next interim tick of that utterance not yet looked at. */
  private tickMs = 0;
  /** Whether an interim of that utterance held a word: every later one does too. */
  private worded = false;
  /** The next transcript, found but not yet taken. */
  private next: Transcript | undefined;

  constructor(speech: readonly SpeechSegment[], settings: ResolvedAmdSettings) {
    this.spacingMs = settings.interimSpacingMs;
    this.finalDelayMs = settings.finalResultDelayMs;
    this.utterances = utterancesOf(speech, this.finalDelayMs);
    this.begin();
  }

  private begin(): void {
    const utterance = this.utterances[this.index];
    if (utterance !== undefined) this.tickMs = utterance.startMs + this.spacingMs;
    this.worded = false;
  }

  /**
   * The next transcript when it comes at or before `horizonMs`, else `undefined`. Looks
   * no further than the horizon, so the work is bounded by how long AMD listens.
   */
  peek(horizonMs: number): Transcript | undefined {
    while (this.next === undefined) {
      const utterance = this.utterances[this.index];
      if (utterance === undefined) return undefined;
      // The same sum as `for (t = start + spacing; t < end; t += spacing)`: the same times, to the last bit.
      if (this.tickMs < utterance.endMs) {
        if (this.tickMs > horizonMs) return undefined;
        if (this.worded || hasWordBy(utterance, this.tickMs)) {
          this.worded = true;
          this.next = { atMs: this.tickMs, final: false, utterance };
        }
        this.tickMs += this.spacingMs;
      } else {
        this.next = { atMs: utterance.endMs + this.finalDelayMs, final: true, utterance };
        this.index++;
        this.begin();
      }
    }
    return this.next.atMs <= horizonMs ? this.next : undefined;
  }

  /** Takes the transcript {@link peek} gave. */
  take(): void {
    this.next = undefined;
  }
}
