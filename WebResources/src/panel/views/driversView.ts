import type { CxData, Driver, DriverDimension } from "../../data/cxData";
import { LowConfidence } from "../../cx/nps";
import { plural } from "../../localization/plural";
import { el, replaceChildren } from "../dom";
import type { ViewContext } from "./context";

/** How many values of a dimension the section lists: the ones most below the rest. */
const ShownPerDimension = 3;
const Dimensions: readonly DriverDimension[] = ["stage", "channel"];

/**
 * "What moves this account": the stages and channels most below the rest of the account's responses, each with its
 * evidence (NPS ± margin, sample size). A difference within noise reads "in line"; a sample under the panel's
 * low-confidence size says so. Read on request (a disclosure button), so the panel's load stays three requests.
 */
export function driversView(account: string, data: Pick<CxData, "drivers">, context: ViewContext): HTMLElement {
  const { t } = context;
  const titleId = "cx-drivers-title";
  const body = el("div", { className: "cx-drivers-body", attrs: { id: "cx-drivers-body", "aria-live": "polite" } });
  const toggle = el("button", {
    className: "cx-link-button",
    attrs: { type: "button", "aria-expanded": "false", "aria-controls": "cx-drivers-body", "data-testid": "drivers-show" },
    text: t("drivers_show"),
    on: { click: () => void open() },
  });
  let opened = false;

  async function open(): Promise<void> {
    if (opened) return;
    opened = true;
    toggle.setAttribute("aria-expanded", "true");
    toggle.setAttribute("disabled", "");
    replaceChildren(body, [el("p", { className: "cx-muted", attrs: { role: "status" }, text: t("drivers_loading") })]);
    try {
      const results = await Promise.all(Dimensions.map((dimension) => data.drivers(account, dimension)));
      replaceChildren(body, Dimensions.map((dimension, index) => dimensionList(dimension, results[index], context)));
    } catch (failure) {
      // The server's message is untrusted text too.
      const detail = failure instanceof Error ? failure.message : "";
      replaceChildren(body, [
        el("div", { attrs: { role: "alert" } }, [
          el("p", { text: t("drivers_failed") }),
          detail === "" ? null : el("p", { className: "cx-muted cx-failed-detail", text: detail }),
        ]),
      ]);
    }
  }

  return el("section", { className: "cx-card cx-drivers detailed-only", attrs: { "aria-labelledby": titleId, "data-testid": "drivers" } }, [
    el("div", { className: "cx-card-header" }, [el("h2", { className: "cx-card-title", attrs: { id: titleId }, text: t("drivers_title") }), toggle]),
    body,
  ]);
}

function dimensionList(dimension: DriverDimension, drivers: readonly Driver[], context: ViewContext): HTMLElement {
  const { t } = context;
  // Only values below the rest, most below first: the section answers "what pulls this account down".
  const ranked = drivers
    .filter((driver) => driver.delta !== null && driver.delta < 0)
    .slice()
    .sort((a, b) => (a.delta ?? 0) - (b.delta ?? 0))
    .slice(0, ShownPerDimension);
  return el("div", { className: "cx-drivers-dimension", attrs: { "data-dimension": dimension } }, [
    el("h3", { className: "cx-subtitle", text: t(dimension === "stage" ? "drivers_dimension_stage" : "drivers_dimension_channel") }),
    ranked.length === 0
      ? el("p", { className: "cx-muted", text: t("drivers_none") })
      : el("ul", { className: "cx-drivers-list" }, ranked.map((driver) => driverItem(driver, context))),
  ]);
}

function driverItem(driver: Driver, { t, fmt }: ViewContext): HTMLElement {
  const small = driver.responses < LowConfidence.minResponses;
  const verdict =
    driver.significant && driver.delta !== null && driver.delta < 0
      ? t("drivers_below", fmt.number(Math.abs(driver.delta)))
      : t("drivers_in_line");
  const evidence =
    driver.nps === null
      ? plural(t, fmt, "count_responses", driver.responses)
      : t("drivers_evidence", fmt.number(driver.nps), driver.npsMargin === null ? "\u2014" : fmt.number(driver.npsMargin), plural(t, fmt, "count_responses", driver.responses));
  return el("li", { className: "cx-driver", attrs: { "data-testid": "driver", "data-significant": String(driver.significant) } }, [
    // The label is the custom API's text (a stage or channel name, or an owner's name): text only.
    el("span", { className: "cx-driver-label", text: driver.label }),
    " ",
    el("span", { className: driver.significant ? "cx-trend-falling" : "cx-muted", text: verdict }),
    el("span", { className: "cx-muted cx-driver-evidence", text: ` (${evidence}${small ? `, ${t("drivers_small_sample")}` : ""})` }),
  ]);
}
