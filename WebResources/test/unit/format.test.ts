import { describe, expect, it } from "vitest";
import { applyDatePattern, createFormatter } from "../../src/localization/format";

const englishPatterns = {
  ShortDatePattern: "M/d/yyyy",
  AbbreviatedMonthNames: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", ""],
  MonthNames: [],
};
const frenchPatterns = {
  ShortDatePattern: "dd/MM/yyyy",
  AbbreviatedMonthNames: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.", ""],
  MonthNames: [],
};

describe("numbers in the user's language", () => {
  it("uses a decimal point in English and a decimal comma in French", () => {
    expect(createFormatter({ languageId: 1033 }).number(42.5)).toBe("42.5");
    expect(createFormatter({ languageId: 1036 }).number(42.5)).toBe("42,5");
  });

  it("shows a change with its sign and a true minus sign", () => {
    const fmt = createFormatter({ languageId: 1033 });
    expect(fmt.signed(5.5)).toBe("+5.5");
    expect(fmt.signed(-28.5)).toBe("\u221228.5");
    expect(fmt.signed(0)).toBe("0.0");
  });

  it("writes shares as percentages the French way", () => {
    expect(createFormatter({ languageId: 1036 }).percent(0.425)).toMatch(/^43\s%$/);
  });

  it("falls back to US English for a language it does not know", () => {
    expect(createFormatter({ languageId: 9999 }).locale).toBe("en-US");
  });
});

describe("dates in the user's format and time zone", () => {
  it("follows the user's short date pattern", () => {
    const when = new Date("2026-11-18T14:05:00Z");
    expect(createFormatter({ languageId: 1033, dateFormattingInfo: englishPatterns }).date(when)).toBe("11/18/2026");
    expect(createFormatter({ languageId: 1036, dateFormattingInfo: frenchPatterns }).date(when)).toBe("18/11/2026");
  });

  it("shows the day in the user's time zone, not in UTC", () => {
    const lateUtc = new Date("2026-11-18T23:30:00Z");
    const paris = createFormatter({ languageId: 1036, dateFormattingInfo: frenchPatterns, getTimeZoneOffsetMinutes: () => 60 });
    expect(paris.date(lateUtc)).toBe("19/11/2026");
  });

  it("names months from the user's month names", () => {
    expect(createFormatter({ languageId: 1036, dateFormattingInfo: frenchPatterns }).month("2026-02")).toBe("févr. 2026");
    expect(createFormatter({ languageId: 1033 }).month("2026-02")).toBe("Feb 2026");
  });

  it("understands quoted literals and two-digit years in patterns", () => {
    expect(applyDatePattern("yy'-'MM'-'dd", new Date(Date.UTC(2026, 0, 5)))).toBe("26-01-05");
  });
});
