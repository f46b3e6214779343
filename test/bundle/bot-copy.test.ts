// The bot file a bot designer downloads from the repository, without npm: bot/amd-flow.bot.js
// must be byte for byte what the build makes (npm test builds first), and say its version.
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { version } from "../../package.json";
import { bundleCode } from "../support/bundle-sandbox.js";

const COPY = new URL("../../bot/amd-flow.bot.js", import.meta.url);

describe("bot/amd-flow.bot.js, the committed bot file", () => {
  it("is byte for byte the bot file the build makes", () => {
    const copy = readFileSync(COPY, "utf8");
    expect(
      copy === bundleCode,
      "bot/amd-flow.bot.js is stale: run npm run bot:copy (it builds, then copies dist/amd-flow.bot.js) and commit it",
    ).toBe(true);
  });

  it("says its version on its first line and in AmdFlow.version", () => {
    const copy = readFileSync(COPY, "utf8");
    expect(copy.split("\n")[0]).toBe(`// amd-flow ${version} bot file`);
    const sandbox = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
    vm.runInContext(copy, sandbox);
    expect(vm.runInContext("AmdFlow.version", sandbox)).toBe(version);
  });
});
