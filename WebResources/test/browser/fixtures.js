// Rows as Xrm.WebApi returns them, for the browser harness. Names and choice values follow data-model.md.
"use strict";

const months = ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"];

// Counts 3–6 a month, wide margins (low confidence); `counts` and `margins` override month by month.
function monthlyHistory(values, counts, margins) {
  return JSON.stringify(months.map((month, i) => {
    const n = values[i] === null ? 0 : counts ? counts[i] : 3 + (i % 4);
    const row = { month, nps: values[i], n };
    const margin = margins ? margins[i] : values[i] === null ? undefined : 40 - i;
    if (margin !== undefined && margin !== null) row.margin = margin;
    return row;
  }));
}

function responseId(i) {
  return `5e5e5e5e-0000-4000-8000-${String(i).padStart(12, "0")}`;
}
const amelie = "c0c0c0c0-0000-4000-8000-000000000001";

const xssComment = "The installer came twice and the router still drops. <img src=x onerror=alert(1)> Fix it!";

window.cxFixtures = {
  atrisk: {
    customer: {
      cx_nps: 12.5, cx_npsprevious: 41.0, cx_npsmargin: 14.2, cx_npsprevmargin: 12.8,
      cx_npsresponses: 40, cx_promoters: 17, cx_passives: 11, cx_detractors: 12,
      // December 2025 has one response (the plural "1 response"), October and November 2026 are confident months
      // and the rest are low confidence; February 2026 is an older row without a margin.
      cx_npshistory: monthlyHistory(
        [48, 45, 40, 42, null, 35, 30, 22, 18, 10, 4, -5],
        [1, 4, 6, 3, 0, 5, 6, 3, 4, 5, 12, 14],
        [98.0, 45.2, null, 41.0, null, 38.5, 36.1, 44.0, 40.2, 37.9, 18.3, 19.6],
      ),
      cx_lastresponseon: "2026-11-18T14:05:00Z", cx_risklevel: 964000003, cx_atriskjourneys: 2,
      cx_riskreasons: "NPS fell from +41 to +13, beyond the margin of ±19\n2 open journeys at risk (highest: High)",
      cx_riskreasonsjson: JSON.stringify([{ code: "nps-fell", from: 41, to: 12.5, margin: 19 }, { code: "journeys-at-risk", count: 2, level: 964000003 }]),
      cx_account_cx_surveyresponse: [
        { cx_surveyresponseid: responseId(1), _cx_contactid_value: amelie, "_cx_contactid_value@OData.Community.Display.V1.FormattedValue": "Amélie <i>Roux</i>", cx_comment: xssComment, cx_score: 3, cx_respondedon: "2026-11-18T14:05:00Z", cx_channel: 964000001 },
        { cx_surveyresponseid: responseId(2), cx_comment: "Welcome call was great, then nobody told us when the installation would happen.", cx_score: 6, cx_respondedon: "2026-11-02T09:30:00Z", cx_channel: 964000002 },
        { cx_surveyresponseid: responseId(3), cx_comment: "Ordering online was quick and clear.", cx_score: 9, cx_respondedon: "2026-10-12T16:45:00Z", cx_channel: 964000003 },
        { cx_surveyresponseid: responseId(4), cx_comment: "Activation took three calls.", cx_score: 4, cx_respondedon: "2026-09-28T11:00:00Z", cx_channel: 964000005 },
        { cx_surveyresponseid: responseId(5), cx_comment: "Friendly technician.", cx_score: 8, cx_respondedon: "2026-09-03T08:15:00Z", cx_channel: 964000004 },
        { cx_surveyresponseid: responseId(6), cx_comment: "The contract was clear.", cx_score: 9, cx_respondedon: "2026-08-20T08:15:00Z", cx_channel: 964000002 },
        { cx_surveyresponseid: responseId(7), cx_comment: "First contact took a week.", cx_score: 5, cx_respondedon: "2026-07-01T08:15:00Z", cx_channel: 964000001 },
      ],
    },
    journeys: [
      {
        cx_customerjourneyid: "6f1c1f7e-0000-4000-8000-000000000001", cx_name: "Onboarding – Contoso Pharmaceuticals",
        cx_journeytype: 964000001, cx_currentstage: 964000104, cx_score: 61, cx_scoretrend: -34, cx_risklevel: 964000003,
        cx_riskreasons: "Satisfaction fell from 85 at Welcome to 51 at Installation (−40 %)\n2 detractor responses\nLatest response 3/10 at Activation",
        cx_riskreasonsjson: JSON.stringify([
          { code: "satisfaction-fell", from: 85, to: 51, fromStage: 964000102, toStage: 964000103, percent: -40 },
          { code: "detractors", count: 2 },
          { code: "latest-detractor", score: 3, stage: 964000104 },
        ]),
        cx_customerjourney_cx_journeystagescore: [
          { cx_journeystage: 964000103, cx_score: 51 }, { cx_journeystage: 964000101, cx_score: 78 },
          { cx_journeystage: 964000104, cx_score: 30 }, { cx_journeystage: 964000102, cx_score: 85 },
        ],
      },
      {
        cx_customerjourneyid: "6f1c1f7e-0000-4000-8000-000000000002", cx_name: "Relocation – Contoso HQ <b>Paris</b>",
        cx_journeytype: 964000002, cx_currentstage: 964000202, cx_score: 70, cx_scoretrend: -8, cx_risklevel: 964000002,
        cx_riskreasons: "3 contacts within 14 days of each other",
        cx_customerjourney_cx_journeystagescore: [{ cx_journeystage: 964000201, cx_score: 72 }, { cx_journeystage: 964000202, cx_score: 68 }],
      },
      {
        cx_customerjourneyid: "6f1c1f7e-0000-4000-8000-000000000003", cx_name: "Renewal 2027",
        cx_journeytype: 964000003, cx_currentstage: 964000301, cx_score: null, cx_scoretrend: null, cx_risklevel: 964000001,
        cx_riskreasons: "Open 50 days, longer than the 45 expected", cx_customerjourney_cx_journeystagescore: [],
      },
    ],
  },
  healthy: {
    customer: {
      cx_nps: 64.0, cx_npsprevious: 58.5, cx_npsmargin: 9.1, cx_npsprevmargin: 10.3,
      cx_npsresponses: 52, cx_promoters: 36, cx_passives: 13, cx_detractors: 3,
      cx_npshistory: monthlyHistory([55, 58, 60, 57, 61, 63, 62, 66, 64, 65, 67, 66]),
      cx_lastresponseon: "2026-11-20T10:00:00Z", cx_risklevel: 964000000, cx_atriskjourneys: 0,
      cx_account_cx_surveyresponse: [
        { cx_comment: "Always a pleasure: quick answers, no surprises.", cx_score: 10, cx_respondedon: "2026-11-20T10:00:00Z", cx_channel: 964000008 },
        { cx_comment: "Renewal was painless.", cx_score: 9, cx_respondedon: "2026-10-30T10:00:00Z", cx_channel: 964000002 },
        { cx_comment: "Good, but the portal is slow.", cx_score: 7, cx_respondedon: "2026-10-01T10:00:00Z", cx_channel: 964000003 },
      ],
    },
    journeys: [
      {
        cx_customerjourneyid: "6f1c1f7e-0000-4000-8000-000000000010", cx_name: "Renewal – Fabrikam 2026",
        cx_journeytype: 964000003, cx_currentstage: 964000303, cx_score: 88, cx_scoretrend: 6, cx_risklevel: 964000000,
        cx_riskreasons: null,
        cx_customerjourney_cx_journeystagescore: [
          { cx_journeystage: 964000302, cx_score: 90 }, { cx_journeystage: 964000301, cx_score: 84 }, { cx_journeystage: 964000303, cx_score: 90 },
        ],
      },
    ],
  },
  noresponses: {
    customer: {
      cx_nps: null, cx_npsprevious: null, cx_npsmargin: null, cx_npsprevmargin: null,
      cx_npsresponses: 0, cx_promoters: 0, cx_passives: 0, cx_detractors: 0,
      cx_npshistory: monthlyHistory(months.map(() => null)), cx_lastresponseon: null, cx_risklevel: null, cx_atriskjourneys: 0,
      cx_account_cx_surveyresponse: [],
    },
    journeys: [],
  },
};
window.cxFixtures.failing = window.cxFixtures.atrisk;
// The journey form's record (retrieveRecord of cx_customerjourney) and the case form's (incident, then its journey).
window.cxFixtures.journeyRecord = Object.assign({}, window.cxFixtures.atrisk.journeys[0], {
  cx_customerjourney_cx_journeystagescore: [
    { cx_journeystage: 964000101, cx_score: 78, cx_touchpointcount: 1, cx_responsecount: 1 },
    { cx_journeystage: 964000102, cx_score: 85, cx_touchpointcount: 2, cx_responsecount: 1 },
    { cx_journeystage: 964000103, cx_score: 51, cx_touchpointcount: 4, cx_responsecount: 2 },
    { cx_journeystage: 964000104, cx_score: 30, cx_touchpointcount: 5, cx_responsecount: 1 },
  ],
});
// cx_GetDrivers' answers for the account, by dimension (contract of issue 15).
window.cxFixtures.drivers = {
  stage: [
    { dimension: "stage", key: "964000103", label: "Installation", responses: 14, satisfaction: 51, satisfactionMargin: 9, nps: -20, npsMargin: 25.4, delta: -35.2, significant: true },
    { dimension: "stage", key: "964000102", label: "Welcome", responses: 12, satisfaction: 85, satisfactionMargin: 7, nps: 50, npsMargin: 22, delta: 18, significant: true },
    { dimension: "stage", key: "964000104", label: "Activation", responses: 6, satisfaction: 60, satisfactionMargin: 20, nps: 0, npsMargin: 55, delta: -12, significant: false },
  ],
  channel: [
    { dimension: "channel", key: "964000001", label: "Phone <b>hotline</b>", responses: 3, satisfaction: 40, satisfactionMargin: 30, nps: -33.3, npsMargin: 70, delta: -40, significant: false },
  ],
};
window.cxFixtures.caseRecord = {
  incidentid: "1ca5e000-0000-4000-8000-000000000001",
  _cx_customerjourneyid_value: window.cxFixtures.atrisk.journeys[0].cx_customerjourneyid,
  cx_journeystage: 964000103,
};
// The cx_Settings definition as the settings query returns it: the solution's default value (365 days) and, when
// `windowDays` is given, the environment's own value, which wins.
window.cxFixtures.settingsDefinition = function settingsDefinition(windowDays) {
  return {
    environmentvariabledefinitionid: "0f0f0f0f-0000-4000-8000-000000000001",
    schemaname: "cx_Settings",
    defaultvalue: JSON.stringify({ windowDays: 365, followUpEnabled: true, followUpDueDays: 2, trendDropPoints: 20 }),
    environmentvariabledefinition_environmentvariablevalue:
      windowDays === null || windowDays === undefined ? [] : [{ value: JSON.stringify({ windowDays: Number(windowDays), followUpEnabled: true }) }],
  };
};
window.cxFixtures.xssComment = xssComment;
