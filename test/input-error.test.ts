import { describe, expect, it } from "vitest";
import { DialoutRequestError } from "../src/dialer/index.js";
import { InputError, PolicyError } from "../src/index.js";

describe("InputError and its subclasses", () => {
  it("lists every problem in issues (problems is the same list) and says what was invalid", () => {
    const error = new InputError("thing", ["a: bad", "b: worse"]);
    expect(error.message).toBe("invalid thing: a: bad; b: worse");
    expect(error.issues).toEqual(["a: bad", "b: worse"]);
    expect(error.problems).toBe(error.issues);
    expect(Object.isFrozen(error.issues)).toBe(true);
    expect(error.name).toBe("InputError");
  });

  it("names each subclass by hand, so minified bundles keep the names", () => {
    const policy = new PolicyError(["human: no"]);
    expect([policy.name, policy.message, policy instanceof InputError]).toEqual([
      "PolicyError",
      "invalid AMD policy: human: no",
      true,
    ]);
    const dialout = new DialoutRequestError(["host: no"]);
    expect([dialout.name, dialout.message, dialout instanceof InputError]).toEqual([
      "DialoutRequestError",
      "invalid dial-out request: host: no",
      true,
    ]);
  });
});
