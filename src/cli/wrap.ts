// Text for an 80-column terminal: the table and the simulated timelines wrap to it.
// Widths are terminal columns (a CJK character takes two), not string lengths.
import { displayWidth, splitToWidth } from "./display-width.js";

/** The terminal width text output fits. */
export const TEXT_WIDTH = 80;

/** A unit after a number (`1.5 s`, `440 Hz`, `14.3 %`), with any punctuation after it. */
const UNIT = /^(?:s|ms|Hz|%)[,;:.)]*$/;

/** The words of `text`; a number and its unit are one word, so a line never ends between them. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const word of text.split(" ")) {
    const last = words.length - 1;
    if (last >= 0 && UNIT.test(word) && /\d$/.test(words[last] as string)) words[last] += ` ${word}`;
    else words.push(word);
  }
  return words;
}

/** `word` as pieces of at most `width` columns: a number and its unit apart again, then cut where still too wide. */
function fitting(word: string, width: number): string[] {
  if (displayWidth(word) <= width) return [word];
  return word.split(" ").flatMap((part) => (displayWidth(part) > width ? splitToWidth(part, width) : [part]));
}

/**
 * Words of `text` in lines of at most `width` columns, those after the first at most
 * `restWidth`; a number stays on the line of its unit, and a word wider than `restWidth`
 * (a long target, CJK text without spaces) is cut into pieces that fit.
 */
export function wrap(text: string, width: number, restWidth = width): string[] {
  const lines: string[] = [];
  let line = "";
  let used = 0;
  for (const whole of wordsOf(text)) {
    for (const word of fitting(whole, restWidth)) {
      const columns = displayWidth(word);
      if (line !== "" && used + 1 + columns > (lines.length === 0 ? width : restWidth)) {
        lines.push(line);
        line = word;
        used = columns;
      } else if (line === "") {
        line = word;
        used = columns;
      } else {
        line = `${line} ${word}`;
        used += 1 + columns;
      }
    }
  }
  lines.push(line);
  return lines;
}

/**
 * `text` after `lead` (an indent, or a column such as a time), wrapped to `width`; the
 * lines after the first stand two columns further in than the text, so a wrapped line
 * reads as one.
 */
export function wrapBeside(lead: string, text: string, width = TEXT_WIDTH): string[] {
  const hang = " ".repeat(lead.length + 2);
  return wrap(text, width - lead.length, width - hang.length).map((part, index) =>
    index === 0 ? `${lead}${part}` : `${hang}${part}`,
  );
}

/** A line wrapped to `width`, its own indent kept and its continuation two columns further in. */
export function wrapLine(line: string, width = TEXT_WIDTH): string[] {
  const indent = /^ */.exec(line)?.[0] ?? "";
  return wrapBeside(indent, line.slice(indent.length), width);
}
