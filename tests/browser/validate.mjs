// HTML validity of a whole built site: the Nu Html Checker (vnu.jar of the npm package vnu-jar)
// over every .html file, errors only.
//
//   sachhon build --relative-urls --output <out>
//   node tests/browser/validate.mjs <out>
//
// Needs Java 11 or later on the PATH (or JAVA=/path/to/java) and `npm install` in tests/browser.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const site = process.argv[2];
if (!site || !existsSync(site) || !statSync(site).isDirectory()) {
  console.error("usage: node validate.mjs <built site folder>");
  process.exit(2);
}
const root = resolve(site);
const jar = createRequire(import.meta.url)("vnu-jar");

/** The files the checker reads with --skip-non-html. */
function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = resolve(dir, e.name);
    if (e.isDirectory()) return htmlFiles(path);
    return /\.(html?|xhtml?|xht)$/i.test(e.name) ? [path] : [];
  });
}
const files = htmlFiles(root);
if (!files.length) {
  console.error(`no HTML files in ${root}`);
  process.exit(2);
}

const java = process.env.JAVA || "java";
const run = spawnSync(java, ["-jar", String(jar), "--errors-only", "--skip-non-html", "--format", "json", root], {
  encoding: "utf8",
  maxBuffer: 256 * 1024 * 1024,
});
if (run.error) {
  console.error(`cannot run ${java}: ${run.error.message} (the Nu checker needs Java 11 or later)`);
  process.exit(2);
}
// The JSON report is the checker's stderr (one line); the JVM may write other lines around it.
let report = null;
for (const line of run.stderr.split("\n")) {
  if (!line.startsWith("{")) continue;
  try {
    report = JSON.parse(line);
  } catch {
    // not the report
  }
}
if (!report || !Array.isArray(report.messages)) {
  console.error(`the checker gave no JSON report (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  process.exit(2);
}

const name = (url) => {
  if (!url) return "(no file)";
  try {
    return relative(root, fileURLToPath(url.replace(/^file:(?!\/\/)/, "file://"))) || url;
  } catch {
    return url;
  }
};
const byFile = new Map();
for (const m of report.messages) {
  if (m.type === "info") continue;
  const file = name(m.url);
  if (!byFile.has(file)) byFile.set(file, []);
  byFile.get(file).push(m);
}
for (const file of files.map((f) => relative(root, f)).sort()) {
  if (!byFile.has(file)) console.log(`ok - ${file}`);
}
for (const [file, messages] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
  console.error(`FAIL - ${file}`);
  for (const m of messages) {
    const line = m.lastLine ?? m.firstLine ?? "?";
    const extract = m.extract ? `\n      ${m.extract.replace(/\s+/g, " ").trim()}` : "";
    console.error(`  ${file}:${line}: ${m.type}${m.subType ? `/${m.subType}` : ""}: ${m.message}${extract}`);
  }
}

const failed = byFile.size;
const passed = files.length - [...byFile.keys()].filter((f) => files.includes(resolve(root, f))).length;
if (failed || run.status !== 0) {
  if (!failed) console.error(`the checker exited with ${run.status}:\n${run.stderr}`);
  console.error(`${passed} passed, ${Math.max(failed, 1)} failed`);
  process.exit(1);
}
console.log(`${passed} passed, 0 failed`);
