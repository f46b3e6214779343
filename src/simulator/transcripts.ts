import type { ResolvedAmdSettings } from "./amd-settings.js";
import type { SpeechSegment } from "./call-script.js";

/** A transcript the speech recognizer sends to AMD. */
export interface Transcript {
  /** When AMD receives it, in ms from the answer. */
  readonly atMs: number;
  /** The words recognised so far in this utterance, joined by single spaces. */
  readonly text: string;
  /** `true` for the final result of an utterance, `false` for an interim one. */
  readonly final: boolean;
}

interface Utterance {
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

/** The words of `utterance` spoken by `atMs`: each segment's words take equal shares of its time. */
function spokenBy(utterance: Utterance, atMs: number): string[] {
  const spoken: string[] = [];
  for (const { segment, words } of utterance.segments) {
    const length = segment.endMs - segment.startMs;
    const count =
      length <= 0
        ? atMs >= segment.endMs
          ? words.length
          : 0
        : Math.floor((words.length * (atMs - segment.startMs)) / length);
    spoken.push(...words.slice(0, Math.max(0, Math.min(words.length, count))));
  }
  return spoken;
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
    for (
      let atMs = utterance.startMs + settings.interimSpacingMs;
      atMs < utterance.endMs;
      atMs += settings.interimSpacingMs
    ) {
      const words = spokenBy(utterance, atMs);
      if (words.length > 0) transcripts.push({ atMs, text: words.join(" "), final: false });
    }
    const all = utterance.segments.map((part) => part.words.join(" ")).join(" ");
    transcripts.push({ atMs: utterance.endMs + settings.finalResultDelayMs, text: all, final: true });
  }
  return transcripts.sort((a, b) => a.atMs - b.atMs);
}
