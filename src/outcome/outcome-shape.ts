import { match } from "ts-pattern";
import type { AmdOutcomeKind, MachinePhase } from "../vocabulary.js";
import type { Verdict } from "./verdict.js";

// The one mapping from verdict to outcome, in the library and the bot file alike: the
// match runs once per verdict and is remembered.

/** The outcome a verdict stands for: its kind, and a machine's phase. */
export type OutcomeShape = readonly [kind: AmdOutcomeKind, phase?: MachinePhase];

/**
 * The one mapping from verdict to outcome: an exhaustive match, so a new verdict does
 * not compile until it has an outcome.
 */
export function shapeOf(verdict: Verdict): OutcomeShape {
  return match(verdict)
    .returnType<OutcomeShape>()
    .with("beep", "greeting-ended", "greeting", (phase) => ["machine", phase])
    .with("human", "silence", "error", "fax", "pending", (kind) => [kind])
    .with("undecided", "unknown-only", () => ["undecided"])
    .with("nothing", () => ["not-run"])
    .exhaustive();
}

const remembered = new Map<Verdict, OutcomeShape>();

/** {@link shapeOf}, run once per verdict and remembered (a match per call was a third of routeCall's time). */
export function shapeFor(verdict: Verdict): OutcomeShape {
  let shape = remembered.get(verdict);
  if (shape === undefined) {
    shape = shapeOf(verdict);
    remembered.set(verdict, shape);
  }
  return shape;
}
