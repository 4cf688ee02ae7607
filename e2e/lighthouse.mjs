// Lighthouse on a fresh build of the site, served on loopback: the front
// page and an article, in Lighthouse's default (mobile, throttled) mode.
// Prints the four category scores of each page and exits 1 when any is
// below the minimum (95, or --min N).
//
//   node lighthouse.mjs [--min N] [--json DIR]
//
// Chromium is Debian's, at CHROME_PATH (default /usr/bin/chromium), started
// with the flags this machine needs; nothing is downloaded.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const pages = ["/", "/news/russia-seeks-veto-in-ukraine-security-guarantees/"];
const categories = ["performance", "accessibility", "best-practices", "seo"];
const chromeFlags = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage",
];

const { values: opts } = parseArgs({ options: { min: { type: "string", default: "95" }, json: { type: "string" } } });
const min = Number(opts.min);

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".xml": "application/xml",
  ".json": "application/json", ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8" };

// serve serves folder dir, as a static host does: index.html for a folder,
// 404.html with status 404 for a missing file.
function serve(dir) {
  return createServer((req, res) => {
    let file = join(dir, normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)));
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": types[".html"] });
      res.end(readFileSync(join(dir, "404.html")));
    }
  });
}

const tmp = mkdtempSync(join(tmpdir(), "digest-lighthouse-"));
const site = join(tmp, "public");
const server = serve(site);
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/`;
let failed = false;
let chrome;
try {
  execFileSync("go", ["run", "./cmd/digest", "build", "--destination", site, "--base-url", base],
    { cwd: new URL("..", import.meta.url), stdio: ["ignore", "ignore", "inherit"] });
  mkdirSync(join(tmp, "profile"));
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags, userDataDir: join(tmp, "profile"),
  });
  console.log(["page".padEnd(60), ...categories.map((c) => c.padStart(15))].join(""));
  for (const p of pages) {
    const { lhr } = await lighthouse(new URL(p.slice(1), base).href, { port: chrome.port, onlyCategories: categories, logLevel: "error" });
    const scores = categories.map((c) => Math.round(lhr.categories[c].score * 100));
    console.log([p.padEnd(60), ...scores.map((s) => String(s).padStart(15))].join(""));
    for (const [i, s] of scores.entries()) {
      if (s < min) {
        failed = true;
        for (const ref of lhr.categories[categories[i]].auditRefs) {
          const a = lhr.audits[ref.id];
          if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`  ${categories[i]}: ${a.id}: ${a.title} (${a.displayValue ?? a.score})`);
        }
      }
    }
    if (opts.json) writeFileSync(join(opts.json, (p.split("/").filter(Boolean).pop() ?? "front") + ".json"), JSON.stringify(lhr, null, 1));
  }
} finally {
  await chrome?.kill();
  server.close();
  rmSync(tmp, { recursive: true, force: true });
}
if (failed) {
  console.log(`a score is below ${min}`);
  process.exit(1);
}
