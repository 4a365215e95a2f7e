// Browser tests of the drivers page: the built page in Debian's Chromium inside drivers-harness.html, a stand-in for
// the CX overview dashboard (window.Xrm read by the page as window.parent.Xrm). Served from disk through request
// interception on a made-up origin, like the panel's tests.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { axeSource, launch, origin, output } from "./chromium.mjs";

let browser;
let context;

before(async () => {
  browser = await launch({ profilePrefix: "cx-drivers-chromium-", viewport: { width: 1000, height: 900 } });
  context = browser.context;
});

after(async () => {
  await browser?.close();
});

async function openDrivers({ scenario = "story", lcid = 1033, state = "ready", forcedColors } = {}) {
  const page = await context.newPage();
  if (forcedColors) await page.emulateMedia({ forcedColors: "active" });
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${origin}/test/browser/drivers-harness.html?scenario=${scenario}&lcid=${lcid}`);
  const frame = page.frameLocator("#WebResource_cxdrivers");
  await frame.locator(`[data-state="${state}"]`).waitFor({ timeout: 10000 });
  const driversFrame = page.frames().find((f) => f.url().endsWith("/cxdrivers.html"));
  return { page, frame, driversFrame, dialogs };
}

async function seriousAxeViolations(frame) {
  await frame.addScriptTag({ content: axeSource });
  const result = await frame.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

const rowsOf = (frame, dimension) =>
  frame.locator(`[data-testid="table-${dimension}"] tbody tr`).evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent)));

describe("the drivers page on the CX overview dashboard", () => {
  it("asks cx_GetDrivers once per dimension for Onboarding through the dashboard's Xrm, over every account", async () => {
    const { page, frame } = await openDrivers();
    const calls = await page.evaluate(() => window.cxDriversHarness.calls);
    assert.deepEqual(calls.map((c) => c.dimension), ["stage", "channel", "owner", "businessunit", "contacts", "effort"]);
    assert.ok(calls.every((c) => c.operation === "cx_GetDrivers" && c.operationType === 1 && c.journeyType === 964000001 && c.account === undefined));
    assert.equal(await frame.locator("#cx-drivers-journeytype").inputValue(), "964000001");
    await frame.locator("#cx-drivers-journeytype").selectOption("all");
    await frame.locator('[data-state="ready"]').waitFor();
    const all = (await page.evaluate(() => window.cxDriversHarness.calls)).slice(6);
    assert.equal(all.length, 6);
    assert.ok(all.every((c) => c.journeyType === undefined));
    await page.close();
  });

  it("says what is below the rest beyond noise, and reads owners alphabetically as 'in line' with small samples marked", async () => {
    const { page, frame, driversFrame, dialogs } = await openDrivers();
    const summary = await frame.locator('[data-testid="summary"] li').allTextContents();
    assert.deepEqual(summary, [
      "Installation (stage): below the rest by 41.2 points, NPS -22.5 ± 14.1, 120 responses",
      "Field visit (channel): below the rest by 30 points, NPS 10 ± 12, 40 responses",
      "Field services South (business unit): below the rest by 45.5 points, NPS -30 ± 12, 40 responses",
      "score 1–3 (hard) (effort): below the rest by 20 points, NPS 10 ± 12, 40 responses",
    ]);
    const owners = await rowsOf(frame, "owner");
    assert.deepEqual(owners.map((r) => r[0]), ["Ana Silva", "Bruno Costa", "Zoé Martin <img src=x onerror=alert(1)>"]);
    assert.deepEqual(owners.map((r) => r.at(-1)), ["in line", "in line", "in line (small sample)"]);
    assert.deepEqual((await rowsOf(frame, "businessunit")).map((r) => [r[0], r.at(-1)]), [
      ["Field services North", "above the rest by 21 points"],
      ["Field services South", "below the rest by 45.5 points"],
    ]);
    assert.deepEqual((await rowsOf(frame, "stage"))[1], ["Installation", "120", "-22.5 ± 14.1", "48.3 ± 3.9", "\u221241.2 points", "beyond noise"]);
    assert.deepEqual((await rowsOf(frame, "contacts")).map((r) => [r[0], r.at(-1)]), [["no contact yet", "within noise"], ["4 contacts or more", "within noise (small sample)"]]);
    // A name with markup stays text: no image element, no dialog.
    assert.equal(await frame.locator("img").count(), 0);
    assert.deepEqual(dialogs, []);
    // Accessible tables: a caption naming the table, column and row headers with their scope.
    const tables = await driversFrame.evaluate(() =>
      Array.from(document.querySelectorAll("table")).map((t) => ({
        caption: t.caption ? t.caption.textContent : null,
        cols: Array.from(t.querySelectorAll("thead th")).every((th) => th.getAttribute("scope") === "col"),
        rows: Array.from(t.querySelectorAll("tbody th")).every((th) => th.getAttribute("scope") === "row"),
      })),
    );
    assert.deepEqual(tables.map((t) => t.caption), ["By stage", "By channel", "By owner (alphabetical)", "By business unit (alphabetical)", "By contacts before the response", "By effort"]);
    assert.ok(tables.every((t) => t.cols && t.rows));
    assert.deepEqual(await seriousAxeViolations(driversFrame), []);
    await page.screenshot({ path: join(output, "drivers.png"), fullPage: true });
    await page.close();
  });

  it("speaks French from the user's language", async () => {
    const { page, frame, driversFrame } = await openDrivers({ lcid: 1036 });
    assert.equal(await driversFrame.evaluate(() => document.documentElement.lang), "fr-FR");
    assert.equal(await frame.locator("h1").textContent(), "Facteurs CX");
    assert.deepEqual((await rowsOf(frame, "owner")).map((r) => r.at(-1)), ["dans la moyenne", "dans la moyenne", "dans la moyenne (petit échantillon)"]);
    assert.equal((await rowsOf(frame, "stage"))[0][0], "Commande");
    assert.deepEqual(await seriousAxeViolations(driversFrame), []);
    await page.close();
  });

  it("shows the API's message as text when a read fails, and reads again on Retry", async () => {
    const { page, frame, dialogs } = await openDrivers({ scenario: "failing", state: "failed" });
    assert.equal(await frame.getByRole("alert").locator('[data-testid="failure-detail"]').textContent(), "cx_GetDrivers: refused <img src=x onerror=alert(1)> (simulated).");
    assert.equal(await frame.locator("img").count(), 0);
    await frame.locator('[data-testid="retry"]').focus();
    await page.keyboard.press("Enter");
    await frame.locator('[data-state="ready"]').waitFor();
    assert.deepEqual(dialogs, []);
    await page.close();
  });

  it("has no serious accessibility violation under forced colors", async () => {
    const { page, driversFrame } = await openDrivers({ forcedColors: true });
    assert.deepEqual(await seriousAxeViolations(driversFrame), []);
    await page.close();
  });
});
