// Browser test of the sample site's search pages, opened from file://: the example query each
// search page shows in its input finds something.
//
//   sachhon build --relative-urls --output <out>      (at the repository root)
//   node tests/browser/search-example.mjs <out>
import { assert, launch, runner } from "./harness.mjs";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const site = process.argv[2];
if (!site || !existsSync(resolve(site, "search/index.html"))) {
  console.error("usage: node search-example.mjs <built site folder> (a folder with search/index.html)");
  process.exit(2);
}
const browser = await launch();
const { check, finish } = runner(browser);

for (const path of ["search/index.html", "en/search/index.html"]) {
  await check(`the example query of ${path} finds something`, async (page) => {
    await page.goto(pathToFileURL(resolve(site, path)).href);
    const example = (await page.getAttribute("#q", "placeholder")).replace(/^(?:[^:]*:|e\.g\.)\s*/i, "");
    assert(example.length > 0, "the search input shows no example");
    await page.fill("#q", example);
    await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length > 0, null, { timeout: 5000 })
      .catch(() => { throw new Error(`the example "${example}" finds nothing`); });
    assert(await page.locator("#search-results mark").count() > 0, `nothing of "${example}" is highlighted`);
  });
}

await finish();
