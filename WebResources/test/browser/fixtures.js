// Rows as Xrm.WebApi returns them, for the browser harness. Names and choice values follow data-model.md.
"use strict";

const months = ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"];

function monthlyHistory(values) {
  return JSON.stringify(months.map((month, i) => ({ month, nps: values[i], n: values[i] === null ? 0 : 3 + (i % 4) })));
}

const xssComment = "The installer came twice and the router still drops. <img src=x onerror=alert(1)> Fix it!";

window.cxFixtures = {
  atrisk: {
    customer: {
      cx_nps: 12.5, cx_npsprevious: 41.0, cx_npsmargin: 14.2, cx_npsprevmargin: 12.8,
      cx_npsresponses: 40, cx_promoters: 17, cx_passives: 11, cx_detractors: 12,
      cx_npshistory: monthlyHistory([48, 45, 40, 42, null, 35, 30, 22, 18, 10, 4, -5]),
      cx_lastresponseon: "2026-11-18T14:05:00Z", cx_risklevel: 964000003, cx_atriskjourneys: 2,
      cx_account_cx_surveyresponse: [
        { cx_comment: xssComment, cx_score: 3, cx_respondedon: "2026-11-18T14:05:00Z", cx_channel: 964000001 },
        { cx_comment: "Welcome call was great, then nobody told us when the installation would happen.", cx_score: 6, cx_respondedon: "2026-11-02T09:30:00Z", cx_channel: 964000002 },
        { cx_comment: "Ordering online was quick and clear.", cx_score: 9, cx_respondedon: "2026-10-12T16:45:00Z", cx_channel: 964000003 },
        { cx_comment: "Activation took three calls.", cx_score: 4, cx_respondedon: "2026-09-28T11:00:00Z", cx_channel: 964000005 },
        { cx_comment: "Friendly technician.", cx_score: 8, cx_respondedon: "2026-09-03T08:15:00Z", cx_channel: 964000004 },
      ],
    },
    journeys: [
      {
        cx_customerjourneyid: "6f1c1f7e-0000-4000-8000-000000000001", cx_name: "Onboarding – Contoso Pharmaceuticals",
        cx_journeytype: 964000001, cx_currentstage: 964000104, cx_score: 61, cx_scoretrend: -34, cx_risklevel: 964000003,
        cx_riskreasons: "Satisfaction fell from 85 at Welcome to 51 at Installation (−40 %)\n2 detractor responses\nLatest response 3/10 at Activation",
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
