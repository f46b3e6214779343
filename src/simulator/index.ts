/**
 * A simulator of Voice Gateway's answering machine detection over time, driven by call
 * scripts, that runs the bot's routing loop against it and scores the result: see what
 * a policy does to real calls before going live. No Node built-ins; not part of the bot
 * bundle.
 *
 * {@link simulateAmd} gives the engine's events for a call, {@link simulateCall} the
 * bot's moves on it, {@link simulateCampaign} the figures over many calls.
 *
 * @packageDocumentation
 * @module amd-flow/simulator
 */
export {
  AFTER_BEEP_GREETING_COMPLETION_MS,
  type AmdSettings,
  DEFAULT_AMD_SETTINGS,
  type HangUpPath,
  type RecognizerVendor,
  type ResolvedAmdSettings,
} from "./amd-settings.js";
export type { CallMetrics } from "./call-metrics.js";
export type { AnsweredBy, CallBeep, CallScript, CallTone, SpeechSegment } from "./call-script.js";
export { simulateAmd, type TimedAmdEvent } from "./simulate-amd.js";
export {
  type BotStep,
  DEFAULT_BOT_START_MS,
  DEFAULT_DELIVERY_DELAY_MS,
  DEFAULT_DELIVERY_JITTER_MS,
  DEFAULT_SEED,
  type Router,
  type RouterDecision,
  type RouterOptions,
  type SimulatedCall,
  type SimulateOptions,
  simulateCall,
} from "./simulate-call.js";
export {
  ABANDONMENT_WINDOW_MS,
  type AnsweredByFigures,
  type CampaignResult,
  simulateCampaign,
} from "./simulate-campaign.js";
