import { boundedLength, isArraySafe, readProp } from "../internal/safe.js";
import type { IssueList } from "./issue-list.js";

/**
 * The entries of a list from outside, read defensively: at most `cap` of them, each as
 * `readProp` gives it (`UNREADABLE` when a getter throws). What is not a list, a length
 * that cannot be read, and a list longer than `cap` are noted in `issues` under `name`
 * (`notifications: expected a list`), never thrown over; so a sparse list of length
 * 2³² − 1 costs no more than `cap` entries.
 */
export function readBoundedList(list: unknown, name: string, cap: number, issues: IssueList): unknown[] {
  if (!isArraySafe(list)) {
    issues.add(`${name}: expected a list`);
    return [];
  }
  const bounds = boundedLength(list, cap);
  if (bounds === undefined) {
    issues.add(`${name}: could not read its length`);
    return [];
  }
  if (bounds.total > bounds.length) issues.add(`${name}: ${bounds.total} given; read the first ${bounds.length}`);
  const entries: unknown[] = [];
  for (let index = 0; index < bounds.length; index++) entries.push(readProp(list, String(index)));
  return entries;
}
