import { match } from "ts-pattern";
import type { AmdOutcome } from "../outcome/classify-amd.js";
import { clip } from "../internal/safe.js";
import type { FinalRule, PolicyRule } from "../policy/policy.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** `250` → `"250 ms"`, `1500` → `"1.5 s"`, `300000` → `"5 min"`, `7200000` → `"2 h"`. */
export function formatMs(ms: number): string {
  const oneDecimal = (value: number): number => Math.round(value * 10) / 10;
  if (ms < 1000) return `${ms} ms`;
  if (ms < 2 * MINUTE) return `${oneDecimal(ms / 1000)} s`;
  if (ms < 2 * HOUR) return `${oneDecimal(ms / MINUTE)} min`;
  return `${oneDecimal(ms / HOUR)} h`;
}

/** What happened, as the start of a sentence for a bot designer. */
export function describeSituation(outcome: AmdOutcome): string {
  return match(outcome)
    .returnType<string>()
    .with({ kind: "human" }, () => "A person answered")
    .with({ kind: "machine", phase: "greeting" }, () => "A machine greeting is still playing")
    .with({ kind: "machine", phase: "greeting-ended" }, (machine) =>
      machine.evidence.includes("amd_machine_stopped_speaking")
        ? "The machine greeting has ended with no beep heard"
        : "A machine answered and AMD has stopped listening with no beep heard",
    )
    .with({ kind: "machine", phase: "beep" }, (machine) =>
      machine.evidence.includes("amd_machine_detected") || machine.evidence.includes("amd_machine_stopped_speaking")
        ? "The voicemail beep was heard"
        : "A tone was heard with no greeting (a voicemail beep or a fax)",
    )
    .with({ kind: "silence" }, () => "Nobody spoke after the call was answered")
    .with({ kind: "undecided" }, () => "AMD could not tell a person from a machine")
    .with({ kind: "error" }, (failed) =>
      failed.error === undefined ? "AMD failed" : `AMD failed (${clip(failed.error, 60)})`,
    )
    .with({ kind: "not-run" }, () => "There is no AMD result (AMD is off or has not reported yet)")
    .exhaustive();
}

/** What to do, as the end of a sentence for a bot designer. */
export function describeRule(rule: PolicyRule | FinalRule): string {
  return match(rule)
    .returnType<string>()
    .with({ action: "continue" }, () => "let the bot talk")
    .with({ action: "transfer" }, ({ target }) =>
      target === undefined ? "transfer the call to an agent" : `transfer the call to ${clip(target, 60)}`,
    )
    .with({ action: "leave-voicemail" }, () => "leave the voicemail message now")
    .with({ action: "wait" }, ({ recheckAfterMs }) => `check again in ${formatMs(recheckAfterMs)}`)
    .with({ action: "hang-up" }, ({ retry, retryAfterMs }) => {
      if (!retry) return "hang up";
      return retryAfterMs === undefined ? "hang up and call again later" : `hang up and call again in ${formatMs(retryAfterMs)}`;
    })
    .exhaustive();
}
