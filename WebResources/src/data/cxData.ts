import { parseHistory, type MonthlyNps } from "../cx/nps";
import { asRiskLevel, reasonLines } from "../cx/risk";
import {
  CustomerColumns,
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
  /** Newest first. */
  verbatims: Verbatim[];
}

export interface StageScore {
  stage: number;
  score: number | null;
}

export interface Journey {
  id: string;
  name: string;
  journeyType: number | null;
  currentStage: number | null;
  score: number | null;
  scoreTrend: number | null;
  riskLevel: RiskLevelValue | null;
  reasons: string[];
  /** In the order of the journey (stage values grow with the stage's order). */
  stageScores: StageScore[];
}

export interface AtRiskJourney {
  id: string;
  name: string;
  riskLevel: RiskLevelValue;
  reasons: string[];
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
  /** Open journeys at Medium or High risk, highest first: the form notification's input. */
  atRiskJourneys(customer: CustomerRef): Promise<AtRiskJourney[]>;
  /**
   * The CrmCx settings (the cx_Settings environment variable: the environment's value, else the default value).
   * Never rejects: a failed request, a missing variable or an unusable value gives the defaults, so the panel still
   * shows the customer's figures.
   */
  settings(): Promise<CxSettings>;
}

/** The two Xrm.WebApi calls used; tests pass a fake. */
export type WebApiReader = Pick<Xrm.WebApi, "retrieveRecord" | "retrieveMultipleRecords">;

/** How many verbatims the panel can show (the detailed density shows them all). */
export const VerbatimCount = 5;

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
].join(",");

const responseSelect = [
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

export function atRiskJourneysQuery(customer: CustomerRef): string {
  return (
    `?$select=${JourneyColumns.name},${JourneyColumns.riskLevel},${JourneyColumns.riskReasons}` +
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
          reasons: reasonLines(text(row[JourneyColumns.riskReasons])),
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

function toCustomerExperience(row: Row, table: CustomerTable): CustomerExperience {
  const responses =
    table === "account" ? Relationships.accountSurveyResponses : Relationships.contactSurveyResponses;
  const verbatims = rows(row[responses])
    .map((response): Verbatim => ({
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
    verbatims: verbatims.slice(0, VerbatimCount),
  };
}

function toJourney(row: Row): Journey {
  const stageScores = rows(row[Relationships.journeyStageScores])
    .map((stageRow): StageScore | null => {
      const stage = num(stageRow[StageScoreColumns.stage]);
      return stage === null ? null : { stage, score: num(stageRow[StageScoreColumns.score]) };
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
    reasons: reasonLines(text(row[JourneyColumns.riskReasons])),
    stageScores,
  };
}
