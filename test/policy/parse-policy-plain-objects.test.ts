// parsePolicy on what is not a plain object, and on keys that are not its own.
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { decideRoute, defaultPolicy, parsePolicy } from "../../src/index.js";
import { problemsOf } from "../support/policy-problems.js";

class Settings {
  readonly human = "hang-up";
}

const NOT_PLAIN = "expected a plain object (not a Map, a Date, a class instance or a function)";

describe("parsePolicy: plain objects only", () => {
  it.each([
    ["a Map", new Map([["human", "hang-up"]])],
    ["a Set", new Set(["human"])],
    ["a Date", new Date(0)],
    ["a RegExp", /human/],
    ["an Error", new Error("human")],
    ["a class instance", new Settings()],
    ["a function", () => "hang-up"],
    ["a boxed number", Object(5)],
    ["a boxed string", Object("{}")],
    ["a boxed boolean", Object(true)],
    ["an object inheriting from a policy", Object.create({ human: "hang-up" })],
    [
      "a Proxy whose getPrototypeOf throws",
      new Proxy(
        {},
        {
          getPrototypeOf: () => {
            throw new Error("no");
          },
        },
      ),
    ],
  ])("refuses %s", (_what, input) => {
    expect(problemsOf(input)).toEqual([`policy: ${NOT_PLAIN}`]);
  });

  it("refuses them in place of a rule or of the machine's phases, naming the place", () => {
    expect(problemsOf({ human: new Date(0), machine: new Map() })).toEqual([
      `human: ${NOT_PLAIN}`,
      `machine: ${NOT_PLAIN}`,
    ]);
    expect(problemsOf({ machine: { greeting: new Settings() } })).toEqual([`machine.greeting: ${NOT_PLAIN}`]);
    expect(problemsOf({ human: { action: "wait", then: Object.create({ action: "hang-up" }) } })).toEqual([
      `human.then: ${NOT_PLAIN}`,
    ]);
  });

  it("accepts plain objects: from another realm, without a prototype, and its JSON text", () => {
    const otherRealm = vm.runInNewContext('({ human: "transfer", machine: { beep: "hang-up" } })');
    expect(parsePolicy(otherRealm).human).toEqual({ action: "transfer" });
    expect(parsePolicy(otherRealm).machine.beep).toEqual({ action: "hang-up", retry: false });
    const bare = Object.assign(Object.create(null), { human: "transfer" });
    expect(parsePolicy(bare).human).toEqual({ action: "transfer" });
    expect(parsePolicy('\uFEFF{"human":"transfer"}').human).toEqual({ action: "transfer" });
  });

  it("does not parse JSON text over 1,000,000 characters", () => {
    const padded = (length: number) => `{"human":"transfer"${" ".repeat(length - 20)}}`;
    expect(parsePolicy(padded(1_000_000)).human).toEqual({ action: "transfer" });
    expect(problemsOf(padded(1_000_001))).toEqual(["policy: expected an object (or its JSON text)"]);
  });

  it("still gives the default policy for null and undefined", () => {
    expect(parsePolicy(null)).toBe(defaultPolicy);
    expect(parsePolicy(undefined)).toBe(defaultPolicy);
  });

  it("makes decideRoute fall back to the default policy, with the problem", () => {
    expect(decideRoute({ kind: "human", evidence: [] }, new Map([["human", "hang-up"]]) as never)).toMatchObject({
      action: "continue",
      issues: [`policy: policy: ${NOT_PLAIN}; the default policy was used`],
    });
  });
});

describe("parsePolicy: own keys only", () => {
  it("ignores keys put on Object.prototype", () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype["human"] = "hang-up";
    prototype["action"] = "hang-up";
    try {
      expect(parsePolicy({}).human).toEqual({ action: "continue" });
      expect(parsePolicy({ machine: {} }).machine).toEqual(defaultPolicy.machine);
      expect(problemsOf({ human: {} })).toEqual([
        "human.action: expected one of continue, transfer, leave-voicemail, wait, hang-up",
      ]);
    } finally {
      delete prototype["human"];
      delete prototype["action"];
    }
  });

  it("reads own keys that are not enumerable", () => {
    const policy = Object.defineProperty({}, "human", { value: "transfer", enumerable: false });
    expect(parsePolicy(policy).human).toEqual({ action: "transfer" });
  });

  it("reports an own key whose getter throws", () => {
    const getter = Object.defineProperty({}, "silence", {
      enumerable: true,
      get: () => {
        throw new Error("no");
      },
    });
    expect(problemsOf(getter)).toEqual(["silence: could not be read"]);
    const hasThrows = new Proxy(
      {},
      {
        getOwnPropertyDescriptor: () => {
          throw new Error("no");
        },
      },
    );
    expect(problemsOf(hasThrows)).toEqual([
      "human: could not be read",
      "machine: could not be read",
      "silence: could not be read",
      "undecided: could not be read",
      "error: could not be read",
      "fax: could not be read",
      "pending: could not be read",
      "not-run: could not be read",
      "greetingText: could not be read",
    ]);
  });
});
