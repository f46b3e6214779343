// The bot bundle as the bot platform runs it: dist/amd-flow.bot.js (built before the
// tests run) loaded into a bare vm context that holds only `context`, with code
// generation from strings disabled.
import { readFileSync } from "node:fs";
import vm from "node:vm";

export const BUNDLE_PATH = new URL("../../dist/amd-flow.bot.js", import.meta.url);

/** The bundle's text, read once. */
export const bundleCode = readFileSync(BUNDLE_PATH, "utf8");

/**
 * Every built-in added after ECMAScript 2015 that a JavaScript engine may offer, as
 * `owner.name` paths (`Array.prototype.includes`) or global names (`globalThis`).
 * Names the running Node does not have are skipped when deleting. Well-known symbols
 * (`Symbol.asyncIterator`, `Symbol.matchAll`) are left out: they cannot be deleted, and a
 * symbol does nothing unless a newer built-in reads it.
 */
export const ES2016_PLUS_BUILT_INS = [
  // ES2016
  "Array.prototype.includes",
  // ES2017
  "Object.entries",
  "Object.values",
  "Object.getOwnPropertyDescriptors",
  "String.prototype.padStart",
  "String.prototype.padEnd",
  "Atomics",
  "SharedArrayBuffer",
  // ES2018
  "Promise.prototype.finally",
  // ES2019
  "Array.prototype.flat",
  "Array.prototype.flatMap",
  "Object.fromEntries",
  "String.prototype.trimStart",
  "String.prototype.trimEnd",
  "String.prototype.trimLeft",
  "String.prototype.trimRight",
  "Symbol.prototype.description",
  // ES2020
  "globalThis",
  "BigInt",
  "BigInt64Array",
  "BigUint64Array",
  "Promise.allSettled",
  "String.prototype.matchAll",
  // ES2021
  "Promise.any",
  "AggregateError",
  "String.prototype.replaceAll",
  "WeakRef",
  "FinalizationRegistry",
  // ES2022
  "Array.prototype.at",
  "String.prototype.at",
  "Object.hasOwn",
  // ES2023
  "Array.prototype.findLast",
  "Array.prototype.findLastIndex",
  "Array.prototype.toSorted",
  "Array.prototype.toReversed",
  "Array.prototype.toSpliced",
  "Array.prototype.with",
  // ES2024
  "Object.groupBy",
  "Map.groupBy",
  "Promise.withResolvers",
  "String.prototype.isWellFormed",
  "String.prototype.toWellFormed",
  "ArrayBuffer.prototype.resize",
  "ArrayBuffer.prototype.transfer",
  // ES2025
  "Iterator",
  "Promise.try",
  "RegExp.escape",
  "Set.prototype.union",
  "Set.prototype.intersection",
  "Set.prototype.difference",
  "Set.prototype.symmetricDifference",
  "Set.prototype.isSubsetOf",
  "Set.prototype.isSupersetOf",
  "Set.prototype.isDisjointFrom",
  "Float16Array",
  "Math.f16round",
] as const;

/** Options for {@link loadBundle}. */
export interface LoadOptions {
  /** The `context` global a script node sees. */
  readonly context?: unknown;
  /** Delete every built-in in {@link ES2016_PLUS_BUILT_INS} before the bundle runs. */
  readonly es2015Only?: boolean;
}

/** A fresh sandbox with the bundle loaded; `added` lists the globals the bundle defined. */
export function loadBundle(options: LoadOptions = {}): { sandbox: vm.Context; added: string[]; deleted: string[] } {
  const sandbox = vm.createContext({ context: options.context }, { codeGeneration: { strings: false, wasm: false } });
  // The global object is taken before `globalThis` may be deleted.
  const global = vm.runInContext("this", sandbox) as Record<string, unknown>;
  const deleted = options.es2015Only === true ? deleteBuiltIns(global) : [];
  const before = new Set(Object.getOwnPropertyNames(global));
  new vm.Script(bundleCode, { filename: "amd-flow.bot.js" }).runInContext(sandbox);
  const added = Object.getOwnPropertyNames(global).filter((name) => !before.has(name));
  return { sandbox, added, deleted };
}

function deleteBuiltIns(global: Record<string, unknown>): string[] {
  const deleted: string[] = [];
  for (const path of ES2016_PLUS_BUILT_INS) {
    const names = path.split(".");
    const last = names.pop() as string;
    let owner: unknown = global;
    for (const name of names) owner = owner === undefined ? undefined : (owner as Record<string, unknown>)[name];
    if (typeof owner !== "object" && typeof owner !== "function") continue;
    const record = owner as Record<string, unknown>;
    if (!Object.hasOwn(record, last)) continue;
    if (!Reflect.deleteProperty(record, last) || Object.hasOwn(record, last)) {
      throw new Error(`could not delete ${path}`);
    }
    deleted.push(path);
  }
  return deleted;
}

/** Runs `source` in the sandbox, passing values as JSON so that they live in its realm. */
export function inSandbox(sandbox: vm.Context, source: string, input: unknown): unknown {
  sandbox["input"] = JSON.stringify(input ?? null);
  return JSON.parse(
    vm.runInContext(`JSON.stringify((function (input) { ${source} })(JSON.parse(input)))`, sandbox) as string,
  );
}
