import { isRecord } from "../internal/safe.js";

// The dial-out fields the docs spell two ways.

/** Documented pairs of spellings: the one the sample request sends, the other, and whether one is required. */
export const SPELLINGS = [
  ["bot", "botId", true],
  ["notifyurl", "notifyUrl", false],
  ["machineDetection", "machinedetection", false],
] as const;

/** Problems with the spelling pairs: a required one missing, or both given and different. */
export function spellingProblems(input: unknown): string[] {
  if (!isRecord(input)) return [];
  const record = input as Record<string, unknown>;
  const problems: string[] = [];
  for (const [canonical, other, required] of SPELLINGS) {
    const first = record[canonical];
    const second = record[other];
    if (required && first === undefined && second === undefined) problems.push(`${canonical}: required (or ${other})`);
    if (first !== undefined && second !== undefined && first !== second) {
      problems.push(`${canonical}, ${other}: both given and they differ`);
    }
  }
  return problems;
}
