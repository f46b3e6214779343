/**
 * What the checking functions throw for bad input ({@link PolicyError} for a policy,
 * the dialer's `DialoutRequestError` for a dial-out request): one error that lists
 * every problem, each starting with its path, so a person fixes them all at once.
 *
 * @example
 * ```ts
 * import { InputError, parsePolicy } from "amd-flow";
 * try {
 *   parsePolicy({ human: "talk", silence: 5 });
 * } catch (error) {
 *   if (error instanceof InputError) error.issues.length; // 2
 * }
 * ```
 */
export class InputError extends Error {
  /** Every problem found, each starting with its path; the same list as `problems`. */
  readonly issues: readonly string[];
  /** The same list as `issues`, under the name 0.1.0 used. */
  readonly problems: readonly string[];

  /**
   * @param what - what was invalid, for the message (`"AMD policy"`).
   * @param issues - every problem found, each starting with its path.
   */
  constructor(what: string, issues: readonly string[]) {
    super(`invalid ${what}: ${issues.join("; ")}`);
    // Named by hand: a minifier renames classes, and error names are part of the API.
    this.name = "InputError";
    this.issues = Object.freeze([...issues]);
    this.problems = this.issues;
  }
}
