import { English, type StringKey } from "./english";
import type { Translate } from "./localizer";

type ChoicePrefix = "risk" | "journeytype" | "stage" | "channel";

/**
 * The label of a choice value (journey type, stage, channel, risk level) from the RESX strings, whose keys are
 * the prefix and the value, e.g. stage_964000103. A value the data model does not know reads "Unknown".
 */
export function choiceLabel(t: Translate, prefix: ChoicePrefix, value: number | null): string {
  const key = `${prefix}_${String(value)}`;
  return value !== null && Object.prototype.hasOwnProperty.call(English, key) ? t(key as StringKey) : t("unknown_value");
}
