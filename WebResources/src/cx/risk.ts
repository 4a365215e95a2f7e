import { RiskLevel, type RiskLevelValue } from "../schema";

const KnownLevels: readonly number[] = [RiskLevel.none, RiskLevel.low, RiskLevel.medium, RiskLevel.high];

export function asRiskLevel(value: unknown): RiskLevelValue | null {
  return typeof value === "number" && KnownLevels.includes(value) ? (value as RiskLevelValue) : null;
}

/** Medium and High are "at risk": the levels that raise a form notification and count in cx_atriskjourneys. */
export function isAtRisk(level: RiskLevelValue | null): boolean {
  return level === RiskLevel.medium || level === RiskLevel.high;
}

/** cx_riskreasons holds one plain-language reason per line. */
export function reasonLines(reasons: string | null | undefined): string[] {
  if (reasons === null || reasons === undefined) return [];
  return reasons
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}
