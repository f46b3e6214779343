// The bot platform's sandbox is ECMAScript 2015: the bundle must load and decide the same
// with every later built-in gone, not only parse as ES2015.
import { describe, expect, it } from "vitest";
import { version } from "../../package.json";
import { eventFixtures, scenarioFixtures } from "../../src/fixtures/index.js";
import { decideRoute, POLICY_SITUATIONS, parsePolicy, routeCall } from "../../src/index.js";
import { bundleCode, ES2016_PLUS_BUILT_INS, inSandbox, loadBundle } from "../support/bundle-sandbox.js";

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/**
 * A policy that sets every situation to something other than the default: a transfer to a
 * queue named after the situation, and a wait with its own limit for a playing greeting.
 */
const EVERY_SITUATION: Record<string, unknown> = {};
for (const situation of POLICY_SITUATIONS) {
  const [top, phase] = situation.split(".") as [string, string | undefined];
  const rule =
    situation === "machine.greeting"
      ? { action: "wait", recheckAfterMs: 500, maxWaitMs: 4000, then: "hang-up" }
      : { action: "transfer", target: `queue-${situation}` };
  if (phase === undefined) EVERY_SITUATION[top] = rule;
  else EVERY_SITUATION[top] = { ...(EVERY_SITUATION[top] as object | undefined), [phase]: rule };
}

describe("dist/amd-flow.bot.js with every ES2016+ built-in deleted", () => {
  it("runs where the later built-ins are really gone", () => {
    const { sandbox, deleted } = loadBundle({ es2015Only: true });
    // Node 20 has at least these; the rest are deleted when the running Node has them.
    expect(deleted).toEqual(expect.arrayContaining(["globalThis", "Array.prototype.includes", "Object.entries"]));
    expect(deleted.length).toBeGreaterThanOrEqual(40);
    expect(ES2016_PLUS_BUILT_INS.length).toBeGreaterThan(deleted.length - 1);
    expect(inSandbox(sandbox, "return [typeof globalThis, typeof [].includes, typeof ''.trimStart];", null)).toEqual([
      "undefined",
      "undefined",
      "undefined",
    ]);
  });

  it("defines the global AmdFlow and nothing else", () => {
    const { added } = loadBundle({ es2015Only: true });
    expect(added).toEqual(["AmdFlow"]);
  });

  it("says which build it is: AmdFlow.version is the package version", () => {
    const { sandbox } = loadBundle({ es2015Only: true });
    expect(inSandbox(sandbox, "return AmdFlow.version;", null)).toBe(version);
  });

  it.each(scenarioFixtures.map((scenario) => [scenario.id, scenario] as const))(
    "routes scenario %s as the ESM build does",
    (_id, scenario) => {
      const { sandbox } = loadBundle({ es2015Only: true });
      const fromBundle = inSandbox(
        sandbox,
        "return AmdFlow.routeCall(input.context, undefined, input.options || undefined);",
        { context: scenario.context, options: scenario.options },
      );
      expect(fromBundle).toEqual(asJson(routeCall(scenario.context, undefined, scenario.options)));
    },
  );

  it("keeps a valid policy that sets every situation, and routes each scenario by it as the ESM build does", () => {
    const { sandbox } = loadBundle({ es2015Only: true });
    expect(inSandbox(sandbox, "return AmdFlow.parsePolicy(input);", EVERY_SITUATION)).toEqual(
      asJson(parsePolicy(EVERY_SITUATION)),
    );
    for (const scenario of scenarioFixtures) {
      const fromBundle = inSandbox(
        sandbox,
        "return AmdFlow.routeCall(input.context, input.policy, input.options || undefined);",
        { context: scenario.context, policy: EVERY_SITUATION, options: scenario.options },
      ) as { issues: string[] };
      expect(fromBundle, scenario.id).toEqual(asJson(routeCall(scenario.context, EVERY_SITUATION, scenario.options)));
      expect(
        fromBundle.issues.filter((issue) => issue.includes("policy")),
        scenario.id,
      ).toEqual([]);
    }
  });

  it("reads a policy given as JSON text, and reports a bad one as the ESM build does", () => {
    const { sandbox } = loadBundle({ es2015Only: true });
    const text = JSON.stringify(EVERY_SITUATION);
    const context = scenarioFixtures[0]?.context;
    expect(
      inSandbox(sandbox, "return AmdFlow.routeCall(input.context, input.policy);", { context, policy: text }),
    ).toEqual(asJson(routeCall(context, text)));
    const bad = { human: "dance", machine: { beep: { action: "wait", recheckAfterMs: -1 } } };
    expect(
      inSandbox(sandbox, "return AmdFlow.routeCall(input.context, input.policy);", { context, policy: bad }),
    ).toEqual(asJson(routeCall(context, bad as never)));
    expect(
      inSandbox(
        sandbox,
        "try { AmdFlow.parsePolicy(input); return null; } catch (error) { return [error.name, error.message, error.problems]; }",
        bad,
      ),
    ).toEqual(
      (() => {
        try {
          parsePolicy(bad);
          return null;
        } catch (error) {
          const { name, message, problems } = error as Error & { problems: string[] };
          return [name, message, problems];
        }
      })(),
    );
  });

  it("reads, classifies and decides every event fixture as the ESM build does", () => {
    const { sandbox } = loadBundle({ es2015Only: true });
    for (const fixture of eventFixtures) {
      const fromBundle = inSandbox(
        sandbox,
        "var reading = AmdFlow.readAmd(input); var outcome = AmdFlow.classifyAmd(reading);" +
          " return [reading, outcome, AmdFlow.decideRoute(outcome, undefined, { waitedMs: 7000 })];",
        fixture.context,
      ) as unknown[];
      expect(fromBundle[2], fixture.name).toEqual(
        asJson(decideRoute(fromBundle[1] as never, undefined, { waitedMs: 7000 })),
      );
      expect(fromBundle[2], fixture.name).toEqual(asJson(routeCall(fixture.context, undefined, { waitedMs: 7000 })));
    }
  });

  it("names no later method except in ts-pattern's matchers that amd-flow never uses", () => {
    const later =
      /\.(includes|flat|flatMap|at|findLast|findLastIndex|toSorted|toReversed|toSpliced|values|fromEntries|getOwnPropertyDescriptors|hasOwn|groupBy|padStart|padEnd|trimStart|trimEnd|trimLeft|trimRight|matchAll|replaceAll|allSettled|any|finally|isWellFormed|toWellFormed|union|intersection|difference)\(/g;
    // ts-pattern's P namespace is built at load (only `match` is called): `P.string.includes`
    // calls the ES2015 String.prototype.includes, `.at(-1)` serves `...P.array()` and
    // `Object.values` collects the selections of P.optional, P.union and P.array.
    const inTsPattern = new Set(["includes", "at", "values"]);
    const found = [...bundleCode.matchAll(later)].map((match) => match[1] as string);
    expect(found.filter((name) => !inTsPattern.has(name))).toEqual([]);
  });
});
