import type { Formatter } from "./format";
import type { Translate } from "./localizer";

/** The NPS window in words, for the two places a sentence names it. */
export interface WindowWording {
  /** The current window, e.g. "the last 12 months", "the last 90 days", "the last day". */
  last: string;
  /** The window before it, e.g. "the previous 12 months", "the previous 90 days", "the previous day". */
  previous: string;
}

const DaysPerYear = 365;

/**
 * Names a window of `windowDays` days. A whole number of 365-day years reads in months (365 days: "12 months", as
 * people say a year's window; 730 days: "24 months"); any other length reads in days, with the singular for 1 day.
 * Each form is a whole phrase in the RESX, so French agrees the article and adjective too ("les 90 derniers jours",
 * "le dernier jour").
 */
export function windowWording(t: Translate, fmt: Formatter, windowDays: number): WindowWording {
  if (windowDays % DaysPerYear === 0) {
    const months = fmt.number((windowDays / DaysPerYear) * 12, 0);
    return { last: t("window_last_months", months), previous: t("window_previous_months", months) };
  }
  if (windowDays === 1) {
    return { last: t("window_last_day"), previous: t("window_previous_day") };
  }
  const days = fmt.number(windowDays, 0);
  return { last: t("window_last_days", days), previous: t("window_previous_days", days) };
}
