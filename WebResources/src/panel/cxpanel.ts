/**
 * Entry of cx_/panel/cxpanel.js. The form library calls window.setClientApiContext(Xrm, formContext) through
 * getContentWindow(); nothing here touches Xrm before that, and nothing reaches for parent.Xrm.
 */
import { createCxData, normaliseId, type CustomerRef } from "../data/cxData";
import { createFormatter } from "../localization/format";
import { createTranslate } from "../localization/localizer";
import { createDensityStore, type KeyValueStorage } from "./density";
import { createPanel } from "./panel";

interface PanelHost extends Window {
  setClientApiContext?: (xrm: Xrm.XrmStatic, formContext: Xrm.FormContext) => void;
}

function customerOf(formContext: Xrm.FormContext): CustomerRef | null {
  const table = formContext.data.entity.getEntityName();
  const id = formContext.data.entity.getId();
  if ((table !== "account" && table !== "contact") || id === "") return null;
  return { table, id: normaliseId(id) };
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
    customer: customerOf(formContext),
    density: createDensityStore(localStorageOrNull(), settings.userId),
  });
  void panel.load();
}

(window as PanelHost).setClientApiContext = setClientApiContext;
