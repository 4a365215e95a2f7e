import { isLowConfidence, parseHistory, type MonthlyNps } from "../cx/nps";
import { parseReasonCodes, type RiskReasons } from "../cx/reasons";
import { asRiskLevel, reasonLines } from "../cx/risk";
import {
  CaseColumns,
  CaseTable,
  Components,
  CustomerColumns,
  FormattedValue,
  EnvironmentVariables,
  JourneyColumns,
  JourneyState,
  JourneyTable,
  Relationships,
  RiskLevel,
  StageScoreColumns,
  SurveyResponseColumns,
  type CustomerTable,
  type RiskLevelValue,
} from "../schema";
import { DefaultSettings, parseSettings, settingsQuery, type CxSettings } from "./settings";

export type { CxSettings } from "./settings";

export interface CustomerRef {
  table: CustomerTable;
  /** Lower-case GUID without braces. */
  id: string;
}

export interface Verbatim {
  /** The survey response's id, to open it. */
  id: string;
  /** The respondent's name (the contact's display name), or null when the response names no contact. */
  respondent: string | null;
  comment: string;
  score: number | null;
  respondedOn: Date | null;
  channel: number | null;
}

export interface CustomerExperience {
  nps: number | null;
  npsPrevious: number | null;
  npsMargin: number | null;
  npsPreviousMargin: number | null;
  responses: number | null;
  promoters: number | null;
  passives: number | null;
  detractors: number | null;
  history: MonthlyNps[];
  lastResponseOn: Date | null;
  riskLevel: RiskLevelValue | null;
  atRiskJourneys: number | null;
  /** The customer's own risk reasons (NPS fell, detractor share, silence, journeys at risk). */
  reasons: RiskReasons;
  /** Newest first. */
  verbatims: Verbatim[];
}

export interface StageScore {
  stage: number;
  score: number | null;
  /** Cases and activities of the stage; null when not read (the account panel does not read it). */
  touchpoints: number | null;
  /** Survey responses of the stage; null when not read. */
  responses: number | null;
}

export interface Journey {
  id: string;
  name: string;
  journeyType: number | null;
  currentStage: number | null;
  score: number | null;
  scoreTrend: number | null;
  riskLevel: RiskLevelValue | null;
  reasons: RiskReasons;
  /** In the order of the journey (stage values grow with the stage's order). */
  stageScores: StageScore[];
}

export interface AtRiskJourney {
  id: string;
  name: string;
  riskLevel: RiskLevelValue;
  reasons: RiskReasons;
}

/** The dimensions the account panel compares (cx_GetDrivers' Dimension). */
export type DriverDimension = "stage" | "channel";

/** Every dimension cx_GetDrivers takes (the drivers page shows them all). */
export type DriverDimensionName = DriverDimension | "owner" | "businessunit" | "contacts" | "effort";

/** Which responses cx_GetDrivers compares: one account's, one journey type's, or all (null: not restricted). */
export interface DriverScope {
  account?: string | null;
  journeyType?: number | null;
}

/** One value of a dimension (a stage, a channel) compared with the rest of the account's responses (cx_GetDrivers). */
export interface Driver {
  dimension: string;
  key: string;
  label: string;
  responses: number;
  /** Mean satisfaction index (0–100) and its 95 % margin; null without satisfaction. */
  satisfaction: number | null;
  satisfactionMargin: number | null;
  nps: number | null;
  npsMargin: number | null;
  /** This value against the rest, in points (negative: below the rest). */
  delta: number | null;
  /** Whether the difference is beyond noise. */
  significant: boolean;
  /**
   * Small sample, as the domain decides it (NpsMath.IsLowConfidence: fewer than 10 responses or a margin above
   * 20); a row without the flag falls back to the same rule on its own figures.
   */
  lowConfidence: boolean;
}

