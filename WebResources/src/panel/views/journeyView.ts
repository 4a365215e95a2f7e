import type { CaseJourney, Journey } from "../../data/cxData";
import { choiceLabel } from "../../localization/choiceLabels";
import { plural } from "../../localization/plural";
import { StagesByJourneyType } from "../../schema";
import { el, svg } from "../dom";
import type { ViewContext } from "./context";
import { journeyItem } from "./journeysView";

const Width = 360;
const Height = 150;
const Plot = { left: 34, right: 338, top: 12, bottom: 104 };

function y(score: number): number {
  const clamped = Math.max(0, Math.min(100, score));
  return Plot.bottom - (clamped / 100) * (Plot.bottom - Plot.top);
}

/** The stages to draw: every stage of the journey's type in order, plus any scored stage outside that list. */
function stagesOf(journey: Journey): number[] {
  const known = journey.journeyType === null ? undefined : StagesByJourneyType[journey.journeyType];
  return Array.from(new Set([...(known ?? []), ...journey.stageScores.map((stage) => stage.stage)])).sort((a, b) => a - b);
}

/**
 * The journey form's panel: the journey (risk, score, reasons) and its satisfaction stage by stage on a fixed
 * 0..100 axis, each stage with its touchpoint and response counts, so "every touchpoint fine, the journey worse"
 * is a picture; a table carries the same figures for screen readers.
 */
export function journeyView(journey: Journey, context: ViewContext): HTMLElement {
  const { t } = context;
  const titleId = "cx-journey-title";
  return el("div", { className: "cx-grid cx-grid-single", attrs: { "data-state": "ready", "data-view": "journey" } }, [
    el("section", { className: "cx-card cx-journeys", attrs: { "aria-labelledby": titleId } }, [
      el("h2", { className: "cx-card-title", attrs: { id: titleId }, text: t("journey_view_title") }),
      journeyItem(journey, context, "div"),
    ]),
    el("section", { className: "cx-card cx-journey-stages", attrs: { "aria-labelledby": "cx-stage-chart-title" } }, [
      el("h2", { className: "cx-card-title", attrs: { id: "cx-stage-chart-title" }, text: t("journey_chart_title") }),
      stageChart(journey, context),
      stageTable(journey, context),
    ]),
  ]);
}

/** The case form's panel: the case's journey (a link), the stage the case happened in, and the journey's risk. */
export function caseView(caseJourney: CaseJourney, context: ViewContext): HTMLElement {
  const { t } = context;
  const titleId = "cx-case-title";
  const journey = caseJourney.journey;
  return el("div", { className: "cx-grid cx-grid-single", attrs: { "data-state": "ready", "data-view": "case" } }, [
    el("section", { className: "cx-card cx-journeys", attrs: { "aria-labelledby": titleId } }, [
      el("h2", { className: "cx-card-title", attrs: { id: titleId }, text: t("case_title") }),
      journey === null
        ? el("p", { className: "cx-empty", attrs: { "data-state": "no-journey" }, text: t("case_no_journey") })
        : el("div", {}, [
            caseJourney.caseStage === null
              ? null
              : el("p", { className: "cx-case-stage", attrs: { "data-testid": "case-stage" }, text: t("case_stage", choiceLabel(t, "stage", caseJourney.caseStage)) }),
            journeyItem(journey, context, "div"),
          ]),
    ]),
  ]);
}

function stageText(journey: Journey, stage: number, context: ViewContext): string {
  const { t, fmt } = context;
  const row = journey.stageScores.find((candidate) => candidate.stage === stage);
  const touchpoints = plural(t, fmt, "count_touchpoints", row?.touchpoints ?? 0);
  const responses = plural(t, fmt, "count_responses", row?.responses ?? 0);
  const name = choiceLabel(t, "stage", stage);
  return row?.score === null || row?.score === undefined
    ? t("journey_stage_unscored", name, touchpoints)
    : t("journey_stage_point", name, fmt.number(row.score, 0), touchpoints, responses);
}

