import { compareWithPrevious, isLowConfidence } from "../../cx/nps";
import type { CustomerExperience, CxSettings } from "../../data/cxData";
import { plural } from "../../localization/plural";
import { windowWording, type WindowWording } from "../../localization/window";
import { el } from "../dom";
import type { ViewContext } from "./context";
import { trendChart } from "./trendChart";

/**
 * The NPS tile: the window it covers (the settings' windowDays), score, margin, sample size, confidence, change
 * against the previous window, mix and trend.
 */
export function npsView(cx: CustomerExperience, settings: CxSettings, context: ViewContext): HTMLElement {
  const { t, fmt } = context;
  const titleId = "cx-nps-title";
  const period = windowWording(t, fmt, settings.windowDays);
  if (cx.nps === null) {
    return el("section", { className: "cx-card cx-nps", attrs: { "aria-labelledby": titleId } }, [
      el("h2", { className: "cx-card-title", attrs: { id: titleId }, text: t("nps_label") }),
      el("p", { className: "cx-empty", attrs: { "data-state": "no-responses" }, text: t("no_responses", period.last) }),
    ]);
  }

  const responses = cx.responses ?? 0;
  const low = isLowConfidence(cx.responses, cx.npsMargin);
  return el("section", { className: "cx-card cx-nps", attrs: { "aria-labelledby": titleId } }, [
    el("h2", { className: "cx-card-title", attrs: { id: titleId }, text: t("nps_label") }),
    el("p", { className: "cx-nps-window cx-muted", attrs: { "data-testid": "nps-window" }, text: t("nps_window", period.last) }),
    el("div", { className: "cx-nps-headline" }, [
      el("span", { className: "cx-nps-value", attrs: { "data-testid": "nps-value" }, text: fmt.number(cx.nps) }),
      el("div", { className: "cx-nps-facts" }, [
        cx.npsMargin === null ? null : el("span", { text: t("nps_margin", fmt.number(cx.npsMargin)) }),
        el("span", {
          text: plural(t, fmt, "count_responses", responses),
        }),
      ]),
    ]),
    low
      ? el("p", { className: "cx-badge cx-badge-caution", attrs: { "data-testid": "low-confidence" } }, [
          el("span", { className: "cx-badge-icon", attrs: { "aria-hidden": "true" }, text: "!" }),
          t("low_confidence"),
        ])
      : null,
    changeLine(cx, period, context),
    mixBar(cx, context),
    trendChart(cx.history, context),
  ]);
}

function changeLine(cx: CustomerExperience, period: WindowWording, { t, fmt }: ViewContext): HTMLElement {
  const change = compareWithPrevious(cx.nps, cx.npsMargin, cx.npsPrevious, cx.npsPreviousMargin);
  if (change.kind === "none") {
    return el("p", { className: "cx-change cx-muted", attrs: { "data-change": "none" }, text: t("change_none", period.previous) });
  }
  if (change.kind === "noise") {
    return el("p", { className: "cx-change", attrs: { "data-change": "noise" } }, [
      el("span", { className: "cx-change-icon", attrs: { "aria-hidden": "true" }, text: "\u2248" }),
      t("change_noise", fmt.signed(change.delta), period.previous),
    ]);
  }
  const up = change.delta > 0;
  return el("p", { className: `cx-change ${up ? "cx-change-up" : "cx-change-down"}`, attrs: { "data-change": "significant" } }, [
    el("span", { className: "cx-change-icon", attrs: { "aria-hidden": "true" }, text: up ? "\u25B2" : "\u25BC" }),
    t(up ? "change_significant_up" : "change_significant_down", fmt.number(Math.abs(change.delta)), period.previous),
  ]);
}

function mixBar(cx: CustomerExperience, { t, fmt }: ViewContext): HTMLElement | null {
  const parts = [
    { key: "promoters" as const, count: cx.promoters ?? 0, className: "cx-mix-promoters" },
    { key: "passives" as const, count: cx.passives ?? 0, className: "cx-mix-passives" },
    { key: "detractors" as const, count: cx.detractors ?? 0, className: "cx-mix-detractors" },
  ];
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  if (total === 0) return null;
  const labels = parts.map((part) => t("mix_item", t(part.key), fmt.number(part.count, 0), fmt.percent(part.count / total)));
  return el("div", { className: "cx-mix" }, [
    // The bar is a picture of the legend below, which carries the same figures as text for everyone.
    el(
      "div",
      { className: "cx-mix-bar", attrs: { "aria-hidden": "true" } },
      parts
        .filter((part) => part.count > 0)
        .map((part) =>
          el("span", {
            className: `cx-mix-segment ${part.className}`,
            attrs: { style: `width:${((part.count / total) * 100).toFixed(2)}%` },
          }),
        ),
    ),
    el(
      "ul",
      { className: "cx-mix-legend", attrs: { "aria-label": t("mix_label") } },
      parts.map((part, index) =>
        el("li", {}, [el("span", { className: `cx-swatch ${part.className}`, attrs: { "aria-hidden": "true" } }), labels[index]]),
      ),
    ),
  ]);
}
