import { InputError } from "../input-error.js";

/**
 * What `buildDialoutRequest` throws: one error listing every problem by its path, in
 * `issues` (and `problems`, the same list), as every checking function of amd-flow does.
 * The JWT's value never appears in it.
 *
 * @example
 * ```ts
 * import { DialoutRequestError, buildDialoutRequest } from "amd-flow/dialer";
 * try {
 *   buildDialoutRequest({ host: "http://platform.kore.ai", jwt: "", target: "tel:abc", caller: "+1555" });
 * } catch (error) {
 *   if (error instanceof DialoutRequestError) error.issues.length; // 4: host, jwt, target and the missing botId
 * }
 * ```
 */
export class DialoutRequestError extends InputError {
  /**
   * @param issues - every problem found, each starting with its path.
   */
  constructor(issues: readonly string[]) {
    super("dial-out request", issues);
    this.name = "DialoutRequestError";
  }
}
