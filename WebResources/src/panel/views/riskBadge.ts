import { choiceLabel } from "../../localization/choiceLabels";
import { RiskLevel, type RiskLevelValue } from "../../schema";
import { el } from "../dom";
import type { ViewContext } from "./context";

const BadgeClass: Readonly<Record<number, string>> = {
  [RiskLevel.none]: "cx-risk-none",
  [RiskLevel.low]: "cx-risk-low",
  [RiskLevel.medium]: "cx-risk-medium",
  [RiskLevel.high]: "cx-risk-high",
};

const Glyph: Readonly<Record<number, string>> = {
  [RiskLevel.none]: "\u2713",
  [RiskLevel.low]: "\u2022",
  [RiskLevel.medium]: "!",
  [RiskLevel.high]: "\u2715",
};

/**
 * A risk level as words ("High risk") with a colour and a glyph as extra cues, never colour alone. An empty
 * level (not computed yet) shows no badge: "unknown" must not read as "no risk".
 */
export function riskBadge(level: RiskLevelValue | null, { t }: ViewContext): HTMLElement | null {
  if (level === null) return null;
  return el("span", { className: `cx-badge ${BadgeClass[level]}`, attrs: { "data-risk": level } }, [
    el("span", { className: "cx-badge-icon", attrs: { "aria-hidden": "true" }, text: Glyph[level] }),
    choiceLabel(t, "risk", level),
  ]);
}
