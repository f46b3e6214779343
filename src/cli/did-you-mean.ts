// "did you mean": the known word nearest a mistyped one, by edit distance.

/**
 * The edit distance between `a` and `b` (optimal string alignment): insertions, deletions,
 * substitutions, and two neighbours swapped (`--jsno`), each one edit.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, index) => index)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (rows[i - 1]?.[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (rows[i - 1]?.[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (rows[i - 2]?.[j - 2] as number) + 1);
      row[j] = best;
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] as number;
}

/**
 * The word of `known` nearest `typed`, when it is near enough to be a typo: at most one
 * edit for words of up to four letters, two for longer ones, and never as many edits as
 * the word has letters. Ties go to the first of `known`.
 */
export function nearest(typed: string, known: readonly string[]): string | undefined {
  // Text of any length is compared only when it could be near: a long argument costs nothing.
  if (typed === "" || typed.length > 64) return undefined;
  const allowed = typed.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const word of known) {
    const distance = editDistance(typed.toLowerCase(), word.toLowerCase());
    if (distance < bestDistance && distance < word.length) {
      best = word;
      bestDistance = distance;
    }
  }
  return best;
}

/** `; did you mean X?` after a message, or nothing. */
export function didYouMean(typed: string, known: readonly string[], show: (word: string) => string): string {
  const word = nearest(typed, known);
  return word === undefined ? "" : `; did you mean ${show(word)}?`;
}
