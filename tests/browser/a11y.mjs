// Accessibility test of a built site, opened from file://: axe-core on the main kinds of page at a
// phone and a desktop width, the skip link, no sideways scrolling on phones, content without JS.
//
//   sachhon build --relative-urls --output <out>      (at the repository root: the sample site)
//   node tests/browser/a11y.mjs <out>
//
// Run by `cargo test` (tests/browser.rs provisions Node packages and Chromium); standalone it
// needs `npm ci` in tests/browser.
import { assert, launch, runner } from "./harness.mjs";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PAGES = [
  { name: "home", path: "index.html" },
  { name: "case study", path: "case-studies/binh-dien-quang-tri/index.html" },
  { name: "lesson", path: "training/cp-basics/01-san-xuat-sach-hon-la-gi/index.html" },
  { name: "news list", path: "news/index.html" },
  { name: "search", path: "search/index.html", query: "?q=bao%20bi", search: true },
  { name: "English case study", path: "en/case-studies/binh-dien-quang-tri/index.html" },
  { name: "impact dashboard", path: "case-studies/impact/index.html" },
  { name: "term", path: "sectors/phan-bon/index.html" },
  { name: "case-study list", path: "case-studies/index.html" },
  { name: "module", path: "training/cp-basics/index.html" },
];
const VIEWPORTS = [{ width: 375, height: 800 }, { width: 1280, height: 900 }];

const site = process.argv[2];
const missing = site ? PAGES.filter((p) => !existsSync(resolve(site, p.path))) : PAGES;
if (!site || missing.length) {
  console.error("usage: node a11y.mjs <built site folder> (the sample site, built with --relative-urls)");
  if (site) console.error(`missing: ${missing.map((p) => p.path).join(", ")}`);
  process.exit(2);
}
const root = resolve(site);
const here = dirname(fileURLToPath(import.meta.url));
const AXE = resolve(here, "node_modules/axe-core/axe.min.js");
const pageUrl = (p) => pathToFileURL(resolve(root, p.path)).href + (p.query || "");

const browser = await launch();
const { check, finish } = runner(browser);

/** Opens a page; on the search page, waits until the results are shown. */
async function open(page, p) {
  await page.goto(pageUrl(p));
  if (p.search) {
    await page.waitForFunction(() => {
      const s = document.getElementById("search-status").textContent;
      const loading = JSON.parse(document.getElementById("search-strings").textContent).loading;
      return s !== "" && s !== loading;
    }, null, { timeout: 5000 });
    assert(await page.locator("#search-results > li").count() > 0, `no search results for ${p.query}`);
  }
}

/** The rectangle of an element and whether it lies wholly inside the viewport. */
async function placement(page, selector) {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return {
      rect: `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`,
      inView: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 &&
        r.right <= innerWidth && r.bottom <= innerHeight,
    };
  });
}

for (const p of PAGES) {
  for (const viewport of VIEWPORTS) {
    const at = `${p.name} at ${viewport.width}px`;

    await check(`axe: ${at} has no serious or critical violations`, { viewport }, async (page) => {
      await open(page, p);
      await page.addScriptTag({ path: AXE });
      const found = await page.evaluate(async () =>
        (await window.axe.run(document, { resultTypes: ["violations"], preload: false })).violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`));
      assert(found.length === 0, found.join("\n"));
    });

    await check(`keyboard: ${at}, Tab first shows the skip link`, { viewport }, async (page) => {
      await open(page, p);
      assert(!(await placement(page, ".skip-link")).inView, "the skip link is visible before it has the focus");
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement.className + " " + document.activeElement.outerHTML.slice(0, 80));
      assert(await page.evaluate(() => document.activeElement.matches("a.skip-link[href='#main']")),
        `Tab focuses ${focused}, not the skip link`);
      const where = await placement(page, ".skip-link");
      assert(where.inView, `the focused skip link is not inside the viewport (${where.rect})`);
      await page.keyboard.press("Enter");
      assert(await page.evaluate(() => document.activeElement === document.querySelector("main#main")),
        "following the skip link does not move the focus to <main>");
    });

    if (viewport.width === 375) {
      await check(`layout: ${at} does not scroll sideways`, { viewport }, async (page) => {
        await open(page, p);
        const widths = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          wide: [...document.querySelectorAll("body *")]
            .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5 && !el.closest(".table-wrap, pre"))
            .filter((el) => !el.closest(".skip-link, .visually-hidden"))
            .slice(0, 5).map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : "")),
        }));
        assert(widths.scroll <= viewport.width,
          `scrollWidth ${widths.scroll} > ${viewport.width}; too wide: ${widths.wide.join(", ") || "?"}`);
      });
    }
  }

  await check(`no JavaScript: ${p.name} shows its main heading`, { viewport: VIEWPORTS[0], javaScriptEnabled: false },
    async (page) => {
      await page.goto(pageUrl(p));
      const h1 = page.locator("main h1");
      assert(await h1.count() === 1, `main has ${await h1.count()} h1 elements`);
      assert(await h1.isVisible(), "the main h1 is not visible");
      assert((await h1.textContent()).trim() !== "", "the main h1 is empty");
    });
}

await finish();
