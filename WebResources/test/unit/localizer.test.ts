import { describe, expect, it } from "vitest";
import { DriversEnglish } from "../../src/drivers/driversEnglish";
import { English } from "../../src/localization/english";
import { createTranslate } from "../../src/localization/localizer";
import { fromResx, readResx } from "./resx";

describe("strings in the user's language", () => {
  it("reads French from the French RESX", () => {
    expect(createTranslate(fromResx(1036))("journeys_title")).toBe("Parcours en cours");
  });

  it("fills numbered placeholders", () => {
    expect(createTranslate(fromResx(1033))("count_responses_other", 40)).toBe("40 responses");
  });

  it("falls back to English when the user's RESX lacks a key", () => {
    expect(createTranslate({ getResourceString: () => "" })("retry")).toBe("Retry");
    expect(createTranslate({ getResourceString: (_resource, key) => key })("retry")).toBe("Retry");
  });

  it("falls back to English when no RESX is loaded for the script", () => {
    const throwing = {
      getResourceString: (): string => {
        throw new Error("Web resource not found");
      },
    };
    expect(createTranslate(throwing)("retry")).toBe("Retry");
    expect(createTranslate(undefined)("retry")).toBe("Retry");
  });
});

describe("RESX string resources", () => {
  // The panel's table and the drivers page's (kept apart so the panel's bundle carries only its own).
  const all: Readonly<Record<string, string>> = { ...English, ...DriversEnglish };

  it("keep the English RESX identical to the English fallback tables of the panel and the drivers page", () => {
    expect(Object.keys(English).filter((key) => key in DriversEnglish)).toEqual([]);
    expect(Object.fromEntries(readResx(1033))).toEqual(all);
  });

  it("translate every key into French with the same placeholders", () => {
    const french = readResx(1036);
    for (const key of Object.keys(all)) {
      const translated = french.get(key);
      expect(translated, key).toBeTruthy();
      const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort();
      expect(placeholders(translated!), key).toEqual(placeholders(all[key]));
    }
    expect(french.size).toBe(Object.keys(all).length);
  });
});
