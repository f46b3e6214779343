// Greeting texts filled in for one call, and spoken: each word takes 220–480 ms (longer
// words longer), sentences of a recorded greeting follow one another closely (under the
// recognizer's 0.5 s endpointing, so the engine hears one utterance).

const MIN_WORD_MS = 220;
const MAX_WORD_MS = 480;

/** The words of `text` as the engine counts them: split on spaces. */
export const wordCount = (text) => text.split(" ").filter((word) => word !== "").length;

/** A telephone number as a recognizer writes it: three groups of digits. */
const digitsOf = (r) => `${r.int(201, 989)} ${r.int(200, 999)} ${r.int(1000, 9999)}`;

/**
 * `template` with its placeholders filled from `names` ({first}, {first2}, {last},
 * {business}, {site}) and drawn numbers ({digits}, {ext}).
 */
export function fill(template, r, names) {
  const first = r.pick(names.first);
  let first2 = r.pick(names.first);
  while (first2 === first) first2 = r.pick(names.first);
  const values = {
    first,
    first2,
    last: r.pick(names.last),
    business: r.pick(names.business),
    site: names.site === undefined ? "" : r.pick(names.site),
    digits: digitsOf(r),
    ext: String(r.int(100, 499)),
  };
  return template.replace(/\{(\w+)\}/g, (_, key) => {
    if (!(key in values)) throw new Error(`unknown placeholder {${key}} in "${template}"`);
    return values[key];
  });
}

function wordMs(word, r) {
  const letters = word.replace(/[^\p{L}\p{N}]/gu, "").length;
  return Math.max(MIN_WORD_MS, Math.min(MAX_WORD_MS, 190 + 30 * letters + r.int(-40, 40)));
}

/**
 * One stretch of speech from `startMs`: `text` said without a pause. With `lengthMs`
 * (`[low, high]`), its length is kept within those bounds (a one-word "Hello?" still
 * takes 0.4–0.48 s).
 */
export function utterance(text, startMs, r, lengthMs) {
  let length = text.split(" ").reduce((sum, word) => sum + wordMs(word, r), 0);
  if (lengthMs !== undefined) {
    const [low, high] = lengthMs;
    if (length < low) length = r.int(low, Math.min(high, low + 80));
    if (length > high) length = high;
  }
  return { startMs, endMs: startMs + length, text };
}

/**
 * A recorded greeting from `startMs`: one segment per sentence, 120–420 ms apart.
 * Returns the segments; the last one's `endMs` is the greeting's end.
 */
export function recording(text, startMs, r) {
  const sentences = text.match(/[^.!?]+[.!?]+|[^.!?]+$/g).map((sentence) => sentence.trim());
  const segments = [];
  let atMs = startMs;
  for (const sentence of sentences) {
    if (sentence === "") continue;
    const segment = utterance(sentence, atMs, r);
    segments.push(segment);
    atMs = segment.endMs + r.int(120, 420);
  }
  return segments;
}

/** When the last of `segments` ends. */
export const endOf = (segments) => segments[segments.length - 1].endMs;
