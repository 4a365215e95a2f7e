// Browser tests: the built panel and form library in Debian's Chromium, driven by playwright-core.
// Pages are served from disk through request interception on a made-up origin: nothing leaves the machine.
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { axeSource, launch, origin, output } from "./chromium.mjs";

let browser;
let context;
const requestsOnLoad = {};

before(async () => {
  browser = await launch({ profilePrefix: "cx-chromium-", viewport: { width: 760, height: 900 } });
  context = browser.context;
});

after(async () => {
  await writeFile(join(output, "requests-on-load.json"), JSON.stringify(requestsOnLoad, null, 2));
  await browser?.close();
});

/** Opens the harness (a fake account form) and returns the page and the panel's frame once `state` shows. */
async function openPanel({ scenario, lcid = 1033, user, state = "ready", window: windowDays, settings, table, forcedColors }) {
  const page = await context.newPage();
  // The verbatims' age is measured from the demo's clock, so "2 days ago" is the same on every run.
  await page.clock.setFixedTime(new Date("2026-11-20T09:00:00Z"));
  if (forcedColors) await page.emulateMedia({ forcedColors: "active" });
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const query = new URLSearchParams({
    scenario,
    lcid: String(lcid),
    ...(user ? { user } : {}),
    ...(windowDays ? { window: String(windowDays) } : {}),
    ...(settings ? { settings } : {}),
    ...(table ? { table } : {}),
  });
  await page.goto(`${origin}/test/browser/harness.html?${query}`);
  const frame = page.frameLocator("#WebResource_cxpanel");
  await frame.locator(`[data-state="${state}"]`).waitFor({ timeout: 10000 });
  const panelFrame = page.frames().find((f) => f.url().endsWith("/cxpanel.html"));
  return { page, frame, panelFrame, dialogs };
}

