import { categoryOf } from "../../cx/nps";
import type { Verbatim } from "../../data/cxData";
import { choiceLabel } from "../../localization/choiceLabels";
import { el } from "../dom";
import type { ViewContext } from "./context";

/** Verbatims the compact density shows; the detailed one shows all that were read. */
const CompactCount = 2;

/** The latest verbatims, newest first: what the customer said, with score, date and channel. */
export function verbatimsView(verbatims: readonly Verbatim[], context: ViewContext): HTMLElement {
  const { t } = context;
  const titleId = "cx-verbatims-title";
  return el("section", { className: "cx-card cx-verbatims", attrs: { "aria-labelledby": titleId } }, [
    el("h2", { className: "cx-card-title", attrs: { id: titleId }, text: t("verbatims_title") }),
    verbatims.length === 0
      ? el("p", { className: "cx-empty", text: t("verbatims_none") })
      : el(
          "ul",
          { className: "cx-verbatim-list" },
          verbatims.map((verbatim, index) => verbatimItem(verbatim, index >= CompactCount, context)),
        ),
  ]);
}

function verbatimItem(verbatim: Verbatim, detailedOnly: boolean, { t, fmt }: ViewContext): HTMLElement {
  const category = verbatim.score === null ? null : categoryOf(verbatim.score);
  return el("li", { className: `cx-verbatim${detailedOnly ? " detailed-only" : ""}`, attrs: { "data-testid": "verbatim" } }, [
    el("blockquote", { className: "cx-verbatim-text" }, [
      // Untrusted customer text: a text node, so markup in it stays visible characters.
      el("p", { text: verbatim.comment === "" ? t("verbatim_no_comment") : verbatim.comment }),
    ]),
    el("p", { className: "cx-verbatim-meta" }, [
      verbatim.score === null
        ? null
        : el("span", { className: `cx-score-chip cx-score-${category ?? "none"}` }, [
            t("verbatim_score", fmt.number(verbatim.score, 0)),
            category === null ? null : el("span", { className: "cx-score-category", text: ` ${t(`category_${category}`)}` }),
          ]),
      verbatim.respondedOn === null ? null : el("span", { text: fmt.date(verbatim.respondedOn) }),
      verbatim.channel === null ? null : el("span", { text: choiceLabel(t, "channel", verbatim.channel) }),
    ]),
  ]);
}
