// Measures search on a built site in headless Chromium, from file://: the time from opening
// `search/index.html?q=...` to the results shown, and the bytes each query downloaded.
//
//   sachhon build --relative-urls --root <corpus> --output <out>
//   node scripts/search-bench.mjs <out>
//
// Uses playwright-core from tests/browser (run `npm ci` there) and Chromium at /usr/bin/chromium.
import { createRequire } from "node:module";
import { resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { statSync } from "node:fs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(resolve(here, "../tests/browser/package.json"));
const { chromium } = require("playwright-core");

const site = resolve(process.argv[2] || "");
const queries = ["tiết kiệm nước", "tiet kiem nuoc", "dong nai", "năng lượng mặt trời", "nhiệt", "det may"];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
console.log("| query | results | time to results | downloaded (raw) |");
console.log("|---|---|---|---|");
for (const q of queries) {
  const page = await browser.newPage();
  let bytes = 0;
  page.on("requestfinished", (r) => {
    const url = r.url();
    if (url.startsWith("file:")) {
      try { bytes += statSync(fileURLToPath(url.split("?")[0])).size; } catch {}
    }
  });
  const url = pathToFileURL(resolve(site, "search/index.html")).href + "?q=" + encodeURIComponent(q);
  const start = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => {
    const s = document.getElementById("search-status");
    return s && /\d/.test(s.textContent);
  }, null, { timeout: 30000 });
  const ms = Date.now() - start;
  const status = await page.textContent("#search-status");
  console.log(`| ${q} | ${status.trim()} | ${ms} ms | ${Math.round(bytes / 1024)} KiB |`);
  await page.close();
}
await browser.close();
