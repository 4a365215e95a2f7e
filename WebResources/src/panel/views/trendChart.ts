import type { MonthlyNps } from "../../cx/nps";
import { el, svg } from "../dom";
import type { ViewContext } from "./context";

const Width = 360;
const Height = 132;
const Plot = { left: 34, right: 352, top: 10, bottom: 112 };

/** NPS runs from −100 to 100; a fixed scale keeps a small wobble from looking like a collapse. */
function y(nps: number): number {
  return Plot.bottom - ((nps + 100) / 200) * (Plot.bottom - Plot.top);
}

/**
 * The 12-month NPS line as inline SVG, with a text summary for screen readers and a hidden table that lists
 * every month. Months without responses break the line instead of pretending to be 0.
 */
export function trendChart(history: readonly MonthlyNps[], { t, fmt }: ViewContext): HTMLElement {
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
  const monthText = (month: MonthlyNps): string =>
    month.nps === null
      ? t("trend_month_empty", fmt.month(month.month))
      : t("trend_month", fmt.month(month.month), fmt.number(month.nps), fmt.number(month.n, 0));

  const gridValues = [100, 50, 0, -50, -100];
  const labelIndexes = Array.from(new Set([0, Math.floor((history.length - 1) / 2), history.length - 1]));

  const chart = svg(
    "svg",
    {
      className: "cx-trend-chart",
      attrs: { viewBox: `0 0 ${Width} ${Height}`, role: "img", "aria-label": summary, focusable: "false" },
    },
    [
      svg("title", { text: summary }),
      ...gridValues.map((value) =>
        svg("line", {
          className: value === 0 ? "cx-axis-zero" : "cx-axis-grid",
          attrs: { x1: Plot.left, x2: Plot.right, y1: y(value), y2: y(value) },
        }),
      ),
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
          attrs: { x: x(index), y: Height - 4, "text-anchor": index === 0 ? "start" : index === history.length - 1 ? "end" : "middle" },
          text: fmt.month(history[index].month),
        }),
      ),
      ...segments.map((d) => svg("path", { className: "cx-trend-line", attrs: { d } })),
      ...history.map((month, index) =>
        month.nps === null
          ? null
          : svg("circle", { className: "cx-trend-point", attrs: { cx: x(index), cy: y(month.nps), r: 3 } }, [
              svg("title", { text: monthText(month) }),
            ]),
      ),
    ],
  );

  return el("section", { className: "cx-trend detailed-only", attrs: { "aria-labelledby": titleId } }, [
    el("h3", { className: "cx-subtitle", attrs: { id: titleId }, text: t("trend_title") }),
    chart,
    el("ul", { className: "cx-visually-hidden" }, history.map((month) => el("li", { text: monthText(month) }))),
  ]);
}
