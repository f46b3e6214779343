// Text for an 80-column terminal: the table and the simulated timelines wrap to it.

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

/**
 * Words of `text` in lines of at most `width` characters, those after the first at most
 * `restWidth` (a longer word gets a line of its own); a number stays on the line of its unit.
 */
export function wrap(text: string, width: number, restWidth = width): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of wordsOf(text)) {
    if (line !== "" && line.length + 1 + word.length > (lines.length === 0 ? width : restWidth)) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
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
