/**
 * Entry of cx_/drivers/cxdrivers.js, the drivers page of the CX overview dashboard. A dashboard hands a web
 * resource no form context, so the page takes the client API from the dashboard that hosts its frame
 * (window.parent.Xrm, the way Microsoft documents it for HTML web resources); a host may also hand it over with
 * window.setClientApiContext(xrm). All reads go through CxData (src/data/cxData.ts).
 */
import { createCxData } from "../data/cxData";
import { createFormatter } from "../localization/format";
import { el, replaceChildren } from "../panel/dom";
import { createDriversPage } from "./driversPage";
import { createPageTranslate } from "./pageTranslate";

interface DriversHost extends Window {
  setClientApiContext?: (xrm: Xrm.XrmStatic) => void;
}

let started = false;

export function setClientApiContext(xrm: Xrm.XrmStatic): void {
  const root = document.getElementById("cx-drivers");
  if (root === null || started) return;
  started = true;
  const settings = xrm.Utility.getGlobalContext().userSettings;
  const t = createPageTranslate(xrm.Utility);
  const fmt = createFormatter(settings);
  document.documentElement.lang = fmt.locale;
  document.title = t("dp_title");
  void createDriversPage(root, { t, fmt, data: createCxData(xrm.WebApi) }).load();
}

/** The dashboard's client API, or null (another origin, or no Dynamics 365 around the frame). */
function hostXrm(): Xrm.XrmStatic | null {
  try {
    // Reading another origin's window throws; a page outside Dynamics 365 has no Xrm there.
    // The checker's do-not-make-parent-assumption rule allows window.parent for Xrm only: keep it one expression.
    const found = (window.parent as Partial<Window>).Xrm;
    return found === undefined ? null : found;
  } catch {
    return null;
  }
}

(window as DriversHost).setClientApiContext = setClientApiContext;
const xrm = hostXrm();
if (xrm !== null && typeof xrm.WebApi === "object") {
  setClientApiContext(xrm);
} else {
  const root = document.getElementById("cx-drivers");
  // A host that hands the client API over itself (setClientApiContext) replaces this message.
  if (root !== null) replaceChildren(root, [el("p", { className: "cx-state", attrs: { role: "alert", "data-state": "no-xrm" }, text: createPageTranslate(undefined)("dp_no_xrm") })]);
}
