// The corpus of greetings (corpus.json, written for these tests from how people, carriers
// and businesses word them), as the bot receives them: the engine decides "machine" once
// a greeting reaches nine words and sends the transcript at that moment, so the bot hears
// the first nine words of a long greeting and the whole of a short one.
import greetings from "./corpus.json" with { type: "json" };

/** The engine's default thresholdWordCount: a greeting of this many words gets a machine verdict. */
export const VERDICT_WORDS = 9;

export type GreetingKind = "voicemail" | "person";

export interface CorpusGreeting {
  /** The language's code in corpus.json (en, es, de, fr, pt, it, nl). */
  readonly language: string;
  readonly kind: GreetingKind;
  /** The whole greeting. */
  readonly text: string;
  /** What the bot receives: the first nine words with a machine verdict, else the whole greeting. */
  readonly heard: string;
  /** Whether the greeting is long enough for a machine verdict (and so heard cut). */
  readonly long: boolean;
}

const words = (text: string) => text.trim().split(/\s+/);

/** Every greeting of the corpus. */
export const CORPUS: readonly CorpusGreeting[] = Object.entries(greetings).flatMap(([language, kinds]) =>
  (["voicemail", "person"] as const).flatMap((kind) =>
    kinds[kind].map((text) => {
      const long = words(text).length >= VERDICT_WORDS;
      return { language, kind, text, long, heard: long ? words(text).slice(0, VERDICT_WORDS).join(" ") : text };
    }),
  ),
);
