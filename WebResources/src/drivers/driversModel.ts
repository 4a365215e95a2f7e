import type { CxData, Driver, DriverDimensionName } from "../data/cxData";
import { English } from "../localization/english";
import type { Formatter } from "../localization/format";
import { plural } from "../localization/plural";
import type { DriversStringKey } from "./driversEnglish";
import type { PageTranslate as Translate } from "./pageTranslate";

/**
 * What the drivers page shows, as words and numbers only (no DOM): the page renders it, the unit tests read it.
 * Rules: "beyond noise" only when cx_GetDrivers says `significant`; owners and business units are listed
 * alphabetically and read "in line" unless beyond noise (never a ranking); "(small sample)" wherever the domain's
 * `lowConfidence` says so.
 */

/** The dimensions of the page, in the order it shows them. */
export const PageDimensions: readonly DriverDimensionName[] = ["stage", "channel", "owner", "businessunit", "contacts", "effort"];

/** The journey type the page opens on: Onboarding (cx_journeytype 964000001). */
export const DefaultJourneyType = 964000001;
/** The journey types of the select, in data-model.md's order (cx_journeytype). */
export const JourneyTypes: readonly number[] = [964000001, 964000002, 964000003, 964000004, 964000009];

/** Owners and business units: people and teams, which the page never ranks. */
export function isTeamDimension(dimension: DriverDimensionName): boolean {
  return dimension === "owner" || dimension === "businessunit";
}

export interface DriverRowView {
  key: string;
  label: string;
  responses: string;
  nps: string;
  satisfaction: string;
  /** Stages, channels, contacts and effort: the NPS difference to the rest, signed ("−35.2 points"); null for teams. */
  difference: string | null;
  /** "beyond noise" / "within noise"; for teams "in line" or "below the rest by N points". */
  verdict: string;
  significant: boolean;
  /** Beyond noise and below the rest (shown as a problem; above the rest beyond noise is not). */
  below: boolean;
  /** "(small sample)" when the domain flags the row, else null. */
  smallSample: string | null;
}

export interface DriversTableView {
  dimension: DriverDimensionName;
  /** The table's caption ("By stage"). */
  title: string;
  /** The first column's header ("Stage"). */
  valueHeader: string;
  team: boolean;
  rows: DriverRowView[];
}

export interface DriversView {
  tables: DriversTableView[];
  /** Values below the rest beyond noise, in the page's order (dimension, then the table's order), as sentences. */
  belowBeyondNoise: string[];
}

export type DriversLoad = { kind: "ready"; view: DriversView } | { kind: "failed"; message: string };

const ContactKeys: Readonly<Record<string, DriversStringKey | undefined>> = { "0": "dp_contacts_0", "1": "dp_contacts_1", "2-3": "dp_contacts_2to3", "4+": "dp_contacts_4plus" };
const EffortKeys: Readonly<Record<string, DriversStringKey | undefined>> = { low: "dp_effort_low", high: "dp_effort_high" };
const FixedOrder: Partial<Record<DriverDimensionName, readonly string[]>> = { contacts: ["0", "1", "2-3", "4+"], effort: ["low", "high"] };

function has(key: string): key is keyof typeof English {
  return Object.prototype.hasOwnProperty.call(English, key);
}

/** A value in the reader's language: stages and channels from their choice labels, bands from the page's strings, names as the API gives them. */
export function valueLabel(t: Translate, dimension: DriverDimensionName, driver: Driver): string {
  if (dimension === "stage" || dimension === "channel") {
    const key = `${dimension}_${driver.key}`;
    if (/^\d+$/.test(driver.key) && has(key)) return t(key);
  }
  const band = dimension === "contacts" ? ContactKeys[driver.key] : dimension === "effort" ? EffortKeys[driver.key] : undefined;
  if (band !== undefined) return t(band);
  return driver.label === "" ? driver.key : driver.label;
}

function withMargin(t: Translate, fmt: Formatter, value: number | null, margin: number | null): string {
  if (value === null) return "\u2014";
  return margin === null ? fmt.number(value) : t("dp_value_margin", fmt.number(value), fmt.number(margin));
}

