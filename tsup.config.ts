import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: ESM and CJS with declarations for each entry point.
    entry: {
      index: "src/index.ts",
      fixtures: "src/fixtures/index.ts",
      dialer: "src/dialer/index.ts",
      simulator: "src/simulator/index.ts",
    },
    format: ["esm", "cjs"],
    // TypeScript 6 deprecates the baseUrl that tsup's declaration build sets.
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    clean: true,
    target: "node20",
    platform: "node",
    sourcemap: false,
    // zod and ts-pattern stay external (users' bundlers dedupe them). lodash-es is
    // bundled: it is ESM only, so the CJS build could not require it on every Node 20.
    noExternal: ["lodash-es"],
  },
  {
    // The command line: one ESM file with a shebang; Node only.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    // lodash-es inlined here too, so no entry of dist/ imports it at run time and it
    // stays a development dependency.
    noExternal: ["lodash-es"],
  },
  {
    // The bot bundle: the core only, everything inlined, one IIFE assigning the global
    // AmdFlow. ES2015 because the bot platform's sandbox is old; minified because it is
    // pasted into a platform that counts size; neutral so no Node shims sneak in.
    entry: { "amd-flow": "src/bot.ts" },
    format: ["iife"],
    globalName: "AmdFlow",
    target: "es2015",
    platform: "neutral",
    minify: true,
    noExternal: [/.*/],
    outExtension: () => ({ js: ".bot.js" }),
    // Built-ins as locals: global lookups are slow in the platform's vm sandbox (see the file).
    inject: ["src/bot-globals.ts"],
    esbuildOptions(options) {
      // zod's package "exports" need the import condition under the neutral platform.
      options.conditions = ["import", "module", "default"];
      options.mainFields = ["module", "main"];
      options.legalComments = "none";
    },
  },
]);