/** A case and the journey it belongs to (null when the case is not part of one). */
export interface CaseJourney {
  /** The stage the case happened in. */
  caseStage: number | null;
  journey: Journey | null;
}

/**
 * Everything the panel and the form scripts read from Dataverse. Each method is exactly one Web API request,
 * so the panel's three calls on load are its three requests.
 */
export interface CxData {
  /** The customer's NPS columns and its latest verbatims (expanded from the customer row). */
  customerExperience(customer: CustomerRef): Promise<CustomerExperience>;
  /** Open journeys, highest risk first, each with its stage scores (expanded). */
  openJourneys(customer: CustomerRef): Promise<Journey[]>;
  /** One journey with its stage scores, touchpoint and response counts (the journey form's panel). */
  journey(id: string): Promise<Journey>;
  /**
   * A case's journey: the case row (its journey lookup and stage), then that journey. Two requests, one after the
   * other, because the journey's id is only known from the case.
   */
  caseJourney(caseId: string): Promise<CaseJourney>;
  /**
   * What moves an account (the custom API cx_GetDrivers, an unbound function): one request per dimension. Read only
   * when the user opens the section, so the panel's load stays three requests.
   */
  drivers(account: string, dimension: DriverDimension): Promise<Driver[]>;
  /**
   * The drivers page: cx_GetDrivers over every account's responses, of one journey type (null: all types). One
   * request per call.
   */
  driversOf(dimension: DriverDimensionName, journeyType: number | null): Promise<Driver[]>;
  /** Open journeys at Medium or High risk, highest first: the form notification's input. */
  atRiskJourneys(customer: CustomerRef): Promise<AtRiskJourney[]>;
  /**
   * The CrmCx settings (the cx_Settings environment variable: the environment's value, else the default value).
   * Never rejects: a failed request, a missing variable or an unusable value gives the defaults, so the panel still
   * shows the customer's figures.
   */
  settings(): Promise<CxSettings>;
}

/** The Xrm.WebApi calls used; tests pass a fake. `online.execute` runs the drivers function (absent offline). */
export type WebApiReader = Pick<Xrm.WebApi, "retrieveRecord" | "retrieveMultipleRecords"> & {
  online?: Pick<Xrm.WebApiOnline, "execute">;
};

/**
 * The request object Xrm.WebApi.online.execute takes for cx_GetDrivers: an unbound function (operationType 1) with
 * Dimension (Edm.String, a primitive type: 1), Account (mscrm.account, an entity type: 5) and JourneyType
 * (Edm.Int32, 1), the last two only when set.
 */
export function driversRequest(account: string | null, dimension: DriverDimensionName, journeyType: number | null = null): Record<string, unknown> {
  const parameterTypes: Record<string, { typeName: string; structuralProperty: number }> = {
    Dimension: { typeName: "Edm.String", structuralProperty: 1 },
  };
  const request: Record<string, unknown> = { Dimension: dimension };
  if (account !== null) {
    request.Account = { "@odata.type": "Microsoft.Dynamics.CRM.account", accountid: account };
    parameterTypes.Account = { typeName: "mscrm.account", structuralProperty: 5 };
  }
  if (journeyType !== null) {
    request.JourneyType = journeyType;
    parameterTypes.JourneyType = { typeName: "Edm.Int32", structuralProperty: 1 };
  }
  request.getMetadata = () => ({ boundParameter: null, operationType: 1, operationName: Components.getDrivers, parameterTypes });
  return request;
}

/** cx_GetDrivers' Drivers (a JSON array in a string); anything malformed gives no drivers. */
export function parseDrivers(json: unknown): Driver[] {
  if (typeof json !== "string") return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const drivers: Driver[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== "object" || item === null) continue;
    const row = item as Row;
    const responses = num(row.responses);
    if (responses === null) continue;
    const npsMargin = num(row.npsMargin);
    drivers.push({
      dimension: text(row.dimension) ?? "",
      key: text(row.key) ?? "",
      label: text(row.label) ?? "",
      responses,
      satisfaction: num(row.satisfaction),
      satisfactionMargin: num(row.satisfactionMargin),
      nps: num(row.nps),
      npsMargin,
      delta: num(row.delta),
      significant: row.significant === true,
      lowConfidence: typeof row.lowConfidence === "boolean" ? row.lowConfidence : isLowConfidence(responses, npsMargin),
    });
  }
  return drivers;
}

