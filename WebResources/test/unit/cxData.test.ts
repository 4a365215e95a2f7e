import { describe, expect, it } from "vitest";
import { createCxData, normaliseId, type CustomerRef, type WebApiReader } from "../../src/data/cxData";

const account: CustomerRef = { table: "account", id: "a1b2c3d4-0000-4000-8000-000000000001" };
const contact: CustomerRef = { table: "contact", id: "c0c0c0c0-0000-4000-8000-000000000009" };

interface Call {
  method: string;
  table: string;
  id?: string;
  options?: string;
}

function fakeWebApi(record: Record<string, unknown> = {}, entities: Array<Record<string, unknown>> = []) {
  const calls: Call[] = [];
  const webApi = {
    retrieveRecord: (table: string, id: string, options?: string) => {
      calls.push({ method: "retrieveRecord", table, id, options });
      return Promise.resolve(record);
    },
    retrieveMultipleRecords: (table: string, options?: string) => {
      calls.push({ method: "retrieveMultipleRecords", table, options });
      return Promise.resolve({ entities, nextLink: "" });
    },
  } as unknown as WebApiReader;
  return { webApi, calls };
}

function selected(options: string | undefined): string[] {
  return /^\?\$select=([^&]+)/.exec(options ?? "")![1].split(",");
}

describe("the customer's experience", () => {
  it("is read in one request that selects only the NPS columns and expands the latest verbatims", async () => {
    const { webApi, calls } = fakeWebApi({ cx_nps: 12.5 });
    await createCxData(webApi).customerExperience(account);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: "retrieveRecord", table: "account", id: account.id });
    expect(selected(calls[0].options)).toEqual([
      "cx_nps", "cx_npsprevious", "cx_npsmargin", "cx_npsprevmargin", "cx_npsresponses", "cx_promoters",
      "cx_passives", "cx_detractors", "cx_npshistory", "cx_lastresponseon", "cx_risklevel", "cx_atriskjourneys",
      "cx_riskreasons", "cx_riskreasonsjson",
    ]);
    // Twenty verbatims in the same request: the panel pages through them five at a time.
    expect(calls[0].options).toContain(
      "&$expand=cx_account_cx_surveyresponse($select=_cx_contactid_value,cx_comment,cx_score,cx_respondedon,cx_channel;$filter=cx_comment ne null;$orderby=cx_respondedon desc;$top=20)",
    );
  });

  it("expands a contact's own responses on a contact", async () => {
    const { webApi, calls } = fakeWebApi({});
    await createCxData(webApi).customerExperience(contact);
    expect(calls[0]).toMatchObject({ table: "contact" });
    expect(calls[0].options).toContain("$expand=cx_contact_cx_surveyresponse(");
  });

  it("keeps an empty NPS empty rather than zero, and lists verbatims newest first", async () => {
    const { webApi } = fakeWebApi({
      cx_nps: null,
      cx_npsresponses: 0,
      cx_risklevel: 964000003,
      cx_account_cx_surveyresponse: [
        { cx_comment: "older", cx_score: 9, cx_respondedon: "2026-01-01T00:00:00Z", cx_channel: 964000002 },
        { cx_comment: "   ", cx_score: 5, cx_respondedon: "2026-03-01T00:00:00Z" },
        { cx_comment: "newer", cx_score: 3, cx_respondedon: "2026-02-01T00:00:00Z", cx_channel: null },
      ],
    });
    const cx = await createCxData(webApi).customerExperience(account);
    expect(cx.nps).toBeNull();
    expect(cx.responses).toBe(0);
    expect(cx.riskLevel).toBe(964000003);
    expect(cx.verbatims.map((v) => v.comment)).toEqual(["newer", "older"]);
  });
});

describe("open journeys", () => {
  it("are read in one request for the customer's active journeys with their stage scores expanded", async () => {
    const { webApi, calls } = fakeWebApi({}, []);
    await createCxData(webApi).openJourneys(account);
    expect(calls).toEqual([
      {
        method: "retrieveMultipleRecords",
        table: "cx_customerjourney",
        options:
          "?$select=cx_name,cx_journeytype,cx_currentstage,cx_score,cx_scoretrend,cx_risklevel,cx_riskreasons,cx_riskreasonsjson" +
          `&$filter=_cx_accountid_value eq ${account.id} and statecode eq 0` +
          "&$orderby=cx_risklevel desc,cx_scoretrend asc" +
          "&$expand=cx_customerjourney_cx_journeystagescore($select=cx_journeystage,cx_score)",
      },
    ]);
  });

  it("come with their stages in the journey's order and one reason per line", async () => {
    const { webApi } = fakeWebApi({}, [
      {
        cx_customerjourneyid: "j1",
        cx_name: "Onboarding",
        cx_journeytype: 964000001,
        cx_risklevel: 964000002,
        cx_riskreasons: "First reason\r\n\r\nSecond reason\n",
        cx_customerjourney_cx_journeystagescore: [
          { cx_journeystage: 964000103, cx_score: 51 },
          { cx_journeystage: 964000101, cx_score: 78 },
          { cx_journeystage: 964000102, cx_score: null },
        ],
      },
    ]);
    const [journey] = await createCxData(webApi).openJourneys(contact);
    expect(journey.stageScores).toEqual([
      { stage: 964000101, score: 78, touchpoints: null, responses: null },
      { stage: 964000102, score: null, touchpoints: null, responses: null },
      { stage: 964000103, score: 51, touchpoints: null, responses: null },
    ]);
    expect(journey.reasons).toEqual({ codes: null, lines: ["First reason", "Second reason"] });
    expect(journey.riskLevel).toBe(964000002);
  });

  it("filter on the contact lookup for a contact", async () => {
    const { webApi, calls } = fakeWebApi();
    await createCxData(webApi).openJourneys(contact);
    expect(calls[0].options).toContain(`_cx_contactid_value eq ${contact.id} and statecode eq 0`);
  });
});

