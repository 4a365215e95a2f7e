import { describe, expect, it } from "vitest";
import { parseReasonCodes } from "../../src/cx/reasons";
import { createFormatter } from "../../src/localization/format";
import { createTranslate } from "../../src/localization/localizer";
import { plural } from "../../src/localization/plural";
import { renderReasons } from "../../src/localization/reasons";
import { fromResx } from "./resx";

const english = { t: createTranslate(fromResx(1033)), fmt: createFormatter({ languageId: 1033 }) };
const french = { t: createTranslate(fromResx(1036)), fmt: createFormatter({ languageId: 1036 }) };
// French separates thousands and percent signs with narrow or regular no-break spaces: compare with plain spaces.
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, " ");

describe("plurals by the reader's language", () => {
  it("say 1 réponse and 2 réponses in French, and 0 réponse as French does", () => {
    expect(["0", "1", "2"].map((n) => plural(french.t, french.fmt, "count_responses", Number(n)))).toEqual(["0 réponse", "1 réponse", "2 réponses"]);
  });

  it("say 0 responses, 1 response and 2 responses in English", () => {
    expect([0, 1, 2].map((n) => plural(english.t, english.fmt, "count_responses", n))).toEqual(["0 responses", "1 response", "2 responses"]);
  });

  it("use the other form for a French category the strings do not spell out (many, for millions)", () => {
    expect(plain(plural(french.t, french.fmt, "count_responses", 1_000_000))).toBe("1 000 000 réponses");
  });
});

const onboardingReasons = JSON.stringify([
  { code: "satisfaction-fell", from: 86, to: 51, fromStage: 964000101, toStage: 964000106, percent: -40 },
  { code: "detractors", count: 1 },
  { code: "too-many-contacts", count: 12, expected: 6, journeyType: 964000001 },
  { code: "repeat-contacts", count: 9, days: 14 },
  { code: "overdue", days: 93, expected: 90 },
]);
const englishLines = [
  "Satisfaction fell from 86 at Order to 51 at Adoption (−40 %)",
  "1 detractor response",
  "12 contacts, more than the 6 expected for an onboarding",
  "9 contacts within 14 days of each other",
  "Open 93 days, longer than the 90 expected",
];

describe("risk reasons rendered from their codes", () => {
  it("read in French for a French reader, whatever language the plug-in wrote the text lines in", () => {
    const rendered = renderReasons({ codes: parseReasonCodes(onboardingReasons), lines: englishLines }, french.t, french.fmt).map(plain);
    expect(rendered).toEqual([
      "La satisfaction est passée de 86 à l’étape Commande à 51 à l’étape Adoption (−40 %)",
      "1 réponse détractrice",
      "12 contacts, plus que les 6 prévus pour une mise en service",
      "9 contacts en moins de 14 jours",
      "Ouvert depuis 93 jours, plus que les 90 prévus",
    ]);
  });

  it("read in English for an English reader, with the English plural", () => {
    const rendered = renderReasons({ codes: parseReasonCodes(onboardingReasons), lines: [] }, english.t, english.fmt);
    expect(rendered).toEqual([
      "Satisfaction fell from 86 at Order to 51 at Adoption (−40%)",
      "1 detractor response",
      "12 contacts, more than the 6 expected for an onboarding",
      "9 contacts within 14 days of each other",
      "Open 93 days, longer than the 90 expected",
    ]);
  });

  it("render the customer's own reasons with signed NPS and percentages", () => {
    const codes = parseReasonCodes(JSON.stringify([
      { code: "nps-fell", from: 40, to: -10, margin: 22 },
      { code: "detractor-share", percent: 45, threshold: 30, responses: 20 },
      { code: "silent", days: 120, openJourneys: 1 },
      { code: "journeys-at-risk", count: 2, level: 964000003 },
    ]));
    expect(renderReasons({ codes, lines: [] }, english.t, english.fmt)).toEqual([
      "NPS fell from +40 to −10, beyond the margin of ±22",
      "45% detractors among 20 responses (threshold 30%)",
      "No survey response for 120 days while 1 journey is open",
      "2 open journeys at risk (highest: High risk)",
    ]);
    expect(plain(renderReasons({ codes, lines: [] }, french.t, french.fmt)[2])).toBe("Aucune réponse à une enquête depuis 120 jours alors que 1 parcours est ouvert");
  });

  it("show the text line at the same index for a code this reader does not know or a value that is missing", () => {
    const codes = parseReasonCodes(JSON.stringify([{ code: "new-rule-2027", x: 1 }, { code: "overdue", days: 93 }, { code: "detractors", count: 2 }]));
    const rendered = renderReasons({ codes, lines: ["A newer rule's text", "Open 93 days", "2 detractor responses"] }, french.t, french.fmt);
    expect(rendered).toEqual(["A newer rule's text", "Open 93 days", "2 réponses détractrices"]);
  });

  it("fall back to the text lines on a row written before the codes existed, or with a column that is not JSON", () => {
    expect(renderReasons({ codes: parseReasonCodes(null), lines: ["Open 50 days"] }, french.t, french.fmt)).toEqual(["Open 50 days"]);
    expect(renderReasons({ codes: parseReasonCodes("{broken"), lines: ["Open 50 days"] }, french.t, french.fmt)).toEqual(["Open 50 days"]);
  });
});

describe("dates and ages in the reader's language", () => {
  it("say how long ago a verbatim was left", () => {
    const now = new Date("2026-11-20T09:00:00Z");
    expect(english.fmt.age(new Date("2026-11-17T09:00:00Z"), now)).toBe("3 days ago");
    expect(french.fmt.age(new Date("2026-11-17T09:00:00Z"), now)).toBe("il y a 3 jours");
    expect(english.fmt.age(new Date("2026-08-20T09:00:00Z"), now)).toBe("3 months ago");
    expect(french.fmt.age(new Date("2026-11-20T08:00:00Z"), now)).toBe("aujourd’hui");
  });
});