/** How many verbatims the panel reads in its one request; it shows them a page at a time. */
export const VerbatimCount = 20;

const customerSelect = [
  CustomerColumns.nps,
  CustomerColumns.npsPrevious,
  CustomerColumns.npsMargin,
  CustomerColumns.npsPreviousMargin,
  CustomerColumns.npsResponses,
  CustomerColumns.promoters,
  CustomerColumns.passives,
  CustomerColumns.detractors,
  CustomerColumns.npsHistory,
  CustomerColumns.lastResponseOn,
  CustomerColumns.riskLevel,
  CustomerColumns.atRiskJourneys,
  CustomerColumns.riskReasons,
  CustomerColumns.riskReasonsJson,
].join(",");

const responseSelect = [
  SurveyResponseColumns.contactValue,
  SurveyResponseColumns.comment,
  SurveyResponseColumns.score,
  SurveyResponseColumns.respondedOn,
  SurveyResponseColumns.channel,
].join(",");

const journeySelect = [
  JourneyColumns.name,
  JourneyColumns.journeyType,
  JourneyColumns.currentStage,
  JourneyColumns.score,
  JourneyColumns.scoreTrend,
  JourneyColumns.riskLevel,
  JourneyColumns.riskReasons,
  JourneyColumns.riskReasonsJson,
].join(",");

export function customerQuery(customer: CustomerRef): string {
  const responses =
    customer.table === "account" ? Relationships.accountSurveyResponses : Relationships.contactSurveyResponses;
  return (
    `?$select=${customerSelect}` +
    `&$expand=${responses}($select=${responseSelect}` +
    `;$filter=${SurveyResponseColumns.comment} ne null` +
    `;$orderby=${SurveyResponseColumns.respondedOn} desc;$top=${VerbatimCount})`
  );
}

function customerFilter(customer: CustomerRef): string {
  const lookup = customer.table === "account" ? JourneyColumns.accountValue : JourneyColumns.contactValue;
  return `${lookup} eq ${customer.id} and ${JourneyColumns.state} eq ${JourneyState.active}`;
}

export function openJourneysQuery(customer: CustomerRef): string {
  return (
    `?$select=${journeySelect}` +
    `&$filter=${customerFilter(customer)}` +
    `&$orderby=${JourneyColumns.riskLevel} desc,${JourneyColumns.scoreTrend} asc` +
    `&$expand=${Relationships.journeyStageScores}($select=${StageScoreColumns.stage},${StageScoreColumns.score})`
  );
}

/** The journey form's read: the journey, its stages with their touchpoint and response counts. */
export function journeyQuery(): string {
  const stageSelect = [StageScoreColumns.stage, StageScoreColumns.score, StageScoreColumns.touchpoints, StageScoreColumns.responses];
  return `?$select=${journeySelect}&$expand=${Relationships.journeyStageScores}($select=${stageSelect.join(",")})`;
}

/** The case form's first read: which journey the case belongs to and at which stage. */
export function caseQuery(): string {
  return `?$select=${CaseColumns.journeyValue},${CaseColumns.stage}`;
}

export function atRiskJourneysQuery(customer: CustomerRef): string {
  return (
    `?$select=${JourneyColumns.name},${JourneyColumns.riskLevel},${JourneyColumns.riskReasons},${JourneyColumns.riskReasonsJson}` +
    `&$filter=${customerFilter(customer)}` +
    ` and (${JourneyColumns.riskLevel} eq ${RiskLevel.medium} or ${JourneyColumns.riskLevel} eq ${RiskLevel.high})` +
    `&$orderby=${JourneyColumns.riskLevel} desc,${JourneyColumns.riskScore} desc`
  );
}

