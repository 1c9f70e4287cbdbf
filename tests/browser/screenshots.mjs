// Full-page screenshots of the main kinds of page of a built site, at a phone and a desktop width.
//
//   sachhon build --relative-urls --output <out>      (at the repository root: the sample site)
//   node tests/browser/screenshots.mjs <out> docs/screenshots
//
// Writes <page>-<width>.png (home-375.png, case-study-1280.png, ...) into the output folder.
// Run by `cargo test` (tests/browser.rs provisions Node packages and Chromium); standalone it
// needs `npm ci` in tests/browser.
import { chromium } from "playwright-core";
import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const PAGES = [
  { name: "home", path: "index.html" },
  { name: "case-study", path: "case-studies/binh-dien-quang-tri/index.html" },
  { name: "lesson", path: "training/cp-basics/01-san-xuat-sach-hon-la-gi/index.html" },
  { name: "case-study-list", path: "case-studies/index.html" },
  { name: "news-list", path: "news/index.html" },
  { name: "search", path: "search/index.html", query: "?q=bao%20bi", search: true },
];
const VIEWPORTS = [{ width: 375, height: 800 }, { width: 1280, height: 900 }];

const [site, out] = process.argv.slice(2);
if (!site || !out || !existsSync(resolve(site, "index.html"))) {
  console.error("usage: node screenshots.mjs <built site folder> <output folder>");
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
let passed = 0;
const failures = [];
for (const p of PAGES) {
  for (const viewport of VIEWPORTS) {
    const file = resolve(out, `${p.name}-${viewport.width}.png`);
    const context = await browser.newContext({ viewport, colorScheme: process.env.COLOR_SCHEME || "light" });
    const page = await context.newPage();
    try {
      await page.goto(pathToFileURL(resolve(site, p.path)).href + (p.query || ""));
      if (p.search) await page.waitForSelector("#search-results > li", { timeout: 5000 });
      await page.screenshot({ path: file, fullPage: true });
      passed++;
      console.log(`ok - ${file}`);
    } catch (e) {
      failures.push(file);
      console.error(`FAIL - ${file}\n  ${e.message}`);
    } finally {
      await context.close();
    }
  }
}
await browser.close();
if (failures.length) {
  console.error(`${passed} passed, ${failures.length} failed`);
  process.exit(1);
}
console.log(`${passed} passed, 0 failed`);
