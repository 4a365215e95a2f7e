// A stand-in for a model-driven form: a fake Xrm and form context, the real form library (cxform.js) run as
// the account form's OnLoad handler, and the real panel in an iframe named like the form's web resource control.
"use strict";

(function harness() {
  const params = new URLSearchParams(window.location.search);
  const scenario = params.get("scenario") || "atrisk";
  const lcid = Number(params.get("lcid") || "1033");
  const userId = params.get("user") || "{3B1D5C1A-0000-4000-8000-0000000000AA}";
  // The cx_Settings environment variable: "window" is the environment's own windowDays (none: the default value's
  // 365 days); settings=failing refuses the request, settings=missing answers with no definition.
  const environmentWindow = params.get("window");
  const settingsMode = params.get("settings") || "ok";
  const fixture = window.cxFixtures[scenario];
  // The form's table: account (default), contact, cx_customerjourney or incident; the panel picks its view from it.
  const table = params.get("table") || "account";
  const recordIds = {
    account: "{A1B2C3D4-0000-4000-8000-000000000001}",
    contact: "{C0C0C0C0-0000-4000-8000-000000000009}",
    cx_customerjourney: "{6F1C1F7E-0000-4000-8000-000000000001}",
    incident: "{1CA5E000-0000-4000-8000-000000000001}",
  };
  const recordId = recordIds[table];

  const harnessState = { panelCalls: [], formCalls: [], notifications: {}, opened: [], tabFocused: [], ready: false };
  window.cxHarness = harnessState;

  let customerFailuresLeft = scenario === "failing" ? 1 : 0;

  function webApi(calls) {
    return {
      // cx_GetDrivers (Xrm.WebApi.online.execute), answered from the fixtures by Dimension.
      online: {
        execute(request) {
          const metadata = request.getMetadata();
          calls.push({ method: "execute", operation: metadata.operationName, operationType: metadata.operationType, dimension: request.Dimension, account: request.Account.accountid });
          const drivers = window.cxFixtures.drivers[request.Dimension] || [];
          return Promise.resolve({ ok: true, json: () => Promise.resolve({ Drivers: JSON.stringify(drivers) }) });
        },
      },
      retrieveRecord(table, id, options) {
        calls.push({ method: "retrieveRecord", table, id, options });
        if (scenario === "loading") return new Promise(() => undefined);
        if (customerFailuresLeft > 0) {
          customerFailuresLeft -= 1;
          return Promise.reject({ errorCode: 2147746327, message: "The server did not answer in time (simulated)." });
        }
        const rows = { cx_customerjourney: window.cxFixtures.journeyRecord, incident: window.cxFixtures.caseRecord };
        return Promise.resolve(JSON.parse(JSON.stringify(rows[table] || fixture.customer)));
      },
      retrieveMultipleRecords(table, options) {
        calls.push({ method: "retrieveMultipleRecords", table, options });
        if (scenario === "loading") return new Promise(() => undefined);
        if (table === "environmentvariabledefinition") {
          if (settingsMode === "failing") {
            return Promise.reject({ errorCode: 2147746336, message: "Principal user is missing prvReadEnvironmentVariableDefinition (simulated)." });
          }
          const entities = settingsMode === "missing" ? [] : [window.cxFixtures.settingsDefinition(environmentWindow)];
          return Promise.resolve({ entities, nextLink: undefined });
        }
        let entities = JSON.parse(JSON.stringify(fixture.journeys));
        if (options.indexOf("cx_risklevel eq 964000002") >= 0) {
          // The form's query: only Medium and High, highest first (what the $filter and $orderby ask for).
          entities = entities.filter((j) => j.cx_risklevel === 964000002 || j.cx_risklevel === 964000003)
            .sort((a, b) => b.cx_risklevel - a.cx_risklevel);
        }
        return Promise.resolve({ entities, nextLink: undefined });
      },
    };
  }

  function loadStrings() {
    return fetch("/dist/cx_/strings/cx." + lcid + ".resx")
      .then((response) => response.text())
      .then((text) => {
        const xml = new DOMParser().parseFromString(text, "application/xml");
        const strings = {};
        for (const data of Array.from(xml.getElementsByTagName("data"))) {
          const value = data.getElementsByTagName("value")[0];
          strings[data.getAttribute("name")] = value ? value.textContent : "";
        }
        return strings;
      });
  }

  const french = lcid === 1036;
  const dateFormattingInfo = {
    ShortDatePattern: french ? "dd/MM/yyyy" : "M/d/yyyy",
    AbbreviatedMonthNames: french
      ? ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.", ""]
      : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", ""],
    MonthNames: [],
  };

  function makeXrm(strings, calls) {
    return {
      WebApi: webApi(calls),
      Navigation: {
        openForm(options) {
          harnessState.opened.push({ entityName: options.entityName, entityId: options.entityId });
          return Promise.resolve({ savedEntityReference: [] });
        },
      },
      Utility: {
        // Like Dataverse: an unknown key gives an empty string.
        getResourceString: (resource, key) => (resource === "cx_/strings/cx" && strings[key]) || "",
        getGlobalContext: () => ({
          userSettings: { languageId: lcid, userId, dateFormattingInfo, getTimeZoneOffsetMinutes: () => 60 },
        }),
      },
    };
  }

  function showNotifications() {
    const bar = document.getElementById("notifications");
    while (bar.firstChild) bar.removeChild(bar.firstChild);
    for (const id of Object.keys(harnessState.notifications)) {
      const note = harnessState.notifications[id];
      const line = document.createElement("div");
      line.className = note.level;
      line.setAttribute("data-notification", id);
      line.textContent = note.level + ": " + note.message;
      bar.appendChild(line);
    }
  }

  loadStrings().then((strings) => {
    const panelXrm = makeXrm(strings, harnessState.panelCalls);
    const frame = document.getElementById("WebResource_cxpanel");
    const formContext = {
      data: { entity: { getEntityName: () => table, getId: () => recordId } },
      ui: {
        // The account and contact forms carry the customer's responses tab; the journey and case forms do not.
        tabs: {
          get(name) {
            if (name !== "tab_cx_responses" || (table !== "account" && table !== "contact")) return null;
            return { setVisible() {}, setFocus() { harnessState.tabFocused.push(name); } };
          },
        },
        setFormNotification(message, level, id) {
          harnessState.notifications[id] = { message, level };
          showNotifications();
          return true;
        },
        clearFormNotification(id) {
          delete harnessState.notifications[id];
          showNotifications();
          return true;
        },
      },
      getAttribute: () => null,
      getControl(name) {
        if (name !== "WebResource_cxpanel") return null;
        return {
          // What Dataverse does: resolve once the web resource has loaded.
          getContentWindow: () =>
            new Promise((resolve) => {
              const done = () => resolve({
                // Hand the panel its own counting WebApi, so its requests are told apart from the form's.
                setClientApiContext: (xrm, context) => frame.contentWindow.setClientApiContext(Object.assign({}, xrm, { WebApi: panelXrm.WebApi }), context),
              });
              if (frame.contentDocument && frame.contentDocument.readyState === "complete" && frame.contentWindow.setClientApiContext) done();
              else frame.addEventListener("load", done, { once: true });
            }),
        };
      },
    };
    window.Xrm = makeXrm(strings, harnessState.formCalls);
    const executionContext = { getFormContext: () => formContext };
    const onLoad = { account: "accountOnLoad", contact: "contactOnLoad", cx_customerjourney: "journeyOnLoad", incident: "caseOnLoad" }[table];
    return window.CrmCx.Forms[onLoad](executionContext).then(() => {
      harnessState.ready = true;
    });
  });
})();
