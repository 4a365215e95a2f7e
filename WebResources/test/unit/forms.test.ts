import { beforeEach, describe, expect, it } from "vitest";
import { XrmMockGenerator } from "xrm-mock";
import { accountOnLoad, caseOnLoad, connectPanel, contactOnLoad } from "../../src/form/cxform";
import { AtRiskNotificationId } from "../../src/form/atRiskNotification";

const accountId = "{A1B2C3D4-0000-4000-8000-000000000001}";
const contactId = "{C0C0C0C0-0000-4000-8000-000000000009}";

interface Call {
  table: string;
  options: string;
}

/** A Web API that answers the at-risk query with `journeys`, recording what it was asked. */
function answerWith(journeys: Array<Record<string, unknown>>, fail = false): Call[] {
  const calls: Call[] = [];
  const webApi = {
    retrieveMultipleRecords: (table: string, options: string) => {
      calls.push({ table, options });
      // Xrm.WebApi rejects with a plain object.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return fail ? Promise.reject({ errorCode: 1, message: "offline" }) : Promise.resolve({ entities: journeys });
    },
    retrieveRecord: () => Promise.reject(new Error("not expected")),
  };
  (Xrm as unknown as { WebApi: unknown }).WebApi = webApi;
  return calls;
}

function notifications(): Array<{ message: string; level: string; uniqueId: string }> {
  return (XrmMockGenerator.getFormContext().ui as unknown as { formNotifications?: Array<{ message: string; level: string; uniqueId: string }> })
    .formNotifications ?? [];
}

const onboardingHigh = {
  cx_name: "Onboarding – Contoso",
  cx_risklevel: 964000003,
  cx_riskreasons: "Satisfaction fell from 85 at Welcome to 51 at Installation (−40 %)\n2 detractor responses",
};
const relocationMedium = { cx_name: "Relocation – HQ", cx_risklevel: 964000002, cx_riskreasons: "3 contacts within 14 days of each other" };

describe("account form", () => {
  beforeEach(() => {
    XrmMockGenerator.initialise({ entity: { id: accountId, entityName: "account" } });
  });

  it("shows an error naming the high-risk journey and its first reason", async () => {
    answerWith([onboardingHigh, relocationMedium]);
    await accountOnLoad(XrmMockGenerator.getEventContext());
    expect(notifications()).toEqual([
      {
        uniqueId: AtRiskNotificationId,
        level: "ERROR",
        message:
          "Journey at high risk: Onboarding – Contoso. Satisfaction fell from 85 at Welcome to 51 at Installation (−40 %) 1 more journey is at risk.",
      },
    ]);
  });

  it("shows a warning when the riskiest journey is at medium risk", async () => {
    answerWith([relocationMedium]);
    await accountOnLoad(XrmMockGenerator.getEventContext());
    expect(notifications()).toEqual([
      { uniqueId: AtRiskNotificationId, level: "WARNING", message: "Journey at medium risk: Relocation – HQ. 3 contacts within 14 days of each other" },
    ]);
  });

  it("clears the notification once no journey is at risk any more", async () => {
    answerWith([onboardingHigh]);
    await accountOnLoad(XrmMockGenerator.getEventContext());
    answerWith([]);
    await accountOnLoad(XrmMockGenerator.getEventContext());
    expect(notifications()).toEqual([]);
  });

  it("asks for the account's own open journeys at medium or high risk", async () => {
    const calls = answerWith([]);
    await accountOnLoad(XrmMockGenerator.getEventContext());
    expect(calls).toHaveLength(1);
    expect(calls[0].table).toBe("cx_customerjourney");
    expect(calls[0].options).toContain("_cx_accountid_value eq a1b2c3d4-0000-4000-8000-000000000001 and statecode eq 0");
  });

  it("leaves the form as it was when the request fails", async () => {
    answerWith([onboardingHigh]);
    await accountOnLoad(XrmMockGenerator.getEventContext());
    answerWith([], true);
    await expect(accountOnLoad(XrmMockGenerator.getEventContext())).resolves.toBeUndefined();
    expect(notifications()).toHaveLength(1);
  });

  it("asks for nothing on a new account that has no id yet", async () => {
    XrmMockGenerator.initialise({ entity: { entityName: "account" } });
    // Dataverse answers "" for an unsaved record; xrm-mock invents an id, so say it the platform's way.
    XrmMockGenerator.getFormContext().data.entity.getId = () => "";
    const calls = answerWith([onboardingHigh]);
    await accountOnLoad(XrmMockGenerator.getEventContext());
    expect(calls).toEqual([]);
    expect(notifications()).toEqual([]);
  });
});

