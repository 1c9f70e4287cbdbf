// Compares sachhon's search with Pagefind's on one built site (run by scripts/search-bench,
// which builds the site with `--relative-urls` and runs Pagefind on it first).
//
//   node scripts/search-bench.mjs <built site with search/ and pagefind/>
//
// Prints, for both: pages indexed, index size in total and per 1,000 pages (gzip), and for each
// fixed query the results, the bytes a browser fetched (gzip) to show the first page of results
// with their passages, and recall against the other tool's results. sachhon is opened from
// file://, Pagefind (which cannot run from file://) from a local HTTP server.
// Uses playwright-core from tests/browser (`npm ci` there) and Chromium at /usr/bin/chromium.
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { resolve, dirname, join, extname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import vm from "node:vm";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(resolve(here, "../tests/browser/package.json"));
const { chromium } = require("playwright-core");

const site = resolve(process.argv[2] || "");
if (!["search", "pagefind", "pagefind-content"].every((d) => existsSync(join(site, d)))) {
  console.error("usage: node scripts/search-bench.mjs <built site with search/ and pagefind/>");
  process.exit(2);
}
/** Results shown at once, with their passages: sachhon's page size, asked of Pagefind too. */
const SHOWN = 10;
const QUERIES = process.env.SEARCH_BENCH_QUERY ? [["asked", process.env.SEARCH_BENCH_QUERY]] : [
  ["single word", "condensate"],
  ["two words", "băng tải"],
  ["phrase", "tiết kiệm năng lượng"],
  ["prefix", "compres"],
  ["no result", "xylophone"],
  ["folded phrase", "tiet kiem nang luong"],
  ["folded đ", "do uong"],
];

// ---- sizes -------------------------------------------------------------------------------
const gzCache = new Map();
/** Bytes on the wire: gzip of the file, or the file itself when that is smaller (Pagefind's
 *  index files are gzip already). */
function wire(file) {
  if (!gzCache.has(file)) {
    const raw = readFileSync(file);
    gzCache.set(file, Math.min(raw.length, gzipSync(raw).length));
  }
  return gzCache.get(file);
}
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]);
}
function size(dir) {
  const files = walk(dir);
  return { files: files.length, raw: files.reduce((n, f) => n + statSync(f).size, 0), wire: files.reduce((n, f) => n + wire(f), 0) };
}
const mb = (n) => (n / 1048576).toFixed(1) + " MB";
const kb = (n) => (n / 1024).toFixed(0) + " KB";

