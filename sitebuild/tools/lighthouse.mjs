// Lighthouse over a list of URLs in one headless Chromium; sitebuild/tools/lighthouse.py runs it and reads the result.
//   node lighthouse.mjs NODE_MODULES_DIR OUT.json URL...
// Mobile settings (Lighthouse's defaults: a Moto G Power screen, simulated slow 4G and a 4x slower CPU).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [modules, out, ...urls] = process.argv.slice(2);
const load = (path) => import(pathToFileURL(join(modules, path)).href);
const { default: lighthouse } = await load("lighthouse/core/index.js");
const launcher = await load("chrome-launcher/dist/index.js");

const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-default-apps", "--disable-sync", "--no-first-run"];
const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
  "cumulative-layout-shift", "speed-index"];

const chrome = await launcher.launch({ chromePath: process.env.CHROME_PATH, chromeFlags: FLAGS });
const results = [];
try {
  for (const url of urls) {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" });
    const failed = [];
    for (const category of Object.values(lhr.categories)) {
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1 && category.id !== "performance") {
          failed.push(`${category.id}: ${audit.id}`);
        }
      }
    }
    results.push({
      url,
      scores: Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, Math.round(c.score * 100)])),
      metrics: Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id].numericValue])),
      failed,
      errors: (lhr.audits["errors-in-console"].details?.items ?? []).map((item) => item.description),
      runtimeError: lhr.runtimeError?.message ?? null,
    });
    process.stderr.write(".");
  }
} finally {
  await chrome.kill();
}
writeFileSync(out, JSON.stringify(results, null, 1));
