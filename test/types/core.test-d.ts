import { match } from "ts-pattern";
import { describe, expectTypeOf, it } from "vitest";
import {
  type AmdEventName,
  type AmdOutcome,
  type AmdOutcomeKind,
  decideRoute,
  type MachinePhase,
  type Policy,
  type PolicyInput,
  parsePolicy,
  type RouteAction,
  type RouteDecision,
  type RouteReason,
  readAmd,
  routeCall,
} from "../../src/index.js";

describe("the unions are exact", () => {
  it("outcome kinds", () => {
    expectTypeOf<AmdOutcomeKind>().toEqualTypeOf<"human" | "machine" | "silence" | "undecided" | "error" | "not-run">();
  });
  it("machine phases", () => {
    expectTypeOf<MachinePhase>().toEqualTypeOf<"greeting" | "greeting-ended" | "beep">();
    expectTypeOf<Extract<AmdOutcome, { kind: "machine" }>["phase"]>().toEqualTypeOf<MachinePhase>();
  });
  it("actions", () => {
    expectTypeOf<RouteAction>().toEqualTypeOf<"continue" | "transfer" | "leave-voicemail" | "wait" | "hang-up">();
    expectTypeOf<RouteDecision["action"]>().toEqualTypeOf<RouteAction>();
  });
  it("event names", () => {
    expectTypeOf<AmdEventName>().toEqualTypeOf<
      | "amd_human_detected"
      | "amd_machine_detected"
      | "amd_no_speech_detected"
      | "amd_decision_timeout"
      | "amd_machine_stopped_speaking"
      | "amd_tone_detected"
      | "amd_error"
      | "amd_stopped"
    >();
  });
  it("only machines have a phase", () => {
    expectTypeOf<Extract<AmdOutcome, { kind: "human" }>>().not.toHaveProperty("phase");
  });
});

describe("the functions' signatures", () => {
  it("accept anything where the contract says so", () => {
    expectTypeOf(readAmd).parameter(0).toBeUnknown();
    expectTypeOf(routeCall).parameter(0).toBeUnknown();
    expectTypeOf(routeCall).returns.toEqualTypeOf<RouteDecision>();
    expectTypeOf(decideRoute).returns.toEqualTypeOf<RouteDecision>();
    expectTypeOf(parsePolicy).returns.toEqualTypeOf<Policy>();
    expectTypeOf<RouteDecision["reason"]>().toEqualTypeOf<RouteReason>();
  });
  it("take a partial policy input", () => {
    expectTypeOf<{ human: "transfer" }>().toExtend<PolicyInput>();
    expectTypeOf<{ machine: "hang-up" }>().toExtend<PolicyInput>();
    expectTypeOf<{ human: "dance" }>().not.toExtend<PolicyInput>();
  });
});

describe("exhaustiveness", () => {
  it("a match over outcome kinds must name every kind", () => {
    const outcome = {} as AmdOutcome;
    match(outcome)
      .with({ kind: "human" }, () => 1)
      .with({ kind: "machine" }, () => 2)
      .with({ kind: "silence" }, { kind: "undecided" }, { kind: "error" }, { kind: "not-run" }, () => 3)
      .exhaustive();
    match(outcome)
      .with({ kind: "human" }, () => 1)
      .with({ kind: "machine" }, () => 2)
      .with({ kind: "silence" }, { kind: "undecided" }, { kind: "error" }, () => 3)
      // @ts-expect-error "not-run" is missing
      .exhaustive();
  });

  it("a match over actions must name every action", () => {
    const action = "continue" as RouteAction;
    match(action)
      .with("continue", "transfer", "leave-voicemail", "wait", () => 1)
      // @ts-expect-error "hang-up" is missing
      .exhaustive();
  });

  it("a match over machine phases must name every phase", () => {
    const phase = "beep" as MachinePhase;
    match(phase)
      .with("greeting", "beep", () => 1)
      // @ts-expect-error "greeting-ended" is missing
      .exhaustive();
  });

  it("a table keyed by situation must have every situation", () => {
    // @ts-expect-error "not-run" is missing
    const _incomplete: Record<AmdOutcomeKind, number> = { human: 1, machine: 2, silence: 3, undecided: 4, error: 5 };
  });
});
