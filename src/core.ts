// The core API: what a bot script node needs, safe in any JavaScript host (no Node
// built-ins, no globals, no code generation). The bot bundle is exactly this module;
// authoring-time tools (the policy lint, the object schemas) are exported by index.ts.
export { AMD_EVENTS, type AmdEventName, toAmdEventName } from "./events.js";
export { type AmdEvent, type AmdReading, MAX_EVENTS_READ, readAmd } from "./reading/read-amd.js";
export {
  type AmdOutcome,
  type AmdOutcomeKind,
  type ErrorOutcome,
  type HumanOutcome,
  type MachineOutcome,
  type MachinePhase,
  type NotRunOutcome,
  type SilenceOutcome,
  type UndecidedOutcome,
  classifyAmd,
} from "./outcome/classify-amd.js";
export {
  type ContinueRule,
  type FinalRule,
  type FinalRuleInput,
  type HangUpRuleInput,
  type MachinePolicyInput,
  type WaitRuleInput,
  type HangUpRule,
  type Policy,
  type PolicyInput,
  type PolicyRule,
  type PolicyRuleInput,
  type PolicySituation,
  type RouteAction,
  type TransferRule,
  type VoicemailRule,
  type WaitRule,
  POLICY_SITUATIONS,
  PolicyError,
  ROUTE_ACTIONS,
  defaultPolicy,
  isCheckedPolicy,
  parsePolicy,
  ruleFor,
} from "./policy/policy.js";
export {
  type RouteDecision,
  type RouteOptions,
  type RouteReason,
  ROUTE_REASONS,
  decideRoute,
  routeCall,
} from "./decision/decide-route.js";
