import type { Formatter } from "../../localization/format";
import type { Translate } from "../../localization/localizer";

/** What every view needs to turn figures into words. */
export interface ViewContext {
  t: Translate;
  fmt: Formatter;
}
