import type { CodedReason, RiskReasons } from "../cx/reasons";
import { choiceLabel } from "./choiceLabels";
import { English, type StringKey } from "./english";
import type { Formatter } from "./format";
import type { Translate } from "./localizer";
import { plural } from "./plural";

function num(values: CodedReason["values"], name: string): number | null {
  const value = values[name];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function typePhrase(t: Translate, journeyType: number): string {
  const key = `journeytype_for_${String(journeyType)}`;
  return Object.prototype.hasOwnProperty.call(English, key) ? t(key as StringKey) : t("journeytype_for_964000009");
}

/** One coded reason in the reader's language, or null when the code is unknown or a value it needs is missing. */
export function reasonSentence(reason: CodedReason, t: Translate, fmt: Formatter): string | null {
  const v = reason.values;
  const n = (name: string): number | null => num(v, name);
  switch (reason.code) {
    case "satisfaction-fell": {
      const from = n("from"), to = n("to"), fromStage = n("fromStage"), toStage = n("toStage"), percent = n("percent");
      if (from === null || to === null || fromStage === null || toStage === null || percent === null) return null;
      return t(
        "reason_satisfaction_fell",
        fmt.number(from, 0),
        choiceLabel(t, "stage", fromStage),
        fmt.number(to, 0),
        choiceLabel(t, "stage", toStage),
        fmt.signedPercent(percent),
      );
    }
    case "detractors": {
      const count = n("count");
      return count === null ? null : plural(t, fmt, "count_detractor_responses", count);
    }
    case "latest-detractor": {
      const score = n("score"), stage = n("stage");
      if (score === null) return null;
      return stage === null
        ? t("reason_latest_detractor_nostage", fmt.number(score, 0))
        : t("reason_latest_detractor", fmt.number(score, 0), choiceLabel(t, "stage", stage));
    }
    case "low-satisfaction": {
      const score = n("score");
      return score === null ? null : t("reason_low_satisfaction", fmt.number(score, 0));
    }
    case "too-many-contacts": {
      const count = n("count"), expected = n("expected"), journeyType = n("journeyType");
      if (count === null || expected === null || journeyType === null) return null;
      return t("reason_too_many_contacts", plural(t, fmt, "count_contacts", count), fmt.number(expected, 0), typePhrase(t, journeyType));
    }
    case "repeat-contacts": {
      const count = n("count"), days = n("days");
      if (count === null || days === null) return null;
      return t("reason_repeat_contacts", plural(t, fmt, "count_contacts", count), plural(t, fmt, "count_days", days));
    }
    case "overdue": {
      const days = n("days"), expected = n("expected");
      if (days === null || expected === null) return null;
      return t("reason_overdue", plural(t, fmt, "count_days", days), fmt.number(expected, 0));
    }
    case "nps-fell": {
      const from = n("from"), to = n("to"), margin = n("margin");
      if (from === null || to === null || margin === null) return null;
      return t("reason_nps_fell", fmt.signed(from, 0), fmt.signed(to, 0), fmt.number(margin, 0));
    }
    case "detractor-share": {
      const percent = n("percent"), threshold = n("threshold"), responses = n("responses");
      if (percent === null || threshold === null || responses === null) return null;
      return t(
        "reason_detractor_share",
        fmt.percent(percent / 100),
        plural(t, fmt, "count_responses", responses),
        fmt.percent(threshold / 100),
      );
    }
    case "silent": {
      const days = n("days"), open = n("openJourneys");
      if (days === null || open === null) return null;
      return t("reason_silent", plural(t, fmt, "count_days", days), plural(t, fmt, "count_journeys_open", open));
    }
    case "journeys-at-risk": {
      const count = n("count"), level = n("level");
      if (count === null || level === null) return null;
      return t("reason_journeys_at_risk", plural(t, fmt, "count_open_journeys", count), choiceLabel(t, "risk", level));
    }
    default:
      return null;
  }
}

/**
 * A record's reasons as the reader should see them: each coded reason in the reader's language; a code this
 * reader does not know (a newer plug-in) shows the plain-text line at the same index. Without coded reasons (a
 * row written before cx_riskreasonsjson existed) the plain-text lines are shown as they are.
 */
export function renderReasons(reasons: RiskReasons, t: Translate, fmt: Formatter): string[] {
  if (reasons.codes === null || reasons.codes.length === 0) return reasons.lines;
  const rendered: string[] = [];
  reasons.codes.forEach((reason, index) => {
    const sentence = reasonSentence(reason, t, fmt) ?? (index < reasons.lines.length ? reasons.lines[index] : "");
    if (sentence !== "") rendered.push(sentence);
  });
  return rendered;
}
