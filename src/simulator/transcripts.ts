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

/** What one speaker says without a pause the recognizer takes as the end. */
export interface Utterance {
  readonly startMs: number;
  readonly endMs: number;
  readonly segments: readonly { readonly segment: SpeechSegment; readonly words: readonly string[] }[];
}

const wordsOf = (text: string): string[] => text.split(" ").filter((word) => word !== "");

/**
 * Speech segments grouped as the recognizer hears them: speech that resumes before the
 * final result of the previous words was due belongs to the same utterance.
 */
function utterancesOf(speech: readonly SpeechSegment[], finalResultDelayMs: number): Utterance[] {
  const sorted = speech
    .map((segment) => ({ segment, words: wordsOf(segment.text) }))
    .filter((part) => part.words.length > 0)
    .sort((a, b) => a.segment.startMs - b.segment.startMs);
  const utterances: Utterance[] = [];
  for (const part of sorted) {
    const last = utterances[utterances.length - 1];
    if (last !== undefined && part.segment.startMs < last.endMs + finalResultDelayMs) {
      utterances[utterances.length - 1] = {
        startMs: last.startMs,
        endMs: Math.max(last.endMs, part.segment.endMs),
        segments: [...last.segments, part],
      };
    } else utterances.push({ startMs: part.segment.startMs, endMs: part.segment.endMs, segments: [part] });
  }
  return utterances;
}

/** How many of `words` are complete by `atMs`: each word of a segment takes an equal share of its time. */
function spokenCount(segment: SpeechSegment, words: readonly string[], atMs: number): number {
  const length = segment.endMs - segment.startMs;
  const count =
    length <= 0
      ? atMs >= segment.endMs
        ? words.length
        : 0
      : Math.floor((words.length * (atMs - segment.startMs)) / length);
  return Math.max(0, Math.min(words.length, count));
}

/** The words of `utterance` spoken by `atMs`, joined by single spaces. */
function spokenBy(utterance: Utterance, atMs: number): string {
  const spoken: string[] = [];
  for (const { segment, words } of utterance.segments) {
    const count = spokenCount(segment, words, atMs);
    for (let index = 0; index < count; index++) spoken.push(words[index] as string);
  }
  return spoken.join(" ");
}

/** The text of `transcript`: the words recognised so far in its utterance, joined by single spaces. */
export function textOf(transcript: Transcript): string {
  return spokenBy(transcript.utterance, transcript.final ? Infinity : transcript.atMs);
}

/**
 * The transcripts AMD receives for `speech`: while an utterance is spoken, an interim
 * result every `interimSpacingMs` from its start holding the words spoken so far (none
 * while no word is complete), and its final result `finalResultDelayMs` after its last
 * word. Sorted by time.
 */
export function transcriptsOf(speech: readonly SpeechSegment[], settings: ResolvedAmdSettings): Transcript[] {
  const transcripts: Transcript[] = [];
  for (const utterance of utterancesOf(speech, settings.finalResultDelayMs)) {
    const { startMs, endMs, segments } = utterance;
    for (let atMs = startMs + settings.interimSpacingMs; atMs < endMs; atMs += settings.interimSpacingMs) {
      // An interim result holds at least one word.
      if (segments.some(({ segment, words }) => spokenCount(segment, words, atMs) > 0))
        transcripts.push({ atMs, final: false, utterance });
    }
    transcripts.push({ atMs: endMs + settings.finalResultDelayMs, final: true, utterance });
  }
  return transcripts.sort((a, b) => a.atMs - b.atMs);
}
