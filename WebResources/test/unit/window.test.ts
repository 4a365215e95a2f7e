import { describe, expect, it } from "vitest";
import { createFormatter } from "../../src/localization/format";
import { createTranslate } from "../../src/localization/localizer";
import { windowWording } from "../../src/localization/window";
import { fromResx } from "./resx";

/** The NPS tile's sentences that name the window, built from the RESX of `lcid` as the panel builds them. */
function tileTexts(lcid: number, windowDays: number) {
  const t = createTranslate(fromResx(lcid));
  const fmt = createFormatter({ languageId: lcid });
  const period = windowWording(t, fmt, windowDays);
  return {
    header: t("nps_window", period.last),
    noResponses: t("no_responses", period.last),
    down: t("change_significant_down", fmt.number(28.5), period.previous),
    noise: t("change_noise", fmt.signed(5.5), period.previous),
    noPrevious: t("change_none", period.previous),
  };
}

describe("the NPS window in English", () => {
  it("names a 365-day window as 12 months, as the panel always has", () => {
    expect(tileTexts(1033, 365)).toEqual({
      header: "Over the last 12 months",
      noResponses: "No survey responses in the last 12 months yet.",
      down: "Down 28.5 points on the previous 12 months: significant",
      noise: "+5.5 points on the previous 12 months: within noise",
      noPrevious: "No responses in the previous 12 months to compare with",
    });
  });

  it("names a 90-day window in days", () => {
    expect(tileTexts(1033, 90)).toEqual({
      header: "Over the last 90 days",
      noResponses: "No survey responses in the last 90 days yet.",
      down: "Down 28.5 points on the previous 90 days: significant",
      noise: "+5.5 points on the previous 90 days: within noise",
      noPrevious: "No responses in the previous 90 days to compare with",
    });
  });

  it("names a 30-day window in days", () => {
    expect(tileTexts(1033, 30).header).toBe("Over the last 30 days");
    expect(tileTexts(1033, 30).noise).toBe("+5.5 points on the previous 30 days: within noise");
  });

  it("says the last day, not the last 1 days, for a 1-day window", () => {
    expect(tileTexts(1033, 1)).toEqual({
      header: "Over the last day",
      noResponses: "No survey responses in the last day yet.",
      down: "Down 28.5 points on the previous day: significant",
      noise: "+5.5 points on the previous day: within noise",
      noPrevious: "No responses in the previous day to compare with",
    });
  });

  it("reads whole years in months and anything else in days, with the user's digit grouping", () => {
    expect(tileTexts(1033, 730).header).toBe("Over the last 24 months");
    expect(tileTexts(1033, 366).header).toBe("Over the last 366 days");
    expect(tileTexts(1033, 1000).header).toBe("Over the last 1,000 days");
  });
});

describe("the NPS window in French", () => {
  it("names a 365-day window as 12 months", () => {
    expect(tileTexts(1036, 365)).toEqual({
      header: "Sur les 12 derniers mois",
      noResponses: "Aucune réponse à une enquête sur les 12 derniers mois pour l’instant.",
      down: "En baisse de 28,5 points sur les 12 mois précédents\u00a0: significatif",
      noise: "+5,5 points sur les 12 mois précédents\u00a0: dans le bruit",
      noPrevious: "Aucune réponse sur les 12 mois précédents à comparer",
    });
  });

  it("names a 90-day window in days", () => {
    expect(tileTexts(1036, 90)).toEqual({
      header: "Sur les 90 derniers jours",
      noResponses: "Aucune réponse à une enquête sur les 90 derniers jours pour l’instant.",
      down: "En baisse de 28,5 points sur les 90 jours précédents\u00a0: significatif",
      noise: "+5,5 points sur les 90 jours précédents\u00a0: dans le bruit",
      noPrevious: "Aucune réponse sur les 90 jours précédents à comparer",
    });
  });

  it("names a 30-day window in days", () => {
    expect(tileTexts(1036, 30).header).toBe("Sur les 30 derniers jours");
    expect(tileTexts(1036, 30).noise).toBe("+5,5 points sur les 30 jours précédents\u00a0: dans le bruit");
  });

  it("agrees article and adjective in the singular for a 1-day window", () => {
    expect(tileTexts(1036, 1)).toEqual({
      header: "Sur le dernier jour",
      noResponses: "Aucune réponse à une enquête sur le dernier jour pour l’instant.",
      down: "En baisse de 28,5 points sur le jour précédent\u00a0: significatif",
      noise: "+5,5 points sur le jour précédent\u00a0: dans le bruit",
      noPrevious: "Aucune réponse sur le jour précédent à comparer",
    });
  });
});
