// npm run bot:copy: puts the bot file just built (dist/amd-flow.bot.js) at bot/amd-flow.bot.js,
// the copy the repository keeps so that a bot designer can download it without npm. A test
// (test/bundle/bot-copy.test.ts) fails while the copy differs from what the build makes.
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
mkdirSync(root("bot"), { recursive: true });
copyFileSync(root("dist/amd-flow.bot.js"), root("bot/amd-flow.bot.js"));
const firstLine = readFileSync(root("bot/amd-flow.bot.js"), "utf8").split("\n")[0];
console.log(`bot:copy: wrote bot/amd-flow.bot.js (${firstLine.replace(/^\/\/ /, "")}); commit it`);