// ---- sachhon's documents, to name its results -------------------------------------------
const sachhonLangs = readdirSync(join(site, "search"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
const lang = sachhonLangs.includes("vi") ? "vi" : sachhonLangs[0];
const sachhonPaths = [];
{
  const sandbox = { SachhonSearch: {} };
  sandbox.window = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(readFileSync(join(site, "search", lang, "meta.js"), "utf8"), sandbox);
  const chunk = sandbox.SachhonSearch.meta.chunk;
  sandbox.SachhonSearch.docs = (n, rows) => rows.forEach((r, i) => { sachhonPaths[n * chunk + i] = r[1]; });
  for (const f of readdirSync(join(site, "search", lang)).filter((f) => /^d-\d+\.js$/.test(f))) {
    vm.runInContext(readFileSync(join(site, "search", lang, f), "utf8"), sandbox);
  }
}
const norm = (u) => decodeURI(u).replace(/^(https?:\/\/[^/]+)?\/*/, "").replace(/index\.html$/, "");
const indexed = new Set(sachhonPaths.map(norm));

// ---- a server for Pagefind ---------------------------------------------------------------
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm" };
const server = createServer((req, res) => {
  const path = join(site, decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (!path.startsWith(site) || !existsSync(path) || statSync(path).isDirectory()) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { "content-type": TYPES[extname(path)] || "application/octet-stream" });
  res.end(readFileSync(path));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});

/** Bytes fetched (wire size of each file) by the page while `fn` runs. */
async function fetched(page, fn) {
  let bytes = 0;
  const seen = new Set();
  const listener = (r) => {
    const url = r.url();
    let file = null;
    if (url.startsWith("file:")) file = fileURLToPath(url.split("?")[0]);
    else if (url.startsWith(origin)) file = join(site, decodeURIComponent(new URL(url).pathname));
    if (file && !seen.has(file) && existsSync(file) && statSync(file).isFile()) { seen.add(file); bytes += wire(file); }
  };
  page.on("requestfinished", listener);
  const value = await fn();
  page.off("requestfinished", listener);
  return { bytes, value };
}

async function sachhon(q) {
  const page = await browser.newPage();
  const url = pathToFileURL(join(site, "search/index.html")).href + "?q=" + encodeURIComponent(q);
  const start = Date.now();
  const { bytes, value } = await fetched(page, async () => {
    await page.goto(url);
    await page.waitForFunction(() => {
      const s = document.getElementById("search-status").textContent;
      return s !== "" && s !== JSON.parse(document.getElementById("search-strings").textContent).loading;
    }, null, { timeout: 60000 });
    return page.evaluate(() => window.SachhonSearch.results.slice());
  });
  const ms = Date.now() - start;
  await page.close();
  return { bytes, ms, urls: value.map((id) => norm(sachhonPaths[id])) };
}

async function pagefind(q, dir) {
  const page = await browser.newPage();
  await page.goto(origin + "/404.html");
  const start = Date.now();
  // The search and the first SHOWN results with their excerpts, as its UI shows them.
  const { bytes, value } = await fetched(page, () => page.evaluate(async ([q, shown, dir]) => {
    const pf = await import(`/${dir}/pagefind.js`);
    await pf.init();
    const r = await pf.search(q);
    await Promise.all(r.results.slice(0, shown).map((x) => x.data()));
    window.__pf = r.results;
    return r.results.length;
  }, [q, SHOWN, dir]));
  const ms = Date.now() - start;
  // Every result's address, for recall (not counted in the bytes).
  const urls = await page.evaluate(async () => {
    const out = [];
    for (let i = 0; i < window.__pf.length; i += 200) {
      out.push(...(await Promise.all(window.__pf.slice(i, i + 200).map(async (x) => (await x.data()).url))));
    }
    return out;
  });
  await page.close();
  return { bytes, ms, count: value, urls: urls.map(norm) };
}

const S = size(join(site, "search"));
const P = size(join(site, "pagefind"));
// (pagefind-content serves recall only.)
const pfPages = JSON.parse(readFileSync(join(site, "pagefind/pagefind-entry.json"), "utf8")).languages;
const pfCount = Object.values(pfPages).reduce((n, l) => n + l.page_count, 0);
console.log(`| | sachhon | Pagefind |`);
console.log(`|---|---|---|`);
console.log(`| pages indexed | ${sachhonPaths.length} | ${pfCount} (every HTML file, lists included) |`);
console.log(`| index files | ${S.files} | ${P.files} |`);
console.log(`| index size, raw | ${mb(S.raw)} | ${mb(P.raw)} |`);
console.log(`| index size, gzip | ${mb(S.wire)} | ${mb(P.wire)} |`);
console.log(`| gzip per 1,000 pages indexed | ${mb(S.wire / sachhonPaths.length * 1000)} | ${mb(P.wire / pfCount * 1000)} |`);
console.log();
console.log(`Per query: results, bytes fetched (gzip) to show the first ${SHOWN} results with passages, time; recall`);
console.log(`against Pagefind run on the pages' own content (main, without related cards, lesson lists and hidden captions):`);
console.log(`the pages of its results that sachhon indexes, and the share of them each tool finds.`);
console.log();
console.log(`| query | | sachhon results | Pagefind results | sachhon fetched | Pagefind fetched | Pagefind (content only) results | sachhon recall of Pagefind's | Pagefind recall of sachhon's |`);
console.log(`|---|---|---|---|---|---|---|---|---|`);
for (const [kind, q] of QUERIES) {
  const s = await sachhon(q);
  const p = await pagefind(q, "pagefind");
  const c = await pagefind(q, "pagefind-content");
  const sset = new Set(s.urls);
  const cset = new Set(c.urls.filter((u) => indexed.has(u)));
  const recall = (found, want) => want.size === 0 ? "-" : (100 * [...want].filter((u) => found.has(u)).length / want.size).toFixed(1) + " %";
  if (process.env.SEARCH_BENCH_MISSED) {
    console.error(q, "missed:", [...cset].filter((u) => !sset.has(u)).slice(0, 5));
  }
  console.log(`| ${q} | ${kind} | ${s.urls.length} | ${p.count} | ${kb(s.bytes)} (${s.ms} ms) | ${kb(p.bytes)} (${p.ms} ms) | ${cset.size} | ${recall(sset, cset)} | ${recall(cset, sset)} |`);
}
await browser.close();
server.close();
