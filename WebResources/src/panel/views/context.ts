import type { Formatter } from "../../localization/format";
import type { Translate } from "../../localization/localizer";

/** Where the panel's links lead: the form's own navigation (Xrm.Navigation.openForm, the form's tabs). */
export interface PanelNavigation {
  /** Opens a record's main form (a journey, a survey response). */
  openRecord(table: string, id: string): void;
  /** Whether the form carries the customer's responses tab, so "see all" has somewhere to go. */
  hasResponsesTab(): boolean;
  /** Shows the customer's responses tab (subgrid cx_responses_subgrid, newest first). */
  showResponsesTab(): void;
}

/** What every view needs to turn figures into words. */
export interface ViewContext {
  t: Translate;
  fmt: Formatter;
  navigation: PanelNavigation;
  /** The clock the verbatims' age is measured with (injected so tests are deterministic). */
  now: () => Date;
}
