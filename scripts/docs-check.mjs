// npm run docs:check: opens the built site (site/, from npm run docs) in a real
// headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core; never a
// downloaded browser) and checks what a reader sees at the site's normal width (1280 px):
// the guides render and are listed in reading order, the landing page shows its title
// once, no table reaches past the content column (a wide one scrolls within it), no word
// is broken across lines inside a table cell, each heading's code is kept in the page
// menu ("On This Page"), no brand name is turned into a link (http://Kore.ai), the
// contributing guide and the bot file open from the landing page, the decision table has
// a row per scenario, the diagrams load with labels of at least 12 px as shown and no two
// arrowheads on one point, the timelines shade the 2 seconds after a person's greeting,
// and search finds amd_tone_detected. Screenshots of each page and each diagram go to
// reports/docs/ for review.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { scenarioFixtures } from "../dist/fixtures.js";

const SITE = fileURLToPath(new URL("../site/", import.meta.url));
const SHOTS = fileURLToPath(new URL("../reports/docs/", import.meta.url));
const MIN_LABEL_PX = 12;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// In reading order: the site lists them so.
const GUIDES = {
  "Getting_started_(bot_designers).html": "Getting started",
  "AMD_events_explained.html": "AMD events explained",
  "Decision_table.html": "Decision table",
  "Timelines.html": "Timelines",
  "Policies.html": "Policies",
  "Testing_your_flow_with_the_fixtures.html": "Testing your flow with the fixtures",
  "Dialer_integration.html": "Dialer integration",
  "What_bad_input_gets.html": "What bad input gets",
  "Contributing.html": "Contributing",
};
const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

if (!existsSync(join(SITE, "index.html"))) {
  console.error("docs:check: site/index.html is missing; run npm run docs first");
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`docs:check: no Chromium at ${CHROMIUM}; install Debian's package: apt-get install -y chromium`);
  process.exit(1);
}

