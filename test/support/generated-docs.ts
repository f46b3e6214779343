import { spawnSync } from "node:child_process";
import { expect } from "vitest";

/** Runs a docs generator in scripts/ with --check: its committed pages must match what the code gives. */
export function expectGeneratedUpToDate(script: string): void {
  const path = new URL(`../../scripts/${script}`, import.meta.url).pathname;
  const result = spawnSync(process.execPath, [path, "--check"], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
}
