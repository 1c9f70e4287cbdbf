// Content tabs of the imported fixture (MkDocs `=== "Label"`), opened from file:// (a
// --relative-urls build): without JavaScript they are panels one after the other, each headed by
// its label; with it, a tab bar (role=tablist) shows one panel at a time, by click or by the
// arrow, Home and End keys, with the selected tab alone in the Tab order.
//
//   node tests/browser/tabs.mjs <built imported fixture>
import { assert, launch, runner } from "./harness.mjs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(process.argv[2] || "");
const PAGE = pathToFileURL(resolve(root, "huong-dan/mo-rong/index.html")).href;
const browser = await launch();
const { check, finish } = runner(browser);
const shown = (page) => page.$$eval(".tab-panel", (ps) => ps.filter((p) => !p.hidden).map((p) => p.textContent.trim()));

await check("without JavaScript every panel is shown under its label", { javaScriptEnabled: false }, async (page) => {
  await page.goto(PAGE);
  assert((await page.$$(".tab-bar")).length === 0, "no tab bar without JavaScript");
  const labels = await page.$$eval(".tab-label", (ls) => ls.filter((l) => l.offsetParent !== null).map((l) => l.textContent));
  assert(labels.join(",") === "Windows,Linux", `labels ${labels}`);
  assert((await shown(page)).length === 2, "both panels shown");
});

await check("with JavaScript the tabs are a tab bar, by click and by keyboard", async (page) => {
  await page.goto(PAGE);
  const tabs = page.locator(".tab-bar[role=tablist] [role=tab]");
  assert((await tabs.count()) === 2, "two tabs");
  assert((await tabs.nth(0).getAttribute("aria-selected")) === "true", "first tab selected");
  let panels = await shown(page);
  assert(panels.length === 1 && panels[0].includes("Chạy tệp cài đặt"), `shown: ${panels}`);
  const panelId = await tabs.nth(0).getAttribute("aria-controls");
  assert((await page.getAttribute(`#${panelId}`, "role")) === "tabpanel", "panel role");
  assert(!(await page.isVisible(".tab-label")), "labels are in the bar, not repeated");
  await tabs.nth(1).click();
  panels = await shown(page);
  assert(panels.length === 1 && panels[0].includes("trình quản lý gói"), `after click: ${panels}`);
  await tabs.nth(1).focus();
  await page.keyboard.press("ArrowRight");
  assert((await tabs.nth(0).getAttribute("aria-selected")) === "true", "ArrowRight wraps to the first");
  assert(await tabs.nth(0).evaluate((t) => t === document.activeElement), "focus follows");
  await page.keyboard.press("End");
  assert((await tabs.nth(1).getAttribute("aria-selected")) === "true", "End selects the last");
  assert((await tabs.nth(0).getAttribute("tabindex")) === "-1", "only the selected tab is in the Tab order");
  await page.keyboard.press("Tab");
  assert(await page.evaluate(() => document.activeElement.getAttribute("role") === "tabpanel"), "Tab moves into the open panel");
});

await finish();
