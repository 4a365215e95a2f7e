import type { CxData } from "../data/cxData";
import type { Formatter } from "../localization/format";
import type { PageTranslate as Translate } from "./pageTranslate";
import { choiceLabel } from "../localization/choiceLabels";
import { el, replaceChildren } from "../panel/dom";
import { DefaultJourneyType, JourneyTypes, loadDrivers, type DriversTableView, type DriversView } from "./driversModel";

export interface DriversPageDependencies {
  t: Translate;
  fmt: Formatter;
  data: Pick<CxData, "driversOf">;
}

export interface DriversPage {
  /** Reads and shows the drivers of the selected journey type (six requests at once). */
  load(): Promise<void>;
}

/** The value of the select's "all journey types" option. */
const AllTypes = "all";

/**
 * The drivers page of the CX overview dashboard: a journey type select (Onboarding first), what is below the rest
 * beyond noise, then one table per dimension. Markup from elements and text nodes only (src/panel/dom.ts).
 */
export function createDriversPage(root: HTMLElement, dependencies: DriversPageDependencies): DriversPage {
  const { t, fmt, data } = dependencies;
  const selectId = "cx-drivers-journeytype";
  const select = el(
    "select",
    { className: "cx-select", attrs: { id: selectId, "data-testid": "journeytype" } },
    [
      ...JourneyTypes.map((type) =>
        el("option", { attrs: { value: String(type), selected: type === DefaultJourneyType }, text: choiceLabel(t, "journeytype", type) }),
      ),
      el("option", { attrs: { value: AllTypes }, text: t("dp_journeytype_all") }),
    ],
  );
  select.value = String(DefaultJourneyType);
  select.addEventListener("change", () => void page.load());
  const body = el("div", { className: "cx-drivers-page-body" });

  replaceChildren(root, [
    el("header", { className: "cx-header" }, [
      el("h1", { className: "cx-title", text: t("dp_title") }),
      el("p", { className: "cx-muted cx-intro", text: t("dp_intro") }),
      el("div", { className: "cx-field" }, [el("label", { attrs: { for: selectId }, text: t("dp_journeytype") }), select]),
    ]),
    body,
  ]);

  // Only the latest load may write: a slow answer for an earlier journey type is dropped.
  let generation = 0;

  const page: DriversPage = {
    async load() {
      const mine = ++generation;
      const journeyType = select.value === AllTypes ? null : Number(select.value);
      root.setAttribute("aria-busy", "true");
      replaceChildren(body, [
        el("div", { className: "cx-state cx-loading", attrs: { role: "status", "data-state": "loading" } }, [
          el("span", { className: "cx-spinner", attrs: { "aria-hidden": "true" } }),
          t("dp_loading"),
        ]),
      ]);
      const result = await loadDrivers(data, journeyType, t, fmt);
      if (mine !== generation) return;
      root.setAttribute("aria-busy", "false");
      if (result.kind === "failed") {
        replaceChildren(body, [
          el("div", { className: "cx-state cx-failed", attrs: { role: "alert", "data-state": "failed" } }, [
            el("p", { text: t("drivers_failed") }),
            // The server's message is untrusted text too.
            result.message === "" ? null : el("p", { className: "cx-muted cx-failed-detail", attrs: { "data-testid": "failure-detail" }, text: result.message }),
            el("button", { className: "cx-button", attrs: { type: "button", "data-testid": "retry" }, text: t("retry"), on: { click: () => void page.load() } }),
          ]),
        ]);
        return;
      }
      replaceChildren(body, [el("div", { attrs: { "data-state": "ready" } }, [summary(t, result.view), ...result.view.tables.map((table) => tableOf(t, table))])]);
    },
  };
  return page;
}

function summary(t: Translate, view: DriversView): HTMLElement {
  const titleId = "cx-drivers-summary-title";
  return el("section", { className: "cx-card cx-drivers-summary", attrs: { "aria-labelledby": titleId, "data-testid": "summary" } }, [
    el("h2", { className: "cx-card-title", attrs: { id: titleId }, text: t("dp_summary_title") }),
    view.belowBeyondNoise.length === 0
      ? el("p", { className: "cx-muted", text: t("dp_summary_none") })
      : el("ul", {}, view.belowBeyondNoise.map((line) => el("li", { text: line }))),
  ]);
}

function tableOf(t: Translate, table: DriversTableView): HTMLElement {
  const headers = [
    table.valueHeader,
    t("dp_col_responses"),
    t("dp_col_nps"),
    t("dp_col_satisfaction"),
    ...(table.team ? [t("dp_col_against")] : [t("dp_col_difference"), t("dp_col_verdict")]),
  ];
  const caption = el("caption", {}, [el("h2", { className: "cx-card-title", text: table.title })]);
  return el("section", { className: "cx-card cx-drivers-table", attrs: { "data-dimension": table.dimension, "data-testid": `table-${table.dimension}` } }, [
    table.rows.length === 0
      ? el("div", {}, [el("h2", { className: "cx-card-title", text: table.title }), el("p", { className: "cx-muted", text: t("dp_none") })])
      : el("table", { className: "cx-table" }, [
          caption,
          // The figures' headers align with their right-aligned numbers.
          el("thead", {}, [el("tr", {}, headers.map((header, index) => el("th", { className: index >= 1 && index <= (table.team ? 3 : 4) ? "cx-num" : undefined, attrs: { scope: "col" }, text: header })))]),
          el(
            "tbody",
            {},
            table.rows.map((row) => {
              const verdict = el("td", { className: row.below ? "cx-beyond cx-below" : row.significant ? "cx-beyond" : "cx-muted", attrs: { "data-testid": "verdict" } }, [
                row.verdict,
                row.smallSample === null ? null : el("span", { className: "cx-small-sample", text: ` ${row.smallSample}` }),
              ]);
              return el("tr", { attrs: { "data-significant": String(row.significant), "data-key": row.key } }, [
                // The label of an owner or business unit is the API's text: text only.
                el("th", { attrs: { scope: "row" }, text: row.label }),
                el("td", { className: "cx-num", text: row.responses }),
                el("td", { className: "cx-num", text: row.nps }),
                el("td", { className: "cx-num", text: row.satisfaction }),
                row.difference === null ? null : el("td", { className: "cx-num", text: row.difference }),
                verdict,
              ]);
            }),
          ),
        ]),
  ]);
}
