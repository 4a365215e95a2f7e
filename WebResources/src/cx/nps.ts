/** NPS rules from shared/design/cx-scoring.md, as the panel needs them. */

export type NpsCategory = "promoter" | "passive" | "detractor";

/** A response's category comes from its score: 9–10 promoter, 7–8 passive, 0–6 detractor. */
export function categoryOf(score: number): NpsCategory {
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}

/** The thresholds below which the panel says "low confidence" (defaults of cx-scoring.md). */
export const LowConfidence = { minResponses: 10, maxMargin: 20 } as const;

/**
 * Low confidence: fewer than 10 responses, or a margin above 20 points, or no margin to show (then nothing says the
 * figure is tight). The same rule as NpsMath.IsLowConfidence in C#; both are checked against
 * Tests/vectors/nps-rules.json.
 */
export function isLowConfidence(responses: number | null, margin: number | null): boolean {
  if (responses === null || responses < LowConfidence.minResponses) return true;
  return margin === null || margin > LowConfidence.maxMargin;
}

export type NpsChange =
  | { kind: "none" }
  | { kind: "significant"; delta: number }
  | { kind: "noise"; delta: number };

/**
 * A change is significant only when |NPS − NPS_prev| > √(MOE² + MOE_prev²). Without a margin the change
 * cannot be shown to be more than noise, so it is reported as noise rather than overstated.
 */
export function compareWithPrevious(
  nps: number | null,
  margin: number | null,
  previous: number | null,
  previousMargin: number | null,
): NpsChange {
  if (nps === null || previous === null) return { kind: "none" };
  const delta = Math.round((nps - previous) * 10) / 10;
  if (margin === null || previousMargin === null) return { kind: "noise", delta };
  const noise = Math.sqrt(margin * margin + previousMargin * previousMargin);
  return Math.abs(nps - previous) > noise ? { kind: "significant", delta } : { kind: "noise", delta };
}

export interface MonthlyNps {
  /** "YYYY-MM", UTC calendar month. */
  month: string;
  nps: number | null;
  n: number;
  /** The month's 95 % margin in NPS points; null in rows written before the history carried it. */
  margin: number | null;
}

/**
 * Reads cx_npshistory. The column is written by a plugin but is plain text, so anything malformed yields no
 * months (the panel then says there are no monthly figures) instead of a broken chart.
 */
export function parseHistory(json: string | null | undefined): MonthlyNps[] {
  if (json === null || json === undefined || json.trim() === "") return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const months: MonthlyNps[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== "object" || item === null) continue;
    const { month, nps, n, margin } = item as Record<string, unknown>;
    if (typeof month !== "string" || !/^\d{4}-\d{2}$/.test(month)) continue;
    const count = typeof n === "number" && Number.isFinite(n) ? n : 0;
    const value = typeof nps === "number" && Number.isFinite(nps) && count > 0 ? nps : null;
    const moe = typeof margin === "number" && Number.isFinite(margin) && margin >= 0 && value !== null ? margin : null;
    months.push({ month, nps: value, n: count, margin: moe });
  }
  months.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  return months.slice(-12);
}
