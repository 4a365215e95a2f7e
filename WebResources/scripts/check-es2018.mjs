// Every shipped script must parse as ES2018: the Power Apps checker reads nothing newer (web-unsupported-syntax).
import { parse } from "acorn";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist", import.meta.url));

async function scripts(folder) {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? scripts(path) : entry.name.endsWith(".js") ? [path] : [];
  }));
  return nested.flat();
}

// A sanity check that the parser really refuses newer syntax, so a pass means something.
try {
  parse("a ?? b", { ecmaVersion: 2018 });
  throw new Error("acorn accepted ES2020 syntax at ecmaVersion 2018");
} catch (error) {
  if (!(error instanceof SyntaxError)) throw error;
}

const files = await scripts(dist);
if (files.length === 0) throw new Error("No scripts in dist/: run npm run build first.");
let failed = false;
for (const file of files) {
  try {
    parse(await readFile(file, "utf8"), { ecmaVersion: 2018, sourceType: "script" });
    console.log(`ES2018 ok  ${relative(dist, file)}`);
  } catch (error) {
    failed = true;
    console.error(`NOT ES2018 ${relative(dist, file)}: ${error.message}`);
  }
}
process.exit(failed ? 1 : 0);
