// What the browser tests share: Debian's Chromium in a throw-away profile, with the repository served from disk
// through request interception on a made-up origin (nothing leaves the machine), and axe for the accessibility checks.
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

/** The WebResources folder, served as the origin's root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** Where screenshots and measurements go. */
export const output = join(root, "test-output");
/** The made-up origin the pages are served from. */
export const origin = "http://crmcx.test";
/** axe-core, injected into a frame to check it. */
export const axeSource = await readFile(join(root, "node_modules/axe-core/axe.min.js"), "utf8");

const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".resx": "application/xml" };

/** Launches Chromium headless with a fresh profile (named after `profilePrefix`); `close` removes it again. */
export async function launch({ profilePrefix, viewport }) {
  await mkdir(output, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), profilePrefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) return route.abort();
    const path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) return route.fulfill({ status: 403 });
    try {
      return route.fulfill({ status: 200, body: await readFile(path), contentType: types[extname(path)] ?? "application/octet-stream" });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
