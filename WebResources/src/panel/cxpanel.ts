/**
 * Entry of cx_/panel/cxpanel.js. The form library calls window.setClientApiContext(Xrm, formContext) through
 * getContentWindow(); nothing here touches Xrm before that, and nothing reaches for parent.Xrm.
 */
import { createCxData, normaliseId } from "../data/cxData";
import { createFormatter } from "../localization/format";
import { createTranslate } from "../localization/localizer";
import { createDensityStore, type KeyValueStorage } from "./density";
import { CaseTable, JourneyTable, ResponsesTabName } from "../schema";
import { createPanel, type PanelSubject } from "./panel";
import type { PanelNavigation } from "./views/context";

interface PanelHost extends Window {
  setClientApiContext?: (xrm: Xrm.XrmStatic, formContext: Xrm.FormContext) => void;
}

/** The panel's view follows the form's table: a customer, a journey or a case; null before the record is saved. */
export function subjectOf(formContext: Xrm.FormContext): PanelSubject | null {
  const table = formContext.data.entity.getEntityName();
  const raw = formContext.data.entity.getId();
  if (raw === "") return null;
  const id = normaliseId(raw);
  if (table === "account" || table === "contact") return { kind: "customer", customer: { table, id } };
  if (table === JourneyTable) return { kind: "journey", id };
  if (table === CaseTable) return { kind: "case", id };
  return null;
}

/** Links open records with Xrm.Navigation.openForm; "see all" shows the form's responses tab. */
export function formNavigation(xrm: Pick<Xrm.XrmStatic, "Navigation">, formContext: Xrm.FormContext): PanelNavigation {
  const tab = (): Xrm.Controls.Tab | null => {
    try {
      return formContext.ui.tabs.get(ResponsesTabName) ?? null;
    } catch {
      return null;
    }
  };
  return {
    openRecord(table, id) {
      void xrm.Navigation.openForm({ entityName: table, entityId: id });
    },
    hasResponsesTab: () => tab() !== null,
    showResponsesTab() {
      const found = tab();
      if (found === null) return;
      // setFocus opens the tab (Microsoft's advice since setDisplayState was deprecated in 2021).
      found.setVisible(true);
      found.setFocus();
    },
  };
}

function localStorageOrNull(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    // Reading localStorage throws where storage is blocked for the frame.
    return null;
  }
}

export function setClientApiContext(xrm: Xrm.XrmStatic, formContext: Xrm.FormContext): void {
  const root = document.getElementById("cx-panel");
  if (root === null) return;
  const settings = xrm.Utility.getGlobalContext().userSettings;
  const t = createTranslate(xrm.Utility);
  const fmt = createFormatter(settings);
  document.documentElement.lang = fmt.locale;
  document.title = t("panel_title");
  const panel = createPanel(root, {
    t,
    fmt,
    data: createCxData(xrm.WebApi),
    subject: subjectOf(formContext),
    navigation: formNavigation(xrm, formContext),
    now: () => new Date(),
    density: createDensityStore(localStorageOrNull(), settings.userId),
  });
  void panel.load();
}

(window as PanelHost).setClientApiContext = setClientApiContext;
