import type { CustomerExperience, Journey } from "../../data/cxData";
import { choiceLabel } from "../../localization/choiceLabels";
import { plural } from "../../localization/plural";
import { renderReasons } from "../../localization/reasons";
import { JourneyTable, StagesByJourneyType } from "../../schema";
import { el } from "../dom";
import type { ViewContext } from "./context";
import { riskBadge } from "./riskBadge";

/** The customer's overall risk and its open journeys, riskiest first. */
export function journeysView(cx: CustomerExperience, journeys: readonly Journey[], context: ViewContext): HTMLElement {
  const { t, fmt } = context;
  const titleId = "cx-journeys-title";
  const atRisk = cx.atRiskJourneys ?? 0;
  return el("section", { className: "cx-card cx-journeys", attrs: { "aria-labelledby": titleId } }, [
    el("div", { className: "cx-card-header" }, [
      el("h2", { className: "cx-card-title", attrs: { id: titleId }, text: t("journeys_title") }),
      el("div", { className: "cx-risk-summary", attrs: { "data-testid": "customer-risk" } }, [
        riskBadge(cx.riskLevel, context),
        atRisk > 0
          ? el("span", {
              className: "cx-muted",
              text: plural(t, fmt, "at_risk_journeys", atRisk),
            })
          : null,
      ]),
    ]),
    customerReasons(cx, context),
    journeys.length === 0
      ? el("p", { className: "cx-empty", text: t("journeys_none") })
      : el("ul", { className: "cx-journey-list" }, journeys.map((journey) => journeyItem(journey, context))),
  ]);
}

/** The customer's own reasons (NPS fell, detractor share, silence...), in the reader's language. */
function customerReasons(cx: CustomerExperience, context: ViewContext): HTMLElement | null {
  const reasons = renderReasons(cx.reasons, context.t, context.fmt);
  if (reasons.length === 0) return null;
  return el("div", { className: "cx-reasons cx-customer-reasons", attrs: { "data-testid": "customer-reasons" } }, [
    el("h3", { className: "cx-visually-hidden", text: context.t("customer_reasons") }),
    el("ul", {}, reasons.map((reason) => el("li", { text: reason }))),
  ]);
}

/** A journey's name as a link that opens the journey's form (text only: the name is untrusted). */
export function journeyLink(journey: Pick<Journey, "id" | "name">, context: ViewContext): HTMLElement {
  if (journey.id === "") return el("span", { text: journey.name });
  return el("a", {
    className: "cx-link",
    attrs: { href: "#", "data-testid": "journey-link", "aria-label": context.t("journey_open", journey.name) },
    text: journey.name,
    on: {
      click: (event) => {
        event.preventDefault();
        context.navigation.openRecord(JourneyTable, journey.id);
      },
    },
  });
}

/** One journey: name (a link), type, risk, score and trend, reasons and the stage strip. */
export function journeyItem(journey: Journey, context: ViewContext, tag: "li" | "div" = "li"): HTMLElement {
  const { t, fmt } = context;
  const typeLabel = choiceLabel(t, "journeytype", journey.journeyType);
  const trend = journey.scoreTrend;
  return el(tag, { className: "cx-journey", attrs: { "data-testid": "journey" } }, [
    el("div", { className: "cx-journey-header" }, [
      el("div", {}, [
        el("h3", { className: "cx-journey-name" }, [journeyLink(journey, context)]),
        el("span", { className: "cx-muted cx-journey-type", text: typeLabel }),
      ]),
      riskBadge(journey.riskLevel, context),
    ]),
    el("p", { className: "cx-journey-figures" }, [
      el("span", {
        text: journey.score === null ? t("journey_score_none") : t("journey_score", fmt.number(journey.score, 0)),
      }),
      trend === null
        ? null
        : el("span", { className: trend <= -20 ? "cx-trend-falling" : undefined }, [
            el("span", { attrs: { "aria-hidden": "true" }, text: trend > 0 ? "\u2197 " : trend < 0 ? "\u2198 " : "\u2192 " }),
            t("journey_trend", fmt.signed(trend, 0)),
          ]),
    ]),
    journey.currentStage === null
      ? null
      : el("p", { className: "cx-journey-current compact-only", text: t("journey_current_stage", choiceLabel(t, "stage", journey.currentStage)) }),
    reasonsList(journey, context),
    stagesList(journey, typeLabel, context),
  ]);
}

export function reasonsList(journey: Journey, { t, fmt }: ViewContext): HTMLElement | null {
  const reasons = renderReasons(journey.reasons, t, fmt);
  if (reasons.length === 0) return null;
  return el("div", { className: "cx-reasons" }, [
    el("h4", { className: "cx-visually-hidden", text: t("journey_reasons") }),
    el(
      "ul",
      {},
      // Agents (compact) see the first reason, which is what the form notification quotes.
      reasons.map((reason, index) => el("li", { className: index === 0 ? undefined : "detailed-only", text: reason })),
    ),
  ]);
}

/**
 * Every stage of the journey's type in the customer's order, with its score where the journey has one, so a
 * gap (a stage nobody rated) is visible next to the stages that were.
 */
function stagesList(journey: Journey, typeLabel: string, { t, fmt }: ViewContext): HTMLElement | null {
  const known = journey.journeyType === null ? undefined : StagesByJourneyType[journey.journeyType];
  const scored = new Map(journey.stageScores.map((stage) => [stage.stage, stage.score]));
  // Stages scored outside the type's list still show, in value order (value grows with the stage's order).
  const stages = Array.from(new Set([...(known ?? []), ...journey.stageScores.map((stage) => stage.stage)])).sort((a, b) => a - b);
  if (stages.length === 0) return null;
  return el(
    "ol",
    { className: "cx-stages detailed-only", attrs: { "aria-label": t("stages_label", typeLabel) } },
    stages.map((stage) => {
      const score = scored.get(stage);
      const current = stage === journey.currentStage;
      const reached = journey.currentStage !== null && stage <= journey.currentStage;
      return el(
        "li",
        {
          className: `cx-stage${current ? " cx-stage-current" : ""}${reached ? " cx-stage-reached" : ""}`,
          attrs: { "aria-current": current ? "step" : undefined, "data-stage": stage },
        },
        [
          el("span", { className: "cx-stage-name", text: choiceLabel(t, "stage", stage) }),
          el("span", {
            className: "cx-stage-score",
            text: score === undefined || score === null ? t("stage_not_scored") : fmt.number(score, 0),
          }),
          current ? el("span", { className: "cx-stage-flag", text: t("stage_current") }) : null,
        ],
      );
    }),
  );
}
