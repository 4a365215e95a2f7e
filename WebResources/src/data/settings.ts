import { EnvironmentVariables } from "../schema";

/** What the panel uses of the CrmCx settings (the cx_Settings environment variable). */
export interface CxSettings {
  /** Length of the rolling NPS window in days; the previous window has the same length just before it. */
  windowDays: number;
}

/** cx-scoring.md's defaults: what the panel uses when the variable is missing or its value is not usable. */
export const DefaultSettings: Readonly<CxSettings> = { windowDays: 365 };

/** The bounds the plugins apply to windowDays (NpsOptions: a whole number of days, up to ten years). */
export const WindowDaysBounds = { min: 1, max: 3650 } as const;

/**
 * The one request for the settings: the definition by schema name with the environment's value expanded, as
 * Microsoft documents reading an environment variable through the Web API.
 */
export function settingsQuery(): string {
  const ev = EnvironmentVariables;
  return (
    `?$select=${ev.defaultValue},${ev.schemaName}` +
    `&$filter=${ev.schemaName} eq '${ev.settings}'` +
    `&$expand=${ev.values}($select=${ev.value})`
  );
}

/**
 * The settings from the rows of settingsQuery(). The environment's value wins over the definition's default value
 * (a blank value counts as none, as for the plugins). Never throws: no definition, JSON that is not an object, or a
 * windowDays that is not a whole number from 1 to 3650 gives the default window of 365 days. Keys the panel does not
 * use are ignored here (the plugins check them).
 */
export function parseSettings(definitions: unknown): CxSettings {
  const json = settingsJson(definitions);
  if (json === null) return { ...DefaultSettings };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ...DefaultSettings };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { ...DefaultSettings };
  const windowDays = (parsed as Record<string, unknown>).windowDays;
  return { windowDays: isWindowDays(windowDays) ? windowDays : DefaultSettings.windowDays };
}

function isWindowDays(value: unknown): value is number {
  return (
    typeof value === "number" &&
    Number.isInteger(value) &&
    value >= WindowDaysBounds.min &&
    value <= WindowDaysBounds.max
  );
}

/** The JSON in force: the first non-blank value of the definition, else its default value; null when neither. */
function settingsJson(definitions: unknown): string | null {
  if (!Array.isArray(definitions) || definitions.length === 0) return null;
  const definition: unknown = definitions[0];
  if (typeof definition !== "object" || definition === null) return null;
  const row = definition as Record<string, unknown>;
  const values: unknown = row[EnvironmentVariables.values];
  if (Array.isArray(values)) {
    for (const item of values as unknown[]) {
      const value = typeof item === "object" && item !== null ? (item as Record<string, unknown>)[EnvironmentVariables.value] : null;
      if (typeof value === "string" && value.trim() !== "") return value;
    }
  }
  const fallback = row[EnvironmentVariables.defaultValue];
  return typeof fallback === "string" && fallback.trim() !== "" ? fallback : null;
}
