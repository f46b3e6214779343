/** One JSON value found in a text, and the line it starts on (from 1). */
export interface JsonValueAt {
  readonly value: unknown;
  readonly line: number;
}

/** A value that is not valid JSON, and the line it starts on. */
export class JsonValuesError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const SPACE = /\s/;
const STOP = /[\s{}[\]"]/;

/** Where the string that opens at `start` ends: just past its closing quote. */
function endOfString(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === "\\") index++;
    else if (char === '"') return index + 1;
  }
  return text.length;
}

/** Where the value that starts at `start` ends: brackets balanced, string closed, or a bare word's end. */
function endOfValue(text: string, start: number): number {
  const first = text.charAt(start);
  if (first === '"') return endOfString(text, start);
  if (first !== "{" && first !== "[") {
    let index = start + 1;
    while (index < text.length && !STOP.test(text.charAt(index))) index++;
    return index;
  }
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '"') index = endOfString(text, index) - 1;
    else if (char === "{" || char === "[") depth++;
    else if ((char === "}" || char === "]") && --depth === 0) return index + 1;
  }
  return text.length;
}

const newlines = (text: string): number => text.split("\n").length - 1;

/**
 * Every JSON value in `text`, one after another: JSON Lines, a single JSON document, or
 * pretty-printed objects pasted one after another all read the same. An object or list
 * ends where its brackets balance (brackets in strings do not count), a string at its
 * closing quote, and a bare value (a number, `true`) at the next space or bracket.
 */
export function readJsonValues(text: string): JsonValueAt[] {
  const values: JsonValueAt[] = [];
  let line = 1;
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    if (SPACE.test(char)) {
      if (char === "\n") line++;
      index++;
      continue;
    }
    const end = endOfValue(text, index);
    const chunk = text.slice(index, end);
    try {
      values.push({ value: JSON.parse(chunk) as unknown, line });
    } catch (error) {
      throw new JsonValuesError(line, (error as Error).message);
    }
    line += newlines(chunk);
    index = end;
  }
  return values;
}
