// The case-study list of the reader fixture, opened from file:// (a --relative-urls build):
// without JavaScript its term links lead to the full lists; with it, choosing a sector narrows
// the cards, says how many are shown and puts the choice into the URL, and that URL brings the
// same state back (sort included), at phone and desktop widths.
//
//   node tests/browser/case-filter.mjs <built reader fixture>
import { assert, launch, runner } from "./harness.mjs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(process.argv[2] || "");
const url = (path) => pathToFileURL(resolve(root, path)).href;
const LIST = "case-studies/index.html";
const browser = await launch();
const { check, finish } = runner(browser);
const visibleCards = (page) => page.$$eval("[data-cards] > .card", (cards) =>
  cards.filter((c) => !c.hidden && c.offsetParent !== null).map((c) => c.querySelector("a").getAttribute("href")));

await check("without JavaScript the list links its sectors, provinces and techniques", { javaScriptEnabled: false }, async (page) => {
  await page.goto(url(LIST));
  assert(!(await page.isVisible("[data-case-filter]")), "the filter form needs JavaScript and stays hidden");
  const links = await page.$$eval(".browse-terms a", (as) => as.map((a) => a.getAttribute("href")));
  for (const term of ["sectors/det-may/", "provinces/dong-nai/", "techniques/good-housekeeping/"]) {
    assert(links.some((h) => h.includes(term)), `no link to ${term} in ${links.join(", ")}`);
  }
  assert((await page.textContent("[data-filter-count]")).includes("3"), "count of case studies");
  assert((await visibleCards(page)).length === 3, "every card shown");
});

for (const width of [375, 1280]) {
  await check(`filtering by a sector at ${width} px narrows the cards and updates the URL`, { viewport: { width, height: 800 } }, async (page) => {
    await page.goto(url(LIST));
    assert(await page.isVisible("[data-case-filter]"), "filter form shown");
    assert((await visibleCards(page)).length === 3, "three cards before filtering");
    await page.selectOption("#filter-sectors", "det-may");
    const cards = await visibleCards(page);
    assert(cards.length === 1 && cards[0].includes("det-a"), `cards ${cards}`);
    assert(new URL(page.url()).searchParams.get("sectors") === "det-may", `URL ${page.url()}`);
    const count = await page.textContent("[data-filter-count]");
    assert(count.includes("1/3"), `count "${count}"`);
    assert((await page.getAttribute("[data-filter-count]", "role")) === "status", "count is a live region");
    await page.click("button[type=reset]");
    await page.waitForFunction(() => !location.search);
    assert((await visibleCards(page)).length === 3, "reset shows every card");
  });
}

await check("a filtered URL restores the filters and the sort", async (page) => {
  await page.goto(url(LIST) + "?provinces=dong-nai&sort=payback");
  assert((await page.inputValue("#filter-provinces")) === "dong-nai", "province restored");
  assert((await page.inputValue("#filter-sort")) === "payback", "sort restored");
  const cards = await visibleCards(page);
  assert(cards.length === 2 && cards[0].includes("thuc-pham-c") && cards[1].includes("det-a"), `cards ${cards}`);
  await page.selectOption("#filter-provinces", "");
  await page.selectOption("#filter-sort", "gain");
  const byGain = await visibleCards(page);
  assert(byGain.length === 3 && byGain[0].includes("det-a"), `by gain ${byGain}`);
  await page.selectOption("#filter-year", "2022");
  const in2022 = await visibleCards(page);
  assert(in2022.length === 1 && in2022[0].includes("giay-b"), `2022: ${in2022}`);
  await page.selectOption("#filter-year", "2021").catch(() => {});
  assert(new URL(page.url()).searchParams.get("year") === "2022", "a year the list does not have is not offered");
});

await check("the filters are reached and used with the keyboard", async (page) => {
  await page.goto(url(LIST));
  await page.focus("#filter-sectors");
  await page.keyboard.press("ArrowDown");
  const cards = await visibleCards(page);
  assert(cards.length === 1, `keyboard choice narrows the cards: ${cards}`);
  assert(await page.$eval("#filter-sectors", (s) => !!document.querySelector(`label[for=${s.id}]`)), "select has a label");
});

await finish();
