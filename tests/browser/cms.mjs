// The web editor in a real browser: Decap CMS, loaded from `sachhon serve`'s /admin/ with the
// preview server as its local backend, creates a case study through the form, edits its
// English translation, and is refused a save sachhon would reject.
// Run: node cms.mjs <serve URL> <site root> [screenshot folder]   (tests/browser.rs does)
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { launch, assert } from "./harness.mjs";

const [base, root, shots] = process.argv.slice(2);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
const page = await context.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
const shot = async (name) => shots && (await page.screenshot({ path: join(shots, name) }));
const field = (name, n = 0) => page.locator(`[id^="${name}-field-"]`).nth(n);
const bundle = join(root, "content/case-studies/det-may-phu-bai-tiet-kiem-nuoc");
const read = (name) => (existsSync(join(bundle, name)) ? readFileSync(join(bundle, name), "utf8") : "");

/** Waits until `test()` holds, polling; fails with `message` after 15 s. */
async function until(test, message) {
  for (let i = 0; i < 150; i++) {
    if (await test()) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`${message}\n${await page.evaluate(() => document.body.innerText.slice(0, 2000))}`);
}

async function choose(name, text, n = 0) {
  await field(name, n).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

async function publish() {
  await page.getByRole("button", { name: "Công bố", exact: true }).click();
  await page.getByText("Công bố ngay").click();
}

let step = "open the admin page";
try {
  await page.goto(`${base}admin/`);
  // The generated config.yml loads without errors, and the local backend is found.
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByText("Điển hình áp dụng").first().waitFor();
  await page.goto(`${base}admin/#/collections/case-studies`);
  await page.getByText("Phân bón Bình Điền – Quảng Trị").waitFor();
  await shot("danh-sach.png");
  assert(errors.length === 0, `errors while loading the admin:\n${errors.join("\n")}`);

  step = "create a case study through the form";
  await page.goto(`${base}admin/#/collections/case-studies/new`);
  await field("title").fill("Dệt may Phú Bài tiết kiệm nước");
  await choose("sector", "Phân");
  await choose("techniques", "Quản lý");
  await choose("techniques", "Kiểm soát");
  const addMetric = page.getByRole("button", { name: /Add chỉ số/ }).first();
  await addMetric.click();
  await field("name", 0).fill("Nước");
  await field("unit", 0).fill("m3/ngày");
  await field("before", 0).fill("120");
  await field("after", 0).fill("90");
  await addMetric.click();
  await field("name", 1).fill("Năng suất");
  await field("before", 1).fill("200");
  await field("after", 1).fill("300");
  await choose("better", "cao", 1);
  await field("title", 1).fill("Phu Bai Textiles saves water");
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot("bieu-mau.png");
  await publish();
  await until(() => read("index.md") && read("index.en.md"), "the case study was not written");
  const vi = read("index.md");
  // The keys of each metric in the scaffold's order.
  for (const line of ["title: Dệt may Phú Bài tiết kiệm nước", "sector: Phân bón", "  - good-housekeeping",
    "  - process-control", "  - name: Nước\n    unit: m3/ngày\n    before: 120\n    after: 90",
    "  - name: Năng suất\n    before: 200\n    after: 300\n    better: higher"]) {
    assert(vi.includes(`${line}\n`), `index.md lacks ${JSON.stringify(line)}:\n${vi}`);
  }
  assert(vi.startsWith("---\ntitle: ") && vi.endsWith("\n"), `index.md:\n${vi}`);
  assert(!existsSync(join(bundle, "index.vi.md")), "the default language keeps the name index.md");
  assert(read("index.en.md").includes("title: Phu Bai Textiles saves water\n"), read("index.en.md"));
  assert(errors.length === 0, `errors while saving:\n${errors.join("\n")}`);

  step = "edit the English translation";
  // Publishing a new entry opens it again at its own address, building the form anew: what is
  // typed before the form shows the saved entry again is lost.
  await page.waitForURL(/\/entries\//).catch(() => {});
  const title = () => field("title", 1).inputValue().catch(() => "");
  await until(async () => (await title()) === "Phu Bai Textiles saves water",
    "the saved case study did not open again");
  await field("title", 1).fill("Phu Bai Textiles cuts its water use");
  await until(async () => (await title()) === "Phu Bai Textiles cuts its water use",
    "the new title was not typed");
  await publish();
  await until(() => read("index.en.md").includes("title: Phu Bai Textiles cuts its water use\n"),
    "the English translation was not saved");
  assert(read("index.md").includes("title: Dệt may Phú Bài tiết kiệm nước\n"), "the Vietnamese file changed");
  assert(errors.length === 0, `errors while editing:\n${errors.join("\n")}`);

  step = "a metric that is not a number is refused";
  const saved = read("index.md");
  await field("before", 0).fill("");
  await field("before", 0).pressSequentially("nhiều");
  await publish();
  await page.getByText("Bạn còn thiếu vài thông tin bắt buộc").first().waitFor();
  assert(read("index.md") === saved, "a metric without a number was written");
  // A number the form takes but sachhon refuses: the answer is sachhon's own diagnostic.
  await field("before", 0).fill("1e300");
  await page.locator(".Toastify__close-button").first().waitFor({ state: "detached", timeout: 10000 }).catch(() => {});
  await publish();
  const toast = page.locator(".Toastify__toast", { hasText: "E0151" }).first();
  await toast.waitFor();
  const shown = await toast.innerText();
  // Let the notification finish sliding in before the guide's screenshot.
  await page.waitForTimeout(1000);
  assert(/before (of metric 1|của chỉ số thứ 1)/.test(shown), `the message names the field: ${shown}`);
  await shot("tu-choi.png");
  assert(read("index.md") === saved, "a refused entry was written");
  console.log("ok - web editor: create, translate, refuse");
} catch (e) {
  console.error(`FAIL - web editor: ${step}\n  ${String(e.message || e).split("\n").join("\n  ")}`);
  await browser.close();
  process.exit(1);
}
await browser.close();
