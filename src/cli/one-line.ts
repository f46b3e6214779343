// Every line the command line prints about its input: one line, whatever the input held.
import { clip } from "../internal/safe.js";

/**
 * `text` as one line with every control character, line or paragraph separator and
 * bidirectional control shown escaped (`\u000a`, `\u001b`, `\u202e`), so text from a
 * file name, an option's value or a file's contents can neither break an error onto
 * several lines nor send escape sequences to the terminal. Nothing is cut.
 */
export function oneLine(text: string): string {
  return clip(text, Number.POSITIVE_INFINITY);
}
