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

  function createXrm(lcid, strings, userId) {
    return {
      WebApi: webApi(),
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
  function createFormContext(table, id, frame, bar) {
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
        setFormNotification: function (message, level, key) { notes[key] = { message: message, level: level }; show(); return true; },
        clearFormNotification: function (key) { delete notes[key]; show(); return true; },
      },
      getAttribute: function () { return null; },
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
