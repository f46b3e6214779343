// The mutants Stryker must not count, listed in stryker.config.json under "exclusions"
// instead of `// Stryker disable` comments in src/. An entry names a place by what it is,
// not by its line, so edits elsewhere in the file do not move it:
//
//   { "file": "src/internal/safe.ts", "function": "isArraySafe", "node": "catch", "reason": "…" }
//
// - file: the source file, from the project's root;
// - function: the nearest enclosing function that has a name (a declaration, a method, or
//   a function assigned to a const or property); anonymous callbacks are looked through;
// - node: "catch" for that function's catch clause, or else the exact source of one
//   expression or statement in it, spaces and line breaks aside ("value < best");
// - reason: why no test can tell the mutants there from the original, shown by Stryker
//   as the mutants' status reason.
//
// Stryker ignores the node and everything under it, for every mutator: name the smallest
// node that covers the equivalent mutants. Each entry must match exactly one place: at the
// start of a run every entry is checked against its file, and one that matches nothing
// (or more than one place) stops the run, so a stale entry cannot linger.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { commonTokens, declareFactoryPlugin, PluginKind } from "@stryker-mutator/api/plugin";

// Stryker's own Babel and TypeScript preset, so the check at start parses as its instrumenter does.
const fromInstrumenter = createRequire(createRequire(import.meta.url).resolve("@stryker-mutator/instrumenter"));
const babel = fromInstrumenter("@babel/core");
const typescriptPreset = fromInstrumenter.resolve("@babel/preset-typescript");

/** The Stryker option holding the entries, and the ignorer's name in "ignorers". */
export const OPTION = "exclusions";

/** The name a function goes by, or `undefined` for an anonymous one. */
function nameOfFunction(fn) {
  const { node, parent } = fn;
  if (node.id?.type === "Identifier") return node.id.name;
  if ((node.type === "ClassMethod" || node.type === "ObjectMethod") && node.key.type === "Identifier") {
    return node.key.name;
  }
  if (parent.type === "VariableDeclarator" && parent.id.type === "Identifier") return parent.id.name;
  if ((parent.type === "ObjectProperty" || parent.type === "ClassProperty") && parent.key.type === "Identifier") {
    return parent.key.name;
  }
  return undefined;
}

/** The nearest enclosing function with a name, looking through anonymous callbacks. */
export function enclosingFunctionName(nodePath) {
  for (let current = nodePath.parentPath; current; current = current.parentPath) {
    if (current.isFunction()) {
      const name = nameOfFunction(current);
      if (name !== undefined) return name;
    }
  }
  return undefined;
}

const squeeze = (text) => text.replace(/\s+/g, "");

/** Whether `entry` names the node at `nodePath`, in a file whose text is `code`. */
export function matches(entry, nodePath, code) {
  const { node } = nodePath;
  if (typeof node.start !== "number" || typeof node.end !== "number") return false;
  if (entry.node === "catch") {
    if (!nodePath.isCatchClause()) return false;
  } else {
    const wanted = squeeze(entry.node);
    // Cheap first: a node shorter than the excerpt cannot be it.
    if (node.end - node.start < wanted.length || squeeze(code.slice(node.start, node.end)) !== wanted) return false;
  }
  return enclosingFunctionName(nodePath) === entry.function;
}

/** Parses TypeScript as Stryker's instrumenter does. */
export function parse(code, fileName) {
  return babel.parseSync(code, {
    filename: fileName,
    configFile: false,
    babelrc: false,
    parserOpts: { ranges: true },
    presets: [[typescriptPreset, { allExtensions: true }]],
  });
}

/** Calls `visit` with the path of every node of `code`, parents first. */
export function walk(code, fileName, visit) {
  babel.traverse(parse(code, fileName), { enter: visit });
}

/** The places (`start:end`) in `code` that `entry` names. */
export function placesOf(entry, code, fileName) {
  const places = new Set();
  walk(code, fileName, (nodePath) => {
    if (matches(entry, nodePath, code)) places.add(`${nodePath.node.start}:${nodePath.node.end}`);
  });
  return [...places];
}

const describeEntry = (entry) => `${entry.file}, ${entry.function}, ${JSON.stringify(entry.node)}`;

/**
 * Checks every entry against its file and returns the entries by absolute file name.
 * Throws, naming every bad entry, when one matches nothing or more than one place.
 */
export function checkExclusions(entries, root, read = (file) => readFileSync(file, "utf8")) {
  const byFile = new Map();
  const problems = [];
  for (const entry of entries) {
    const file = path.resolve(root, entry.file);
    let code;
    try {
      code = read(file);
    } catch {
      problems.push(`${describeEntry(entry)}: the file cannot be read`);
      continue;
    }
    const count = placesOf(entry, code, file).length;
    if (count !== 1) problems.push(`${describeEntry(entry)}: matches ${count === 0 ? "nothing" : `${count} places`}`);
    byFile.set(file, [...(byFile.get(file) ?? []), entry]);
  }
  if (problems.length > 0) {
    throw new Error(
      `Stryker "${OPTION}" in stryker.config.json: each entry must match exactly one place; fix or remove:\n- ${problems.join("\n- ")}`,
    );
  }
  return byFile;
}

/** A Stryker ignorer for checked entries: the reason of the entry that names the node, if any. */
export function createIgnorer(entries, root) {
  const byFile = checkExclusions(entries, root);
  return {
    shouldIgnore(nodePath) {
      const file = nodePath.hub?.file;
      const listed = file ? byFile.get(path.resolve(root, file.opts.filename)) : undefined;
      if (!listed) return undefined;
      return listed.find((entry) => matches(entry, nodePath, file.code))?.reason;
    },
  };
}

function exclusionsIgnorer(options) {
  return createIgnorer(options[OPTION], process.cwd());
}
exclusionsIgnorer.inject = [commonTokens.options];

export const strykerPlugins = [declareFactoryPlugin(PluginKind.Ignore, OPTION, exclusionsIgnorer)];

export const strykerValidationSchema = {
  $schema: "http://json-schema.org/draft-07/schema",
  type: "object",
  properties: {
    [OPTION]: {
      description: "Mutants not to count, each named by file, enclosing function and node, with the reason.",
      type: "array",
      default: [],
      items: {
        type: "object",
        additionalProperties: false,
        required: ["file", "function", "node", "reason"],
        properties: {
          file: { type: "string", minLength: 1 },
          function: { type: "string", minLength: 1 },
          node: { type: "string", minLength: 1 },
          reason: { type: "string", minLength: 1 },
        },
      },
    },
  },
};