/**
 * Normalises a record id as forms hand it out ("{ABC...}") to the Web API's form, and refuses anything that
 * is not a GUID, since the id is pasted into a $filter.
 */
export function normaliseId(id: string): string {
  const bare = id.replace(/[{}]/g, "").toLowerCase();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(bare)) {
    throw new Error(`Not a record id: ${id}`);
  }
  return bare;
}

export function createCxData(webApi: WebApiReader): CxData {
  return {
    async customerExperience(customer) {
      const row = await call(() => webApi.retrieveRecord<Row>(customer.table, customer.id, customerQuery(customer)));
      return toCustomerExperience(row, customer.table);
    },
    async openJourneys(customer) {
      const result = await call(() => webApi.retrieveMultipleRecords<Row>(JourneyTable, openJourneysQuery(customer)));
      return result.entities.map(toJourney);
    },
    async journey(id) {
      const row = await call(() => webApi.retrieveRecord<Row>(JourneyTable, normaliseId(id), journeyQuery()));
      return toJourney(row);
    },
    async caseJourney(caseId) {
      const row = await call(() => webApi.retrieveRecord<Row>(CaseTable, normaliseId(caseId), caseQuery()));
      const journeyId = text(row[CaseColumns.journeyValue]);
      const caseStage = num(row[CaseColumns.stage]);
      if (journeyId === null || journeyId === "") return { caseStage, journey: null };
      const journeyRow = await call(() => webApi.retrieveRecord<Row>(JourneyTable, normaliseId(journeyId), journeyQuery()));
      return { caseStage, journey: toJourney(journeyRow) };
    },
    async drivers(account, dimension) {
      const online = webApi.online;
      if (online === undefined) throw new Error(`${Components.getDrivers} needs the online Web API.`);
      const response = await call(() => online.execute(driversRequest(normaliseId(account), dimension)));
      const body = (await response.json()) as Row;
      return parseDrivers(body.Drivers);
    },
    async driversOf(dimension, journeyType) {
      const online = webApi.online;
      if (online === undefined) throw new Error(`${Components.getDrivers} needs the online Web API.`);
      const response = await call(() => online.execute(driversRequest(null, dimension, journeyType)));
      const body = (await response.json()) as Row;
      return parseDrivers(body.Drivers);
    },
    async atRiskJourneys(customer) {
      const result = await call(() => webApi.retrieveMultipleRecords<Row>(JourneyTable, atRiskJourneysQuery(customer)));
      const journeys: AtRiskJourney[] = [];
      for (const row of result.entities) {
        const level = asRiskLevel(row[JourneyColumns.riskLevel]);
        if (level === null) continue;
        journeys.push({
          id: text(row[JourneyColumns.id]) ?? "",
          name: text(row[JourneyColumns.name]) ?? "",
          riskLevel: level,
          reasons: reasonsOf(row, JourneyColumns.riskReasons, JourneyColumns.riskReasonsJson),
        });
      }
      return journeys;
    },
    async settings() {
      try {
        const result = await call(() =>
          webApi.retrieveMultipleRecords<Row>(EnvironmentVariables.definitionTable, settingsQuery()),
        );
        return parseSettings(result.entities);
      } catch {
        // A user without read access to environment variables, or an org without the variable, still gets the panel.
        return { ...DefaultSettings };
      }
    },
  };
}

/** Xrm.WebApi rejects with a plain `{ errorCode, message }` object; turn it into an Error that keeps the message. */
async function call<T>(request: () => PromiseLike<T>): Promise<T> {
  try {
    return await request();
  } catch (failure) {
    if (failure instanceof Error) throw failure;
    const message =
      typeof failure === "object" && failure !== null && typeof (failure as { message?: unknown }).message === "string"
        ? (failure as { message: string }).message
        : "The request failed.";
    throw new Error(message);
  }
}

