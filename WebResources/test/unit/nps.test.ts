import { describe, expect, it } from "vitest";
import { categoryOf, compareWithPrevious, isLowConfidence, parseHistory } from "../../src/cx/nps";

describe("change against the previous window", () => {
  it("is significant when the change exceeds the combined margin", () => {
    // √(14.2² + 12.8²) ≈ 19.1, and the NPS fell 28.5 points.
    expect(compareWithPrevious(12.5, 14.2, 41, 12.8)).toEqual({ kind: "significant", delta: -28.5 });
  });

  it("is within noise when the change is smaller than the combined margin", () => {
    expect(compareWithPrevious(64, 9.1, 58.5, 10.3)).toEqual({ kind: "noise", delta: 5.5 });
  });

  it("is within noise when the change equals the combined margin exactly", () => {
    // 3-4-5: √(3² + 4²) = 5, and "significant" needs strictly more.
    expect(compareWithPrevious(15, 3, 10, 4).kind).toBe("noise");
    expect(compareWithPrevious(15.1, 3, 10, 4).kind).toBe("significant");
  });

  it("is not claimed when there is no previous window", () => {
    expect(compareWithPrevious(40, 10, null, null)).toEqual({ kind: "none" });
    expect(compareWithPrevious(null, null, 40, 10)).toEqual({ kind: "none" });
  });

  it("is never called significant without margins to judge it", () => {
    expect(compareWithPrevious(90, null, -90, null).kind).toBe("noise");
  });
});

describe("low confidence", () => {
  it("is flagged for fewer than 10 responses", () => {
    expect(isLowConfidence(9, 5)).toBe(true);
    expect(isLowConfidence(10, 5)).toBe(false);
  });

  it("is flagged for a margin above 20 points even with many responses", () => {
    expect(isLowConfidence(40, 20.1)).toBe(true);
    expect(isLowConfidence(40, 20)).toBe(false);
  });
});

describe("response category", () => {
  it("follows the score: 9–10 promoter, 7–8 passive, 0–6 detractor", () => {
    expect([10, 9, 8, 7, 6, 0].map(categoryOf)).toEqual(["promoter", "promoter", "passive", "passive", "detractor", "detractor"]);
  });
});

describe("monthly history", () => {
  it("reads the months oldest first and keeps months without responses as gaps", () => {
    const json = JSON.stringify([
      { month: "2026-02", nps: 10, n: 4 },
      { month: "2026-01", nps: null, n: 0 },
    ]);
    expect(parseHistory(json)).toEqual([
      { month: "2026-01", nps: null, n: 0, margin: null },
      { month: "2026-02", nps: 10, n: 4, margin: null },
    ]);
  });

  it("reads each month's margin where the row carries one, and none in older rows", () => {
    const json = JSON.stringify([
      { month: "2026-10", nps: 42, n: 12, margin: 18.3 },
      { month: "2026-11", nps: -20, n: 5 },
    ]);
    expect(parseHistory(json).map((m) => m.margin)).toEqual([18.3, null]);
  });

  it("shows nothing rather than a wrong chart when the column is not valid JSON", () => {
    expect(parseHistory("{not json")).toEqual([]);
    expect(parseHistory('{"month":"2026-01"}')).toEqual([]);
    expect(parseHistory(null)).toEqual([]);
  });

  it("skips entries without a month and keeps only the last 12 months", () => {
    const months = Array.from({ length: 14 }, (_, i) => ({ month: `2025-${String(i + 1).padStart(2, "0")}`, nps: i, n: 1 }));
    const json = JSON.stringify([...months.slice(0, 12), { nps: 5, n: 1 }, { month: "2026-01", nps: 1, n: 1 }, { month: "2026-02", nps: 2, n: 1 }]);
    const parsed = parseHistory(json);
    expect(parsed).toHaveLength(12);
    expect(parsed[11]?.month).toBe("2026-02");
  });
});
