// What both docs generators do with their pages: write them, or with --check report
// the committed copies that no longer match (the generated-docs tests run --check).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/**
 * @param {string} command the npm script that regenerates the files, named in messages.
 * @param {Array<[string, string]>} outputs each file's path from the repository root, and its content.
 */
export function writeGenerated(command, outputs) {
  const label = command.replace(/^npm run /, "");
  const paths = outputs.map(([path]) => path).join(", ");
  if (!process.argv.includes("--check")) {
    for (const [path, content] of outputs) writeFileSync(root(path), content);
    console.log(`${label}: wrote ${paths}`);
    return;
  }
  const stale = outputs.filter(([path, content]) => {
    try {
      return readFileSync(root(path), "utf8") !== content;
    } catch {
      return true;
    }
  });
  for (const [path] of stale) console.error(`${path} is stale: run ${command} and commit it`);
  process.exitCode = stale.length === 0 ? 0 : 1;
  if (stale.length === 0) console.log(`${label}: ${paths} up to date`);
}
