/**
 * Names and choice values from shared/design/data-model.md. They are the contract with the plugins and the
 * solution: never rename or renumber here without changing the data model first.
 */

export type CustomerTable = "account" | "contact";

/** Columns the plugins compute on account and on contact. */
export const CustomerColumns = {
  nps: "cx_nps",
  npsPrevious: "cx_npsprevious",
  npsMargin: "cx_npsmargin",
  npsPreviousMargin: "cx_npsprevmargin",
  npsResponses: "cx_npsresponses",
  promoters: "cx_promoters",
  passives: "cx_passives",
  detractors: "cx_detractors",
  npsHistory: "cx_npshistory",
  lastResponseOn: "cx_lastresponseon",
  riskLevel: "cx_risklevel",
  atRiskJourneys: "cx_atriskjourneys",
  riskReasons: "cx_riskreasons",
  /** The reasons as codes and values (docs/risk-reasons.md), rendered in the reader's language. */
  riskReasonsJson: "cx_riskreasonsjson",
} as const;

export const JourneyTable = "cx_customerjourney";
export const JourneyColumns = {
  id: "cx_customerjourneyid",
  name: "cx_name",
  journeyType: "cx_journeytype",
  currentStage: "cx_currentstage",
  score: "cx_score",
  scoreTrend: "cx_scoretrend",
  riskScore: "cx_riskscore",
  riskLevel: "cx_risklevel",
  riskReasons: "cx_riskreasons",
  riskReasonsJson: "cx_riskreasonsjson",
  state: "statecode",
  /** Lookup values as the Web API names them in $filter and $select. */
  accountValue: "_cx_accountid_value",
  contactValue: "_cx_contactid_value",
} as const;

export const StageScoreColumns = {
  stage: "cx_journeystage",
  score: "cx_score",
  touchpoints: "cx_touchpointcount",
  responses: "cx_responsecount",
} as const;

export const SurveyResponseTable = "cx_surveyresponse";

/** The case (incident) columns CrmCx adds: the journey it belongs to and the stage it happened in. */
export const CaseTable = "incident";
export const CaseColumns = {
  journeyValue: "_cx_customerjourneyid_value",
  stage: "cx_journeystage",
} as const;

/** The tab the account and contact forms carry with the customer's responses (subgrid cx_responses_subgrid). */
export const ResponsesTabName = "tab_cx_responses";

/** The Web API annotation that carries a lookup's or choice's display text. */
export const FormattedValue = "@OData.Community.Display.V1.FormattedValue";

export const SurveyResponseColumns = {
  id: "cx_surveyresponseid",
  contactValue: "_cx_contactid_value",
  comment: "cx_comment",
  score: "cx_score",
  respondedOn: "cx_respondedon",
  channel: "cx_channel",
} as const;

/**
 * One-to-many relationships the panel expands (collection-valued navigation properties). The solution must
 * create the relationships with exactly these schema names; WebResources/README.md lists them.
 */
export const Relationships = {
  accountSurveyResponses: "cx_account_cx_surveyresponse",
  contactSurveyResponses: "cx_contact_cx_surveyresponse",
  journeyStageScores: "cx_customerjourney_cx_journeystagescore",
} as const;

/**
 * The CrmCx settings: one JSON environment variable (Dataverse's tables environmentvariabledefinition and
 * environmentvariablevalue). The definition ships in the solution with its default value; an admin may give the
 * environment its own value, which then wins.
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
  settings: "cx_Settings",
} as const;

export const JourneyState = { active: 0, inactive: 1 } as const;

export const RiskLevel = {
  none: 964000000,
  low: 964000001,
  medium: 964000002,
  high: 964000003,
} as const;
export type RiskLevelValue = (typeof RiskLevel)[keyof typeof RiskLevel];

export const JourneyType = {
  onboarding: 964000001,
  relocation: 964000002,
  renewal: 964000003,
  technicalIssue: 964000004,
  other: 964000009,
} as const;

/**
 * Stages of each journey type in the customer's order. A stage value is 964000000 + 100 × (the type's last
 * digit) + the stage's order, so a type's stages can be derived, but listing them keeps the order explicit.
 */
export const StagesByJourneyType: Readonly<Record<number, readonly number[]>> = {
  [JourneyType.onboarding]: [964000101, 964000102, 964000103, 964000104, 964000105, 964000106],
  [JourneyType.relocation]: [964000201, 964000202, 964000203, 964000204],
  [JourneyType.renewal]: [964000301, 964000302, 964000303, 964000304],
  [JourneyType.technicalIssue]: [964000401, 964000402, 964000403, 964000404],
  [JourneyType.other]: [964000901],
};

export const Channel = {
  phone: 964000001,
  email: 964000002,
  web: 964000003,
  fieldVisit: 964000004,
  chat: 964000005,
  store: 964000006,
  social: 964000007,
  survey: 964000008,
  other: 964000009,
} as const;

/** The web resource that holds the strings (without the LCID: getResourceString picks the user's language). */
export const StringsResource = "cx_/strings/cx";

/** Name of the panel's web resource control on the account and contact forms. */
export const PanelControlName = "WebResource_cxpanel";
