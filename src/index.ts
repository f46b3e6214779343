/**
 * amd-flow: turn answering machine detection (AMD) results on Kore.ai Voice Gateway
 * outbound calls into one routing decision a bot script node can branch on.
 *
 * Read ({@link readAmd}) → classify ({@link classifyAmd}) → decide ({@link decideRoute}),
 * or all three at once with {@link routeCall}.
 *
 * @packageDocumentation
 * @module amd-flow
 */
export { ABANDONMENT_RULE } from "./abandonment-rule.js";
export * from "./core.js";
export { describeRule } from "./decision/explain.js";
export {
  type GreetingClues,
  greetingClues,
  normalizeGreeting,
  PERSON_GREETINGS,
  PERSON_PHRASES,
  VOICEMAIL_PHRASES,
} from "./greeting/index.js";
export { InputError } from "./input-error.js";
export { lintPolicy, type PolicyWarning } from "./policy/lint-policy.js";
export {
  type AmdEventData,
  type AmdEventEntry,
  type AmdInfoInput,
  amdEventDataSchema,
  amdEventEntrySchema,
  amdEventNameSchema,
  amdInfoSchema,
  amdNumberSchema,
  amdTextSchema,
  amdTimestampSchema,
  amdValueSchema,
} from "./reading/schemas.js";
export {
  isAmount,
  MACHINE_DETECTION_MODES,
  MACHINE_PHASES,
  type MachineDetectionMode,
  numericText,
  OUTCOME_KINDS,
  situationOf,
} from "./vocabulary.js";
