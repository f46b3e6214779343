/**
 * The dialer side: build the dial-out request that starts a call with AMD, verify and
 * parse Voice Gateway's notify webhooks, and summarise calls and campaigns. Node only
 * (it uses `node:crypto`).
 *
 * @packageDocumentation
 * @module amd-flow/dialer
 */
export {
  buildDialoutRequest,
  callControlParameterSchema,
  type DialoutBody,
  type DialoutInput,
  type DialoutRequest,
  DialoutRequestError,
  dialoutInputSchema,
  dialoutTimersSchema,
} from "./dialout.js";
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
export {
  ABANDONMENT_LIMIT,
  type CallSummary,
  type CampaignFigures,
  type EndedBy,
  type FailureCause,
  failureCauseOf,
  MAX_NOTIFICATIONS,
  type SummarizeOptions,
  summarizeCall,
  summarizeCalls,
} from "./summarize.js";
