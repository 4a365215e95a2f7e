/**
 * Names and choice values of the data model. The tables, columns, relationships, choice values and component names
 * come from the model (Model/CrmCx.Model) through the generated schema.g.ts: never type them here; change the model
 * and run `dotnet run --project Packaging/CrmCx.Packaging -c Release -- generate`. This file adds the platform's own
 * names (Microsoft's tables and annotations, which the model does not describe) and the names the code already used.
 */
import { Components, RiskLevel } from "./schema.g";

export {
  CaseColumns,
  Channel,
  Components,
  CustomerColumns,
  JourneyColumns,
  JourneyStage,
  JourneyTable,
  JourneyType,
  NpsCategory,
  Relationships,
  RiskLevel,
  StageScoreColumns,
  StageScoreTable,
  StagesByJourneyType,
  SurveyResponseColumns,
  SurveyResponseTable,
} from "./schema.g";

export type CustomerTable = "account" | "contact";

/** The case table (platform name; the model adds the journey columns of CaseColumns to it). */
export const CaseTable = "incident";

/** The tab the account and contact forms carry with the customer's responses. */
export const ResponsesTabName = Components.responsesTab;

/** The Web API annotation that carries a lookup's or choice's display text (platform name). */
export const FormattedValue = "@OData.Community.Display.V1.FormattedValue";

/**
 * The CrmCx settings: one JSON environment variable (Dataverse's tables environmentvariabledefinition and
 * environmentvariablevalue, platform names). The definition ships in the solution with its default value; an admin may
 * give the environment its own value, which then wins.
 */
export const EnvironmentVariables = {
  definitionTable: "environmentvariabledefinition",
  schemaName: "schemaname",
  defaultValue: "defaultvalue",
  /**
   * The definition's one-to-many relationship to its values, expanded as a collection-valued navigation property.
   * Name from Microsoft's table reference: environmentvariabledefinition, One-To-Many relationships,
   * ReferencedEntityNavigationPropertyName (learn.microsoft.com/power-apps/developer/data-platform/reference/entities/
   * environmentvariabledefinition; the Web API reference, webapi/reference/environmentvariabledefinition, lists it
   * among the collection-valued navigation properties).
   */
  values: "environmentvariabledefinition_environmentvariablevalue",
  value: "value",
  /** Schema name of the CrmCx settings variable (the plugins read the same one). */
  settings: Components.settings,
} as const;

/** statecode of a journey (platform values of any custom table). */
export const JourneyState = { active: 0, inactive: 1 } as const;

export type RiskLevelValue = (typeof RiskLevel)[keyof typeof RiskLevel];

/** The web resource that holds the strings (without the LCID: getResourceString picks the user's language). */
export const StringsResource = Components.strings;

/** Name of the panel's web resource control on the account and contact forms. */
export const PanelControlName = Components.panelControl;
