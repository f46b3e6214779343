import { expect } from "vitest";
import { PolicyError, parsePolicy } from "../../src/index.js";

/** The problems parsePolicy throws for `input`; fails the test when it throws anything else, or nothing. */
export function problemsOf(input: unknown): readonly string[] {
  try {
    parsePolicy(input);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return (error as PolicyError).problems;
  }
  throw new Error("parsePolicy accepted the input");
}
