/**
 * cx_riskreasonsjson (docs/risk-reasons.md): a JSON array of `{ code, ...values }`, one per rule that fired, in
 * the rules' order. The column is plug-in written plain text, so anything malformed reads as "no structured
 * reasons" and the reader falls back to the plain-text lines of cx_riskreasons.
 */
export interface CodedReason {
  code: string;
  values: Readonly<Record<string, unknown>>;
}

/** The coded reasons, or null when the column is empty or not a JSON array (then the text lines are shown). */
export function parseReasonCodes(json: string | null | undefined): CodedReason[] | null {
  if (json === null || json === undefined || json.trim() === "") return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(raw)) return null;
  return (raw as unknown[]).map((item): CodedReason => {
    if (typeof item !== "object" || item === null) return { code: "", values: {} };
    const values = item as Record<string, unknown>;
    return { code: typeof values.code === "string" ? values.code : "", values };
  });
}

/** What the reader shows for a record's reasons: the coded reasons when there are any, and the text lines. */
export interface RiskReasons {
  codes: CodedReason[] | null;
  lines: string[];
}