function stageChart(journey: Journey, context: ViewContext): SVGElement {
  const { t, fmt } = context;
  const stages = stagesOf(journey);
  const step = stages.length > 1 ? (Plot.right - Plot.left) / (stages.length - 1) : 0;
  const x = (index: number): number => (stages.length > 1 ? Plot.left + index * step : (Plot.left + Plot.right) / 2);
  const scores = new Map(journey.stageScores.map((row) => [row.stage, row]));
  const segments: string[] = [];
  let current = "";
  stages.forEach((stage, index) => {
    const score = scores.get(stage)?.score ?? null;
    if (score === null) {
      if (current !== "") segments.push(current);
      current = "";
      return;
    }
    current += `${current === "" ? "M" : "L"}${x(index).toFixed(1)} ${y(score).toFixed(1)} `;
  });
  if (current !== "") segments.push(current);
  const summary = t("journey_chart_summary", journey.name, stages.map((stage) => stageText(journey, stage, context)).join("; "));
  const anchor = (index: number): string => (stages.length === 1 ? "middle" : index === 0 ? "start" : index === stages.length - 1 ? "end" : "middle");
  return svg(
    "svg",
    { className: "cx-trend-chart", attrs: { viewBox: `0 0 ${Width} ${Height}`, role: "img", "aria-label": summary, focusable: "false", "data-testid": "stage-chart" } },
    [
      svg("title", { text: summary }),
      ...[100, 50, 0].map((value) => svg("line", { className: "cx-axis-grid", attrs: { x1: Plot.left, x2: Plot.right, y1: y(value), y2: y(value) } })),
      ...[100, 50, 0].map((value) =>
        svg("text", { className: "cx-axis-label", attrs: { x: Plot.left - 6, y: y(value) + 3, "text-anchor": "end" }, text: fmt.number(value, 0) }),
      ),
      ...segments.map((d) => svg("path", { className: "cx-trend-line", attrs: { d } })),
      ...stages.map((stage, index) => {
        const row = scores.get(stage);
        return svg("g", {}, [
          row?.score === null || row?.score === undefined
            ? null
            : svg("circle", { className: "cx-trend-point", attrs: { cx: x(index), cy: y(row.score), r: 3.5 } }, [svg("title", { text: stageText(journey, stage, context) })]),
          svg("text", { className: "cx-axis-label", attrs: { x: x(index), y: 120, "text-anchor": anchor(index) }, text: choiceLabel(t, "stage", stage) }),
          svg("text", {
            className: "cx-trend-count",
            attrs: { x: x(index), y: 134, "text-anchor": anchor(index), "data-testid": "stage-touchpoints", "data-stage": stage },
            text: plural(t, fmt, "count_touchpoints", row?.touchpoints ?? 0),
          }),
        ]);
      }),
    ],
  );
}

function stageTable(journey: Journey, { t, fmt }: ViewContext): HTMLElement {
  const scores = new Map(journey.stageScores.map((row) => [row.stage, row]));
  return el("table", { className: "cx-trend-table cx-visually-hidden", attrs: { "data-testid": "stage-table" } }, [
    el("caption", { text: t("journey_chart_title") }),
    el("thead", {}, [
      el("tr", {}, [
        el("th", { attrs: { scope: "col" }, text: t("journey_col_stage") }),
        el("th", { attrs: { scope: "col" }, text: t("journey_col_score") }),
        el("th", { attrs: { scope: "col" }, text: t("journey_col_touchpoints") }),
        el("th", { attrs: { scope: "col" }, text: t("journey_col_responses") }),
      ]),
    ]),
    el(
      "tbody",
      {},
      stagesOf(journey).map((stage) => {
        const row = scores.get(stage);
        return el("tr", {}, [
          el("th", { attrs: { scope: "row" }, text: choiceLabel(t, "stage", stage) }),
          el("td", { text: row?.score === null || row?.score === undefined ? t("stage_not_scored") : fmt.number(row.score, 0) }),
          el("td", { text: fmt.number(row?.touchpoints ?? 0, 0) }),
          el("td", { text: fmt.number(row?.responses ?? 0, 0) }),
        ]);
      }),
    ),
  ]);
}
