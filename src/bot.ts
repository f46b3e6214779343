// Entry of dist/amd-flow.bot.js: the core API under the global `AmdFlow`, nothing else.
// One plain object, so a bot script node reads each function as a property, not through
// a module namespace's getter; a test holds its keys equal to the core's value exports.
// Each value is read as `core.name`, which esbuild binds to the function itself: the
// namespace object is never built (a spread of it would be, with its getters).
import * as core from "./core.js";

// Set at build time from package.json (tsup.config.ts `define`).
declare const __AMD_FLOW_VERSION__: string;
// Declared by the bundle's first line (tsup.config.ts `banner`): the one global it defines.
declare var AmdFlow: unknown;

AmdFlow = {
  AMD_EVENTS: core.AMD_EVENTS,
  classifyAmd: core.classifyAmd,
  decideRoute: core.decideRoute,
  defaultPolicy: core.defaultPolicy,
  isCheckedPolicy: core.isCheckedPolicy,
  JUDGEMENTS: core.JUDGEMENTS,
  MAX_EVENTS_READ: core.MAX_EVENTS_READ,
  POLICY_SITUATIONS: core.POLICY_SITUATIONS,
  PolicyError: core.PolicyError,
  parsePolicy: core.parsePolicy,
  ROUTE_ACTIONS: core.ROUTE_ACTIONS,
  ROUTE_REASONS: core.ROUTE_REASONS,
  readAmd: core.readAmd,
  routeCall: core.routeCall,
  ruleFor: core.ruleFor,
  toAmdEventName: core.toAmdEventName,
  /** The amd-flow version this bot bundle was built from: tells which build a bot runs. */
  version: __AMD_FLOW_VERSION__,
};
