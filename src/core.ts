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
  type AmdOutcomeKind,
  classifyAmd,
  type ErrorOutcome,
  type HumanOutcome,
  type MachineOutcome,
  type MachinePhase,
  type NotRunOutcome,
  type SilenceOutcome,
  type UndecidedOutcome,
} from "./outcome/classify-amd.js";
export {
  type ContinueRule,
  defaultPolicy,
  type FinalRule,
  type FinalRuleInput,
  type HangUpRule,
  type HangUpRuleInput,
  isCheckedPolicy,
  type MachinePolicyInput,
  POLICY_SITUATIONS,
  type Policy,
  PolicyError,
  type PolicyInput,
  type PolicyRule,
  type PolicyRuleInput,
  type PolicySituation,
  parsePolicy,
  ROUTE_ACTIONS,
  type RouteAction,
  ruleFor,
  type TransferRule,
  type VoicemailRule,
  type WaitRule,
  type WaitRuleInput,
} from "./policy/policy.js";
export { type AmdEvent, type AmdReading, MAX_EVENTS_READ, readAmd } from "./reading/read-amd.js";
