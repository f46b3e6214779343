import { match } from "ts-pattern";
import { describe, expectTypeOf, it } from "vitest";
import {
  type AmdEventName,
  type AmdOutcome,
  type AmdOutcomeKind,
  type ClassifyOptions,
  classifyAmd,
  decideRoute,
  type FaxOutcome,
  lintPolicy,
  type MachinePhase,
  type OUTCOME_KINDS,
  type PendingOutcome,
  type Policy,
  type PolicyInput,
  type PolicySituation,
  parsePolicy,
  type RouteAction,
  type RouteDecision,
  type RouteOptions,
  type RouteReason,
  readAmd,
  routeCall,
} from "../../src/index.js";

describe("the unions are exact", () => {
  it("outcome kinds", () => {
    expectTypeOf<AmdOutcomeKind>().toEqualTypeOf<
      "human" | "machine" | "silence" | "undecided" | "error" | "fax" | "pending" | "not-run"
    >();
    expectTypeOf<AmdOutcome["kind"]>().toEqualTypeOf<AmdOutcomeKind>();
    expectTypeOf<(typeof OUTCOME_KINDS)[number]>().toEqualTypeOf<AmdOutcomeKind>();
  });
  it("policy situations", () => {
    expectTypeOf<PolicySituation>().toEqualTypeOf<
      | "human"
      | "machine.greeting"
      | "machine.greeting-ended"
      | "machine.beep"
      | "silence"
      | "undecided"
      | "error"
      | "fax"
      | "pending"
      | "not-run"
    >();
    // One rule per outcome kind, and the switch for the greeting-text judgement.
    expectTypeOf<keyof Policy>().toEqualTypeOf<AmdOutcomeKind | "greetingText">();
    expectTypeOf<keyof PolicyInput>().toEqualTypeOf<AmdOutcomeKind | "greetingText">();
  });
  it("a fax carries its tone frequency; pending carries nothing more", () => {
    expectTypeOf<FaxOutcome["toneFrequency"]>().toEqualTypeOf<number>();
    expectTypeOf<Extract<AmdOutcome, { kind: "fax" }>>().toEqualTypeOf<FaxOutcome>();
    expectTypeOf<Extract<AmdOutcome, { kind: "pending" }>>().toEqualTypeOf<PendingOutcome>();
    expectTypeOf<keyof PendingOutcome>().toEqualTypeOf<"kind" | "evidence" | "judgements" | "phrase">();
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
    expectTypeOf<{ fax: "hang-up"; pending: { action: "wait"; maxWaitMs: 4000 } }>().toExtend<PolicyInput>();
  });
  it("type the policy as a policy, its input or its JSON text", () => {
    expectTypeOf(routeCall).parameter(1).toEqualTypeOf<Policy | PolicyInput | string | undefined>();
    expectTypeOf(decideRoute).parameter(1).toEqualTypeOf<Policy | PolicyInput | string | undefined>();
    expectTypeOf(lintPolicy).parameter(0).toEqualTypeOf<Policy | PolicyInput | string | undefined>();
  });
  it("take the classification options, which routing options extend", () => {
    expectTypeOf(classifyAmd).parameter(1).toEqualTypeOf<ClassifyOptions | undefined>();
    expectTypeOf<RouteOptions>().toExtend<ClassifyOptions>();
    expectTypeOf<RouteOptions["amdRequested"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<RouteOptions["beepWindowMs"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RouteOptions["waitedMs"]>().toEqualTypeOf<number | undefined>();
  });
});

describe("exhaustiveness", () => {
  it("a match over outcome kinds must name every kind", () => {
    const outcome = {} as AmdOutcome;
    match(outcome)
      .with({ kind: "human" }, () => 1)
      .with({ kind: "machine" }, () => 2)
      .with({ kind: "silence" }, { kind: "undecided" }, { kind: "error" }, { kind: "not-run" }, () => 3)
      .with({ kind: "fax" }, { kind: "pending" }, () => 4)
      .exhaustive();
    match(outcome)
      .with({ kind: "human" }, () => 1)
      .with({ kind: "machine" }, () => 2)
      .with(
        { kind: "silence" },
        { kind: "undecided" },
        { kind: "error" },
        { kind: "fax" },
        { kind: "pending" },
        () => 3,
      )
      // @ts-expect-error "not-run" is missing
      .exhaustive();
    match(outcome)
      .with({ kind: "human" }, () => 1)
      .with({ kind: "machine" }, () => 2)
      .with(
        { kind: "silence" },
        { kind: "undecided" },
        { kind: "error" },
        { kind: "not-run" },
        { kind: "pending" },
        () => 3,
      )
      // @ts-expect-error "fax" is missing
      .exhaustive();
    match(outcome)
      .with({ kind: "human" }, () => 1)
      .with({ kind: "machine" }, () => 2)
      .with(
        { kind: "silence" },
        { kind: "undecided" },
        { kind: "error" },
        { kind: "not-run" },
        { kind: "fax" },
        () => 3,
      )
      // @ts-expect-error "pending" is missing
      .exhaustive();
  });

  it("a match over outcome kinds as text must name every kind", () => {
    const kind = "human" as AmdOutcomeKind;
    match(kind)
      .with("human", "machine", "silence", "undecided", "error", "fax", "not-run", () => 1)
      // @ts-expect-error "pending" is missing
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
    // @ts-expect-error "fax" is missing (pending and not-run are there)
    const _noFax: Record<PolicySituation, number> = {
      human: 1,
      "machine.greeting": 2,
      "machine.greeting-ended": 3,
      "machine.beep": 4,
      silence: 5,
      undecided: 6,
      error: 7,
      pending: 8,
      "not-run": 9,
    };
  });
});
