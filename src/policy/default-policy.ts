import { remember } from "./checked-policy.js";
import type { Policy } from "./policy.js";

/**
 * The default policy: never drop a call that may have a person on it, and leave a
 * voicemail only once the greeting is over.
 *
 * | situation | action |
 * |---|---|
 * | human | continue (the bot talks) |
 * | machine.greeting | wait, recheck after 1000 ms; once `waitedMs` ≥ 30000 → leave-voicemail |
 * | machine.greeting-ended | leave-voicemail |
 * | machine.beep | leave-voicemail |
 * | silence | continue (the person may be waiting for us to speak) |
 * | undecided | continue |
 * | error | continue (an AMD failure must never drop a live call) |
 * | not-run | continue |
 *
 * Deeply frozen.
 *
 * @example
 * ```ts
 * import { defaultPolicy } from "amd-flow";
 * defaultPolicy.machine.greeting; // { action: "wait", recheckAfterMs: 1000, maxWaitMs: 30000, then: { action: "leave-voicemail" } }
 * ```
 */
export const defaultPolicy: Policy = remember({
  human: { action: "continue" },
  machine: {
    greeting: { action: "wait", recheckAfterMs: 1000, maxWaitMs: 30_000, then: { action: "leave-voicemail" } },
    "greeting-ended": { action: "leave-voicemail" },
    beep: { action: "leave-voicemail" },
  },
  silence: { action: "continue" },
  undecided: { action: "continue" },
  error: { action: "continue" },
  "not-run": { action: "continue" },
});
