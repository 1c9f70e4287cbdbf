// The language switch of every kind of page of the sample site, opened from file:// (a
// --relative-urls build): clicking EN lands on the English version (or its nearest existing
// ancestor), in English, and clicking VI there comes back.
//
//   node tests/browser/language.mjs <built site>
import { assert, launch, runner } from "./harness.mjs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(process.argv[2] || "");
const url = (path) => pathToFileURL(resolve(root, path)).href;
const NEWS = "news/quang-tri-ho-tro-doanh-nghiep-sxsh/index.html";
// [kind, Vietnamese page, where EN leads, where VI leads back from there]
const PAGES = [
  ["home", "index.html", "en/index.html", "index.html"],
  ["plain page", "about/index.html", "en/about/index.html", "about/index.html"],
  ["case-study list", "case-studies/index.html", "en/case-studies/index.html", "case-studies/index.html"],
  ["case study", "case-studies/binh-dien-quang-tri/index.html", "en/case-studies/binh-dien-quang-tri/index.html", "case-studies/binh-dien-quang-tri/index.html"],
  ["impact dashboard", "case-studies/impact/index.html", "en/case-studies/impact/index.html", "case-studies/impact/index.html"],
  ["news list", "news/index.html", "en/news/index.html", "news/index.html"],
  ["news post", NEWS, "en/" + NEWS, NEWS],
  ["training", "training/index.html", "en/training/index.html", "training/index.html"],
  ["module", "training/cp-basics/index.html", "en/training/cp-basics/index.html", "training/cp-basics/index.html"],
  ["lesson", "training/cp-basics/02-tam-giai-phap-sxsh/index.html", "en/training/cp-basics/02-tam-giai-phap-sxsh/index.html", "training/cp-basics/02-tam-giai-phap-sxsh/index.html"],
  ["taxonomy", "sectors/index.html", "en/sectors/index.html", "sectors/index.html"],
  ["term translated by term_translations", "sectors/phan-bon/index.html", "en/sectors/fertilizer/index.html", "sectors/phan-bon/index.html"],
  ["technique term", "techniques/technology-change/index.html", "en/techniques/technology-change/index.html", "techniques/technology-change/index.html"],
  ["tag without an English page", "tags/bui/index.html", "en/tags/index.html", "tags/index.html"],
  ["search", "search/index.html", "en/search/index.html", "search/index.html"],
  ["404", "404.html", "en/index.html", "index.html"],
];

const browser = await launch();
const { check, finish } = runner(browser);
for (const [kind, start, english, back] of PAGES) {
  await check(`language switch of the ${kind} (${start})`, async (page) => {
    await page.goto(url(start));
    assert((await page.getAttribute("html", "lang")) === "vi", "starts in Vietnamese");
    await page.click(".lang-switch a[hreflang=en]");
    await page.waitForLoadState();
    assert(page.url() === url(english), `EN led to ${page.url()}, expected ${english}`);
    assert((await page.getAttribute("html", "lang")) === "en", "lands on an English page");
    assert(await page.isVisible("h1"), "the page has its heading");
    await page.click(".lang-switch a[hreflang=vi]");
    await page.waitForLoadState();
    assert(page.url() === url(back), `VI led back to ${page.url()}, expected ${back}`);
    assert((await page.getAttribute("html", "lang")) === "vi", "back in Vietnamese");
  });
}
await finish();
