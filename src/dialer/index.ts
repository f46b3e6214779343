/**
 * The dialer side: build the dial-out request that starts a call with AMD, verify and
 * parse Voice Gateway's notify webhooks, and summarise calls and campaigns. Node only
 * (it uses `node:crypto`).
 *
 * @packageDocumentation
 * @module amd-flow/dialer
 */
export { buildDialoutRequest, type DialoutBody, type DialoutRequest } from "./build-dialout-request.js";
export type { CallSummary, EndedBy, FailureCause, SummarizeOptions } from "./call-summary.js";
export { ABANDONMENT_LIMIT, type CampaignFigures } from "./campaign-figures.js";
export {
  callControlParameterSchema,
  type DialoutInput,
  dialoutInputSchema,
  dialoutTimersSchema,
} from "./dialout-input.js";
export { DialoutRequestError } from "./dialout-request-error.js";
export { failureCauseOf } from "./failure-cause.js";
export {
  type CallNotification,
  type CallStatus,
  type ParsedNotification,
  parseCallNotification,
} from "./notification.js";
export {
  DEFAULT_TOLERANCE_SECONDS,
  type SignatureCheck,
  signNotifyPayload,
  type VerifyOptions,
  verifyNotifySignature,
} from "./signature.js";
export { summarizeCall } from "./summarize-call.js";
export { summarizeCalls } from "./summarize-calls.js";
export { MAX_NOTIFICATIONS } from "./usable-notifications.js";
export { MAX_SUMMARIES } from "./usable-summaries.js";
