import type * as z from "zod";

/** `a.b[2].c` for a zod issue path. */
export function pathOf(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One line per zod issue: `path: message`, never the input value; `root` names an empty path. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], root: string): string[] {
  return issues.map((issue) => {
    const where = pathOf(issue.path);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => `${where === "" ? key : `${where}.${key}`}: unknown field`).join("; ");
    }
    return `${where === "" ? root : where}: ${issue.message}`;
  });
}
