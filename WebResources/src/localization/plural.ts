import { English, type StringKey } from "./english";
import type { Formatter } from "./format";
import type { Translate } from "./localizer";

/** Keys with a plural form: `<base>_one` and `<base>_other` both exist in the English table. */
export type PluralBase = {
  [K in StringKey]: K extends `${infer Base}_other` ? (`${Base}_one` extends StringKey ? Base : never) : never;
}[StringKey];

/**
 * A count in words, by the reader's plural rules (Intl.PluralRules): "1 response", "2 responses", and in French
 * "0 réponse", "1 réponse", "2 réponses". The RESX holds `<base>_<category>`; a category a language's RESX does
 * not spell out (French "many", for millions) uses `<base>_other`. The count is formatted in the user's language
 * and is {0}; `extra` fills {1}, {2}...
 */
export function plural(t: Translate, fmt: Formatter, base: PluralBase, count: number, ...extra: Array<string | number>): string {
  const category = fmt.pluralCategory(count);
  const key = `${base}_${category}`;
  const chosen = Object.prototype.hasOwnProperty.call(English, key) ? (key as StringKey) : (`${base}_other` as StringKey);
  return t(chosen, fmt.number(count, 0), ...extra);
}
