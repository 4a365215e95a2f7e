import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const html = readFileSync(join(__dirname, "../../src/panel/cxpanel.html"), "utf8");

describe("the panel's HTML web resource", () => {
  it("loads its script and stylesheet by relative path, so they resolve beside it under cx_/panel/", () => {
    expect(html).toContain('<script src="cxpanel.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="cxpanel.css">');
  });

  it("carries no inline script, inline handler or inline style", () => {
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script src="cxpanel.js">']);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/<style\b|\sstyle\s*=/i);
  });

  it("has a language, a title and a main landmark for screen readers", () => {
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toMatch(/<main id="cx-panel"/);
  });
});
