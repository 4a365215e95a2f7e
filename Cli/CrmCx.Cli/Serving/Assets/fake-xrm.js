// A fake Xrm for the crmcx demo server: WebApi answers from the in-memory org (the server translates the Web API
// options), Utility reads the real RESX strings. Only what the CrmCx form library and panel call is provided.
"use strict";

(function () {
  function get(url) {
    return fetch(url).then(function (response) {
      return response.json().then(function (body) {
        if (response.ok) return body;
        // Xrm.WebApi rejects with a plain { errorCode, message } object; the panel expects exactly that.
        return Promise.reject({ errorCode: body.errorCode || 0, message: body.message || "The request failed." });
      });
    });
  }

  function webApi() {
    return {
      // Custom APIs (cx_GetDrivers): the server runs the request through the org, as Xrm.WebApi.online.execute would.
      online: {
        execute: function (request) {
          var metadata = request.getMetadata();
          var query = "/xrm/execute?operation=" + encodeURIComponent(metadata.operationName) +
            "&dimension=" + encodeURIComponent(request.Dimension || "") +
            "&account=" + encodeURIComponent((request.Account && request.Account.accountid) || "") +
            (typeof request.JourneyType === "number" ? "&journeyType=" + request.JourneyType : "");
          return get(query).then(function (body) {
            return { ok: true, json: function () { return Promise.resolve(body); } };
          });
        },
      },
      retrieveRecord: function (table, id, options) {
        return get("/xrm/retrieveRecord?table=" + encodeURIComponent(table) + "&id=" + encodeURIComponent(id) +
          "&options=" + encodeURIComponent(options || ""));
      },
      retrieveMultipleRecords: function (table, options) {
        return get("/xrm/retrieveMultipleRecords?table=" + encodeURIComponent(table) + "&options=" + encodeURIComponent(options || ""))
          .then(function (result) { return { entities: result.entities, nextLink: undefined }; });
      },
    };
  }

  function loadStrings(lcid) {
    return fetch("/webresources/cx_/strings/cx." + lcid + ".resx")
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (text) {
        var strings = {};
        if (text === "") return strings;
        var xml = new DOMParser().parseFromString(text, "application/xml");
        Array.prototype.forEach.call(xml.getElementsByTagName("data"), function (data) {
          var value = data.getElementsByTagName("value")[0];
          strings[data.getAttribute("name")] = value ? value.textContent : "";
        });
        return strings;
      });
  }

  var months = {
    1033: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", ""],
    1036: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.", ""],
  };

  // Pages the server plays, by table; other records (a survey response) have no page here, so the bar says so.
  var pages = { account: "account", contact: "contact", cx_customerjourney: "journey", incident: "case" };

  function note(bar, text) {
    var line = document.createElement("div");
    line.className = "note info";
    line.textContent = text;
    bar.appendChild(line);
  }

  function createXrm(lcid, strings, userId, bar) {
    return {
      WebApi: webApi(),
      Navigation: {
        openForm: function (options) {
          var page = pages[options.entityName];
          if (page) window.location.href = "/" + page + "/" + options.entityId + window.location.search;
          else note(bar, "Xrm.Navigation.openForm: " + options.entityName + " " + options.entityId + " (no page in the demo)");
          return Promise.resolve({ savedEntityReference: [] });
        },
      },
      Utility: {
        // Like Dataverse: an unknown key gives an empty string and the library falls back to English.
        getResourceString: function (resource, key) { return (resource === "cx_/strings/cx" && strings[key]) || ""; },
        getGlobalContext: function () {
          return {
            userSettings: {
              languageId: lcid,
              userId: userId,
              dateFormattingInfo: {
                ShortDatePattern: lcid === 1036 ? "dd/MM/yyyy" : "M/d/yyyy",
                AbbreviatedMonthNames: months[lcid] || months[1033],
                MonthNames: [],
              },
              getTimeZoneOffsetMinutes: function () { return 0; },
            },
          };
        },
      },
    };
  }

  // A model-driven form's context for the host page: the record, form notifications shown in a bar, and the panel's
  // web resource control whose getContentWindow resolves once the iframe has loaded (as Dataverse does).
  function createFormContext(table, id, frame, bar, customer) {
    var notes = {};
    function show() {
      while (bar.firstChild) bar.removeChild(bar.firstChild);
      Object.keys(notes).forEach(function (key) {
        var line = document.createElement("div");
        line.className = "note " + notes[key].level.toLowerCase();
        line.textContent = notes[key].message;
        bar.appendChild(line);
      });
    }
    return {
      data: { entity: { getEntityName: function () { return table; }, getId: function () { return id; } } },
      ui: {
        // The account and contact forms carry the customer's responses tab (subgrid cx_responses_subgrid).
        tabs: {
          get: function (name) {
            if (name !== "tab_cx_responses" || (table !== "account" && table !== "contact")) return null;
            return { setVisible: function () {}, setFocus: function () { note(bar, "Tab " + name + " opened"); } };
          },
        },
        setFormNotification: function (message, level, key) { notes[key] = { message: message, level: level }; show(); return true; },
        clearFormNotification: function (key) { delete notes[key]; show(); return true; },
      },
      // The case form's customer lookup (the form library reads it to flag the customer's at-risk journeys).
      getAttribute: function (name) {
        if (name !== "customerid" || !customer) return null;
        return { getValue: function () { return customer; }, addOnChange: function () {}, removeOnChange: function () {} };
      },
      getControl: function (name) {
        if (name !== "WebResource_cxpanel") return null;
        return {
          getContentWindow: function () {
            return new Promise(function (resolve) {
              var ready = function () { resolve(frame.contentWindow); };
              if (frame.contentDocument && frame.contentDocument.readyState === "complete" && frame.contentWindow.setClientApiContext) ready();
              else frame.addEventListener("load", ready, { once: true });
            });
          },
        };
      },
    };
  }

  window.CrmCxFakeXrm = { createXrm: createXrm, loadStrings: loadStrings, createFormContext: createFormContext };
})();
