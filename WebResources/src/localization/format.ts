/**
 * Numbers and dates in the user's format. Numbers follow the user's language (Intl); dates follow the date
 * pattern of the user's personal options (userSettings.dateFormattingInfo), which can differ from the language,
 * and are shown in the user's time zone, as the rest of the form shows them.
 */

export interface UserFormatSettings {
  languageId: number;
  dateFormattingInfo?: Pick<Xrm.DateFormattingInfo, "ShortDatePattern" | "AbbreviatedMonthNames" | "MonthNames"> | null;
  getTimeZoneOffsetMinutes?: () => number;
}

export interface Formatter {
  readonly locale: string;
  /** A number with at most `digits` decimals, e.g. 42.5 or 42,5. */
  number(value: number, digits?: number): string;
  /** A difference with its sign, e.g. +12.0 or −3.5 (one decimal, as NPS is stored). */
  signed(value: number, digits?: number): string;
  /** A share of a whole, e.g. 40 % in French. */
  percent(share: number): string;
  /** A change in percent with its sign and a true minus, e.g. −40 % in French (the value is in percent). */
  signedPercent(percent: number): string;
  /** A UTC instant as a short date in the user's time zone and date pattern. */
  date(utc: Date): string;
  /** A calendar month ("2026-11") as a short month name and year, e.g. Nov 2026. */
  month(yearMonth: string): string;
  /** The CLDR plural category of a count in the user's language ("one", "other", French "many"...). */
  pluralCategory(count: number): Intl.LDMLPluralRule;
  /** How long ago `utc` was, relative to `now`, in words of the user's language ("3 days ago", "il y a 3 jours"). */
  age(utc: Date, now: Date): string;
}

/** Dataverse language ids (LCID) to BCP 47 tags, for the languages a CrmCx org is likely to enable. */
const LocaleByLcid: Readonly<Record<number, string>> = {
  1025: "ar-SA", 1028: "zh-TW", 1029: "cs-CZ", 1030: "da-DK", 1031: "de-DE", 1032: "el-GR", 1033: "en-US",
  1034: "es-ES", 1035: "fi-FI", 1036: "fr-FR", 1038: "hu-HU", 1040: "it-IT", 1041: "ja-JP", 1042: "ko-KR",
  1043: "nl-NL", 1044: "nb-NO", 1045: "pl-PL", 1046: "pt-BR", 1049: "ru-RU", 1053: "sv-SE", 1055: "tr-TR",
  2052: "zh-CN", 2057: "en-GB", 2070: "pt-PT", 3081: "en-AU", 3082: "es-ES", 3084: "fr-CA", 4105: "en-CA",
  2060: "fr-BE", 4108: "fr-CH", 2055: "de-CH", 3079: "de-AT",
};

export function localeOf(languageId: number): string {
  return LocaleByLcid[languageId] ?? "en-US";
}

export function createFormatter(settings: UserFormatSettings): Formatter {
  const locale = localeOf(settings.languageId);
  const patterns = settings.dateFormattingInfo ?? undefined;
  const offsetMinutes = (): number => {
    try {
      return settings.getTimeZoneOffsetMinutes?.() ?? 0;
    } catch {
      return 0;
    }
  };

  const number = (value: number, digits = 1): string =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);

  const signed = (value: number, digits = 1): string => {
    const magnitude = new Intl.NumberFormat(locale, {
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    }).format(Math.abs(value));
    // A true minus sign reads better than a hyphen and screen readers announce it as "minus".
    if (Math.abs(value) < Math.pow(10, -digits) / 2) return magnitude;
    return (value > 0 ? "+" : "\u2212") + magnitude;
  };

  const percent = (share: number): string =>
    new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share);

  const signedPercent = (value: number): string => {
    const magnitude = percent(Math.abs(value) / 100);
    if (Math.round(value) === 0) return magnitude;
    return (value > 0 ? "+" : "\u2212") + magnitude;
  };

  const monthName = (monthIndex: number, year: number): string => {
    const names = patterns?.AbbreviatedMonthNames;
    // Dataverse's month name arrays have 13 entries (the last is empty); anything shorter falls back to Intl.
    if (names !== undefined && names.length > monthIndex && names[monthIndex] !== "") {
      return `${names[monthIndex]} ${year}`;
    }
    return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(
      new Date(Date.UTC(year, monthIndex, 1)),
    );
  };

  const date = (utc: Date): string => {
    const local = new Date(utc.getTime() + offsetMinutes() * 60000);
    const pattern = patterns?.ShortDatePattern;
    if (pattern !== undefined && pattern !== "") {
      return applyDatePattern(pattern, local, patterns?.AbbreviatedMonthNames, patterns?.MonthNames);
    }
    return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(local);
  };

  const month = (yearMonth: string): string => {
    const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
    if (match === null) return yearMonth;
    return monthName(Number(match[2]) - 1, Number(match[1]));
  };

  const plurals = new Intl.PluralRules(locale);
  const pluralCategory = (count: number): Intl.LDMLPluralRule => plurals.select(count);

  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const age = (utc: Date, now: Date): string => {
    const days = Math.round((now.getTime() - utc.getTime()) / 86400000);
    // Whole days, weeks, months or years, the largest unit that reads naturally; a future date (clock skew) is today.
    if (days <= 0) return relative.format(0, "day");
    if (days < 14) return relative.format(-days, "day");
    if (days < 60) return relative.format(-Math.round(days / 7), "week");
    if (days < 730) return relative.format(-Math.round(days / 30.4375), "month");
    return relative.format(-Math.round(days / 365.25), "year");
  };

  return { locale, number, signed, percent, signedPercent, date, month, pluralCategory, age };
}

/**
 * Applies a .NET-style date pattern (what Dataverse hands out, e.g. "M/d/yyyy" or "dd/MM/yyyy") to a date
 * whose UTC fields already hold the user's local time.
 */
export function applyDatePattern(
  pattern: string,
  local: Date,
  abbreviatedMonths?: readonly string[],
  months?: readonly string[],
): string {
  const day = local.getUTCDate();
  const monthIndex = local.getUTCMonth();
  const year = local.getUTCFullYear();
  const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return pattern.replace(/'[^']*'|d{1,4}|M{1,4}|y{1,5}/g, (token) => {
    if (token.startsWith("'")) return token.slice(1, -1);
    switch (token) {
      case "d": return String(day);
      case "dd": return two(day);
      case "M": return String(monthIndex + 1);
      case "MM": return two(monthIndex + 1);
      case "MMM": return abbreviatedMonths?.[monthIndex] ?? two(monthIndex + 1);
      case "MMMM": return months?.[monthIndex] ?? two(monthIndex + 1);
      case "y": return String(year % 100);
      case "yy": return two(year % 100);
      // Day names (ddd, dddd) are not in short date patterns; keep the token visible rather than guess.
      default: return token.startsWith("y") ? String(year) : token;
    }
  });
}
