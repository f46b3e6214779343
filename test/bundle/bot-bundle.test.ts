// The bot bundle as the bot platform runs it: dist/amd-flow.bot.js (built by `npm test`
// before the tests run) loaded into a bare vm context that holds only `context`, with
// code generation from strings disabled (test/support/bundle-sandbox.ts).
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import * as acorn from "acorn";
import { describe, expect, it } from "vitest";
import * as core from "../../src/core.js";
import { eventFixtures, scenarioFixtures } from "../../src/fixtures/index.js";
import { type AmdOutcome, classifyAmd, readAmd, routeCall } from "../../src/index.js";
import { shapeOf } from "../../src/outcome/outcome-shape.js";
import { ALL_VERDICTS, type Verdict } from "../../src/outcome/verdict.js";
import { bundleCode as code, inSandbox, loadBundle } from "../support/bundle-sandbox.js";

// The budget, 16 KB with the greeting lexicon, which npm run bench reports too: bytes buy
// right decisions now.
const SIZE_LIMIT_GZIP = 16 * 1024;
const load = (context: unknown = undefined) => loadBundle({ context });

describe("dist/amd-flow.bot.js", () => {
  it("defines the global AmdFlow and nothing else", () => {
    const { added, sandbox } = load();
    expect(added).toEqual(["AmdFlow"]);
    const api = inSandbox(sandbox, "return Object.keys(AmdFlow).sort();", null);
    // Every value the core module exports, and the version: nothing more, nothing less.
    expect(api).toEqual([...Object.keys(core), "version"].sort());
    expect(inSandbox(sandbox, "return Object.getPrototypeOf(AmdFlow) === Object.prototype;", null)).toBe(true);
  });

  it("runs where code generation from strings is off, with no require, process or Buffer", () => {
    const { sandbox } = load();
    for (const name of ["require", "process", "Buffer", "module", "exports", "global", "self", "window", "koreUtil"]) {
      expect(inSandbox(sandbox, `return typeof ${name};`, null)).toBe("undefined");
    }
    expect(() => vm.runInContext("eval('1')", sandbox)).toThrow(/Code generation from strings disallowed/);
  });

  it("routes every scenario as the ESM build does", () => {
    const { sandbox } = load();
    for (const scenario of scenarioFixtures) {
      const fromBundle = inSandbox(
        sandbox,
        "return AmdFlow.routeCall(input.context, undefined, input.options || undefined);",
        { context: scenario.context, options: scenario.options },
      );
      expect(fromBundle, scenario.id).toEqual(
        JSON.parse(JSON.stringify(routeCall(scenario.context, undefined, scenario.options))),
      );
      expect((fromBundle as { action: string }).action).toBe(scenario.expected.action);
    }
  });

  it("classifies every verdict through ts-pattern's exhaustive match, as the library does", () => {
    const { sandbox } = load();
    const session = (UserSession: unknown) => ({ session: { UserSession } });
    const events = (...amdEvents: unknown[]) => session({ amdInfo: { amdEvents } });
    // One reading per verdict, and the options that reach it.
    const cases: ReadonlyArray<readonly [string, unknown, { amdRequested: boolean } | undefined]> = [
      ["beep", events("amd_machine_detected", { type: "amd_tone_detected", frequency: 1000 }), undefined],
      ["greeting-ended", events("amd_machine_detected", "amd_machine_stopped_speaking"), undefined],
      ["greeting", events("amd_machine_detected"), undefined],
      ["human", events("amd_human_detected"), undefined],
      ["silence", events("amd_no_speech_detected"), undefined],
      ["error", events({ type: "amd_error", error: "recognizer down" }), undefined],
      ["undecided", events("amd_decision_timeout"), undefined],
      ["unknown-only", events("amd_beep"), undefined],
      ["fax", events({ type: "amd_tone_detected", frequency: 2100 }), undefined],
      ["pending", session({}), { amdRequested: true }],
      ["nothing", session({}), undefined],
    ];
    expect(cases.map(([verdict]) => verdict).sort()).toEqual([...ALL_VERDICTS].sort());
    for (const [verdict, context, options] of cases) {
      const fromBundle = inSandbox(
        sandbox,
        "return AmdFlow.classifyAmd(AmdFlow.readAmd(input.context), input.options);",
        { context, options },
      ) as AmdOutcome;
      const [kind, phase] = shapeOf(verdict as Verdict);
      expect({ kind: fromBundle.kind, phase: "phase" in fromBundle ? fromBundle.phase : undefined }, verdict).toEqual({
        kind,
        phase,
      });
      expect(fromBundle).toEqual(JSON.parse(JSON.stringify(classifyAmd(readAmd(context), options))));
    }
    // The matcher itself is in the file (its marker), not a table of its answers.
    expect(code).toContain("@ts-pattern");
  });

  it("routes every event fixture, and a custom policy, as the ESM build does", () => {
    const { sandbox } = load();
    const policy = { human: { action: "transfer", target: "sales" }, machine: "hang-up" } as const;
    for (const fixture of Object.values(eventFixtures)) {
      const fromBundle = inSandbox(sandbox, "return AmdFlow.routeCall(input.context, input.policy);", {
        context: fixture.context,
        policy,
      });
      expect(fromBundle).toEqual(JSON.parse(JSON.stringify(routeCall(fixture.context, policy))));
    }
  });

  it("reads `context` the way a script node passes it, and survives hostile values", () => {
    const context = {
      session: {
        UserSession: {
          amdInfo: { amdEvents: ["amd_machine_detected", { type: "amd_tone_detected", frequency: "1000" }] },
        },
      },
    };
    const { sandbox } = load(context);
    expect(vm.runInContext("AmdFlow.routeCall(context).action", sandbox)).toBe("leave-voicemail");
    const hostile = `
      var boom = function () { throw new Error("boom"); };
      var trap = new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom });
      var cycle = {}; cycle.session = { UserSession: { amd: cycle, amdInfo: { amdEvents: [cycle] } } };
      return [trap, cycle, { session: trap }, { session: { UserSession: { amdInfo: { amdEvents: trap } } } }]
        .map(function (c) { return AmdFlow.routeCall(c, trap, trap).action; });`;
    expect(inSandbox(sandbox, hostile, null)).toEqual(["continue", "continue", "continue", "continue"]);
  });

  it("parses as an ECMAScript 2015 script", () => {
    expect(() => acorn.parse(code, { ecmaVersion: 2015, sourceType: "script" })).not.toThrow();
  });

  it("never names what needs code generation, a module system or Node", () => {
    const ast = acorn.parse(code, { ecmaVersion: 2015, sourceType: "script" });
    const forbidden = new Set([
      "eval",
      "Function",
      "require",
      "process",
      "Buffer",
      "module",
      "exports",
      "global",
      "importScripts",
    ]);
    const found = new Set<string>();
    (function walk(node: unknown, parentKey?: string, parent?: Record<string, unknown>): void {
      if (typeof node !== "object" || node === null) return;
      const record = node as Record<string, unknown>;
      const isPropertyName =
        parent !== undefined &&
        ((parent["type"] === "MemberExpression" && parentKey === "property" && parent["computed"] === false) ||
          (parent["type"] === "Property" && parentKey === "key" && parent["computed"] === false) ||
          (parent["type"] === "MethodDefinition" && parentKey === "key"));
      if (record["type"] === "Identifier" && !isPropertyName && forbidden.has(record["name"] as string))
        found.add(record["name"] as string);
      for (const [key, child] of Object.entries(record)) {
        if (Array.isArray(child)) for (const item of child) walk(item, key, record);
        else walk(child, key, record);
      }
    })(ast);
    expect([...found]).toEqual([]);
    expect(code).not.toMatch(/new Function|Function\(\s*["'`]return this/);
    expect(code).not.toMatch(/\bimport\s*\(|\brequire\s*\(/);
  });

  it(`is at most ${SIZE_LIMIT_GZIP / 1024} KB gzipped`, () => {
    const size = gzipSync(code, { level: 9 }).length;
    expect(
      size,
      `dist/amd-flow.bot.js is ${(size / 1024).toFixed(2)} KB gzipped, over the ${SIZE_LIMIT_GZIP / 1024} KB ceiling`,
    ).toBeLessThanOrEqual(SIZE_LIMIT_GZIP);
  });

  it("carries none of the heavy parts: no zod at all, no ts-pattern P namespace, no lodash, no fixtures", () => {
    const never = [
      // zod: the reader's leaf rules are written out by hand.
      "_zod",
      "ZodError",
      "__zod_globalConfig",
      "zod",
      // ts-pattern's P builders (only match is used; the build drops the rest).
      "startsWith",
      "minLength",
      "maxLength",
      "nonNullable",
      // Node, fixtures, lodash.
      "lodash",
      "scenarioFixtures",
      "koreUtil",
      "jitless",
      "node:",
    ];
    for (const name of never) expect(code.includes(name), name).toBe(false);
  });
});