const server = http.createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://site").pathname)).replace(
    /^(\.\.[/\\])+/,
    "",
  );
  const file = join(SITE, path.endsWith("/") ? `${path}index.html` : path);
  if (!file.startsWith(SITE) || !existsSync(file)) {
    response.writeHead(404).end("not found");
    return;
  }
  response
    .writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" })
    .end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "PASS" : "FAIL"}  ${what}`);
  if (!ok) failures.push(what);
};

try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));

  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/index.html`);
  check((await page.title()).includes("amd-flow"), "the home page opens");
  const titles = await page
    .locator("h1")
    .evaluateAll((all) => all.filter((h1) => h1.offsetParent !== null).map((h1) => h1.textContent?.trim()));
  check(titles.length === 1, `the landing page shows one title (${titles.join(" | ")})`);
  await page.screenshot({ path: join(SHOTS, "index.png"), fullPage: true });

  // The site's navigation, as the reader sees it: the guides in reading order.
  await page.locator(".tsd-navigation a").first().waitFor();
  const listed = await page.locator('.tsd-navigation a[href*="documents/"]').evaluateAll((links) =>
    links.map((link) =>
      decodeURIComponent(link.getAttribute("href") ?? "")
        .split("/")
        .pop(),
    ),
  );
  const order = Object.keys(GUIDES);
  check(
    JSON.stringify(listed.filter((file) => order.includes(file))) === JSON.stringify(order),
    `the guides are listed in reading order, Getting started first (${listed.join(", ")})`,
  );

  // What a reader sees of a page's tables, menu and links: each check returns what is wrong.
  const tooWide = async () =>
    page.evaluate(() => {
      const column = document.querySelector(".col-content");
      const limit = column?.getBoundingClientRect().right ?? window.innerWidth;
      return [...document.querySelectorAll(".col-content table")]
        .filter((table) => table.getBoundingClientRect().right > limit + 1)
        .map((table) => table.querySelector("th")?.textContent ?? "a table");
    });
  const scrolling = async () =>
    page.evaluate(() =>
      [...document.querySelectorAll(".col-content table")]
        .filter((table) => table.scrollWidth > table.clientWidth + 1)
        .map((table) => table.querySelector("th")?.textContent ?? "a table"),
    );
  // A word (a run of non-space characters in one text node) broken across lines has its
  // pieces on lines whose tops differ; a word on one line is one rectangle, or several on
  // one line.
  const brokenWords = async () =>
    page.evaluate(() => {
      const broken = [];
      for (const cell of document.querySelectorAll(".col-content td, .col-content th")) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          for (const match of node.textContent.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (tops.size > 1) broken.push(match[0]);
          }
        }
      }
      return broken;
    });
  // The page menu ("On This Page") names each heading by its text, code included.
  const menuLosesCode = async () =>
    page.evaluate(() => {
      const plain = (text) => (text ?? "").replace(/\s+/g, " ").trim();
      return [...document.querySelectorAll(".col-content h2, .col-content h3, .col-content h4")]
        .filter((heading) => heading.querySelector("code") !== null && heading.id !== "")
        .map((heading) => {
          const entry = document.querySelector(`.tsd-page-navigation a[href="#${heading.id}"]`);
          return { heading: plain(heading.textContent), menu: entry === null ? null : plain(entry.textContent) };
        })
        .filter(({ heading, menu }) => menu !== heading)
        .map(({ heading, menu }) => `"${heading}" listed as ${menu === null ? "nothing" : `"${menu}"`}`);
    });
  // A brand or domain written in the text (Kore.ai) turned into a link by autolinking.
  const autolinks = async () =>
    page.evaluate(() =>
      [...document.querySelectorAll(".col-content a[href]")]
        .filter((link) => {
          const href = link.getAttribute("href") ?? "";
          const text = (link.textContent ?? "").trim();
          return (
            /^http:\/\/kore\.ai/i.test(href) || (/^https?:\/\//.test(href) && href.replace(/^https?:\/\//, "") === text)
          );
        })
        .map((link) => `${link.textContent} → ${link.getAttribute("href")}`),
    );
  const readerChecks = async (name) => {
    const wide = await tooWide();
    check(
      wide.length === 0,
      `the tables of "${name}" stay in the content column${wide.length ? ` (${wide.join(", ")})` : ""}`,
    );
    const scrolls = await scrolling();
    if (scrolls.length > 0) console.log(`note  the tables of "${name}" that scroll sideways: ${scrolls.join(", ")}`);
    const broken = await brokenWords();
    check(
      broken.length === 0,
      `no word is broken across lines in the tables of "${name}"${broken.length ? ` (${broken.slice(0, 8).join(" ")})` : ""}`,
    );
    const lost = await menuLosesCode();
    check(
      lost.length === 0,
      `the page menu of "${name}" keeps its headings' code${lost.length ? ` (${lost.join("; ")})` : ""}`,
    );
    const linked = await autolinks();
    check(linked.length === 0, `no brand name is a link in "${name}"${linked.length ? ` (${linked.join(", ")})` : ""}`);
  };

  await readerChecks("the landing page");
  const contributing = await page.locator('.col-content a:text-is("CONTRIBUTING.md")').getAttribute("href");
  check(
    contributing === "documents/Contributing.html",
    `the landing page links CONTRIBUTING.md to its page on the site (${contributing})`,
  );
  const botLink =
    (await page.locator('.col-content a:has-text("bot/amd-flow.bot.js")').first().getAttribute("href")) ?? "";
  const botFile = await page.request.get(`${base}/${botLink}`);
  check(
    botFile.ok() && (await botFile.text()).startsWith("// amd-flow "),
    `the landing page's link to bot/amd-flow.bot.js downloads the bot file (${botLink})`,
  );

  for (const [file, heading] of Object.entries(GUIDES)) {
    const response = await page.goto(`${base}/documents/${file}`);
    const h1 = response?.ok() ? await page.locator("h1").first().textContent() : null;
    check(h1?.includes(heading) ?? false, `the guide "${heading}" renders`);
    await readerChecks(heading);
    await page.screenshot({ path: join(SHOTS, file.replace(/\.html$/, ".png")), fullPage: true });
  }

  await page.goto(`${base}/documents/Decision_table.html`);
  const tables = page.locator(".tsd-panel table, .col-content table, table");
  const scenarioRows = await tables.last().locator("tbody tr").count();
  check(
    scenarioRows === scenarioFixtures.length,
    `the decision table has a row per scenario (${scenarioRows} of ${scenarioFixtures.length})`,
  );
  const firstCell = await tables.last().locator("tbody tr").first().locator("td").first().textContent();
  check(firstCell === scenarioFixtures[0]?.title, "the decision table starts with the first scenario");

  // Every diagram, on the page that shows it: loaded, labels readable at the size shown,
  // arrowheads apart; the timelines' persons shaded for the 2 s after their greeting.
  for (const guide of ["AMD_events_explained.html", "Timelines.html"]) {
    await page.goto(`${base}/documents/${guide}`);
    // The toolbar stays on top while scrolling; out of the way, it does not cover a tall
    // diagram's screenshot.
    await page.addStyleTag({ content: ".tsd-page-toolbar { position: static !important; }" });
    const diagrams = page.locator('img[src$=".svg"]');
    await diagrams.first().waitFor();
    for (const image of await diagrams.all()) {
      await image.scrollIntoViewIfNeeded();
      const src = (await image.getAttribute("src")) ?? "";
      const name = src.split("/").pop();
      const shown = await image.evaluate((img) => ({
        loaded: img.complete && img.naturalWidth > 0,
        width: img.getBoundingClientRect().width,
        natural: img.naturalWidth,
      }));
      check(shown.loaded, `the diagram ${name} loads`);
      const svg = readFileSync(join(SITE, "documents", src), "utf8");
      const viewBoxWidth = Number(/viewBox="0 0 ([\d.]+)/.exec(svg)?.[1] ?? shown.natural);
      const scale = shown.width / viewBoxWidth;
      const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((match) => Number(match[1]));
      const smallest = Math.min(...sizes) * scale;
      check(
        smallest >= MIN_LABEL_PX,
        `the diagram ${name}'s smallest label is ${smallest.toFixed(1)} px as shown (at least ${MIN_LABEL_PX})`,
      );
      const heads = [...svg.matchAll(/<path d="[^"]* ([\d.]+),([\d.]+)"[^>]*marker-end/g)].map(
        (match) => `${match[1]},${match[2]}`,
      );
      const piled = heads.filter((point, index) => heads.indexOf(point) !== index);
      check(
        piled.length === 0,
        `the diagram ${name} has no two arrowheads on one point${piled.length ? ` (${piled.join(" ")})` : ""}`,
      );
      const outside = [...svg.matchAll(/<text x="([\d.]+)"/g)].filter((match) => Number(match[1]) > viewBoxWidth);
      check(outside.length === 0, `the diagram ${name} has no label starting past its right edge`);
      await image.screenshot({ path: join(SHOTS, `${name.replace(/\.svg$/, "")}.png`) });
    }
  }
  const persons = readFileSync(join(SITE, "media", "timelines-persons.svg"), "utf8");
  const windows = [...persons.matchAll(/<rect [^>]*><title>the 2 s after the greeting/g)].length;
  check(windows > 0, `the persons' timelines shade the 2 s after each greeting (${windows} shaded)`);

  await page.goto(`${base}/index.html`);
  await page.locator("#tsd-search-trigger").click();
  await page.locator("#tsd-search-input").fill("amd_tone_detected");
  const results = page.locator("#tsd-search-results li");
  await results
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  const found = await results.allTextContents();
  check(found.length > 0, `search finds amd_tone_detected (${found.length} results: ${found.slice(0, 3).join(" | ")})`);

  check(errors.length === 0, `no script errors${errors.length > 0 ? `: ${errors.join("; ")}` : ""}`);
} finally {
  await browser.close();
  server.close();
}

if (failures.length > 0) {
  console.error(`docs:check: ${failures.length} failed`);
  process.exitCode = 1;
} else {
  console.log("docs:check: all passed");
}