/** A team's verdict: "in line" unless beyond noise, then "below/above the rest by N points". */
function teamVerdict(t: Translate, fmt: Formatter, driver: Driver): string {
  if (!driver.significant || driver.delta === null || driver.delta === 0) return t("dp_in_line");
  return t(driver.delta < 0 ? "dp_below" : "dp_above", fmt.number(Math.abs(driver.delta)));
}

function ordered(dimension: DriverDimensionName, rows: DriverRowView[], locale: string): DriverRowView[] {
  const copy = rows.slice();
  if (isTeamDimension(dimension)) {
    // Alphabetical, never by score: the order must not read as a ranking.
    const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
    return copy.sort((a, b) => collator.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  const fixed = FixedOrder[dimension];
  if (fixed !== undefined) {
    const rank = (key: string): number => {
      const index = fixed.indexOf(key);
      return index < 0 ? fixed.length : index;
    };
    return copy.sort((a, b) => rank(a.key) - rank(b.key));
  }
  // Stages and channels: by choice value, which is the journey's order for stages.
  return copy.sort((a, b) => Number(a.key) - Number(b.key));
}

/** One dimension's table. */
export function driversTable(t: Translate, fmt: Formatter, dimension: DriverDimensionName, drivers: readonly Driver[]): DriversTableView {
  const team = isTeamDimension(dimension);
  const rows = drivers.map((driver): DriverRowView => ({
    key: driver.key,
    label: valueLabel(t, dimension, driver),
    responses: fmt.number(driver.responses, 0),
    nps: withMargin(t, fmt, driver.nps, driver.npsMargin),
    satisfaction: withMargin(t, fmt, driver.satisfaction, driver.satisfactionMargin),
    difference: team ? null : driver.delta === null ? t("dp_no_rest") : t("dp_points", fmt.signed(driver.delta)),
    verdict: team ? teamVerdict(t, fmt, driver) : t(driver.significant ? "dp_beyond_noise" : "dp_within_noise"),
    significant: driver.significant,
    below: driver.significant && driver.delta !== null && driver.delta < 0,
    smallSample: driver.lowConfidence ? t("dp_small_sample") : null,
  }));
  return {
    dimension,
    title: t(`dp_by_${dimension}`),
    valueHeader: t(`dp_col_${dimension}`),
    team,
    rows: ordered(dimension, rows, fmt.locale),
  };
}

/** The page's view of every dimension's rows (in PageDimensions' order). */
export function driversView(t: Translate, fmt: Formatter, results: ReadonlyArray<readonly Driver[]>): DriversView {
  const tables = PageDimensions.map((dimension, index) => driversTable(t, fmt, dimension, results[index] ?? []));
  const belowBeyondNoise: string[] = [];
  tables.forEach((table, index) => {
    const byKey = new Map((results[index] ?? []).map((driver) => [driver.key, driver] as const));
    for (const row of table.rows) {
      const driver = byKey.get(row.key);
      if (driver === undefined || !driver.significant || driver.delta === null || driver.delta >= 0) continue;
      const sentence = t(
        "dp_summary_item",
        row.label,
        t(`dp_kind_${table.dimension}`),
        t("dp_below", fmt.number(Math.abs(driver.delta))),
        row.nps,
        plural(t, fmt, "count_responses", driver.responses),
      );
      belowBeyondNoise.push(row.smallSample === null ? sentence : `${sentence} ${row.smallSample}`);
    }
  });
  return { tables, belowBeyondNoise };
}

/**
 * Reads every dimension of one journey type (null: all types), one cx_GetDrivers request each, all at once. A
 * failure gives the API's message (untrusted text: the page shows it as text).
 */
export async function loadDrivers(
  data: Pick<CxData, "driversOf">,
  journeyType: number | null,
  t: Translate,
  fmt: Formatter,
): Promise<DriversLoad> {
  try {
    const results = await Promise.all(PageDimensions.map((dimension) => data.driversOf(dimension, journeyType)));
    return { kind: "ready", view: driversView(t, fmt, results) };
  } catch (failure) {
    return { kind: "failed", message: failure instanceof Error ? failure.message : "" };
  }
}
