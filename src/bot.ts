// Entry of dist/amd-flow.bot.js: the core API under the global `AmdFlow`, nothing else.
export * from "./core.js";

// Set at build time from package.json (tsup.config.ts `define`).
declare const __AMD_FLOW_VERSION__: string;

/** The amd-flow version this bot bundle was built from: tells which build a bot runs. */
export const version: string = __AMD_FLOW_VERSION__;
