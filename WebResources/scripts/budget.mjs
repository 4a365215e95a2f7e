// Prints the panel's budget figures and fails when one is over: script + stylesheet minified at most 60 KB (50 KB
// until issue 14 added the journey and case views, the trend table, verbatim paging, the drivers section and the reasons' sentences in
// both languages; about 13 KB gzip), at most 3 requests on load (customer, open journeys, settings; all sent at once), counted by the browser tests, which write
// test-output/requests-on-load.json.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));
// The drivers page (cx_/drivers/) has its own budget: script + stylesheet at most 40 KB (about 33 KB at first).
const limits = { panelBytes: 60 * 1024, driversBytes: 40 * 1024, requestsOnLoad: 3 };

const files = ["dist/cx_/panel/cxpanel.js", "dist/cx_/panel/cxpanel.css", "dist/cx_/panel/cxpanel.html", "dist/cx_/scripts/cxform.js", "dist/cx_/drivers/cxdrivers.js", "dist/cx_/drivers/cxdrivers.css", "dist/cx_/drivers/cxdrivers.html"];
const sizes = {};
for (const file of files) {
  const content = await readFile(join(root, file));
  sizes[file] = { bytes: (await stat(join(root, file))).size, gzip: gzipSync(content).length };
  console.log(`${file.padEnd(34)} ${String(sizes[file].bytes).padStart(7)} B  (${sizes[file].gzip} B gzip)`);
}
const panelBytes = sizes["dist/cx_/panel/cxpanel.js"].bytes + sizes["dist/cx_/panel/cxpanel.css"].bytes;
const problems = [];
console.log(`panel script + stylesheet: ${(panelBytes / 1024).toFixed(1)} KB of ${limits.panelBytes / 1024} KB`);
if (panelBytes > limits.panelBytes) problems.push(`panel script + stylesheet over ${limits.panelBytes / 1024} KB`);
const driversBytes = sizes["dist/cx_/drivers/cxdrivers.js"].bytes + sizes["dist/cx_/drivers/cxdrivers.css"].bytes;
console.log(`drivers page script + stylesheet: ${(driversBytes / 1024).toFixed(1)} KB of ${limits.driversBytes / 1024} KB`);
if (driversBytes > limits.driversBytes) problems.push(`drivers page script + stylesheet over ${limits.driversBytes / 1024} KB`);

let requests;
try {
  requests = JSON.parse(await readFile(join(root, "test-output/requests-on-load.json"), "utf8"));
} catch {
  problems.push("no request counts: run the browser tests first (npm run test:browser)");
}
if (requests) {
  for (const [scenario, count] of Object.entries(requests)) {
    // The journey form reads one record; the case form its case, then that journey; the customer forms three.
    const limit = scenario.startsWith("journey") ? 1 : scenario.startsWith("case") ? 2 : limits.requestsOnLoad;
    console.log(`requests on load (${scenario}): ${count} of at most ${limit}`);
    if (count > limit) problems.push(`${scenario}: ${count} requests on load`);
  }
}
if (problems.length > 0) {
  console.error(`Over budget: ${problems.join("; ")}`);
  process.exit(1);
}
console.log("budget: within limits");
