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
      snippet: (li.querySelector(".result-snippet") || {}).textContent || "",
      section: (li.querySelector(".result-section a") || {}).href || "",
      badge: (li.querySelector(".result-kind") || {}).textContent || "",
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
  await page.waitForFunction(() => window.SachhonSearch && window.SachhonSearch.meta);
  assert(await page.textContent("#search-status") === "", "the status is not empty without a query");
  assert(await page.isHidden("#facets"), "the facets show before there are results");
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

const LONG = "news/so-tay-van-hanh/index.html";

await check("f. a word found only after the 1,000th word of a long page, its passage and heading", async (page) => {
  await page.goto(pageUrl("search/index.html", "?q=zirconi"));
  await settled(page);
  const list = await results(page);
  assert(list.length === 1 && list[0].href.endsWith(LONG), `not the long page alone: ${JSON.stringify(list)}`);
  assert(list[0].marks.includes("zirconi"), `'zirconi' is not highlighted: ${JSON.stringify(list[0])}`);
  assert(list[0].snippet.includes("chế phẩm zirconi ít độc hơn"), `the snippet is not the passage: ${list[0].snippet}`);
  assert(list[0].section.endsWith(LONG + "#ket-qua-cuoi-cung"), `no link to the passage's heading: ${list[0].section}`);
  assert(list[0].badge !== "", "no kind badge");
  linksExist(list);
  // The mark is an element, built with DOM methods: its text is not markup.
  assert(await page.$$eval("#search-results mark", (m) => m.every((e) => e.children.length === 0)), "marks hold elements");
});

await check("g. a phrase ranks the page with the words side by side first", async (page) => {
  await page.goto(pageUrl("search/index.html", "?q=ti%E1%BA%BFt%20ki%E1%BB%87m%20n%C4%83ng%20l%C6%B0%E1%BB%A3ng"));
  await settled(page);
  const list = await results(page);
  assert(list.length >= 2, `both pages holding the words are not found: ${JSON.stringify(list)}`);
  assert(list[0].href.includes("news/tiet-kiem-nang-luong/"), `the page with the phrase is not first: ${JSON.stringify(list)}`);
  assert(list.some((r) => r.href.includes("news/nang-suat-lo-hoi/")), "the page with the words apart is missing");
  const marks = list[0].marks.join(" ");
  assert(marks === "tiết kiệm năng lượng", `the phrase is not highlighted: ${marks}`);
  // Folded query alike.
  await page.fill("#q", "tiet kiem nang luong");
  await page.waitForFunction(() => location.search.includes("tiet"));
  await settled(page);
  assert((await results(page))[0].href.includes("news/tiet-kiem-nang-luong/"), "the folded phrase ranks otherwise");
});

await check("h. no results: a helpful message, no empty facet box; filters can be cleared", async (page) => {
  await page.goto(pageUrl("search/index.html", "?q=xyzzyqua"));
  await settled(page);
  assert((await results(page)).length === 0, "results for a word no page holds");
  assert(await page.isVisible("#search-empty"), "no message for no results");
  assert(await page.isHidden("#facets"), "the facets show without results");
  assert(await page.$$eval("fieldset.facet", (fs) => fs.every((f) => f.offsetParent === null || f.querySelector("li:not([hidden])"))),
    "an empty facet box is shown");
  assert(!(await page.isVisible("#search-empty button")), "a clear-filters button without filters");
  await page.goto(pageUrl("search/index.html", "?q=zirconi&kind=case-study"));
  await settled(page);
  assert((await results(page)).length === 0, "the kind filter does not apply");
  await page.click("#search-empty button");
  await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length === 1);
  assert(!page.url().includes("kind="), `the filter stays in the address: ${page.url()}`);
  assert(await page.isHidden("#search-empty"), "the no-results message stays");
});

await check("i. Esc clears the query and its results", async (page) => {
  await page.goto(pageUrl("search/index.html", "?q=dong%20nai"));
  await settled(page);
  await page.focus("#q");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length === 0);
  assert(await page.inputValue("#q") === "", "the input is not cleared");
  assert(await page.textContent("#search-status") === "", "the status still counts results");
});

await check("j. on a phone the filters fold above the results", { viewport: { width: 375, height: 740 } }, async (page) => {
  await page.goto(pageUrl("search/index.html", "?q=san%20xuat"));
  await settled(page);
  assert(await page.isVisible("#facets summary"), "no folded filters");
  assert(!(await page.$eval("#facets details", (d) => d.open)), "the filters are open on a phone");
  const f = await page.locator("#facets").boundingBox();
  const r = await page.locator("#search-results").boundingBox();
  assert(f.y < r.y, "the filters are not above the results");
  await page.click("#facets summary");
  assert(await page.isVisible("#facets fieldset.facet-kind"), "opening the filters shows no facet");
});

await finish();
