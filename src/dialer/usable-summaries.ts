import { isRecord, readProp, UNREADABLE } from "../internal/safe.js";
import { MACHINE_PHASES, type MachinePhase, OUTCOME_KINDS, situationOf } from "../vocabulary.js";
import { readBoundedList } from "./bounded-list.js";
import type { EndedBy, FailureCause } from "./call-summary.js";
import type { IssueList } from "./issue-list.js";

/**
 * At most this many summaries are read for one campaign; a longer list is reported in
 * the figures' `issues`.
 *
 * @example
 * ```ts
 * import { MAX_SUMMARIES } from "amd-flow/dialer";
 * MAX_SUMMARIES; // 1000000
 * ```
 */
export const MAX_SUMMARIES = 1_000_000;

/** What a campaign counts of one call summary, each value one of the vocabulary's words. */
export interface CountedCall {
  readonly status: string;
  readonly failureCause: FailureCause;
  readonly endedBy: EndedBy | undefined;
  readonly kind: string;
  readonly situation: string;
  readonly machineDetected: boolean;
}

// Sets of the words a summary may hold: text from outside is looked up here, never on an object.
const STATUSES: ReadonlySet<string> = new Set(["answered", "in-progress", "completed", "failed", "unknown"]);
const FAILURE_CAUSES: ReadonlySet<string> = new Set(["busy", "unavailable", "rejected", "no-answer", "other"]);
const ENDERS: ReadonlySet<string> = new Set(["person", "bot", "voice-gateway"]);
const KINDS: ReadonlySet<string> = new Set<string>(OUTCOME_KINDS);
const PHASES: ReadonlySet<string> = new Set<string>(MACHINE_PHASES);

const word = <T extends string>(words: ReadonlySet<string>, value: unknown): T | undefined =>
  typeof value === "string" && words.has(value) ? (value as T) : undefined;

/** What a campaign counts of `value`, or `undefined` when it is no call summary. */
export function countedCall(value: unknown): CountedCall | undefined {
  if (!isRecord(value)) return undefined;
  const status = word(STATUSES, readProp(value, "status"));
  const amd = readProp(value, "amd");
  const kind = word(KINDS, readProp(amd, "kind"));
  const phase = word<MachinePhase>(PHASES, readProp(amd, "phase"));
  if (status === undefined || kind === undefined || (kind === "machine" && phase === undefined)) return undefined;
  return {
    status,
    failureCause: word<FailureCause>(FAILURE_CAUSES, readProp(value, "failureCause")) ?? "other",
    endedBy: word<EndedBy>(ENDERS, readProp(value, "endedBy")),
    kind,
    situation:
      kind === "machine" ? situationOf({ kind, phase: phase as MachinePhase }) : situationOf({ kind } as never),
    machineDetected: readProp(value, "machineDetected") === true,
  };
}

/**
 * The summaries a campaign can count, read defensively: anything that is not a list,
 * entries that are not summaries, and lists longer than {@link MAX_SUMMARIES} are
 * reported, never thrown over.
 */
export function readUsableSummaries(summaries: unknown, issues: IssueList): CountedCall[] {
  const counted: CountedCall[] = [];
  readBoundedList(summaries, "summaries", MAX_SUMMARIES, issues).forEach((value, index) => {
    const call = value === UNREADABLE ? undefined : countedCall(value);
    if (call === undefined) issues.add(`summaries[${index}]: expected a call summary from summarizeCall, left out`);
    else counted.push(call);
  });
  return counted;
}
