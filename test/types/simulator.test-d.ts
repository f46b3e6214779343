import { describe, expectTypeOf, it } from "vitest";
import type { AmdEventName, RouteAction, RouteDecision } from "../../src/core.js";
import { type TimedScenario, timedScenarios } from "../../src/fixtures/index.js";
import {
  type AmdSettings,
  type CallScript,
  type CallTone,
  type Router,
  type RouterDecision,
  type CampaignResult,
  type SimulatedCall,
  simulateAmd,
  simulateCall,
  simulateCampaign,
  type TimedAmdEvent,
} from "../../src/simulator/index.js";

describe("simulator types", () => {
  it("a move is never a wait, and null when the callee hung up first", () => {
    expectTypeOf<SimulatedCall["action"]>().toEqualTypeOf<Exclude<RouteAction, "wait"> | null>();
    expectTypeOf<SimulatedCall["actionAtMs"]>().toEqualTypeOf<number | null>();
    expectTypeOf(simulateCall({ answeredBy: "nobody" })).toEqualTypeOf<SimulatedCall>();
  });

  it("events are named by the AMD event names", () => {
    expectTypeOf(simulateAmd({ answeredBy: "fax" })).toEqualTypeOf<TimedAmdEvent[]>();
    expectTypeOf<TimedAmdEvent["name"]>().toEqualTypeOf<AmdEventName>();
  });

  it("a call script names who answered from four kinds, and AMD can only be turned off", () => {
    expectTypeOf<CallScript["answeredBy"]>().toEqualTypeOf<"person" | "machine" | "fax" | "nobody">();
    // @ts-expect-error: not a kind of callee
    const robot: CallScript = { answeredBy: "robot" };
    // @ts-expect-error: `amd: true` is the default, not a value
    const on: CallScript = { answeredBy: "person", amd: true };
    void robot;
    void on;
  });

  it("timed scenarios are call scripts, so a campaign takes them as they are", () => {
    expectTypeOf<TimedScenario>().toMatchTypeOf<CallScript>();
    expectTypeOf(simulateCampaign(timedScenarios)).toEqualTypeOf<CampaignResult>();
    expectTypeOf<TimedScenario["expected"]["action"]>().toEqualTypeOf<Exclude<RouteAction, "wait"> | null>();
  });

  it("a router's own decision type is what the steps hold; without one, routeCall's", () => {
    type Scored = RouterDecision & { readonly score: number };
    const router = (): Scored => ({ action: "continue", score: 1 });
    const result = simulateCall({ answeredBy: "nobody" }, undefined, { router });
    expectTypeOf(result.steps[0]?.decision).toEqualTypeOf<Scored | undefined>();
    expectTypeOf(simulateCall({ answeredBy: "nobody" }).steps[0]?.decision).toEqualTypeOf<RouteDecision | undefined>();
    expectTypeOf<Parameters<Router>[1]>().toEqualTypeOf<{
      readonly amdRequested: boolean;
      readonly waitedMs: number;
      readonly state: unknown;
    }>();
  });

  it("tones and the recognizer's result are part of a call script; vendor and hang-up path are settings", () => {
    expectTypeOf<CallScript["tones"]>().toEqualTypeOf<readonly CallTone[] | undefined>();
    expectTypeOf<NonNullable<CallScript["speech"]>[number]["recognized"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<AmdSettings["vendor"]>().toEqualTypeOf<"google" | "deepgram" | "microsoft" | undefined>();
    expectTypeOf<AmdSettings["hangUpPath"]>().toEqualTypeOf<"rest" | "dial" | undefined>();
  });
});
