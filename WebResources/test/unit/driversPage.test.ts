import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCxData, type Driver, type DriverDimensionName, type WebApiReader } from "../../src/data/cxData";
import { DefaultJourneyType, JourneyTypes, PageDimensions, driversTable, driversView, loadDrivers } from "../../src/drivers/driversModel";
import { createFormatter } from "../../src/localization/format";
import { createPageTranslate } from "../../src/drivers/pageTranslate";
import { fromResx } from "./resx";

const english = { t: createPageTranslate(undefined), fmt: createFormatter({ languageId: 1033 }) };
const french = { t: createPageTranslate(fromResx(1036)), fmt: createFormatter({ languageId: 1036 }) };

function driver(dimension: DriverDimensionName, key: string, label: string, figures: Partial<Driver> = {}): Driver {
  return {
    dimension,
    key,
    label,
    responses: 40,
    satisfaction: 70,
    satisfactionMargin: 5,
    nps: 10,
    npsMargin: 12,
    delta: 1,
    significant: false,
    lowConfidence: false,
    ...figures,
  };
}

/** The seeded story: installation visits by Field services South below the rest beyond noise, the rest within noise. */
const story: Record<DriverDimensionName, Driver[]> = {
  stage: [
    driver("stage", "964000101", "Order", { nps: 30, delta: 12.5 }),
    driver("stage", "964000103", "Installation", { responses: 120, nps: -22.5, npsMargin: 14.1, satisfaction: 48.3, satisfactionMargin: 3.9, delta: -41.2, significant: true }),
  ],
  channel: [driver("channel", "964000004", "Field visit", { delta: -30, significant: true }), driver("channel", "964000001", "Phone", { delta: 4 })],
  owner: [
    driver("owner", "u3", "Zoé Martin", { nps: 60, delta: 48, lowConfidence: true, responses: 6, npsMargin: 40 }),
    driver("owner", "u1", "Ana Silva", { nps: -5, delta: -8 }),
    driver("owner", "u2", "émile Roux", { nps: 55, delta: 9 }),
  ],
  businessunit: [
    driver("businessunit", "b2", "Field services South", { nps: -30, delta: -45.5, significant: true }),
    driver("businessunit", "b1", "Field services North", { nps: 25, delta: 21, significant: true }),
  ],
  contacts: [driver("contacts", "4+", "4+ contacts"), driver("contacts", "0", "no contact yet"), driver("contacts", "2-3", "2-3 contacts")],
  effort: [driver("effort", "high", "score 5–7 (easy)", { delta: 20, significant: true }), driver("effort", "low", "score 1–3 (hard)", { delta: -20, significant: true })],
};

function fakeWebApi(answer: (request: Record<string, unknown>) => unknown) {
  const requests: Array<Record<string, unknown>> = [];
  const webApi = {
    online: {
      execute: (request: Record<string, unknown>) => {
        requests.push(request);
        try {
          const drivers = answer(request);
          return Promise.resolve({ json: () => Promise.resolve({ Drivers: JSON.stringify(drivers) }) });
        } catch (failure) {
          // Xrm.WebApi rejects with an object carrying the server's message, not an Error: that is the case under test.
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          return Promise.reject({ message: (failure as Error).message, errorCode: -2147220891 });
        }
      },
    },
  } as unknown as WebApiReader;
  return { webApi, requests };
}

