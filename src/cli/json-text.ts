// JSON text from a file or standard input, and where it goes wrong in words a person can
// find in an editor: line and column, and the text around the mistake on one line.
import { oneLine } from "./one-line.js";

/** Where a JSON text first goes wrong (an index into it) and what was expected there. */
export interface JsonMistake {
  readonly index: number;
  readonly expected: string;
}

const SPACE = new Set([" ", "\t", "\n", "\r"]);
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const HEX = /^[0-9a-fA-F]{4}$/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/** Just past the string that opens at `start`, or the mistake in it. */
function stringEnd(text: string, start: number): number | JsonMistake {
  for (let index = start + 1; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '"') return index + 1;
    if (char.charCodeAt(0) < 0x20) return { index, expected: "no control character inside a string (write \\n)" };
    if (char !== "\\") continue;
    const escaped = text.charAt(index + 1);
    if (escaped === "u") {
      if (!HEX.test(text.slice(index + 2, index + 6))) return { index, expected: "four hex digits after \\u" };
      index += 5;
    } else if (ESCAPES.has(escaped)) index++;
    else return { index, expected: 'an escape such as \\n, \\" or \\u0041' };
  }
  return { index: text.length, expected: 'a closing "' };
}

/** Where `text` first stops being JSON, or `undefined` when it is JSON. Never recursive: nesting costs no stack. */
export function jsonMistake(text: string): JsonMistake | undefined {
  const closers: string[] = [];
  let index = 0;
  let state: "value" | "first-value" | "key" | "first-key" | "after" = "value";
  for (;;) {
    while (SPACE.has(text.charAt(index))) index++;
    const char = text.charAt(index);
    if (state === "value" || state === "first-value") {
      if (state === "first-value" && char === "]") {
        closers.pop();
        index++;
        state = "after";
      } else if (char === "{" || char === "[") {
        closers.push(char === "{" ? "}" : "]");
        index++;
        state = char === "{" ? "first-key" : "first-value";
      } else if (char === '"') {
        const end = stringEnd(text, index);
        if (typeof end !== "number") return end;
        index = end;
        state = "after";
      } else {
        NUMBER.lastIndex = index;
        LITERAL.lastIndex = index;
        const match = NUMBER.exec(text) ?? LITERAL.exec(text);
        if (match === null)
          return { index, expected: "a value (an object, a list, text, a number, true, false or null)" };
        index += match[0].length;
        state = "after";
      }
    } else if (state === "key" || state === "first-key") {
      if (state === "first-key" && char === "}") {
        closers.pop();
        index++;
        state = "after";
        continue;
      }
      if (char !== '"') return { index, expected: 'a property name in double quotes ("name")' };
      const end = stringEnd(text, index);
      if (typeof end !== "number") return end;
      index = end;
      while (SPACE.has(text.charAt(index))) index++;
      if (text.charAt(index) !== ":") return { index, expected: '":" after the property name' };
      index++;
      state = "value";
    } else {
      const closer = closers[closers.length - 1];
      if (closer === undefined) return index < text.length ? { index, expected: "the end of the text" } : undefined;
      if (char === ",") {
        index++;
        state = closer === "}" ? "key" : "value";
      } else if (char === closer) {
        closers.pop();
        index++;
      } else return { index, expected: `"," or "${closer}"` };
    }
  }
}

/** Line and column (both from 1) of `index` in `text`. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at !== -1 && at < index; at = text.indexOf("\n", at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** How much of the mistake's line is quoted on each side of it. */
const AROUND = 24;

/**
 * Why `text` is not JSON, in one line: where (line and column, from 1), what was expected
 * and found, and the text around the mistake from its own line between backticks, escaped
 * (a control character shows as `\u0007`) and cut to a few words each side.
 */
export function describeJsonMistake(text: string, fallback: string): string {
  const mistake = jsonMistake(text);
  // JSON.parse refused what the scanner accepts: only its own words are left to give.
  if (mistake === undefined) return oneLine(fallback);
  const { line, column } = lineAndColumn(text, mistake.index);
  const lineStart = mistake.index - (column - 1);
  const newline = text.indexOf("\n", mistake.index);
  const lineEnd = newline === -1 ? text.length : newline;
  const from = Math.max(lineStart, mistake.index - AROUND);
  const to = Math.min(lineEnd, mistake.index + AROUND);
  const excerpt = `${from > lineStart ? "…" : ""}${text.slice(from, to).replace(/\r$/, "")}${to < lineEnd ? "…" : ""}`;
  const found =
    mistake.index >= text.length ? "found the end of the text" : `found ${JSON.stringify(text.charAt(mistake.index))}`;
  return oneLine(`line ${line}, column ${column}: expected ${mistake.expected}, ${found} in \`${excerpt}\``);
}

/** A byte order mark (U+FEFF) at the start of a file: editors write one, and JSON.parse refuses it. */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** `text` parsed as JSON after any byte order mark, or the one-line reason it is not JSON. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  const json = withoutBom(text);
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch (error) {
    return { ok: false, reason: describeJsonMistake(json, (error as Error).message) };
  }
}
