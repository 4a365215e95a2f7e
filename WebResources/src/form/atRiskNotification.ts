import type { AtRiskJourney, CxData, CustomerRef } from "../data/cxData";
import type { Formatter } from "../localization/format";
import type { Translate } from "../localization/localizer";
import { plural } from "../localization/plural";
import { renderReasons } from "../localization/reasons";
import { Components, RiskLevel } from "../schema";

/** One notification per form, replaced on every refresh, so the id is fixed. */
export const AtRiskNotificationId = Components.atRiskNotification;

export interface AtRiskMessage {
  level: Xrm.FormNotificationLevel;
  text: string;
}

/**
 * The notification for the riskiest open journey: ERROR when it is High, WARNING when Medium, naming the
 * journey and its first reason, and saying how many others are at risk. Null when none is at risk.
 */
export function atRiskMessage(journeys: readonly AtRiskJourney[], t: Translate, fmt: Formatter): AtRiskMessage | null {
  if (journeys.length === 0) return null;
  // The query orders by level already; sorting again keeps the rule true whatever the server returns.
  const riskiest = journeys.reduce((top, journey) => (journey.riskLevel > top.riskLevel ? journey : top));
  const high = riskiest.riskLevel === RiskLevel.high;
  const headline = t(high ? "notify_atrisk_964000003" : "notify_atrisk_964000002", riskiest.name, renderReasons(riskiest.reasons, t, fmt)[0] ?? "");
  const others = journeys.length - 1;
  const more = others === 0 ? "" : " " + plural(t, fmt, "notify_more", others);
  return { level: high ? "ERROR" : "WARNING", text: (headline.trim() + more).trim() };
}

export type NotifyingForm = Pick<Xrm.FormContext, "ui">;

/**
 * Shows, replaces or clears the at-risk notification for `customer` (null: no customer, so nothing to flag).
 * A failed request leaves the form as it was: the panel, not the notification, reports errors.
 */
export async function refreshAtRiskNotification(
  formContext: NotifyingForm,
  data: Pick<CxData, "atRiskJourneys">,
  customer: CustomerRef | null,
  t: Translate,
  fmt: Formatter,
): Promise<void> {
  let message: AtRiskMessage | null = null;
  if (customer !== null) {
    try {
      message = atRiskMessage(await data.atRiskJourneys(customer), t, fmt);
    } catch {
      return;
    }
  }
  // Dataverse replaces a notification with the same id, but clearing first makes that explicit everywhere.
  formContext.ui.clearFormNotification(AtRiskNotificationId);
  if (message !== null) {
    formContext.ui.setFormNotification(message.text, message.level, AtRiskNotificationId);
  }
}
