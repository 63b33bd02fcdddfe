// Makes a corpus k times the size of a given one: copy c renames every type X to XCopy<c> and
// rewrites references to match, so the copies are independent types of the same shapes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const REF = /^#\/(components\/schemas|definitions)\/(.+)$/;

function renamed(value, suffix) {
  if (Array.isArray(value)) return value.map((v) => renamed(v, suffix));
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "$ref" && typeof v === "string" && REF.test(v))
      out[k] = v.replace(REF, (_, p, n) => `#/${p}/${n}${suffix}`);
    else out[k] = renamed(v, suffix);
  }
  return out;
}

export function scaleCorpus(srcDir, k, outDir) {
  mkdirSync(outDir, { recursive: true });
  const files = readdirSync(srcDir).filter((f) => f.endsWith(".json"));
  for (let c = 1; c <= k; c++) {
    const suffix = c === 1 ? "" : `Copy${c}`;
    for (const f of files) {
      const doc = renamed(JSON.parse(readFileSync(path.join(srcDir, f), "utf8")), suffix);
      if (typeof doc.name === "string") doc.name += suffix;
      if (typeof doc.$id === "string") doc.$id += suffix;
      writeFileSync(
        path.join(outDir, suffix ? f.replace(/\.json$/, `-${suffix}.json`) : f),
        JSON.stringify(doc, null, 2),
      );
    }
  }
  return files.length * k;
}
