// The built command line (dist/cli.js, which `npm test` builds first), spawned as a user runs it.
import { spawnSync } from "node:child_process";

/** The built command line's path. */
export const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;

/** Cases spawn Node several times; a busy machine needs more than vitest's 5 s. */
export const SPAWN_TIMEOUT = 20_000;

/** The escape character that starts every ANSI colour code. */
export const ESC = String.fromCharCode(27);

/** What a spawned run printed, and its exit code. */
export interface SpawnedResult {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** Runs `node dist/cli.js ...args` with `input` on standard input, colour settings cleared unless `env` sets them. */
export function spawnCli(args: readonly string[], input = "", env: Record<string, string> = {}): SpawnedResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