describe("at-risk journeys for the form notification", () => {
  it("ask only for Medium and High open journeys, riskiest first, and select the name, level and reasons", async () => {
    const { webApi, calls } = fakeWebApi();
    await createCxData(webApi).atRiskJourneys(account);
    expect(selected(calls[0].options)).toEqual(["cx_name", "cx_risklevel", "cx_riskreasons", "cx_riskreasonsjson"]);
    expect(calls[0].options).toContain("and (cx_risklevel eq 964000002 or cx_risklevel eq 964000003)");
    expect(calls[0].options).toContain("&$orderby=cx_risklevel desc,cx_riskscore desc");
  });
});

describe("verbatims", () => {
  it("carry the response's id to open it and the respondent's name from the lookup's formatted value", async () => {
    const { webApi } = fakeWebApi({
      cx_account_cx_surveyresponse: [
        {
          cx_surveyresponseid: "5e5e5e5e-0000-4000-8000-000000000001",
          _cx_contactid_value: "c0c0c0c0-0000-4000-8000-000000000009",
          "_cx_contactid_value@OData.Community.Display.V1.FormattedValue": "Élise Martin",
          cx_comment: "Merci", cx_score: 9, cx_respondedon: "2026-11-01T00:00:00Z",
        },
        { cx_surveyresponseid: "5e5e5e5e-0000-4000-8000-000000000002", cx_comment: "No contact", cx_score: 2, cx_respondedon: "2026-10-01T00:00:00Z" },
      ],
    });
    const cx = await createCxData(webApi).customerExperience(account);
    expect(cx.verbatims.map((v) => [v.id, v.respondent])).toEqual([
      ["5e5e5e5e-0000-4000-8000-000000000001", "Élise Martin"],
      ["5e5e5e5e-0000-4000-8000-000000000002", null],
    ]);
  });
});

describe("a journey and a case", () => {
  it("read the journey form's journey in one request with the stages' touchpoint and response counts", async () => {
    const { webApi, calls } = fakeWebApi({
      cx_name: "Onboarding",
      cx_customerjourney_cx_journeystagescore: [{ cx_journeystage: 964000101, cx_score: 80, cx_touchpointcount: 3, cx_responsecount: 2 }],
    });
    const journey = await createCxData(webApi).journey("{6F1C1F7E-0000-4000-8000-000000000001}");
    expect(calls).toEqual([
      {
        method: "retrieveRecord",
        table: "cx_customerjourney",
        id: "6f1c1f7e-0000-4000-8000-000000000001",
        options:
          "?$select=cx_name,cx_journeytype,cx_currentstage,cx_score,cx_scoretrend,cx_risklevel,cx_riskreasons,cx_riskreasonsjson" +
          "&$expand=cx_customerjourney_cx_journeystagescore($select=cx_journeystage,cx_score,cx_touchpointcount,cx_responsecount)",
      },
    ]);
    expect(journey.stageScores).toEqual([{ stage: 964000101, score: 80, touchpoints: 3, responses: 2 }]);
  });

  it("read a case's journey in two requests, the case and then its journey, and none more without a journey", async () => {
    const calls: Call[] = [];
    const webApi = {
      retrieveRecord: (table: string, id: string, options?: string) => {
        calls.push({ method: "retrieveRecord", table, id, options });
        return Promise.resolve(
          table === "incident"
            ? { _cx_customerjourneyid_value: "6f1c1f7e-0000-4000-8000-000000000001", cx_journeystage: 964000103 }
            : { cx_name: "Onboarding", cx_risklevel: 964000003 },
        );
      },
    } as unknown as WebApiReader;
    const caseJourney = await createCxData(webApi).caseJourney("1ca5e000-0000-4000-8000-000000000001");
    expect(calls.map((c) => [c.table, c.id])).toEqual([
      ["incident", "1ca5e000-0000-4000-8000-000000000001"],
      ["cx_customerjourney", "6f1c1f7e-0000-4000-8000-000000000001"],
    ]);
    expect(calls[0].options).toBe("?$select=_cx_customerjourneyid_value,cx_journeystage");
    expect(caseJourney.caseStage).toBe(964000103);
    expect(caseJourney.journey?.riskLevel).toBe(964000003);

    const { webApi: noJourney, calls: fewer } = fakeWebApi({ cx_journeystage: null });
    expect(await createCxData(noJourney).caseJourney("1ca5e000-0000-4000-8000-000000000001")).toEqual({ caseStage: null, journey: null });
    expect(fewer).toHaveLength(1);
  });
});

