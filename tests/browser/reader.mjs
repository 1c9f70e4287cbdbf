// The reader's experience on the sample site, opened from file:// (a --relative-urls build): a
// case study's headline changes are inside the first phone screen, breadcrumbs are there with
// JSON-LD that parses, the share and print buttons work with JavaScript.
//
//   node tests/browser/reader.mjs <built site>
import { assert, launch, runner } from "./harness.mjs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(process.argv[2] || "");
const url = (path) => pathToFileURL(resolve(root, path)).href;
const CASE = "case-studies/binh-dien-quang-tri/index.html";
const browser = await launch();
const { check, finish } = runner(browser);

for (const path of [CASE, "en/" + CASE]) {
  await check(`headline changes of ${path} inside the first 375x740 screen`, { viewport: { width: 375, height: 740 } }, async (page) => {
    await page.goto(url(path));
    const figures = await page.$$eval(".headline-figures li", (items) => items.map((li) => {
      const r = li.getBoundingClientRect();
      return { bottom: r.bottom, right: r.right, text: li.textContent };
    }));
    assert(figures.length === 2, `expected 2 headline figures, got ${figures.length}`);
    for (const f of figures) assert(f.bottom <= 740 && f.right <= 375, `"${f.text}" ends at ${f.bottom}px`);
    const year = await page.textContent(".case-meta");
    assert(year.includes("2018"), `year missing from "${year}"`);
  });
}

const TRAILS = [
  [CASE, ["index.html", "case-studies/index.html"]],
  ["training/cp-basics/01-san-xuat-sach-hon-la-gi/index.html", ["index.html", "training/index.html", "training/cp-basics/index.html"]],
  ["sectors/phan-bon/index.html", ["index.html", "sectors/index.html"]],
  ["case-studies/impact/index.html", ["index.html", "case-studies/index.html"]],
];
for (const [path, links] of TRAILS) {
  await check(`breadcrumbs of ${path}`, async (page) => {
    await page.goto(url(path));
    const hrefs = await page.$$eval("nav.breadcrumbs a", (as) => as.map((a) => a.href));
    assert(JSON.stringify(hrefs) === JSON.stringify(links.map(url)), `trail ${hrefs.join(" > ")}`);
    assert(await page.getAttribute("nav.breadcrumbs", "aria-label"), "breadcrumbs need a label");
    const text = await page.textContent("script[type='application/ld+json']");
    const doc = JSON.parse(text);
    const list = doc["@graph"].find((i) => i["@type"] === "BreadcrumbList");
    assert(list && list.itemListElement.length === links.length + 1, `BreadcrumbList ${JSON.stringify(list)}`);
    list.itemListElement.forEach((item, i) => assert(item.position === i + 1 && item.name && item.item.startsWith("https://"), JSON.stringify(item)));
  });
}

const LESSON = "training/cp-basics/02-tam-giai-phap-sxsh/index.html";
for (const [width, open] of [[375, false], [1280, true]]) {
  await check(`the lesson's module list at ${width} px: current lesson marked, "Bài 2/3"`, { viewport: { width, height: 800 } }, async (page) => {
    await page.goto(url(LESSON));
    const eyebrow = await page.textContent(".eyebrow");
    assert(eyebrow.includes("Bài 2/3") && !eyebrow.includes("trên"), `eyebrow "${eyebrow}"`);
    const current = await page.$$eval(".module-lessons [aria-current=page]", (as) => as.map((a) => a.textContent));
    assert(current.length === 1 && current[0] === (await page.textContent("h1")), `current ${current}`);
    assert((await page.locator(".module-lessons li").count()) === 3, "three lessons listed");
    assert((await page.isVisible(".module-lessons ol")) === open, `list ${open ? "open beside the lesson" : "collapsed"} at ${width} px`);
    if (!open) {
      await page.click(".module-lessons summary");
      assert(await page.isVisible(".module-lessons ol"), "the phone's list opens");
    }
    assert(await page.isVisible(".lesson-nav a[rel=prev]") && await page.isVisible(".lesson-nav a[rel=next]"), "previous and next lessons");
  });
}

await check("the module lists each of its lessons once", async (page) => {
  await page.goto(url("training/cp-basics/index.html"));
  const hrefs = await page.$$eval("main a", (as) => as.map((a) => a.getAttribute("href")).filter((h) => /0\d-/.test(h)));
  assert(hrefs.length === 3 && new Set(hrefs).size === 3, `lesson links ${hrefs}`);
});

// No short word, number or arrow left alone on the last line of a heading, a name or a link at
// 375 px ("Quảng / Trị", "BÀI 1 TRÊN / 3", a lone "→"): a long word on its own line is fine.
const SHORT = 5;
const WRAPPED = ["index.html", "case-studies/index.html", CASE, "case-studies/impact/index.html", "training/index.html",
  "training/cp-basics/index.html", LESSON, "training/cp-basics/03-danh-gia-nhanh/index.html", "news/index.html",
  "news/quang-tri-ho-tro-doanh-nghiep-sxsh/index.html", "about/index.html", "sectors/phan-bon/index.html"];
for (const path of [...WRAPPED, ...WRAPPED.map((p) => "en/" + p.replace("sectors/phan-bon", "sectors/fertilizer"))]) {
  await check(`no orphan word at 375 px on ${path}`, { viewport: { width: 375, height: 740 } }, async (page) => {
    await page.goto(url(path));
    const orphans = await page.evaluate((short) => {
      const out = [];
      const selector = "h1, h2, h3, .brand, .eyebrow, .case-meta > span, .card-meta > span, .figure-label, .figure-detail, .card-title, .lesson-nav a, .pagination a, .breadcrumbs li, .page-meta";
      for (const el of document.querySelectorAll(selector)) {
        if (!el.getClientRects().length) continue;
        const words = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (const m of n.data.matchAll(/\S+/g)) {
            const r = document.createRange();
            r.setStart(n, m.index);
            r.setEnd(n, m.index + m[0].length);
            const rect = r.getClientRects()[0];
            if (rect) words.push({ word: m[0], top: Math.round(rect.top) });
          }
        }
        const tops = [...new Set(words.map((w) => w.top))];
        const last = words.filter((w) => w.top === tops[tops.length - 1]);
        if (tops.length > 1 && last.length === 1 && [...last[0].word].length <= short) out.push(`"${el.textContent.trim()}" leaves "${last[0].word}" alone`);
      }
      return out;
    }, SHORT);
    assert(orphans.length === 0, orphans.join("\n"));
  });
}

await check("the home describes the site and its search for search engines", async (page) => {
  await page.goto(url("index.html"));
  const doc = JSON.parse(await page.textContent("script[type='application/ld+json']"));
  const site = doc["@graph"].find((i) => i["@type"] === "WebSite");
  assert(site && site.potentialAction["@type"] === "SearchAction", JSON.stringify(doc));
  assert((await page.locator("nav.breadcrumbs").count()) === 0, "no breadcrumbs on the home");
});

await check("share links and the print button", async (page) => {
  await page.goto(url(CASE));
  const facebook = await page.getAttribute(".share a[href*='facebook.com']", "href");
  assert(facebook.includes(encodeURIComponent("https://")), facebook);
  assert(await page.isVisible("[data-print]"), "print button shown with JavaScript");
  await page.emulateMedia({ media: "print" });
  assert(!(await page.isVisible(".share")), "share block hidden in print");
  assert(await page.isVisible(".headline-figures"), "headline figures printed");
});

await finish();