type Row = Record<string, unknown>;

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function date(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

function rows(value: unknown): Row[] {
  return Array.isArray(value) ? value.filter((item): item is Row => typeof item === "object" && item !== null) : [];
}

/** The coded reasons (cx_riskreasonsjson) with the plain-text lines (cx_riskreasons) as their fallback. */
function reasonsOf(row: Row, linesColumn: string, jsonColumn: string): RiskReasons {
  return { codes: parseReasonCodes(text(row[jsonColumn])), lines: reasonLines(text(row[linesColumn])) };
}

function toCustomerExperience(row: Row, table: CustomerTable): CustomerExperience {
  const responses =
    table === "account" ? Relationships.accountSurveyResponses : Relationships.contactSurveyResponses;
  const verbatims = rows(row[responses])
    .map((response): Verbatim => ({
      id: text(response[SurveyResponseColumns.id]) ?? "",
      respondent: text(response[SurveyResponseColumns.contactValue + FormattedValue]),
      comment: text(response[SurveyResponseColumns.comment]) ?? "",
      score: num(response[SurveyResponseColumns.score]),
      respondedOn: date(response[SurveyResponseColumns.respondedOn]),
      channel: num(response[SurveyResponseColumns.channel]),
    }))
    .filter((verbatim) => verbatim.comment.trim() !== "")
    .sort((a, b) => (b.respondedOn?.getTime() ?? 0) - (a.respondedOn?.getTime() ?? 0));
  return {
    nps: num(row[CustomerColumns.nps]),
    npsPrevious: num(row[CustomerColumns.npsPrevious]),
    npsMargin: num(row[CustomerColumns.npsMargin]),
    npsPreviousMargin: num(row[CustomerColumns.npsPreviousMargin]),
    responses: num(row[CustomerColumns.npsResponses]),
    promoters: num(row[CustomerColumns.promoters]),
    passives: num(row[CustomerColumns.passives]),
    detractors: num(row[CustomerColumns.detractors]),
    history: parseHistory(text(row[CustomerColumns.npsHistory])),
    lastResponseOn: date(row[CustomerColumns.lastResponseOn]),
    riskLevel: asRiskLevel(row[CustomerColumns.riskLevel]),
    atRiskJourneys: num(row[CustomerColumns.atRiskJourneys]),
    reasons: reasonsOf(row, CustomerColumns.riskReasons, CustomerColumns.riskReasonsJson),
    verbatims: verbatims.slice(0, VerbatimCount),
  };
}

function toJourney(row: Row): Journey {
  const stageScores = rows(row[Relationships.journeyStageScores])
    .map((stageRow): StageScore | null => {
      const stage = num(stageRow[StageScoreColumns.stage]);
      return stage === null
        ? null
        : {
            stage,
            score: num(stageRow[StageScoreColumns.score]),
            touchpoints: num(stageRow[StageScoreColumns.touchpoints]),
            responses: num(stageRow[StageScoreColumns.responses]),
          };
    })
    .filter((stage): stage is StageScore => stage !== null)
    .sort((a, b) => a.stage - b.stage);
  return {
    id: text(row[JourneyColumns.id]) ?? "",
    name: text(row[JourneyColumns.name]) ?? "",
    journeyType: num(row[JourneyColumns.journeyType]),
    currentStage: num(row[JourneyColumns.currentStage]),
    score: num(row[JourneyColumns.score]),
    scoreTrend: num(row[JourneyColumns.scoreTrend]),
    riskLevel: asRiskLevel(row[JourneyColumns.riskLevel]),
    reasons: reasonsOf(row, JourneyColumns.riskReasons, JourneyColumns.riskReasonsJson),
    stageScores,
  };
}
