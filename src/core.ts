// The core API: what a bot script node needs, safe in any JavaScript host (no Node
// built-ins, no globals, no code generation). The bot bundle is exactly this module;
// authoring-time tools (the policy lint, the object schemas) are exported by index.ts.

export {
  decideRoute,
  ROUTE_REASONS,
  type RouteDecision,
  type RouteOptions,
  type RouteReason,
  routeCall,
} from "./decision/decide-route.js";
export { AMD_EVENTS, type AmdEventName, toAmdEventName } from "./events.js";
export {
  type AmdOutcome,
  classifyAmd,
  type ErrorOutcome,
  type FaxOutcome,
  type HumanOutcome,
  type MachineOutcome,
  type NotRunOutcome,
  type PendingOutcome,
  type SilenceOutcome,
  type UndecidedOutcome,
} from "./outcome/classify-amd.js";
export type { ClassifyOptions } from "./outcome/classify-options.js";
export { isCheckedPolicy } from "./policy/checked-policy.js";
export { defaultPolicy } from "./policy/default-policy.js";
export { parsePolicy } from "./policy/parse-policy.js";
export type {
  ContinueRule,
  FinalRule,
  FinalRuleInput,
  HangUpRule,
  HangUpRuleInput,
  MachinePolicyInput,
  Policy,
  PolicyInput,
  PolicyRule,
  PolicyRuleInput,
  TransferRule,
  VoicemailRule,
  WaitRule,
  WaitRuleInput,
} from "./policy/policy.js";
export { PolicyError } from "./policy/policy-error.js";
export { ruleFor } from "./policy/rule-for.js";
export { type AmdEvent, type AmdReading, MAX_EVENTS_READ, readAmd, type SessionPath } from "./reading/read-amd.js";
export type { FlowState } from "./state/flow-state.js";
export {
  type AmdOutcomeKind,
  JUDGEMENTS,
  type Judgement,
  type MachinePhase,
  POLICY_SITUATIONS,
  type PolicySituation,
  ROUTE_ACTIONS,
  type RouteAction,
} from "./vocabulary.js";
