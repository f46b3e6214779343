// Entry of dist/amd-flow.bot.js: the core API under the global `AmdFlow`, nothing else.
export * from "./core.js";
