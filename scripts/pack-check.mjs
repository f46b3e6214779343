// The package as a user gets it: packs this checkout (with no dist/ beforehand, so the
// `prepare` script must build it), installs the tarball into a new project, then runs
// the installed command line, imports both module formats and loads the installed bot
// file in a bare vm context.
//
// Offline by default: the new project gets a lock file whose dependency entries are
// copied from this repository's package-lock.json, so `npm ci --offline` takes every
// tarball from the npm cache that `npm ci` here filled. (`npm install --offline <tgz>`
// cannot work: it needs the registry's package documents, which `npm ci` never caches.)
// `--online` installs as a user would, `npm install <tgz>`, asking the registry.
// `--keep` leaves the temporary folder for a look.
//
// Usage: node scripts/pack-check.mjs [--online] [--keep]
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";

const root = new URL("..", import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));

let failures = 0;
function check(what, ok, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${ok || detail === "" ? "" : `: ${detail}`}`);
  if (!ok) failures += 1;
}

function sh(command, argv, options = {}) {
  const result = spawnSync(command, argv, { encoding: "utf8", ...options });
  if (result.error) throw result.error;
  return result;
}

function must(what, result) {
  if (result.status !== 0) {
    console.error(`${what} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    process.exit(1);
  }
  return result;
}

const work = mkdtempSync(join(tmpdir(), "amd-flow-pack-"));
try {
  // 1. Pack with no dist/: the tarball's dist/ comes from `prepare`.
  rmSync(join(root, "dist"), { recursive: true, force: true });
  const packed = must("npm pack", sh("npm", ["pack", "--silent", "--pack-destination", work], { cwd: root }));
  const tarball = packed.stdout.trim().split("\n").pop();
  check("npm pack builds and packs", tarball === `${pkg.name}-${pkg.version}.tgz`, packed.stdout);
  const tgz = join(work, tarball);

  const listed = must("tar -t", sh("tar", ["-tzf", tgz]))
    .stdout.trim()
    .split("\n");
  for (const file of [
    "package/package.json",
    "package/LICENSE",
    "package/README.md",
    "package/CHANGELOG.md",
    "package/dist/amd-flow.bot.js",
    "package/dist/cli.js",
    "package/dist/index.js",
    "package/dist/index.cjs",
    "package/dist/index.d.ts",
    "package/dist/dialer.js",
    "package/dist/fixtures.js",
    "package/examples/notify-receiver.mjs",
  ]) {
    check(`the tarball holds ${file}`, listed.includes(file));
  }
  const stray = listed.filter((file) => /^package\/(src|test|scripts|bench|node_modules|site|reports)\//.test(file));
  check("the tarball holds no sources, tests or build leftovers", stray.length === 0, stray.join(", "));

  // 2. A new project installs the tarball.
  const project = join(work, "project");
  const spec = `file:../${tarball}`;
  const manifest = { name: "pack-check", version: "1.0.0", private: true, dependencies: { [pkg.name]: spec } };
  sh("mkdir", ["-p", project]);
  writeFileSync(join(project, "package.json"), JSON.stringify(manifest, null, 2));
  if (args.has("--online")) {
    must("npm install", sh("npm", ["install", "--no-audit", "--no-fund", "--silent", tgz], { cwd: project }));
  } else {
    writeFileSync(join(project, "package-lock.json"), JSON.stringify(lockFor(manifest, spec, tgz), null, 2));
    must("npm ci --offline", sh("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--silent"], { cwd: project }));
  }
  check(`npm ${args.has("--online") ? "install" : "ci --offline"} installs the tarball`, true);

  // 3. The installed command line.
  const bin = join(project, "node_modules", ".bin", "amd-flow");
  const version = sh(bin, ["--version"]);
  check("amd-flow --version", version.status === 0 && version.stdout.trim() === pkg.version, version.stdout);
  const table = sh(bin, ["table", "--json"]);
  const rows = table.status === 0 ? JSON.parse(table.stdout) : [];
  check("amd-flow table --json", rows.length > 10, table.stderr);
  const context = {
    session: { UserSession: { amdInfo: { amdEvents: ["amd_machine_detected", "amd_tone_detected"] } } },
  };
  const route = sh(bin, ["route", "-", "--json"], { input: JSON.stringify(context) });
  check(
    "amd-flow route - (standard input)",
    route.status === 0 && JSON.parse(route.stdout).action === "leave-voicemail",
    route.stdout + route.stderr,
  );

  // 4. Both module formats, from the project.
  const esm = sh(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      'import { routeCall } from "amd-flow"; import { scenarioFixtures } from "amd-flow/fixtures";' +
        ' import { summarizeCall } from "amd-flow/dialer";' +
        " console.log(routeCall(scenarioFixtures[0].context).action, typeof summarizeCall);",
    ],
    { cwd: project },
  );
  check(
    "import from amd-flow, amd-flow/fixtures, amd-flow/dialer",
    esm.stdout.trim() === "continue function",
    esm.stderr,
  );
  const cjs = sh(
    process.execPath,
    [
      "-e",
      'const { routeCall } = require("amd-flow"); const { buildDialoutRequest } = require("amd-flow/dialer");' +
        " console.log(routeCall({}).action, typeof buildDialoutRequest);",
    ],
    { cwd: project },
  );
  check("require amd-flow and amd-flow/dialer", cjs.stdout.trim() === "continue function", cjs.stderr);

  // 5. The installed bot file, as a bot platform runs it.
  const botFile = join(project, "node_modules", pkg.name, "dist", "amd-flow.bot.js");
  const sandbox = vm.createContext({ context }, { codeGeneration: { strings: false, wasm: false } });
  new vm.Script(readFileSync(botFile, "utf8"), { filename: "amd-flow.bot.js" }).runInContext(sandbox);
  const fromBot = vm.runInContext("AmdFlow.version + ' ' + AmdFlow.routeCall(context).action", sandbox);
  check("the installed bot file runs in a bare vm", fromBot === `${pkg.version} leave-voicemail`, fromBot);
} finally {
  if (args.has("--keep")) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

if (failures > 0) {
  console.error(`pack-check: ${failures} check(s) failed`);
  process.exit(1);
}
console.log("pack-check: the packed package installs and works");

/** A lock file for the new project: the tarball, and its dependencies as this repository locks them. */
function lockFor(manifest, spec, tgz) {
  const integrity = `sha512-${createHash("sha512").update(readFileSync(tgz)).digest("base64")}`;
  const packages = {
    "": { name: manifest.name, version: manifest.version, dependencies: manifest.dependencies },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: spec,
      integrity,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  const pending = Object.keys(pkg.dependencies ?? {});
  while (pending.length > 0) {
    const name = pending.pop();
    const key = `node_modules/${name}`;
    if (key in packages) continue;
    const entry = lock.packages[key];
    if (entry === undefined) throw new Error(`package-lock.json has no ${key}`);
    packages[key] = entry;
    pending.push(...Object.keys(entry.dependencies ?? {}));
  }
  return { name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true, packages };
}