async function seriousAxeViolations(panelFrame) {
  await panelFrame.addScriptTag({ content: axeSource });
  const result = await panelFrame.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** WCAG relative luminance and contrast ratio of two CSS rgb()/rgba() colours. */
function contrast(a, b) {
  const luminance = (color) => {
    const [r, g, b2] = color.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/**
 * Tabs through every focusable control of the panel and returns, for each, its focus outline and the colours it
 * must stand out from: the control's own background and the opaque background around it.
 */
async function focusRings(page, panelFrame) {
  await panelFrame.focus("body");
  await panelFrame.evaluate(() => document.body.focus());
  const rings = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const ring = await panelFrame.evaluate(() => {
      const active = document.activeElement;
      if (!active || active === document.body) return null;
      // Back at a control already measured: the tab order has wrapped.
      if (active.hasAttribute("data-ring-seen")) return "seen";
      active.setAttribute("data-ring-seen", "");
      const opaque = (el) => {
        for (let node = el; node; node = node.parentElement) {
          const color = getComputedStyle(node).backgroundColor;
          if (color !== "transparent" && !/rgba\(.*,\s*0\)$/.test(color)) return color;
        }
        return "rgb(255, 255, 255)";
      };
      const style = getComputedStyle(active);
      // The ring must not be cut off by an ancestor that clips its overflow (the old density toggle's fault).
      const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
      const box = active.getBoundingClientRect();
      let clippedBy = null;
      for (let node = active.parentElement; node && node !== document.body; node = node.parentElement) {
        const ancestor = getComputedStyle(node);
        if (ancestor.overflowX === "visible" && ancestor.overflowY === "visible") continue;
        const r = node.getBoundingClientRect();
        if (box.left - reach < r.left || box.top - reach < r.top || box.right + reach > r.right || box.bottom + reach > r.bottom) {
          clippedBy = node.className || node.tagName;
        }
      }
      return {
        clippedBy,
        id: `${active.tagName.toLowerCase()} ${active.getAttribute("data-testid") || active.textContent.trim().slice(0, 30)}`,
        visible: active.matches(":focus-visible"),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
        outlineColor: style.outlineColor,
        own: opaque(active),
        around: opaque(active.parentElement),
      };
    });
    if (ring === null || ring === "seen") break;
    rings.push(ring);
  }
  return rings;
}

async function screenshot(page, name) {
  // Size the form's iframe to the panel's content, as a form section would show it, then shoot the whole form.
  const height = await page.frames().find((f) => f.url().endsWith("/cxpanel.html")).evaluate(() => document.documentElement.scrollHeight);
  await page.locator("#WebResource_cxpanel").evaluate((frame, h) => { frame.style.height = `${h}px`; }, height);
  await page.locator("body").screenshot({ path: join(output, name) });
}

describe("CX panel in Chromium", () => {
  it("shows an at-risk customer's NPS, journeys and verbatims in English, with markup in a verbatim as plain text", async () => {
    const { page, frame, panelFrame, dialogs } = await openPanel({ scenario: "atrisk" });
    await panelFrame.evaluate(() => document.fonts.ready);
    assert.equal(await frame.locator('[data-testid="nps-value"]').textContent(), "12.5");
    assert.equal(await frame.locator('[data-testid="nps-window"]').textContent(), "Over the last 12 months");
    assert.match(await frame.locator(".cx-nps").textContent(), /± 14\.2 points \(95% margin\)/);
    assert.match(await frame.locator('[data-change="significant"]').textContent(), /Down 28\.5 points on the previous 12 months: significant/);
    assert.match(await frame.locator(".cx-mix-legend").textContent(), /Promoters: 17 \(43%\)/);
    assert.equal(await frame.locator(".cx-trend-chart").count(), 1);

    const journeys = frame.locator('[data-testid="journey"]');
    assert.equal(await journeys.count(), 3);
    assert.match(await journeys.nth(0).textContent(), /Onboarding – Contoso Pharmaceuticals.*High risk/);
    assert.match(await journeys.nth(0).textContent(), /Satisfaction fell from 85 at Welcome to 51 at Installation \(−40%\)/);
    const stages = await journeys.nth(0).locator(".cx-stage-name").allTextContents();
    assert.deepEqual(stages, ["Order", "Welcome", "Installation", "Activation", "First invoice", "Adoption"]);
    assert.match(await journeys.nth(0).locator('[aria-current="step"]').textContent(), /Activation30current/);
    assert.equal(await journeys.nth(1).locator(".cx-journey-name").textContent(), "Relocation – Contoso HQ <b>Paris</b>");

    const verbatims = frame.locator('[data-testid="verbatim"]');
    assert.equal(await verbatims.count(), 5, "the first page of five");
    assert.equal(
      await verbatims.nth(0).locator("blockquote").textContent(),
      "The installer came twice and the router still drops. <img src=x onerror=alert(1)> Fix it!",
    );
    assert.match(await verbatims.nth(0).textContent(), /Amélie <i>Roux<\/i>3\/10 Detractor.*Phone.*11\/18\/2026 \(2 days ago\)/);
    assert.match(await verbatims.nth(1).textContent(), /Respondent unknown/);
    assert.equal(await frame.locator(".cx-verbatims img, .cx-verbatims i, .cx-journeys b").count(), 0, "no element was made from data");
    assert.deepEqual(dialogs, [], "nothing ran");

    const notification = page.locator('[data-notification="cx_atriskjourney"]');
    assert.equal(
      await notification.textContent(),
      "ERROR: Journey at high risk: Onboarding – Contoso Pharmaceuticals. Satisfaction fell from 85 at Welcome to 51 at Installation (−40%) 1 more journey is at risk.",
    );
    const panelCalls = await page.evaluate(() => window.cxHarness.panelCalls);
    requestsOnLoad.atrisk = panelCalls.length;
    assert.equal(panelCalls.length, 3, "three requests on load");
    assert.deepEqual(panelCalls.map((call) => call.table).sort(), ["account", "cx_customerjourney", "environmentvariabledefinition"]);
    assert.deepEqual(await seriousAxeViolations(panelFrame), []);
    await screenshot(page, "panel.png");
    await page.close();
  });

  it("shows the same customer in French, compact, with French dates and numbers", async () => {
    const { page, frame, panelFrame } = await openPanel({ scenario: "atrisk", lcid: 1036, user: "{FR000000-0000-4000-8000-000000000001}".replace("FR", "F0") });
    await frame.getByRole("button", { name: "Compacte" }).click();
    assert.equal(await frame.locator('[data-testid="nps-value"]').textContent(), "12,5");
    assert.equal(await frame.locator("h1").textContent(), "Expérience client");
    assert.match(await frame.locator('[data-change="significant"]').textContent(), /En baisse de 28,5 points/);
    assert.match(await frame.locator('[data-testid="verbatim"]').first().textContent(), /Téléphone.*18\/11\/2026 \(avant-hier\)/);
    assert.equal(await frame.locator(".cx-stages").first().isVisible(), false, "compact hides the stage strip");
    assert.equal(await frame.locator('[data-testid="verbatim"]:visible').count(), 2);
    assert.equal(await panelFrame.evaluate(() => document.documentElement.lang), "fr-FR");
    // The banner's reason and the panel's reasons come from the plug-in's codes, in French; the plural follows French rules.
    assert.match(
      await page.locator('[data-notification="cx_atriskjourney"]').textContent(),
      /^ERROR: Parcours à risque élevé\u00a0: Onboarding – Contoso Pharmaceuticals\. La satisfaction est passée de 85 à l’étape Accueil à 51 à l’étape Installation \(−40[\u00a0\u202f]%\) 1 autre parcours est à risque\.$/,
    );
    await frame.getByRole("button", { name: "Détaillée" }).click();
    const reasons = await frame.locator('[data-testid="journey"]').first().locator(".cx-reasons li").allTextContents();
    assert.deepEqual(reasons.slice(1), ["2 réponses détractrices", "Dernière réponse 3/10 à l’étape Activation"]);
    assert.match(await frame.locator('[data-testid="customer-reasons"]').textContent(), /Le NPS est passé de \+41 à \+13, au-delà de la marge de ±19/);
    assert.doesNotMatch(await frame.locator(".cx-journeys").textContent(), /detractor|Satisfaction fell|NPS fell/, "no English reason for a French reader");
    const table = await frame.locator('[data-testid="trend-table"] tbody tr').allTextContents();
    assert.match(table[0], /déc\. 2025.*48.*± 98.*1.*confiance faible/);
    assert.match(await panelFrame.locator('[data-testid="trend-chart"] circle title').first().textContent(), /déc\. 2025\u00a0: NPS 48 ± 98, 1 réponse, confiance faible/);
    await frame.getByRole("button", { name: "Compacte" }).click();
    assert.deepEqual(await seriousAxeViolations(panelFrame), []);
    await page.emulateMedia({ forcedColors: "active" });
    assert.deepEqual(await seriousAxeViolations(panelFrame), [], "French, high contrast");
    await screenshot(page, "panel-fr-compact.png");
    await page.close();
  });

  it("remembers the compact density for the same user after the form reopens", async () => {
    const user = "{0B0B0B0B-0000-4000-8000-000000000002}";
    const first = await openPanel({ scenario: "healthy", user });
    await first.frame.getByRole("button", { name: "Compact" }).click();
    await first.page.close();
    const again = await openPanel({ scenario: "healthy", user });
    assert.equal(await again.frame.getByRole("button", { name: "Compact" }).getAttribute("aria-pressed"), "true");
    assert.equal(await again.frame.getByRole("button", { name: "Detailed" }).getAttribute("aria-pressed"), "false");
    await again.page.close();
    const otherUser = await openPanel({ scenario: "healthy", user: "{0C0C0C0C-0000-4000-8000-000000000003}" });
    assert.equal(await otherUser.frame.getByRole("button", { name: "Detailed" }).getAttribute("aria-pressed"), "true");
    await otherUser.page.close();
  });

  it("shows a healthy customer's change as within noise and raises no notification", async () => {
    const { page, frame, panelFrame } = await openPanel({ scenario: "healthy" });
    assert.equal(await frame.locator('[data-testid="nps-value"]').textContent(), "64");
    assert.match(await frame.locator('[data-change="noise"]').textContent(), /\+5\.5 points on the previous 12 months: within noise/);
    assert.match(await frame.locator('[data-testid="customer-risk"]').textContent(), /No risk/);
    assert.equal(await frame.locator('[data-testid="low-confidence"]').count(), 0);
    assert.equal(await page.locator("[data-notification]").count(), 0);
    requestsOnLoad.healthy = (await page.evaluate(() => window.cxHarness.panelCalls)).length;
    assert.deepEqual(await seriousAxeViolations(panelFrame), []);
    await screenshot(page, "panel-healthy.png");
    await page.close();
  });

  it("says a customer without responses has none yet, in English and in French", async () => {
    for (const [lcid, text] of [[1033, "No survey responses in the last 12 months yet."], [1036, "Aucune réponse à une enquête sur les 12 derniers mois pour l’instant."]]) {
      const { page, frame, panelFrame } = await openPanel({ scenario: "noresponses", lcid });
      assert.equal(await frame.locator('[data-state="no-responses"]').textContent(), text);
      assert.equal(await frame.locator('[data-testid="nps-value"]').count(), 0);
      assert.deepEqual(await seriousAxeViolations(panelFrame), []);
      if (lcid === 1033) await screenshot(page, "panel-no-responses.png");
      await page.close();
    }
  });

  it("labels the NPS window as the cx_Settings environment variable sets it, in English and in French", async () => {
    const english = await openPanel({ scenario: "healthy", window: 90 });
    assert.equal(await english.frame.locator('[data-testid="nps-window"]').textContent(), "Over the last 90 days");
    assert.match(await english.frame.locator('[data-change="noise"]').textContent(), /\+5\.5 points on the previous 90 days: within noise/);
    // The monthly chart covers the last 12 calendar months whatever the window (cx_npshistory); nothing else says 12 months.
    const outsideChart = (await english.frame.locator(".cx-nps > :not(.cx-trend)").allTextContents()).join(" ");
    assert.doesNotMatch(outsideChart, /12 months/);
    requestsOnLoad["healthy-90-days"] = (await english.page.evaluate(() => window.cxHarness.panelCalls)).length;
    assert.deepEqual(await seriousAxeViolations(english.panelFrame), []);
    await screenshot(english.page, "panel-90-days.png");
    await english.page.close();

    const french = await openPanel({ scenario: "healthy", lcid: 1036, window: 90 });
    assert.equal(await french.frame.locator('[data-testid="nps-window"]').textContent(), "Sur les 90 derniers jours");
    assert.match(await french.frame.locator('[data-change="noise"]').textContent(), /\+5,5 points sur les 90 jours précédents\u00a0: dans le bruit/);
    await french.page.close();

    for (const [lcid, text] of [[1033, "No survey responses in the last day yet."], [1036, "Aucune réponse à une enquête sur le dernier jour pour l’instant."]]) {
      const oneDay = await openPanel({ scenario: "noresponses", lcid, window: 1 });
      assert.equal(await oneDay.frame.locator('[data-state="no-responses"]').textContent(), text);
      await oneDay.page.close();
    }
  });

  it("still shows the customer, over 12 months, when the settings cannot be read or are missing", async () => {
    for (const settings of ["failing", "missing"]) {
      const { page, frame } = await openPanel({ scenario: "atrisk", settings });
      assert.equal(await frame.locator('[data-testid="nps-value"]').textContent(), "12.5");
      assert.equal(await frame.locator('[data-testid="nps-window"]').textContent(), "Over the last 12 months");
      assert.match(await frame.locator('[data-change="significant"]').textContent(), /Down 28\.5 points on the previous 12 months: significant/);
      assert.equal(await frame.locator('[role="alert"]').count(), 0, `no failure shown (${settings})`);
      await page.close();
    }
  });

  it("shows loading while the requests are under way", async () => {
    const { page, frame, panelFrame } = await openPanel({ scenario: "loading", state: "loading" });
    assert.equal(await frame.locator('[role="status"]').textContent(), "Loading customer experience…");
    assert.equal(await panelFrame.evaluate(() => document.getElementById("cx-panel").getAttribute("aria-busy")), "true");
    await page.close();
  });

  it("reports a failed request and loads again when the user retries with the keyboard", async () => {
    const { page, frame, panelFrame } = await openPanel({ scenario: "failing", state: "failed" });
    assert.match(await frame.locator('[role="alert"]').textContent(), /The customer experience could not be loaded\..*did not answer in time/);
    assert.deepEqual(await seriousAxeViolations(panelFrame), []);
    await screenshot(page, "panel-failed.png");
    const retry = frame.getByRole("button", { name: "Retry" });
    await retry.focus();
    await page.keyboard.press("Enter");
    await frame.locator('[data-state="ready"]').waitFor();
    assert.equal(await frame.locator('[data-testid="journey"]').count(), 3);
    const settingsCalls = (await page.evaluate(() => window.cxHarness.panelCalls)).filter((call) => call.table === "environmentvariabledefinition");
    assert.equal(settingsCalls.length, 1, "the settings are read once per panel load, not again on retry");
    await page.close();
  });

  it("lets a keyboard user reach the density buttons and switch density", async () => {
    const { page, frame, panelFrame } = await openPanel({ scenario: "healthy", user: "{0D0D0D0D-0000-4000-8000-000000000004}" });
    await panelFrame.focus("body");
    await panelFrame.evaluate(() => document.body.focus());
    await page.keyboard.press("Tab");
    assert.equal(await panelFrame.evaluate(() => document.activeElement?.textContent), "Compact");
    await page.keyboard.press("Space");
    assert.equal(await frame.getByRole("button", { name: "Compact" }).getAttribute("aria-pressed"), "true");
    await screenshot(page, "panel-healthy-compact.png");
    await page.close();
  });

  it("shows every month's response count and margin under a fixed −100..100 axis, and marks the months of low confidence", async () => {
    const { page, frame, panelFrame } = await openPanel({ scenario: "atrisk" });
    const counts = await frame.locator('[data-testid="trend-count"]').allTextContents();
    assert.deepEqual(counts, ["1", "4", "6", "3", "0", "5", "6", "3", "4", "5", "12", "14"]);
    const low = await frame.locator("circle.cx-trend-point").evaluateAll((points) => points.map((p) => [p.getAttribute("data-month"), p.getAttribute("data-low")]));
    // n < 10, or a margin above 20, or no margin (the older February row): low; October and November 2026 are not.
    assert.deepEqual(low.filter(([, l]) => l === "false").map(([m]) => m), ["2026-10", "2026-11"]);
    const axis = await panelFrame.evaluate(() => {
      const zero = document.querySelector('[data-testid="zero-line"]');
      const labels = Array.from(document.querySelectorAll(".cx-trend-chart .cx-axis-label")).map((l) => l.textContent);
      return { zero: zero !== null, labels };
    });
    assert.ok(axis.zero, "a zero line");
    assert.deepEqual(axis.labels.slice(0, 3), ["100", "0", "-100"]);
    assert.match(await frame.locator(".cx-trend-legend").textContent(), /low confidence \(fewer than 10 responses or a margin above 20 points\)/);
    const rows = await frame.locator('[data-testid="trend-table"] tbody tr').allTextContents();
    assert.equal(rows.length, 12);
    assert.match(rows[10], /Oct 2026.*4.*± 18\.3.*12.*sufficient/);
    assert.match(rows[2], /Feb 2026.*40.*—.*6.*low confidence/, "an older row without a margin shows the count only");
    await frame.getByRole("button", { name: "Show as a table" }).click();
    assert.ok(await frame.locator('[data-testid="trend-table"]').isVisible());
    assert.equal(await frame.locator('[data-testid="trend-chart"]').isVisible(), false);
    await page.close();
  });

  it("pages through more than five verbatims, opens a response and a journey, and sees all in the responses tab", async () => {
    const { page, frame } = await openPanel({ scenario: "atrisk" });
    assert.equal(await frame.locator('[data-testid="verbatim-page"]').textContent(), "1–5 of 7");
    await frame.getByRole("button", { name: "Older" }).click();
    assert.equal(await frame.locator('[data-testid="verbatim-page"]').textContent(), "6–7 of 7");
    assert.deepEqual(await frame.locator('[data-testid="verbatim"] blockquote').allTextContents(), ["The contract was clear.", "First contact took a week."]);
    assert.ok(await frame.getByRole("button", { name: "Older" }).isDisabled());
    await frame.locator('[data-testid="verbatim-open"]').first().click();
    await frame.locator('[data-testid="journey-link"]').first().click();
    await frame.locator('[data-testid="verbatims-see-all"]').click();
    const harness = await page.evaluate(() => ({ opened: window.cxHarness.opened, tabs: window.cxHarness.tabFocused }));
    assert.deepEqual(harness.opened, [
      { entityName: "cx_surveyresponse", entityId: "5e5e5e5e-0000-4000-8000-000000000006" },
      { entityName: "cx_customerjourney", entityId: "6f1c1f7e-0000-4000-8000-000000000001" },
    ]);
    assert.deepEqual(harness.tabs, ["tab_cx_responses"]);
    await page.close();
  });

  it("draws a journey stage by stage with touchpoint counts and its reasons on the journey form, in English and French, in one request", async () => {
    for (const [lcid, touchpoints, reason] of [
      [1033, ["1 touchpoint", "2 touchpoints", "4 touchpoints", "5 touchpoints", "0 touchpoints", "0 touchpoints"], /2 detractor responses/],
      [1036, ["1 point de contact", "2 points de contact", "4 points de contact", "5 points de contact", "0 point de contact", "0 point de contact"], /2 réponses détractrices/],
    ]) {
      const { page, frame, panelFrame } = await openPanel({ scenario: "atrisk", table: "cx_customerjourney", lcid });
      assert.equal(await frame.locator('[data-view="journey"]').count(), 1);
      assert.deepEqual(await frame.locator('[data-testid="stage-touchpoints"]').allTextContents(), touchpoints);
      assert.match(await frame.locator(".cx-reasons").textContent(), reason);
      const calls = await page.evaluate(() => window.cxHarness.panelCalls);
      assert.deepEqual(calls.map((c) => c.table), ["cx_customerjourney"]);
      requestsOnLoad[`journey-${lcid}`] = calls.length;
      assert.deepEqual(await seriousAxeViolations(panelFrame), []);
      if (lcid === 1033) await screenshot(page, "panel-journey.png");
      await page.close();
    }
  });

  it("shows the case's journey, the case's stage and the journey's risk on the case form, in two requests", async () => {
    for (const [lcid, stage, risk] of [[1033, "Case stage: Installation", /High risk/], [1036, "Étape du dossier\u00a0: Installation", /Risque élevé/]]) {
      const { page, frame, panelFrame } = await openPanel({ scenario: "atrisk", table: "incident", lcid });
      assert.equal(await frame.locator('[data-testid="case-stage"]').textContent(), stage);
      assert.match(await frame.locator('[data-testid="journey"]').textContent(), risk);
      assert.equal(await frame.locator('[data-testid="journey-link"]').textContent(), "Onboarding – Contoso Pharmaceuticals");
      const calls = await page.evaluate(() => window.cxHarness.panelCalls);
      assert.deepEqual(calls.map((c) => c.table), ["incident", "cx_customerjourney"]);
      requestsOnLoad[`case-${lcid}`] = calls.length;
      assert.deepEqual(await seriousAxeViolations(panelFrame), []);
      if (lcid === 1033) await screenshot(page, "panel-case.png");
      await page.close();
    }
  });

  it("shows what moves the account on request, the values most below the rest with their evidence, noise read as in line", async () => {
    const { page, frame, panelFrame } = await openPanel({ scenario: "atrisk" });
    assert.equal((await page.evaluate(() => window.cxHarness.panelCalls)).length, 3, "nothing more on load");
    await frame.getByRole("button", { name: "Show what moves this account" }).click();
    await frame.locator('[data-testid="driver"]').first().waitFor();
    const stage = await frame.locator('[data-dimension="stage"] [data-testid="driver"]').allTextContents();
    assert.deepEqual(stage, [
      "Installation 35.2 points below the rest: beyond noise (NPS -20 ± 25.4, 14 responses)",
      "Activation in line with the rest (within noise) (NPS 0 ± 55, 6 responses, small sample)",
    ], "values above the rest (Welcome) are not what moves the account down");
    assert.match(await frame.locator('[data-dimension="channel"]').textContent(), /Phone <b>hotline<\/b> in line with the rest.*3 responses, small sample/);
    assert.equal(await frame.locator(".cx-drivers b").count(), 0, "the label stays text");
    const executed = (await page.evaluate(() => window.cxHarness.panelCalls)).filter((c) => c.method === "execute");
    assert.deepEqual(executed.map((c) => [c.operation, c.operationType, c.dimension, c.account]), [
      ["cx_GetDrivers", 1, "stage", "a1b2c3d4-0000-4000-8000-000000000001"],
      ["cx_GetDrivers", 1, "channel", "a1b2c3d4-0000-4000-8000-000000000001"],
    ]);
    assert.deepEqual(await seriousAxeViolations(panelFrame), []);
    await screenshot(page, "panel-drivers.png");
    await page.close();
  });

  it("gives every focusable control a visible focus ring of at least 3:1 against its background, in light and high-contrast themes", async () => {
    for (const forcedColors of [false, true]) {
      const { page, panelFrame } = await openPanel({ scenario: "atrisk", forcedColors });
      const rings = await focusRings(page, panelFrame);
      assert.ok(rings.length >= 8, `tabbed through ${rings.length} controls`);
      assert.ok(rings.some((r) => r.id.startsWith("button Compact")), "the density toggle is among them");
      for (const ring of rings) {
        assert.ok(ring.visible, `${ring.id}: :focus-visible`);
        assert.equal(ring.clippedBy, null, `${ring.id}: focus ring cut off`);
        assert.notEqual(ring.outlineStyle, "none", `${ring.id}: has an outline`);
        assert.ok(ring.outlineWidth >= 2, `${ring.id}: outline ${ring.outlineWidth}px`);
        for (const background of [ring.around, ring.own]) {
          const ratio = contrast(ring.outlineColor, background);
          assert.ok(ratio >= 3, `${ring.id}${forcedColors ? " (forced colors)" : ""}: focus ${ring.outlineColor} on ${background} is ${ratio.toFixed(2)}:1`);
        }
      }
      assert.deepEqual(await seriousAxeViolations(panelFrame), [], forcedColors ? "high contrast" : "light");
      await page.close();
    }
  });
});
