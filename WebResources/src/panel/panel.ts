import type { CaseJourney, CustomerExperience, CustomerRef, CxData, CxSettings, Journey } from "../data/cxData";
import type { Density, DensityStore } from "./density";
import { el, replaceChildren } from "./dom";
import type { ViewContext } from "./views/context";
import { driversView } from "./views/driversView";
import { caseView, journeyView } from "./views/journeyView";
import { journeysView } from "./views/journeysView";
import { npsView } from "./views/npsView";
import { verbatimsView } from "./views/verbatimsView";

/** What the panel shows, picked from the form's table. */
export type PanelSubject =
  | { kind: "customer"; customer: CustomerRef }
  | { kind: "journey"; id: string }
  | { kind: "case"; id: string };

export interface PanelDependencies extends ViewContext {
  data: Pick<CxData, "customerExperience" | "openJourneys" | "settings" | "journey" | "caseJourney" | "drivers">;
  /** Null on a record that is not saved yet (or a form the panel has no view for): there is nothing to read. */
  subject: PanelSubject | null;
  density: DensityStore;
}

export interface Panel {
  /**
   * Reads what the form's record needs and shows it, or the failure with a retry button: a customer's figures
   * and the settings (three requests at once; a retry reads the figures again, not the settings), a journey (one
   * request), a case's journey (two, one after the other).
   */
  load(): Promise<void>;
}

/** Renders the panel into `root` and keeps the density choice in sync with `dependencies.density`. */
export function createPanel(root: HTMLElement, dependencies: PanelDependencies): Panel {
  const { t, subject, data } = dependencies;
  // Read at most once per panel load; data.settings() never rejects, so a retry only repeats the figures.
  let settings: Promise<CxSettings> | null = null;
  const lastResponse = el("p", { className: "cx-header-meta cx-muted" });
  const body = el("div", { className: "cx-body" });
  const heading = el("h1", { className: "cx-title", attrs: { tabindex: -1 }, text: t("panel_title") });

  const densityButtons = (["compact", "detailed"] as const).map((density) =>
    el("button", {
      className: "cx-toggle",
      attrs: { type: "button", "data-density": density, "aria-pressed": "false" },
      text: t(density === "compact" ? "density_compact" : "density_detailed"),
      on: {
        click: () => {
          applyDensity(density, true);
        },
      },
    }),
  );

  function applyDensity(density: Density, remember: boolean): void {
    root.classList.toggle("cx-density-compact", density === "compact");
    root.classList.toggle("cx-density-detailed", density === "detailed");
    for (const button of densityButtons) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-density") === density));
    }
    if (remember) dependencies.density.set(density);
  }

  replaceChildren(root, [
    el("header", { className: "cx-header" }, [
      el("div", {}, [heading, lastResponse]),
      el("div", { className: "cx-toggle-group", attrs: { role: "group", "aria-label": t("density_label") } }, densityButtons),
    ]),
    body,
  ]);
  applyDensity(dependencies.density.get(), false);

  function showLoading(): void {
    root.setAttribute("aria-busy", "true");
    replaceChildren(body, [
      el("div", { className: "cx-state cx-loading", attrs: { role: "status", "data-state": "loading" } }, [
        el("span", { className: "cx-spinner", attrs: { "aria-hidden": "true" } }),
        t("loading"),
      ]),
    ]);
  }

  function showFailure(failure: unknown, moveFocus: boolean): void {
    const detail = failure instanceof Error ? failure.message : "";
    const retry = el("button", {
      className: "cx-button",
      attrs: { type: "button", "data-testid": "retry" },
      text: t("retry"),
      on: { click: () => void load(true) },
    });
    replaceChildren(body, [
      el("div", { className: "cx-state cx-failed", attrs: { role: "alert", "data-state": "failed" } }, [
        el("p", { className: "cx-failed-title", text: t("failed") }),
        // The server's message is untrusted text too.
        detail === "" ? null : el("p", { className: "cx-muted cx-failed-detail", text: detail }),
        retry,
      ]),
    ]);
    if (moveFocus) retry.focus();
  }

  function showReady(cx: CustomerExperience, journeys: readonly Journey[], cxSettings: CxSettings, customer: CustomerRef): void {
    lastResponse.textContent = cx.lastResponseOn === null ? "" : t("last_response", dependencies.fmt.date(cx.lastResponseOn));
    replaceChildren(body, [
      el("div", { className: "cx-grid", attrs: { "data-state": "ready" } }, [
        npsView(cx, cxSettings, dependencies),
        journeysView(cx, journeys, dependencies),
        verbatimsView(cx.verbatims, dependencies),
        customer.table === "account" ? driversView(customer.id, data, dependencies) : null,
      ]),
    ]);
  }

  function showView(view: HTMLElement): void {
    replaceChildren(body, [view]);
  }

  async function read(current: PanelSubject): Promise<void> {
    switch (current.kind) {
      case "customer": {
        // All requests at once: the panel's whole load is one round trip of three requests.
        settings = settings ?? data.settings();
        const [cx, journeys, cxSettings] = await Promise.all([
          data.customerExperience(current.customer),
          data.openJourneys(current.customer),
          settings,
        ]);
        showReady(cx, journeys, cxSettings, current.customer);
        return;
      }
      case "journey": {
        const journey: Journey = await data.journey(current.id);
        lastResponse.textContent = "";
        showView(journeyView(journey, dependencies));
        return;
      }
      case "case": {
        const caseJourney: CaseJourney = await data.caseJourney(current.id);
        lastResponse.textContent = "";
        showView(caseView(caseJourney, dependencies));
        return;
      }
    }
  }

  async function load(fromRetry = false): Promise<void> {
    if (subject === null) {
      root.removeAttribute("aria-busy");
      replaceChildren(body, [el("p", { className: "cx-state cx-empty", attrs: { "data-state": "unsaved" }, text: t("unsaved") })]);
      return;
    }
    showLoading();
    try {
      await read(subject);
      if (fromRetry) heading.focus();
    } catch (failure) {
      showFailure(failure, fromRetry);
    } finally {
      root.removeAttribute("aria-busy");
    }
  }

  return { load: () => load(false) };
}
