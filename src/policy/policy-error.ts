import { InputError } from "../input-error.js";

/**
 * The error {@link parsePolicy} throws: one error listing every problem, each starting
 * with its path in the policy, in `issues` (also `problems`).
 *
 * @example
 * ```ts
 * import { PolicyError, parsePolicy } from "amd-flow";
 * try {
 *   parsePolicy({ human: "talk" });
 * } catch (error) {
 *   if (error instanceof PolicyError) error.issues; // ["human: expected one of continue, transfer, leave-voicemail, wait, hang-up"]
 * }
 * ```
 */
export class PolicyError extends InputError {
  /**
   * @param issues - every problem found, each starting with its path.
   */
  constructor(issues: readonly string[]) {
    super("AMD policy", issues);
    this.name = "PolicyError";
  }
}
