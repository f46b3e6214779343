import type * as z from "zod";

/** Control characters and line separators: one problem must stay one line. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `key` with its control characters written as `\uXXXX`, so outside text cannot break a line. */
export function printable(key: string): string {
  return key.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `a.b[2].c` for a zod issue path. */
export function pathOf(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? printable(String(key)) : `.${printable(String(key))}`;
  }
  return out;
}

/** One line per zod issue: `path: message`, never the input value; `root` names an empty path. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], root: string): string[] {
  return issues.map((issue) => {
    const where = pathOf(issue.path);
    if (issue.code === "unrecognized_keys") {
      return issue.keys
        .map((key) => `${where === "" ? printable(key) : `${where}.${printable(key)}`}: unknown field`)
        .join("; ");
    }
    return `${where === "" ? root : where}: ${issue.message}`;
  });
}
