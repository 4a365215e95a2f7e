// Builds every web resource into dist/, at paths equal to the web resource names (dist/cx_/...).
import { execFileSync } from "node:child_process";
import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

// The Power Apps checker parses nothing newer than ES2018. Strict TypeScript makes esbuild open each bundle
// with "use strict", which the checker's web-use-strict-mode rule asks for.
const common = {
  bundle: true,
  format: "iife",
  target: "es2018",
  // Whitespace and names only: syntax minification turns === into == where it is equivalent, which the
  // checker's web-use-strict-equality-operators rule (eqeqeq) would then report on the shipped file.
  minifyWhitespace: true,
  minifyIdentifiers: true,
  minifySyntax: false,
  legalComments: "none",
  logLevel: "warning",
};

const lowered = join(root, "build/es2018");
await rm(dist, { recursive: true, force: true });
await rm(lowered, { recursive: true, force: true });
// Step 1: TypeScript lowers src/ to ES2018 modules (see tsconfig.build.json for why not esbuild alone).
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
// Step 2: esbuild bundles those modules into one script per web resource.
await Promise.all([
  build({ ...common, entryPoints: [join(lowered, "form/cxform.js")], outfile: join(dist, "cx_/scripts/cxform.js"), globalName: "CrmCx.Forms" }),
  build({ ...common, entryPoints: [join(lowered, "panel/cxpanel.js")], outfile: join(dist, "cx_/panel/cxpanel.js") }),
  build({ entryPoints: [join(root, "src/panel/cxpanel.css")], outfile: join(dist, "cx_/panel/cxpanel.css"), bundle: true, minify: true, target: "chrome80", logLevel: "warning" }),
  build({ ...common, entryPoints: [join(lowered, "drivers/cxdrivers.js")], outfile: join(dist, "cx_/drivers/cxdrivers.js") }),
  build({ entryPoints: [join(root, "src/drivers/cxdrivers.css")], outfile: join(dist, "cx_/drivers/cxdrivers.css"), bundle: true, minify: true, target: "chrome80", logLevel: "warning" }),
]);

const copies = [
  ["src/panel/cxpanel.html", "cx_/panel/cxpanel.html"],
  ["src/drivers/cxdrivers.html", "cx_/drivers/cxdrivers.html"],
  ["src/strings/cx.1033.resx", "cx_/strings/cx.1033.resx"],
  ["src/strings/cx.1036.resx", "cx_/strings/cx.1036.resx"],
];
for (const [from, to] of copies) {
  await mkdir(dirname(join(dist, to)), { recursive: true });
  await copyFile(join(root, from), join(dist, to));
}
console.log("built dist/cx_/{scripts/cxform.js, panel/cxpanel.html, panel/cxpanel.js, panel/cxpanel.css, drivers/cxdrivers.html, drivers/cxdrivers.js, drivers/cxdrivers.css, strings/cx.1033.resx, strings/cx.1036.resx}");
