// npm start: the default policy's decision for every bundled scenario (amd-flow table),
// building dist/ first only when it is missing or older than what it is built from:
// `npm ci` has just built it (the prepare script), so `npm ci && npm start` builds once.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** What dist/ is built from: every file under src/, and the build's own settings. */
const SOURCES = ["src", "package.json", "tsup.config.ts", "tsconfig.json"];
/** What `npm start` runs; the oldest of them must be newer than every source. */
const BUILT = ["dist/cli.js", "dist/index.js", "dist/fixtures.js"];

function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => filesUnder(join(path, entry.name)));
}

/**
 * Why dist/ under `root` must be built: a missing output, or the newest source changed
 * after the oldest output was written; `undefined` when it is up to date.
 * @param {string} root the repository's folder.
 * @returns {string | undefined}
 */
export function buildReason(root) {
  const missing = BUILT.find((file) => !existsSync(join(root, file)));
  if (missing !== undefined) return `${missing} is missing`;
  const built = Math.min(...BUILT.map((file) => statSync(join(root, file)).mtimeMs));
  const newer = SOURCES.flatMap((source) => filesUnder(join(root, source))).find(
    (file) => statSync(file).mtimeMs > built,
  );
  return newer === undefined ? undefined : `${relative(root, newer)} changed since the last build`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const reason = buildReason(root);
  if (reason !== undefined) {
    console.error(`npm start: building dist/ (${reason})`);
    const build = spawnSync(process.execPath, [join(root, "node_modules/tsup/dist/cli-default.js"), "--silent"], {
      cwd: root,
      stdio: "inherit",
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const table = spawnSync(process.execPath, [join(root, "dist/cli.js"), "table"], { cwd: root, stdio: "inherit" });
  process.exit(table.status ?? 1);
}
