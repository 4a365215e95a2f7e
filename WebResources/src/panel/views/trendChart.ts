import { isLowConfidence, LowConfidence, type MonthlyNps } from "../../cx/nps";
import { plural } from "../../localization/plural";
import { el, svg } from "../dom";
import type { ViewContext } from "./context";

const Width = 360;
const Height = 150;
const Plot = { left: 34, right: 348, top: 10, bottom: 112 };
/** Baseline of the response counts, one under each month. */
const CountsY = 126;
const MonthsY = Height - 4;

/** NPS runs from −100 to 100; a fixed scale keeps a small wobble from looking like a collapse. */
function y(nps: number): number {
  const clamped = Math.max(-100, Math.min(100, nps));
  return Plot.bottom - ((clamped + 100) / 200) * (Plot.bottom - Plot.top);
}

/**
 * The 12-month NPS line as inline SVG on a fixed −100..100 axis with a zero line: every month shows its response
 * count under the axis and its margin as a bar; months of low confidence (the panel's one rule) are hollow points
 * with dashed bars. A table with the same figures is there for screen readers and, on request, for everyone.
 * Months without responses break the line instead of pretending to be 0.
 */
export function trendChart(history: readonly MonthlyNps[], context: ViewContext): HTMLElement {
  const { t, fmt } = context;
  const titleId = "cx-trend-title";
  const scored = history.filter((month) => month.nps !== null);
  if (history.length === 0 || scored.length === 0) {
    return el("section", { className: "cx-trend detailed-only", attrs: { "aria-labelledby": titleId } }, [
      el("h3", { className: "cx-subtitle", attrs: { id: titleId }, text: t("trend_title") }),
      el("p", { className: "cx-muted", text: t("trend_empty") }),
    ]);
  }

  const step = history.length > 1 ? (Plot.right - Plot.left) / (history.length - 1) : 0;
  const x = (index: number): number => (history.length > 1 ? Plot.left + index * step : (Plot.left + Plot.right) / 2);

  const segments: string[] = [];
  let current = "";
  history.forEach((month, index) => {
    if (month.nps === null) {
      if (current !== "") segments.push(current);
      current = "";
      return;
    }
    current += `${current === "" ? "M" : "L"}${x(index).toFixed(1)} ${y(month.nps).toFixed(1)} `;
  });
  if (current !== "") segments.push(current);

  const last = scored[scored.length - 1];
  const summary = t(
    "trend_summary",
    fmt.month(history[0].month),
    fmt.month(history[history.length - 1].month),
    fmt.month(last.month),
    fmt.number(last.nps ?? 0),
  );
  const low = (month: MonthlyNps): boolean => month.nps !== null && isLowConfidence(month.n, month.margin);
  const monthText = (month: MonthlyNps): string => {
    const count = plural(t, fmt, "count_responses", month.n);
    if (month.nps === null) return t("trend_month_empty", fmt.month(month.month));
    const figures =
      month.margin === null
        ? t("trend_month", fmt.month(month.month), fmt.number(month.nps), count)
        : t("trend_month_margin", fmt.month(month.month), fmt.number(month.nps), fmt.number(month.margin), count);
    return low(month) ? `${figures}, ${t("trend_low_mark")}` : figures;
  };

  const gridValues = [100, 50, -50, -100];
  const labelIndexes = Array.from(new Set([0, Math.floor((history.length - 1) / 2), history.length - 1]));
  const anchor = (index: number): string => (index === 0 ? "start" : index === history.length - 1 ? "end" : "middle");

  const chart = svg(
    "svg",
    {
      className: "cx-trend-chart",
      attrs: { viewBox: `0 0 ${Width} ${Height}`, role: "img", "aria-label": summary, focusable: "false", "data-testid": "trend-chart" },
    },
    [
      svg("title", { text: summary }),
      ...gridValues.map((value) =>
        svg("line", { className: "cx-axis-grid", attrs: { x1: Plot.left, x2: Plot.right, y1: y(value), y2: y(value) } }),
      ),
      // The zero line: above it more promoters than detractors.
      svg("line", { className: "cx-axis-zero", attrs: { x1: Plot.left, x2: Plot.right, y1: y(0), y2: y(0), "data-testid": "zero-line" } }),
      ...[100, 0, -100].map((value) =>
        svg("text", {
          className: "cx-axis-label",
          attrs: { x: Plot.left - 6, y: y(value) + 3, "text-anchor": "end" },
          text: fmt.number(value, 0),
        }),
      ),
      ...labelIndexes.map((index) =>
        svg("text", {
          className: "cx-axis-label",
          attrs: { x: x(index), y: MonthsY, "text-anchor": anchor(index) },
          text: fmt.month(history[index].month),
        }),
      ),
      // Every month's response count, so a swing on three answers reads as three answers.
      ...history.map((month, index) =>
        svg("text", {
          className: `cx-trend-count${low(month) || month.nps === null ? " cx-trend-count-low" : ""}`,
          attrs: { x: x(index), y: CountsY, "text-anchor": "middle", "data-testid": "trend-count", "data-month": month.month },
          text: fmt.number(month.n, 0),
        }),
      ),
      ...history.map((month, index) =>
        month.nps === null || month.margin === null
          ? null
          : svg("line", {
              className: `cx-trend-margin${low(month) ? " cx-trend-margin-low" : ""}`,
              attrs: { x1: x(index), x2: x(index), y1: y(month.nps + month.margin), y2: y(month.nps - month.margin) },
            }),
      ),
      ...segments.map((d) => svg("path", { className: "cx-trend-line", attrs: { d } })),
      ...history.map((month, index) =>
        month.nps === null
          ? null
          : svg(
              "circle",
              {
                className: `cx-trend-point${low(month) ? " cx-trend-point-low" : ""}`,
                attrs: { cx: x(index), cy: y(month.nps), r: 3.5, "data-low": low(month) ? "true" : "false", "data-month": month.month },
              },
              [svg("title", { text: monthText(month) })],
            ),
      ),
    ],
  );

  const table = trendTable(history, low, context);
  const tableToggle = el("button", {
    className: "cx-link-button",
    attrs: { type: "button", "aria-expanded": "false", "data-testid": "trend-table-toggle" },
    text: t("trend_show_table"),
    on: {
      click: () => {
        const shown = tableToggle.getAttribute("aria-expanded") === "true";
        tableToggle.setAttribute("aria-expanded", String(!shown));
        tableToggle.textContent = t(shown ? "trend_show_table" : "trend_show_chart");
        table.classList.toggle("cx-visually-hidden", shown);
        chart.classList.toggle("cx-hidden", !shown);
      },
    },
  });

  return el("section", { className: "cx-trend detailed-only", attrs: { "aria-labelledby": titleId } }, [
    el("div", { className: "cx-trend-header" }, [
      el("h3", { className: "cx-subtitle", attrs: { id: titleId }, text: t("trend_title") }),
      tableToggle,
    ]),
    chart,
    el("p", { className: "cx-trend-legend cx-muted", text: t("trend_legend_low", fmt.number(LowConfidence.minResponses, 0), fmt.number(LowConfidence.maxMargin, 0)) }),
    table,
  ]);
}

