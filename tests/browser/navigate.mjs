// Clicks through the sample site opened from file:// (a --relative-urls build): home -> a case
// study -> its English translation -> back, checking each page and every stylesheet loaded.
// With a second argument, saves a screenshot of each step into that folder.
//
//   node tests/browser/navigate.mjs <built site> [screenshot folder]
import { launch } from "./harness.mjs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const site = resolve(process.argv[2] || "");
const shots = process.argv[3] ? resolve(process.argv[3]) : null;
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const failed = [];
page.on("requestfailed", (r) => failed.push(r.url()));
let passed = 0;
const failures = [];
async function step(name, fn) {
  try {
    await fn();
    if (shots) await page.screenshot({ path: `${shots}/navigate-${passed + failures.length + 1}-${name}.png` });
    passed++;
  } catch (e) {
    failures.push(`${name}: ${e.message}`);
  }
}
const expect = (cond, message) => { if (!cond) throw new Error(message); };
const styled = async () =>
  page.evaluate(() => getComputedStyle(document.querySelector(".site-header")).backgroundColor !== "rgba(0, 0, 0, 0)"
    || getComputedStyle(document.body).fontFamily.includes("system-ui"));

await step("home", async () => {
  await page.goto(pathToFileURL(resolve(site, "index.html")).href);
  expect((await page.getAttribute("html", "lang")) === "vi", "home is not Vietnamese");
  expect(await styled(), "stylesheet not applied");
});
await step("case-study", async () => {
  await page.click("a[href$='case-studies/binh-dien-quang-tri/index.html']");
  await page.waitForLoadState();
  expect(page.url().endsWith("case-studies/binh-dien-quang-tri/index.html"), `at ${page.url()}`);
  expect((await page.textContent("h1")).includes("Bình Điền"), "case-study title");
  expect((await page.locator("svg[role=img]").count()) >= 2, "charts");
});
await step("translation", async () => {
  await page.click(".lang-switch a[hreflang=en]");
  await page.waitForLoadState();
  expect(page.url().endsWith("en/case-studies/binh-dien-quang-tri/index.html"), `at ${page.url()}`);
  expect((await page.getAttribute("html", "lang")) === "en", "translation is not English");
  expect(await styled(), "stylesheet not applied on the translation");
});
await step("back", async () => {
  await page.goBack();
  expect(page.url().endsWith("/case-studies/binh-dien-quang-tri/index.html") && !page.url().includes("/en/"), `at ${page.url()}`);
  expect((await page.getAttribute("html", "lang")) === "vi", "back is not Vietnamese");
});
await browser.close();
if (failed.length) failures.push(`failed loads: ${failed.join(", ")}`);
for (const f of failures) console.error(`FAIL ${f}`);
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
