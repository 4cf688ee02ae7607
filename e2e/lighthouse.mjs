// Lighthouse on a fresh build of the site, served on loopback: the front
// page and an article, in Lighthouse's default (mobile, throttled) mode;
// then on a generated site of 10,000 articles (bench/gen, not committed):
// its front page, its largest topic's page and its newest archive month.
// Prints the four category scores of each page and exits 1 when any is
// below the minimum (95, or --min N).
//
// The performance score is timed, so it varies from run to run with the
// machine's load (Lighthouse's own guidance on variability: run it several
// times and take the median). A page whose performance is below the minimum
// is run twice more and judged by the median of the three runs; every run's
// score is printed. The other three categories are not timed and are judged
// on the first run.
//
//   node lighthouse.mjs [--min N] [--json DIR]
//
// Chromium is Debian's, at CHROME_PATH (default /usr/bin/chromium), started
// with the flags this machine needs; nothing is downloaded.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const pages = ["/", "/news/russia-seeks-veto-in-ukraine-security-guarantees/"];
// The generated site's pages: gen's corpus ends in June 2026, and Ukraine is
// its most common topic.
const bigCount = 10000;
const bigPages = ["/", "/topics/ukraine/", "/archive/2026/06/"];
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
const repo = new URL("..", import.meta.url);
const digest = join(tmp, "digest");
const run = (...args) => execFileSync(digest, args, { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
const servers = [];
async function start(dir) {
  const server = serve(dir);
  servers.push(server);
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return `http://127.0.0.1:${server.address().port}/`;
}
let failed = false;
let chrome;
try {
  execFileSync("go", ["build", "-o", digest, "./cmd/digest"], { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("go", ["build", "-o", join(tmp, "gen"), "./bench/gen"], { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
  const base = await start(join(tmp, "public"));
  run("build", "--destination", join(tmp, "public"), "--base-url", base);
  const big = join(tmp, "big");
  execFileSync(join(tmp, "gen"), ["--count", String(bigCount), "--seed", "1", "--out", big], { stdio: ["ignore", "ignore", "inherit"] });
  for (const d of ["templates", "static", "digest.yaml"]) cpSync(new URL(d, repo), join(big, d), { recursive: true });
  run("convert", "--source", big);
  const bigBase = await start(join(big, "public"));
  run("build", "--source", big, "--base-url", bigBase);
  mkdirSync(join(tmp, "profile"));
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags, userDataDir: join(tmp, "profile"),
  });
  console.log(["page".padEnd(60), ...categories.map((c) => c.padStart(15))].join(""));
  const all = [...pages.map((p) => [p, base, p]), ...bigPages.map((p) => [`${bigCount} articles: ${p}`, bigBase, p])];
  for (const [name, root, p] of all) {
    const url = new URL(p.slice(1), root).href;
    const audit = async () => (await lighthouse(url, { port: chrome.port, onlyCategories: categories, logLevel: "error" })).lhr;
    const score = (lhr, c) => Math.round(lhr.categories[c].score * 100);
    let lhr = await audit();
    const scores = categories.map((c) => score(lhr, c));
    if (scores[0] < min) {
      const runs = [{ lhr, s: scores[0] }];
      for (let i = 0; i < 2; i++) {
        const again = await audit();
        runs.push({ lhr: again, s: score(again, "performance") });
      }
      console.log(`  performance of ${name.trim()} over three runs: ${runs.map((r) => r.s).join(", ")}; judged by the median`);
      runs.sort((a, b) => a.s - b.s);
      scores[0] = runs[1].s;
      if (scores[0] < min) lhr = runs[1].lhr;
    }
    console.log([name.padEnd(60), ...scores.map((s) => String(s).padStart(15))].join(""));
    for (const [i, s] of scores.entries()) {
      if (s < min) {
        failed = true;
        for (const ref of lhr.categories[categories[i]].auditRefs) {
          const a = lhr.audits[ref.id];
          if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`  ${categories[i]}: ${a.id}: ${a.title} (${a.displayValue ?? a.score})`);
        }
      }
    }
    if (opts.json) writeFileSync(join(opts.json, (name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "front") + ".json"), JSON.stringify(lhr, null, 1));
  }
} finally {
  await chrome?.kill();
  for (const server of servers) server.close();
  rmSync(tmp, { recursive: true, force: true });
}
if (failed) {
  console.log(`a score is below ${min}`);
  process.exit(1);
}
