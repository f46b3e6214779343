// npm start builds dist/ only when it is missing or older than what it is built from, so
// `npm ci && npm start` (npm ci builds, through the prepare script) builds once.
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error scripts/ are plain JavaScript that node runs without a build, without declarations
import { buildReason as untyped } from "../../scripts/start.mjs";
import { tempFolder } from "../support/cli.js";

const buildReason = untyped as (root: string) => string | undefined;

function project(): { dir: string; touch: (path: string, seconds: number) => void } {
  const { dir } = tempFolder("amd-flow-start-");
  const touch = (path: string, seconds: number) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), "");
    utimesSync(join(dir, path), seconds, seconds);
  };
  for (const path of ["src/index.ts", "src/cli/run.ts", "package.json", "tsup.config.ts", "tsconfig.json"])
    touch(path, 1000);
  return { dir, touch };
}

describe("npm start: buildReason", () => {
  it("builds when an output is missing", () => {
    const { dir } = project();
    expect(buildReason(dir)).toBe("dist/cli.js is missing");
  });

  it("does not build when every output is newer than every source", () => {
    const { dir, touch } = project();
    for (const path of ["dist/cli.js", "dist/index.js", "dist/fixtures.js"]) touch(path, 2000);
    expect(buildReason(dir)).toBeUndefined();
  });

  it("builds when a source changed after the oldest output", () => {
    const { dir, touch } = project();
    for (const path of ["dist/cli.js", "dist/index.js"]) touch(path, 2000);
    touch("dist/fixtures.js", 1500);
    touch("src/cli/run.ts", 1600);
    expect(buildReason(dir)).toBe(`${join("src", "cli", "run.ts")} changed since the last build`);
    touch("src/cli/run.ts", 1000);
    touch("tsup.config.ts", 1700);
    expect(buildReason(dir)).toBe("tsup.config.ts changed since the last build");
  });
});
