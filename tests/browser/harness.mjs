// Shared by the browser tests: launching Chromium, running named checks that also
// fail on page errors and failed loads, and the closing "N passed, N failed" line.
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

/** The Chromium to run: $CHROMIUM (set by tests/browser.rs), Debian's package, else the binary
 * shipped inside the npm package @sparticuz/chromium (unpacked into the temporary folder). */
async function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  const packaged = (await import("@sparticuz/chromium")).default;
  return packaged.executablePath();
}

/** Headless Chromium with no background networking. */
export async function launch() {
  return chromium.launch({
    executablePath: await chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** A runner of named checks in `browser`: `check(name, [contextOptions,] fn)`, then `finish()`. */
export function runner(browser) {
  let passed = 0;
  const failures = [];
  async function check(name, options, fn) {
    if (typeof options === "function") [options, fn] = [{}, options];
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
    page.on("requestfailed", (r) => errors.push(`failed to load ${r.url()}`));
    try {
      await fn(page);
      if (errors.length) throw new Error(errors.join("\n"));
      passed++;
      console.log(`ok - ${name}`);
    } catch (e) {
      failures.push(name);
      console.error(`FAIL - ${name}\n  ${String(e.message || e).split("\n").join("\n  ")}`);
    } finally {
      await context.close();
    }
  }
  /** Closes the browser, prints the summary line and exits 1 on any failure. */
  async function finish() {
    await browser.close();
    if (failures.length) {
      console.error(`${passed} passed, ${failures.length} failed`);
      process.exit(1);
    }
    console.log(`${passed} passed, 0 failed`);
  }
  return { check, finish };
}
