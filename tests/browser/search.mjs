// Browser test of the search page of a built site, opened from file://.
//
//   sachhon build --root tests/fixtures/search --relative-urls --output <out>
//   node tests/browser/search.mjs <out>
//
// Run by `cargo test` (tests/browser.rs provisions Node packages and Chromium); standalone it
// needs `npm ci` in tests/browser.
import { assert, launch, runner } from "./harness.mjs";
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const site = process.argv[2];
if (!site || !existsSync(resolve(site, "search/index.html"))) {
  console.error("usage: node search.mjs <built site folder> (a folder with search/index.html)");
  process.exit(2);
}
const root = resolve(site);
const pageUrl = (path, query = "") => pathToFileURL(resolve(root, path)).href + query;

// The site's search.js comes from the theme embedded in the binary: warn when it is not the one
// of this checkout (binary built before the last edit of themes/default/static/search.js).
const here = dirname(fileURLToPath(import.meta.url));
const themeJs = resolve(here, "../../themes/default/static/search.js");
if (existsSync(themeJs) && readFileSync(themeJs, "utf8") !== readFileSync(resolve(root, "search.js"), "utf8")) {
  console.warn("warning: the site's search.js differs from themes/default/static/search.js (stale binary?)");
}

const browser = await launch();
const { check, finish } = runner(browser);

/** Waits until the search has finished: the status is set and is not the loading message. */
async function settled(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById("search-status").textContent;
    const loading = JSON.parse(document.getElementById("search-strings").textContent).loading;
    return s !== "" && s !== loading;
  }, null, { timeout: 5000 });
}

/** The results shown: resolved link, title, meta line and highlighted words. */
async function results(page) {
  return page.$$eval("#search-results > li", (lis) =>
    lis.map((li) => ({
      href: li.querySelector("a").href,
      title: li.querySelector("a").textContent,
      meta: (li.querySelector(".result-meta") || {}).textContent || "",
      marks: [...li.querySelectorAll("mark")].map((m) => m.textContent),
    })),
  );
}

/** Every result link must open an existing file of the site. */
function linksExist(list) {
  for (const r of list) {
    assert(r.href.startsWith("file:"), `result link is not a file URL: ${r.href}`);
    assert(existsSync(fileURLToPath(r.href)), `result link points to a missing file: ${r.href}`);
  }
}

const DONG_NAI = "case-studies/det-may-dong-nai/index.html";
const HOI_THAO = "news/hoi-thao-da-nang";

await check("a. ?q=dong nai finds the Dong Nai case study, not the Hội thảo news", async (page) => {
  await page.goto(pageUrl("search/index.html", "?q=dong%20nai"));
  await settled(page);
  const list = await results(page);
  assert(await page.inputValue("#q") === "dong nai", "the input does not show the query of the URL");
  assert(list.some((r) => r.href.endsWith(DONG_NAI) && !r.href.includes("/en/")),
    `no link to ${DONG_NAI} in ${JSON.stringify(list)}`);
  assert(!list.some((r) => r.href.includes(HOI_THAO)), "the Hội thảo news post matches 'dong nai'");
  linksExist(list);
  const status = await page.textContent("#search-status");
  assert(status.includes(String(list.length)), `status "${status}" does not count ${list.length} results`);
  assert(list[0].marks.some((m) => m === "Đồng") && list[0].marks.some((m) => m === "Nai"),
    `'Đồng Nai' is not highlighted in the snippet: ${JSON.stringify(list[0].marks)}`);
  assert(await page.isVisible("#facets"), "the facets are not shown");
  const province = await page.textContent('#facets label:has(input[name=province][value="Đồng Nai"])');
  assert(/Đồng Nai\s*1$/.test(province.trim()), `the Đồng Nai facet does not count 1 result: "${province}"`);
  assert(!(await page.isVisible('#facets input[name=province][value="Bình Dương"]')),
    "a province without results is shown");
});

await check("b. ?q=&kind=news shows only news", async (page) => {
  await page.goto(pageUrl("search/index.html", "?q=&kind=news"));
  await settled(page);
  const list = await results(page);
  assert(list.length > 0, "no results for the news filter");
  assert(list.every((r) => r.href.includes("/news/")), `not only news: ${JSON.stringify(list)}`);
  assert(list.some((r) => r.href.includes(HOI_THAO)), "the Hội thảo news post is missing");
  assert(await page.isChecked('#facets input[name=kind][value=news]'), "the news checkbox is not checked");
  linksExist(list);
  // Unchecking the filter with an empty query shows nothing again.
  await page.uncheck('#facets input[name=kind][value=news]');
  await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length === 0);
});

await check("c. English ?q=water finds the English water case study", async (page) => {
  await page.goto(pageUrl("en/search/index.html", "?q=water"));
  await settled(page);
  const list = await results(page);
  assert(list.some((r) => r.href.endsWith("en/" + DONG_NAI)), `no link to en/${DONG_NAI} in ${JSON.stringify(list)}`);
  assert(list.every((r) => r.href.includes("/en/")), `non-English results: ${JSON.stringify(list)}`);
  linksExist(list);
});

await check("d. typing 'tiet kiem nuoc' finds the water-saving case study; keyboard moves", async (page) => {
  await page.goto(pageUrl("search/index.html"));
  await page.waitForSelector("#facets:not([hidden])");
  assert(await page.textContent("#search-status") === "", "the status is not empty without a query");
  await page.locator("#q").pressSequentially("tiet kiem nuoc", { delay: 40 });
  await page.waitForFunction((want) => [...document.querySelectorAll("#search-results a")]
    .some((a) => a.href.endsWith(want)), DONG_NAI, { timeout: 5000 });
  // On a busy machine the results of "tiet kiem" can show before those of the whole query.
  await page.waitForFunction(() => location.search.endsWith("nuoc")
    && [...document.querySelectorAll("#search-results li:first-child mark")].some((m) => m.textContent === "nước"),
    null, { timeout: 10000 }).catch(() => {});
  await settled(page);
  const list = await results(page);
  assert(list[0].href.endsWith(DONG_NAI), `the water case study is not first: ${JSON.stringify(list)}`);
  assert(!list.some((r) => r.href.includes(HOI_THAO)), "the Hội thảo news post matches 'tiet kiem nuoc'");
  assert(list[0].marks.includes("nước"), `'nước' is not highlighted: ${JSON.stringify(list[0].marks)}`);
  assert(page.url().endsWith("?q=tiet%20kiem%20nuoc"), `the address does not hold the query: ${page.url()}`);
  // Submitting does not reload the page.
  await page.evaluate(() => { window.__same = true; });
  await page.press("#q", "Enter");
  await settled(page);
  assert(await page.evaluate(() => window.__same === true), "submitting the form reloaded the page");
  // ArrowDown moves to the first result, Escape back to the input.
  await page.press("#q", "ArrowDown");
  assert(await page.evaluate(() => document.activeElement === document.querySelector("#search-results a")),
    "ArrowDown does not focus the first result");
  await page.keyboard.press("Escape");
  assert(await page.evaluate(() => document.activeElement.id === "q"), "Escape does not return to the input");
});

await check("e. the search page with results has no serious axe violations", async (page) => {
  await page.goto(pageUrl("search/index.html", "?q=san%20xuat"));
  await settled(page);
  await page.addScriptTag({ path: resolve(here, "node_modules/axe-core/axe.min.js") });
  const found = await page.evaluate(async () => (await window.axe.run(document, { preload: false })).violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
  assert(found.length === 0, found.join("\n"));
});

await finish();
