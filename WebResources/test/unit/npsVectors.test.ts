import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareWithPrevious, isLowConfidence } from "../../src/cx/nps";

/** The shared vectors: the C# NpsMath is checked against the same file (Tests/CrmCx.Domain.Tests). */
interface Vectors {
  lowConfidence: Array<{ responses: number; margin: number | null; low: boolean }>;
  significance: Array<{ nps: number | null; margin: number | null; previous: number | null; previousMargin: number | null; significant: boolean | null }>;
}

const vectors = JSON.parse(readFileSync(join(__dirname, "../../../Tests/vectors/nps-rules.json"), "utf8")) as Vectors;

describe("the NPS rules shared with the plug-ins (Tests/vectors/nps-rules.json)", () => {
  it.each(vectors.lowConfidence)("low confidence for $responses responses and margin $margin is $low", ({ responses, margin, low }) => {
    expect(isLowConfidence(responses, margin)).toBe(low);
  });

  it.each(vectors.significance)(
    "a change from $previous ± $previousMargin to $nps ± $margin is significant: $significant",
    ({ nps, margin, previous, previousMargin, significant }) => {
      const change = compareWithPrevious(nps, margin, previous, previousMargin);
      const verdict = change.kind === "none" ? null : change.kind === "significant";
      expect(verdict).toBe(significant);
    },
  );
});