/** The chart's figures as a table: month, NPS, margin, responses, confidence. Hidden visually until asked for. */
function trendTable(history: readonly MonthlyNps[], low: (month: MonthlyNps) => boolean, { t, fmt }: ViewContext): HTMLElement {
  const header = el("tr", {}, [
    el("th", { attrs: { scope: "col" }, text: t("trend_col_month") }),
    el("th", { attrs: { scope: "col" }, text: t("trend_col_nps") }),
    el("th", { attrs: { scope: "col" }, text: t("trend_col_margin") }),
    el("th", { attrs: { scope: "col" }, text: t("trend_col_responses") }),
    el("th", { attrs: { scope: "col" }, text: t("trend_col_confidence") }),
  ]);
  const rows = history.map((month) =>
    el("tr", { attrs: { "data-month": month.month } }, [
      el("th", { attrs: { scope: "row" }, text: fmt.month(month.month) }),
      el("td", { text: month.nps === null ? "\u2014" : fmt.number(month.nps) }),
      el("td", { text: month.margin === null ? "\u2014" : `± ${fmt.number(month.margin)}` }),
      el("td", { text: fmt.number(month.n, 0) }),
      el("td", { text: month.nps === null ? "\u2014" : low(month) ? t("trend_low_mark") : t("trend_confidence_ok") }),
    ]),
  );
  return el("table", { className: "cx-trend-table cx-visually-hidden", attrs: { "data-testid": "trend-table" } }, [
    el("caption", { text: t("trend_table_caption") }),
    el("thead", {}, [header]),
    el("tbody", {}, rows),
  ]);
}
