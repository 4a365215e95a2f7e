import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The strings of src/strings/cx.<lcid>.resx, as Dataverse serves them to getResourceString. */
export function readResx(lcid: number): Map<string, string> {
  const xml = readFileSync(join(__dirname, `../../src/strings/cx.${lcid}.resx`), "utf8");
  const strings = new Map<string, string>();
  for (const match of xml.matchAll(/<data name="([^"]+)" xml:space="preserve">\s*<value>([\s\S]*?)<\/value>/g)) {
    strings.set(match[1], match[2].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
  }
  return strings;
}

/** A getResourceString over one RESX (an unknown key gives "", as in Dataverse). */
export function fromResx(lcid: number) {
  const strings = readResx(lcid);
  return { getResourceString: (resource: string, key: string) => (resource === "cx_/strings/cx" ? strings.get(key) ?? "" : "") };
}
