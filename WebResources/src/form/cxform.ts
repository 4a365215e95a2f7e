/**
 * The form library cx_/scripts/cxform.js. Register the handlers with "Pass execution context as first
 * parameter": CrmCx.Forms.accountOnLoad, CrmCx.Forms.contactOnLoad, CrmCx.Forms.caseOnLoad,
 * CrmCx.Forms.journeyOnLoad.
 */
import { createCxData, normaliseId, type CustomerRef, type CxData } from "../data/cxData";
import { createFormatter, type Formatter } from "../localization/format";
import { createTranslate } from "../localization/localizer";
import { PanelControlName, type CustomerTable } from "../schema";
import { refreshAtRiskNotification } from "./atRiskNotification";

/** What the panel's window exposes (see src/panel/cxpanel.ts). */
export interface PanelWindow extends Window {
  setClientApiContext?: (xrm: Xrm.XrmStatic, formContext: Xrm.FormContext) => void;
}

/** The Xrm the form library runs with; handlers take the platform's, tests hand in their own. */
export type FormXrm = Pick<Xrm.XrmStatic, "WebApi" | "Utility">;

function platformXrm(): Xrm.XrmStatic {
  return Xrm;
}

export function accountOnLoad(executionContext: Xrm.Events.EventContext): Promise<void> {
  return customerFormLoaded(executionContext.getFormContext(), "account", platformXrm());
}

export function contactOnLoad(executionContext: Xrm.Events.EventContext): Promise<void> {
  return customerFormLoaded(executionContext.getFormContext(), "contact", platformXrm());
}

export function caseOnLoad(executionContext: Xrm.Events.EventContext): Promise<void> {
  const formContext = executionContext.getFormContext();
  const customer = formContext.getAttribute<Xrm.Attributes.LookupAttribute>(CaseCustomerColumn);
  if (customer !== null) {
    // Removing first keeps one handler when OnLoad runs again after a save.
    customer.removeOnChange(caseCustomerChanged);
    customer.addOnChange(caseCustomerChanged);
  }
  const xrm = platformXrm();
  return Promise.all([refreshCase(formContext, xrm), connectPanel(formContext, xrm)]).then(() => undefined);
}

/** The journey form: hands the panel its context; the panel draws the journey stage by stage. */
export function journeyOnLoad(executionContext: Xrm.Events.EventContext): Promise<void> {
  return connectPanel(executionContext.getFormContext(), platformXrm());
}

function caseCustomerChanged(executionContext: Xrm.Events.EventContext): void {
  void refreshCase(executionContext.getFormContext(), platformXrm());
}

const CaseCustomerColumn = "customerid";

/** The case's customer (account or contact), or null when it has none. */
export function caseCustomer(formContext: Xrm.FormContext): CustomerRef | null {
  const value = formContext.getAttribute<Xrm.Attributes.LookupAttribute>(CaseCustomerColumn)?.getValue();
  const first = value?.[0];
  if (first === undefined || (first.entityType !== "account" && first.entityType !== "contact")) return null;
  return { table: first.entityType, id: normaliseId(first.id) };
}

/** Numbers and plurals in the user's language; English when the global context cannot be read. */
export function userFormatter(xrm: FormXrm): Formatter {
  try {
    return createFormatter(xrm.Utility.getGlobalContext().userSettings);
  } catch {
    return createFormatter({ languageId: 1033 });
  }
}

export function refreshCase(formContext: Xrm.FormContext, xrm: FormXrm, data: CxData = createCxData(xrm.WebApi)): Promise<void> {
  return refreshAtRiskNotification(formContext, data, caseCustomer(formContext), createTranslate(xrm.Utility), userFormatter(xrm));
}

/** Account and contact: flag at-risk journeys and hand the panel its client API context. */
export async function customerFormLoaded(
  formContext: Xrm.FormContext,
  table: CustomerTable,
  xrm: Xrm.XrmStatic,
  data: CxData = createCxData(xrm.WebApi),
): Promise<void> {
  const id = formContext.data.entity.getId();
  const customer: CustomerRef | null = id === "" ? null : { table, id: normaliseId(id) };
  await Promise.all([
    refreshAtRiskNotification(formContext, data, customer, createTranslate(xrm.Utility), userFormatter(xrm)),
    connectPanel(formContext, xrm),
  ]);
}

/**
 * The panel must receive Xrm and the form context from here: reaching for parent.Xrm from inside the web
 * resource is unsupported. A form without the panel control simply has nothing to connect.
 */
export async function connectPanel(formContext: Xrm.FormContext, xrm: Xrm.XrmStatic): Promise<void> {
  const control = formContext.getControl<Xrm.Controls.IframeControl>(PanelControlName);
  if (control === null || typeof control.getContentWindow !== "function") return;
  try {
    const panelWindow: PanelWindow = await control.getContentWindow();
    panelWindow.setClientApiContext?.(xrm, formContext);
  } catch {
    // A panel that cannot be reached (removed, blocked, failed to load) must not turn into a script error on
    // the form: the notification still stands, and the panel shows its own state when it loads.
  }
}
