import { describe, expect, it } from "vitest";
import {
  isAmount,
  MACHINE_DETECTION_MODES,
  MACHINE_PHASES,
  numericText,
  OUTCOME_KINDS,
  POLICY_SITUATIONS,
  ROUTE_ACTIONS,
  situationOf,
} from "../src/index.js";

describe("the vocabulary", () => {
  it("defines each list once, frozen, in the documented order", () => {
    expect(OUTCOME_KINDS).toEqual(["human", "machine", "silence", "undecided", "error", "fax", "pending", "not-run"]);
    expect(MACHINE_PHASES).toEqual(["greeting", "greeting-ended", "beep"]);
    expect(ROUTE_ACTIONS).toEqual(["continue", "transfer", "leave-voicemail", "wait", "hang-up"]);
    expect(MACHINE_DETECTION_MODES).toEqual(["disconnect", "detect", "disabled"]);
    for (const list of [OUTCOME_KINDS, MACHINE_PHASES, ROUTE_ACTIONS, MACHINE_DETECTION_MODES, POLICY_SITUATIONS]) {
      expect(Object.isFrozen(list)).toBe(true);
    }
  });

  it("derives the situations from the kinds, a machine expanded into its phases in place", () => {
    // The documented order as one sentence: the kinds, "machine" replaced by its three phases.
    expect(POLICY_SITUATIONS.join(" ")).toBe(
      "human machine.greeting machine.greeting-ended machine.beep silence undecided error fax pending not-run",
    );
  });

  it("names an outcome by its situation", () => {
    for (const phase of MACHINE_PHASES) expect(situationOf({ kind: "machine", phase })).toBe(`machine.${phase}`);
    expect(situationOf({ kind: "fax" })).toBe("fax");
    expect(situationOf({ kind: "not-run" })).toBe("not-run");
  });

  it("calls finite non-negative numbers amounts, and nothing else", () => {
    for (const value of [0, -0, 1.5, 2100, Number.MAX_VALUE]) expect(isAmount(value), String(value)).toBe(true);
    for (const value of [-1, -Number.MIN_VALUE, Number.NaN, Infinity, -Infinity, "5", null, undefined, {}]) {
      expect(isAmount(value), String(value)).toBe(false);
    }
  });

  it("reads numbers written as text, and leaves anything else as it is", () => {
    expect([numericText(" 2100 "), numericText("2.5"), numericText(7)]).toEqual([2100, 2.5, 7]);
    for (const value of ["-5", "1e3", "0x10", "", " ", "2.", ".5", "1 000", null]) {
      expect(numericText(value), String(value)).toBe(value);
    }
  });
});