describe("the drivers page's wording", () => {
  it("reads a team within noise as 'in line', whatever its NPS, and one beyond noise as below or above the rest by so many points", () => {
    const owners = driversTable(english.t, english.fmt, "owner", story.owner);
    expect(owners.rows.map((r) => r.verdict)).toEqual(["in line", "in line", "in line"]);
    const units = driversTable(english.t, english.fmt, "businessunit", story.businessunit);
    expect(units.rows.map((r) => [r.label, r.verdict])).toEqual([
      ["Field services North", "above the rest by 21 points"],
      ["Field services South", "below the rest by 45.5 points"],
    ]);
    // Only below the rest beyond noise is shown as a problem.
    expect(units.rows.map((r) => r.below)).toEqual([false, true]);
    // A team has no signed difference column: the verdict is the only comparison it shows.
    expect(units.rows.every((r) => r.difference === null)).toBe(true);
  });

  it("lists owners and business units alphabetically in the reader's language, never by score", () => {
    const owners = driversTable(english.t, english.fmt, "owner", story.owner);
    expect(owners.rows.map((r) => r.label)).toEqual(["Ana Silva", "émile Roux", "Zoé Martin"]);
    expect(owners.team).toBe(true);
    expect(owners.title).toBe("By owner (alphabetical)");
  });

  it("marks a small sample wherever the domain flags it, and only there", () => {
    const owners = driversTable(english.t, english.fmt, "owner", story.owner);
    expect(owners.rows.map((r) => [r.label, r.smallSample])).toEqual([
      ["Ana Silva", null],
      ["émile Roux", null],
      ["Zoé Martin", "(small sample)"],
    ]);
  });

  it("gives stages and channels their NPS and satisfaction with margins, the signed difference and beyond or within noise", () => {
    const stages = driversTable(english.t, english.fmt, "stage", story.stage);
    expect(stages.rows.map((r) => [r.label, r.responses, r.nps, r.satisfaction, r.difference, r.verdict])).toEqual([
      ["Order", "40", "30 ± 12", "70 ± 5", "+12.5 points", "within noise"],
      ["Installation", "120", "-22.5 ± 14.1", "48.3 ± 3.9", "\u221241.2 points", "beyond noise"],
    ]);
    expect(stages.valueHeader).toBe("Stage");
  });

  it("shows a dash for a missing figure and says when there is nothing to compare with", () => {
    const [row] = driversTable(english.t, english.fmt, "channel", [driver("channel", "964000002", "Email", { satisfaction: null, satisfactionMargin: null, npsMargin: null, delta: null })]).rows;
    expect([row.label, row.nps, row.satisfaction, row.difference]).toEqual(["Email", "10", "\u2014", "nothing to compare with"]);
  });

  it("puts contacts and effort bands in their natural order with the page's words", () => {
    expect(driversTable(english.t, english.fmt, "contacts", story.contacts).rows.map((r) => r.label)).toEqual(["no contact yet", "2–3 contacts", "4 contacts or more"]);
    expect(driversTable(english.t, english.fmt, "effort", story.effort).rows.map((r) => r.label)).toEqual(["score 1–3 (hard)", "score 5–7 (easy)"]);
  });

  it("answers 'what hurts, and are we sure' with only what is below the rest beyond noise", () => {
    const view = driversView(english.t, english.fmt, PageDimensions.map((d) => story[d]));
    expect(view.belowBeyondNoise).toEqual([
      "Installation (stage): below the rest by 41.2 points, NPS -22.5 ± 14.1, 120 responses",
      "Field visit (channel): below the rest by 30 points, NPS 10 ± 12, 40 responses",
      "Field services South (business unit): below the rest by 45.5 points, NPS -30 ± 12, 40 responses",
      "score 1–3 (hard) (effort): below the rest by 20 points, NPS 10 ± 12, 40 responses",
    ]);
    expect(driversView(english.t, english.fmt, [[story.stage[0]], [], [], [], [], []]).belowBeyondNoise).toEqual([]);
  });

  it("speaks French from the French RESX: labels, verdicts, small samples, numbers and alphabetical order", () => {
    const view = driversView(french.t, french.fmt, PageDimensions.map((d) => story[d]));
    const [stages, , owners, units] = view.tables;
    expect(stages.rows.map((r) => [r.label, r.nps, r.difference, r.verdict])).toEqual([
      ["Commande", "30 ± 12", "+12,5 points", "dans le bruit"],
      ["Installation", "-22,5 ± 14,1", "\u221241,2 points", "au-delà du bruit"],
    ]);
    expect(owners.rows.map((r) => [r.label, r.verdict, r.smallSample])).toEqual([
      ["Ana Silva", "dans la moyenne", null],
      ["émile Roux", "dans la moyenne", null],
      ["Zoé Martin", "dans la moyenne", "(petit échantillon)"],
    ]);
    expect(units.rows.map((r) => r.verdict)).toEqual(["au-dessus du reste de 21 points", "sous le reste de 45,5 points"]);
    expect(units.title).toBe("Par division (ordre alphabétique)");
    expect(view.belowBeyondNoise[0]).toBe("Installation (étape)\u00a0: sous le reste de 41,2 points, NPS -22,5 ± 14,1, 120 réponses");
  });
});

describe("the drivers page's reads", () => {
  it("asks cx_GetDrivers once per dimension for the chosen journey type, Onboarding by default", async () => {
    expect(DefaultJourneyType).toBe(964000001);
    expect(JourneyTypes).toEqual([964000001, 964000002, 964000003, 964000004, 964000009]);
    const { webApi, requests } = fakeWebApi((request) => story[request.Dimension as DriverDimensionName]);
    const result = await loadDrivers(createCxData(webApi), DefaultJourneyType, english.t, english.fmt);
    expect(requests.map((r) => [r.Dimension, r.JourneyType, "Account" in r])).toEqual(PageDimensions.map((d) => [d, 964000001, false]));
    expect(result.kind).toBe("ready");
    if (result.kind === "ready") expect(result.view.tables.map((t) => t.rows.length)).toEqual([2, 2, 3, 2, 3, 2]);
  });

  it("leaves the journey type out for all types", async () => {
    const { webApi, requests } = fakeWebApi(() => []);
    await loadDrivers(createCxData(webApi), null, english.t, english.fmt);
    expect(requests.every((r) => !("JourneyType" in r))).toBe(true);
  });

  it("reports the API's own message when a read fails", async () => {
    const { webApi } = fakeWebApi((request) => {
      if (request.Dimension === "owner") throw new Error("cx_GetDrivers: principal user is missing prvReadcx_driverday privilege");
      return [];
    });
    expect(await loadDrivers(createCxData(webApi), 964000001, english.t, english.fmt)).toEqual({
      kind: "failed",
      message: "cx_GetDrivers: principal user is missing prvReadcx_driverday privilege",
    });
  });
});

describe("the drivers page's HTML web resource", () => {
  const html = readFileSync(join(__dirname, "../../src/drivers/cxdrivers.html"), "utf8");

  it("loads its script and stylesheet by relative path and carries no inline script, handler or style", () => {
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script src="cxdrivers.js">']);
    expect(html).toContain('<link rel="stylesheet" href="cxdrivers.css">');
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/<style\b|\sstyle\s*=/i);
  });

  it("has a language, a title and a main landmark", () => {
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toMatch(/<main id="cx-drivers"/);
  });
});
