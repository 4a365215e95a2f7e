import { categoryOf } from "../../cx/nps";
import type { Verbatim } from "../../data/cxData";
import { choiceLabel } from "../../localization/choiceLabels";
import { SurveyResponseTable } from "../../schema";
import { el, replaceChildren } from "../dom";
import type { ViewContext } from "./context";

/** Verbatims the compact density shows; the detailed one shows a page. */
const CompactCount = 2;
/** Verbatims per page in the detailed density. */
export const VerbatimPageSize = 5;

/**
 * The latest verbatims, newest first: what the customer said, who said it, when (date and age), the score and the
 * channel, and a link that opens the response. More than a page reads page by page; "see all" opens the form's
 * responses tab. Every customer-written or customer-named text reaches the page as text nodes only.
 */
export function verbatimsView(verbatims: readonly Verbatim[], context: ViewContext): HTMLElement {
  const { t, fmt, navigation } = context;
  const titleId = "cx-verbatims-title";
  const list = el("ul", { className: "cx-verbatim-list" });
  const pager = el("div", { className: "cx-pager detailed-only", attrs: { "data-testid": "verbatim-pager" } });
  const pages = Math.max(1, Math.ceil(verbatims.length / VerbatimPageSize));
  let page = 0;

  function show(focusList: boolean): void {
    const start = page * VerbatimPageSize;
    const shown = verbatims.slice(start, start + VerbatimPageSize);
    replaceChildren(list, shown.map((verbatim, index) => verbatimItem(verbatim, index >= CompactCount, context)));
    if (pages <= 1) return;
    const status = el("span", {
      className: "cx-muted",
      attrs: { "aria-live": "polite", "data-testid": "verbatim-page" },
      text: t("verbatims_page", fmt.number(start + 1, 0), fmt.number(start + shown.length, 0), fmt.number(verbatims.length, 0)),
    });
    const button = (key: "verbatims_previous" | "verbatims_next", target: number, disabled: boolean): HTMLElement =>
      el("button", {
        className: "cx-link-button",
        attrs: { type: "button", disabled, "data-testid": key === "verbatims_next" ? "verbatims-next" : "verbatims-previous" },
        text: t(key),
        on: {
          click: () => {
            page = target;
            show(true);
          },
        },
      });
    replaceChildren(pager, [button("verbatims_previous", page - 1, page === 0), status, button("verbatims_next", page + 1, page >= pages - 1)]);
    if (focusList) list.querySelector<HTMLElement>(".cx-verbatim-text")?.focus();
  }
  show(false);

  const seeAll = navigation.hasResponsesTab()
    ? el("a", {
        className: "cx-link",
        attrs: { href: "#", "data-testid": "verbatims-see-all" },
        text: t("verbatims_see_all"),
        on: {
          click: (event) => {
            event.preventDefault();
            navigation.showResponsesTab();
          },
        },
      })
    : null;

  return el("section", { className: "cx-card cx-verbatims", attrs: { "aria-labelledby": titleId } }, [
    el("div", { className: "cx-card-header" }, [el("h2", { className: "cx-card-title", attrs: { id: titleId }, text: t("verbatims_title") }), seeAll]),
    verbatims.length === 0 ? el("p", { className: "cx-empty", text: t("verbatims_none") }) : list,
    verbatims.length === 0 ? null : pager,
  ]);
}

function verbatimItem(verbatim: Verbatim, detailedOnly: boolean, context: ViewContext): HTMLElement {
  const { t, fmt, navigation } = context;
  const category = verbatim.score === null ? null : categoryOf(verbatim.score);
  return el("li", { className: `cx-verbatim${detailedOnly ? " detailed-only" : ""}`, attrs: { "data-testid": "verbatim" } }, [
    // tabindex -1: paging moves focus to the first verbatim shown, so a keyboard user hears the new page.
    el("blockquote", { className: "cx-verbatim-text", attrs: { tabindex: -1 } }, [
      // Untrusted customer text: a text node, so markup in it stays visible characters.
      el("p", { text: verbatim.comment === "" ? t("verbatim_no_comment") : verbatim.comment }),
    ]),
    el("p", { className: "cx-verbatim-meta" }, [
      el("span", { className: "cx-verbatim-respondent", attrs: { "data-testid": "verbatim-respondent" }, text: verbatim.respondent ?? t("verbatim_anonymous") }),
      verbatim.score === null
        ? null
        : el("span", { className: `cx-score-chip cx-score-${category ?? "none"}` }, [
            t("verbatim_score", fmt.number(verbatim.score, 0)),
            category === null ? null : el("span", { className: "cx-score-category", text: ` ${t(`category_${category}`)}` }),
          ]),
      verbatim.channel === null ? null : el("span", { text: choiceLabel(t, "channel", verbatim.channel) }),
      verbatim.respondedOn === null
        ? null
        : el("span", { attrs: { "data-testid": "verbatim-date" } }, [
            el("time", { attrs: { datetime: verbatim.respondedOn.toISOString() }, text: fmt.date(verbatim.respondedOn) }),
            ` (${fmt.age(verbatim.respondedOn, context.now())})`,
          ]),
      verbatim.id === ""
        ? null
        : el("a", {
            className: "cx-link",
            attrs: { href: "#", "data-testid": "verbatim-open" },
            text: t("verbatim_open"),
            on: {
              click: (event) => {
                event.preventDefault();
                navigation.openRecord(SurveyResponseTable, verbatim.id);
              },
            },
          }),
    ]),
  ]);
}
