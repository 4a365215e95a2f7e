import { StringsResource } from "../schema";
import { English, type StringKey } from "./english";

/** Looks up a string in the user's language, with "{0}"-style placeholders filled in. */
export type Translate = (key: StringKey, ...args: Array<string | number>) => string;

/** The slice of Xrm.Utility the localizer needs; tests pass a fake. */
export interface ResourceStrings {
  getResourceString(webResourceName: string, key: string): string;
}

/**
 * Reads strings from the cx_/strings/cx RESX (Dataverse picks the user's language) and falls back to English
 * when a key is missing. The platform answers a missing key with an empty string or the key itself depending
 * on the client, and throws when the RESX is not a dependency of the loaded script, so all three count as
 * "missing".
 */
export function createTranslate(strings: ResourceStrings | undefined): Translate {
  return createTableTranslate(strings, English);
}

/** The same lookup over another English fallback table (a page's own strings, kept out of the panel's bundle). */
export function createTableTranslate<K extends string>(
  strings: ResourceStrings | undefined,
  fallback: Readonly<Record<K, string>>,
): (key: K, ...args: Array<string | number>) => string {
  return (key, ...args) => fill(lookUp(strings, key, fallback), args);
}

function lookUp<K extends string>(strings: ResourceStrings | undefined, key: K, fallback: Readonly<Record<K, string>>): string {
  if (strings !== undefined) {
    try {
      const found = strings.getResourceString(StringsResource, key);
      if (typeof found === "string" && found !== "" && found !== key) {
        return found;
      }
    } catch {
      // Fall through to English: a missing resource must never break the form.
    }
  }
  return fallback[key];
}

function fill(template: string, args: ReadonlyArray<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const position = Number(index);
    return position < args.length ? String(args[position]) : whole;
  });
}
