// A stand-in for the CX overview dashboard: window.Xrm (what the page reads as window.parent.Xrm) with a WebApi
// whose online.execute answers cx_GetDrivers from the fixtures below, then the real drivers page in an iframe
// named like the dashboard's web resource control.
"use strict";

(function driversHarness() {
  const params = new URLSearchParams(window.location.search);
  const scenario = params.get("scenario") || "story";
  const lcid = Number(params.get("lcid") || "1033");
  const state = { calls: [] };
  window.cxDriversHarness = state;

  const row = (dimension, key, label, figures) =>
    Object.assign({ dimension, key, label, responses: 40, satisfaction: 70, satisfactionMargin: 5, nps: 10, npsMargin: 12, delta: 1, significant: false, lowConfidence: false }, figures || {});
  // The demo's story: Field services South's installation visits below the rest beyond noise; owners within noise.
  const drivers = {
    stage: [
      row("stage", "964000101", "Order", { nps: 30, delta: 12.5 }),
      row("stage", "964000103", "Installation", { responses: 120, nps: -22.5, npsMargin: 14.1, satisfaction: 48.3, satisfactionMargin: 3.9, delta: -41.2, significant: true }),
    ],
    channel: [row("channel", "964000001", "Phone", { delta: 4 }), row("channel", "964000004", "Field visit", { delta: -30, significant: true })],
    owner: [
      row("owner", "u3", "Zoé Martin <img src=x onerror=alert(1)>", { nps: 60, delta: 48, responses: 6, npsMargin: 40, lowConfidence: true }),
      row("owner", "u1", "Ana Silva", { nps: -5, delta: -8 }),
      row("owner", "u2", "Bruno Costa", { nps: 55, delta: 9 }),
    ],
    businessunit: [
      row("businessunit", "b2", "Field services South", { nps: -30, delta: -45.5, significant: true }),
      row("businessunit", "b1", "Field services North", { nps: 25, delta: 21, significant: true }),
    ],
    contacts: [row("contacts", "0", "no contact yet"), row("contacts", "4+", "4+ contacts", { responses: 8, lowConfidence: true })],
    effort: [row("effort", "low", "score 1–3 (hard)", { delta: -20, significant: true }), row("effort", "high", "score 5–7 (easy)", { delta: 20, significant: true })],
  };
  let failuresLeft = scenario === "failing" ? 1 : 0;

  const webApi = {
    online: {
      execute(request) {
        const metadata = request.getMetadata();
        state.calls.push({ operation: metadata.operationName, operationType: metadata.operationType, dimension: request.Dimension, journeyType: request.JourneyType, account: request.Account });
        if (failuresLeft > 0 && request.Dimension === "owner") {
          failuresLeft -= 1;
          return Promise.reject({ errorCode: -2147220891, message: "cx_GetDrivers: refused <img src=x onerror=alert(1)> (simulated)." });
        }
        return Promise.resolve({ ok: true, json: () => Promise.resolve({ Drivers: JSON.stringify(drivers[request.Dimension] || []) }) });
      },
    },
  };

  fetch("/dist/cx_/strings/cx." + lcid + ".resx")
    .then((response) => response.text())
    .then((text) => {
      const xml = new DOMParser().parseFromString(text, "application/xml");
      const strings = {};
      for (const data of Array.from(xml.getElementsByTagName("data"))) {
        const value = data.getElementsByTagName("value")[0];
        strings[data.getAttribute("name")] = value ? value.textContent : "";
      }
      window.Xrm = {
        WebApi: webApi,
        Utility: {
          getResourceString: (resource, key) => (resource === "cx_/strings/cx" && strings[key]) || "",
          getGlobalContext: () => ({ userSettings: { languageId: lcid, userId: "{3B1D5C1A-0000-4000-8000-0000000000AA}", getTimeZoneOffsetMinutes: () => 60 } }),
        },
      };
      const frame = document.createElement("iframe");
      frame.id = "WebResource_cxdrivers";
      frame.title = "CX drivers";
      frame.src = "/dist/cx_/drivers/cxdrivers.html";
      document.getElementById("dashboard").appendChild(frame);
    });
})();
