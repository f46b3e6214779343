// Entry of dist/amd-flow.bot.js: the core API under the global `AmdFlow`, nothing else.
// One plain object, so a bot script node reads each function as a property, not through
// a module namespace's getter; a test holds its keys equal to the core's value exports.
import {
  AMD_EVENTS,
  classifyAmd,
  decideRoute,
  defaultPolicy,
  isCheckedPolicy,
  MAX_EVENTS_READ,
  POLICY_SITUATIONS,
  PolicyError,
  parsePolicy,
  ROUTE_ACTIONS,
  ROUTE_REASONS,
  readAmd,
  routeCall,
  ruleFor,
  toAmdEventName,
} from "./core.js";

// Set at build time from package.json (tsup.config.ts `define`).
declare const __AMD_FLOW_VERSION__: string;
// Declared by the bundle's first line (tsup.config.ts `banner`): the one global it defines.
declare var AmdFlow: unknown;

AmdFlow = {
  AMD_EVENTS,
  classifyAmd,
  decideRoute,
  defaultPolicy,
  isCheckedPolicy,
  MAX_EVENTS_READ,
  POLICY_SITUATIONS,
  PolicyError,
  parsePolicy,
  ROUTE_ACTIONS,
  ROUTE_REASONS,
  readAmd,
  routeCall,
  ruleFor,
  toAmdEventName,
  /** The amd-flow version this bot bundle was built from: tells which build a bot runs. */
  version: __AMD_FLOW_VERSION__,
};