describe("failures and ids", () => {
  it("turn the Web API's error object into an error that keeps its message", async () => {
    const webApi = {
      // Xrm.WebApi rejects with a plain object, not an Error: that is the case under test.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      retrieveRecord: () => Promise.reject({ errorCode: 5, message: "Principal user is missing prvReadcx_surveyresponse" }),
      retrieveMultipleRecords: () => Promise.resolve({ entities: [] }),
    } as unknown as WebApiReader;
    await expect(createCxData(webApi).customerExperience(account)).rejects.toThrow("Principal user is missing prvReadcx_surveyresponse");
  });

  it("accept a form's braced upper-case id and refuse anything that is not a GUID", () => {
    expect(normaliseId("{A1B2C3D4-0000-4000-8000-000000000001}")).toBe("a1b2c3d4-0000-4000-8000-000000000001");
    expect(() => normaliseId("a1b2c3d4-0000-4000-8000-000000000001 or statecode eq 1")).toThrow(/Not a record id/);
  });
});

describe("what moves an account (cx_GetDrivers)", () => {
  it("is one unbound function call per dimension with the account as an entity parameter", async () => {
    const requests: Array<Record<string, unknown>> = [];
    const webApi = {
      online: {
        execute: (request: Record<string, unknown>) => {
          requests.push(request);
          const drivers = [{ dimension: "stage", key: "964000103", label: "Installation", responses: 14, nps: -20, npsMargin: 25.4, delta: -35.2, significant: true }, { label: "no count" }];
          return Promise.resolve({ json: () => Promise.resolve({ Drivers: JSON.stringify(drivers) }) });
        },
      },
    } as unknown as WebApiReader;
    const drivers = await createCxData(webApi).drivers("{A1B2C3D4-0000-4000-8000-000000000001}", "stage");
    expect(requests).toHaveLength(1);
    expect(requests[0].Dimension).toBe("stage");
    expect(requests[0].Account).toEqual({ "@odata.type": "Microsoft.Dynamics.CRM.account", accountid: account.id });
    const metadata = (requests[0].getMetadata as () => Record<string, unknown>)();
    expect(metadata).toMatchObject({ boundParameter: null, operationType: 1, operationName: "cx_GetDrivers" });
    // A row without its sample size cannot be judged and is left out.
    // Without the API's lowConfidence flag the same rule decides: a margin above 20 is a small sample.
    expect(drivers).toEqual([{ dimension: "stage", key: "964000103", label: "Installation", responses: 14, satisfaction: null, satisfactionMargin: null, nps: -20, npsMargin: 25.4, delta: -35.2, significant: true, lowConfidence: true }]);
  });

  it("asks the drivers page's question over every account, with the journey type as a whole number and no account", async () => {
    const requests: Array<Record<string, unknown>> = [];
    const webApi = {
      online: {
        execute: (request: Record<string, unknown>) => {
          requests.push(request);
          const drivers = [{ dimension: "owner", key: "u1", label: "Ana", responses: 40, satisfaction: 71.5, satisfactionMargin: 4.2, nps: 10, npsMargin: 12, delta: 2, significant: false, lowConfidence: false }];
          return Promise.resolve({ json: () => Promise.resolve({ Drivers: JSON.stringify(drivers) }) });
        },
      },
    } as unknown as WebApiReader;
    const data = createCxData(webApi);
    const owners = await data.driversOf("owner", 964000001);
    await data.driversOf("effort", null);
    expect(requests.map((r) => [r.Dimension, r.JourneyType, "Account" in r])).toEqual([["owner", 964000001, false], ["effort", undefined, false]]);
    const types = (request: Record<string, unknown>) => ((request.getMetadata as () => { parameterTypes: Record<string, unknown> })()).parameterTypes;
    expect(types(requests[0])).toEqual({ Dimension: { typeName: "Edm.String", structuralProperty: 1 }, JourneyType: { typeName: "Edm.Int32", structuralProperty: 1 } });
    expect(Object.keys(types(requests[1]))).toEqual(["Dimension"]);
    expect(owners).toEqual([{ dimension: "owner", key: "u1", label: "Ana", responses: 40, satisfaction: 71.5, satisfactionMargin: 4.2, nps: 10, npsMargin: 12, delta: 2, significant: false, lowConfidence: false }]);
  });

  it("fails with a clear message where the online Web API is missing (offline client)", async () => {
    const { webApi } = fakeWebApi();
    await expect(createCxData(webApi).drivers(account.id, "channel")).rejects.toThrow("cx_GetDrivers needs the online Web API.");
  });
});