describe("contact form", () => {
  it("flags the contact's own at-risk journeys", async () => {
    XrmMockGenerator.initialise({ entity: { id: contactId, entityName: "contact" } });
    const calls = answerWith([relocationMedium]);
    await contactOnLoad(XrmMockGenerator.getEventContext());
    expect(calls[0].options).toContain("_cx_contactid_value eq c0c0c0c0-0000-4000-8000-000000000009");
    expect(notifications()[0]?.level).toBe("WARNING");
  });
});

describe("case form", () => {
  beforeEach(() => {
    XrmMockGenerator.initialise({ entity: { id: "{CA5E0000-0000-4000-8000-000000000001}", entityName: "incident" } });
  });

  it("flags the journeys of the case's customer", async () => {
    XrmMockGenerator.Attribute.createLookup("customerid", { id: contactId, entityType: "contact", name: "Ana Silva" });
    const calls = answerWith([onboardingHigh]);
    await caseOnLoad(XrmMockGenerator.getEventContext());
    expect(calls[0].options).toContain("_cx_contactid_value eq c0c0c0c0-0000-4000-8000-000000000009");
    expect(notifications()[0]).toMatchObject({ level: "ERROR", message: expect.stringContaining("Onboarding – Contoso") as unknown });
  });

  it("follows the case to its new customer when the customer changes", async () => {
    const customer = XrmMockGenerator.Attribute.createLookup("customerid", { id: contactId, entityType: "contact", name: "Ana Silva" });
    answerWith([onboardingHigh]);
    await caseOnLoad(XrmMockGenerator.getEventContext());
    const calls = answerWith([]);
    customer.setValue([{ id: accountId, entityType: "account", name: "Contoso" }]);
    customer.fireOnChange();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls[0].options).toContain("_cx_accountid_value eq a1b2c3d4-0000-4000-8000-000000000001");
    expect(notifications()).toEqual([]);
  });

  it("shows nothing and asks for nothing when the case has no customer", async () => {
    XrmMockGenerator.Attribute.createLookup("customerid", []);
    const calls = answerWith([onboardingHigh]);
    await caseOnLoad(XrmMockGenerator.getEventContext());
    expect(calls).toEqual([]);
    expect(notifications()).toEqual([]);
  });
});

describe("panel hand-over", () => {
  it("gives the panel the form's Xrm and form context through getContentWindow", async () => {
    XrmMockGenerator.initialise({ entity: { id: accountId, entityName: "account" } });
    const received: unknown[] = [];
    const panelWindow = { setClientApiContext: (xrm: unknown, formContext: unknown) => received.push(xrm, formContext) };
    const formContext = XrmMockGenerator.getFormContext();
    const requested: string[] = [];
    formContext.getControl = ((name: string) => {
      requested.push(name);
      return { getContentWindow: () => Promise.resolve(panelWindow) };
    }) as unknown as typeof formContext.getControl;
    await connectPanel(formContext, Xrm);
    expect(requested).toEqual(["WebResource_cxpanel"]);
    expect(received).toEqual([Xrm, formContext]);
  });

  it("keeps the form free of script errors when the panel cannot be reached", async () => {
    XrmMockGenerator.initialise({ entity: { id: accountId, entityName: "account" } });
    const formContext = XrmMockGenerator.getFormContext();
    formContext.getControl = (() => ({
      getContentWindow: () => Promise.reject(new Error("The web resource did not load")),
    })) as unknown as typeof formContext.getControl;
    await expect(connectPanel(formContext, Xrm)).resolves.toBeUndefined();
  });

  it("does nothing on a form without the panel", async () => {
    XrmMockGenerator.initialise({ entity: { id: accountId, entityName: "account" } });
    await expect(connectPanel(XrmMockGenerator.getFormContext(), Xrm)).resolves.toBeUndefined();
  });
});
