import { English, type StringKey } from "../localization/english";
import { createTableTranslate, type ResourceStrings } from "../localization/localizer";
import { DriversEnglish, type DriversStringKey } from "./driversEnglish";

/** A key of the drivers page: the panel's strings (choice labels, counts, shared words) and the page's own. */
export type PageStringKey = StringKey | DriversStringKey;
export type PageTranslate = (key: PageStringKey, ...args: Array<string | number>) => string;

/** The drivers page's strings from the cx_/strings/cx RESX, with English (both tables) as the fallback. */
export function createPageTranslate(strings: ResourceStrings | undefined): PageTranslate {
  return createTableTranslate<PageStringKey>(strings, { ...English, ...DriversEnglish });
}
