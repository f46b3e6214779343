import { readFileSync } from "node:fs";
import { parse } from "acorn";
import { defineConfig, type Options } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

type EsbuildPlugin = NonNullable<Options["esbuildPlugins"]>[number];

/** Where every call or `new` outside a function body starts in `code`. */
function topLevelCalls(code: string): number[] {
  const starts: number[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    const { type, start } = node as { type?: unknown; start?: number };
    if (typeof type !== "string" || type.includes("Function") || type === "ClassBody") return;
    if ((type === "CallExpression" || type === "NewExpression") && start !== undefined) starts.push(start);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else visit(value);
    }
  };
  visit(parse(code, { ecmaVersion: "latest", sourceType: "module" }));
  return starts;
}

// ts-pattern declares itself free of side effects ("sideEffects": false), but it ships
// as one module whose top level builds the whole P namespace with calls esbuild cannot
// prove pure, so a bundle that uses only `match` kept all of P (14 % of the bot file,
// and work at every load). Marking those top-level calls pure is what the declaration
// says; esbuild then drops every one whose result is unused. Kept for the cold-start
// budget (5× a hand-written switch): building P at every load was a quarter of it, and
// P's matchers name ES2016+ methods the bot file must not carry.
const pureTsPattern: EsbuildPlugin = {
  name: "pure-ts-pattern",
  setup(build) {
    build.onLoad({ filter: /[\\/]ts-pattern[\\/]dist[\\/]index\.js$/ }, (args) => {
      let code = readFileSync(args.path, "utf8");
      for (const start of topLevelCalls(code).sort((a, b) => b - a)) {
        code = `${code.slice(0, start)}/*#__PURE__*/${code.slice(start)}`;
      }
      return { contents: code, loader: "js" };
    });
  },
};

// Built-ins as locals of the bot file: the bot platform runs it in a vm context, and there
// every lookup of a global goes through the context's interceptors (about 90 ns each,
// against about 1 ns for a local; measured with node:vm, see bench/). Each is read once,
// by its plain global name (ES2015 has no globalThis), into a local that every free
// reference to it in the file then uses (esbuild's inject): an alias, not a polyfill.
const BUILT_INS = [
  "Array",
  "Date",
  "Error",
  "JSON",
  "Map",
  "Math",
  "Number",
  "Object",
  "Reflect",
  "Set",
  "String",
  "Symbol",
  "WeakSet",
];

const builtInLocals: EsbuildPlugin = {
  name: "built-in-locals",
  setup(build) {
    build.onResolve({ filter: /^built-in-locals$/ }, (args) => ({ path: args.path, namespace: "built-in-locals" }));
    build.onLoad({ filter: /.*/, namespace: "built-in-locals" }, () => ({
      contents: BUILT_INS.map((name) => `const ${name}Local = ${name};\nexport { ${name}Local as ${name} };`).join(
        "\n",
      ),
      loader: "js",
    }));
  },
};

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
    target: "es2015",
    platform: "neutral",
    // terser after esbuild: a second compressor finds about 4 % more (the file has a size budget).
    minify: "terser",
    terserOptions: {
      ecma: 2015,
      module: false,
      toplevel: false,
      // reduce_funcs off: terser would paste each function used once into its caller, and
      // the bigger callers left V8 less room to inline on its own (about 10 % slower warm).
      compress: { passes: 2, reduce_funcs: false },
      // No comments but the first line, which says which build this is (AmdFlow.version says it in a bot).
      format: { comments: false, preamble: `// amd-flow ${version} bot file` },
    },
    noExternal: [/.*/],
    outExtension: () => ({ js: ".bot.js" }),
    // AmdFlow.version: tells which build was uploaded to a bot.
    define: { __AMD_FLOW_VERSION__: JSON.stringify(version) },
    // Built-ins as locals: global lookups are slow in the platform's vm sandbox (BUILT_INS).
    inject: ["built-in-locals"],
    esbuildPlugins: [builtInLocals, pureTsPattern],
    // The script declares the one global, and src/bot.ts assigns it a plain object whose
    // properties are the functions themselves: no module-namespace getters, and no
    // export helpers in the file.
    banner: { js: '"use strict";var AmdFlow;' },
    esbuildOptions(options) {
      // zod's package "exports" need the import condition under the neutral platform.
      options.conditions = ["import", "module", "default"];
      options.mainFields = ["module", "main"];
      options.legalComments = "none";
      // esbuild minifies too (tsup turns it off when terser is chosen): each finds what the other misses.
      options.minify = true;
    },
  },
]);
