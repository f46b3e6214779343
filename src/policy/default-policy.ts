import { remember } from "./checked-policy.js";

const freeze = Object.freeze;

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
 * | fax | hang-up, no retry (nobody will hear a message) |
 * | pending | wait, recheck after 250 ms; once `waitedMs` ≥ 6000 → continue |
 * | not-run | continue |
 *
 * `pending` waits for AMD's first word: a person's "Hello?" is decided within about
 * 2 s of the answer and seen at the next 250 ms recheck; a silent line is declared by
 * AMD's no-speech timer at 5 s, so 6 s of waiting covers it before the bot talks.
 *
 * Deeply frozen.
 *
 * @example
 * ```ts
 * import { defaultPolicy } from "amd-flow";
 * defaultPolicy.machine.greeting; // { action: "wait", recheckAfterMs: 1000, maxWaitMs: 30000, then: { action: "leave-voicemail" } }
 * ```
 */
export const defaultPolicy: Policy = remember(
  // Frozen as it is written, so loading the bot file walks nothing.
  freeze({
    human: freeze({ action: "continue" }),
    machine: freeze({
      greeting: freeze({
        action: "wait",
        recheckAfterMs: 1000,
        maxWaitMs: 30_000,
        then: freeze({ action: "leave-voicemail" }),
      }),
      "greeting-ended": freeze({ action: "leave-voicemail" }),
      beep: freeze({ action: "leave-voicemail" }),
    }),
    silence: freeze({ action: "continue" }),
    undecided: freeze({ action: "continue" }),
    error: freeze({ action: "continue" }),
    fax: freeze({ action: "hang-up", retry: false }),
    pending: freeze({ action: "wait", recheckAfterMs: 250, maxWaitMs: 6000, then: freeze({ action: "continue" }) }),
    "not-run": freeze({ action: "continue" }),
  }),
);
