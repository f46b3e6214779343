import { match } from "ts-pattern";
import type { AmdOutcomeKind, MachinePhase } from "../vocabulary.js";
import { ALL_VERDICTS, type Verdict } from "./verdict.js";

// The one mapping from verdict to outcome. The bot file carries its answers, computed
// when the file is built (tsup.config.ts), instead of the matcher: same answers, fewer
// bytes to load. Everywhere else the match runs once per verdict and is remembered.

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

/** {@link shapeOf} for every verdict: what the bot file carries. */
export function everyShape(): Record<Verdict, OutcomeShape> {
  const shapes = {} as Record<Verdict, OutcomeShape>;
  for (const verdict of ALL_VERDICTS) shapes[verdict] = shapeOf(verdict);
  return shapes;
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
