// How many terminal columns text takes: East Asian wide and fullwidth characters two,
// combining marks and zero-width characters none, everything else one. Enough for the
// text the command line prints (names, targets and explanations), without a dependency.

/** East Asian Wide (W) and Fullwidth (F) ranges of Unicode 15, and the emoji shown wide. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

/** Combining marks, zero-width space and joiner, and variation selectors: no column of their own. */
const MARK = /^(?:\p{Mn}|\p{Me})$/u;
const zeroWidth = (codePoint: number): boolean =>
  (codePoint >= 0x200b && codePoint <= 0x200d) ||
  codePoint === 0x2060 ||
  (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
  MARK.test(String.fromCodePoint(codePoint));

/** The columns one code point takes: 0, 1 or 2. */
export function codePointWidth(codePoint: number): number {
  if (codePoint < 0x300) return 1;
  if (zeroWidth(codePoint)) return 0;
  let low = 0;
  let high = WIDE.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [from, to] = WIDE[middle] as readonly [number, number];
    if (codePoint < from) high = middle - 1;
    else if (codePoint > to) low = middle + 1;
    else return 2;
  }
  return 1;
}

/** The columns `text` takes on a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += codePointWidth(char.codePointAt(0) as number);
  return width;
}

/**
 * `text` cut into pieces of at most `width` columns (a piece holds at least one code
 * point, so a wide character in a one-column width still moves on), never inside a
 * surrogate pair; a combining mark stays with the character before it.
 */
export function splitToWidth(text: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  let used = 0;
  for (const char of text) {
    const columns = codePointWidth(char.codePointAt(0) as number);
    if (piece !== "" && columns > 0 && used + columns > width) {
      pieces.push(piece);
      piece = "";
      used = 0;
    }
    piece += char;
    used += columns;
  }
  if (piece !== "" || pieces.length === 0) pieces.push(piece);
  return pieces;
}

/** `text` padded with spaces on the right to `width` columns. */
export const padToWidth = (text: string, width: number): string =>
  text + " ".repeat(Math.max(0, width - displayWidth(text)));
