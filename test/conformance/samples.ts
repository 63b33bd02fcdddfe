// The vendored primer samples (test/conformance/samples): which ones there are, the schema files
// each needs (an import sample also needs the library files its $import/$importdefs name, at the
// same relative paths), its root type, and its example instances. Reads only this folder.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CONFORMANCE = fileURLToPath(new URL("./", import.meta.url));
export const SAMPLES = path.join(CONFORMANCE, "samples");

export interface Sample {
  /** "core/10-discriminated-unions", "import/02-namespace-import". */
  id: string;
  /** A name usable as a corpus and folder name: "core-10-discriminated-unions". */
  corpus: string;
  /** The sample's own schema, relative to `root` (posix separators). */
  schema: string;
  /** The folder relative paths are resolved against: samples/core or samples/import. */
  root: string;
  /** Every schema file the sample needs (its own first), relative to `root`. */
  files: string[];
  /** The type its examples are instances of: the document's `name`, or the `$root` target's last segment. */
  rootType: string;
  /** Absolute paths of example*.json. */
  examples: string[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObject = (v: unknown): v is { [k: string]: Json } => typeof v === "object" && v !== null && !Array.isArray(v);

/** $import / $importdefs targets anywhere in a document (relative paths). */
function importTargets(v: Json, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) importTargets(x, out);
  else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if ((k === "$import" || k === "$importdefs") && typeof x === "string") out.push(x);
      else importTargets(x, out);
    }
  }
  return out;
}

function rootTypeOf(doc: Json): string {
  if (!isObject(doc)) throw new Error("a sample schema must be an object");
  if (typeof doc["type"] === "string" && typeof doc["name"] === "string") return doc["name"];
  const r = doc["$root"];
  if (typeof r === "string") return r.split("/").pop()!;
  throw new Error("a sample schema has neither a root type nor $root");
}

export function loadSamples(): Sample[] {
  const out: Sample[] = [];
  for (const group of ["core", "import"]) {
    const root = path.join(SAMPLES, group);
    for (const dir of readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()) {
      const schema = `${dir}/schema.struct.json`;
      const files: string[] = [];
      const queue = [schema];
      while (queue.length > 0) {
        const f = queue.shift()!;
        if (files.includes(f)) continue;
        files.push(f);
        const doc = JSON.parse(readFileSync(path.join(root, f), "utf8")) as Json;
        for (const t of importTargets(doc)) queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(f), t)));
      }
      const examples = readdirSync(path.join(root, dir))
        .filter((n) => /^example\d*\.json$/.test(n))
        .sort()
        .map((n) => path.join(root, dir, n));
      out.push({
        id: `${group}/${dir}`,
        corpus: `${group}-${dir}`,
        schema,
        root,
        files,
        rootType: rootTypeOf(JSON.parse(readFileSync(path.join(root, schema), "utf8")) as Json),
        examples,
      });
    }
  }
  return out;
}

/** The sample's schema files as in-memory texts, keyed by their relative path (for corpusFromTexts). */
export function sampleTexts(s: Sample): Record<string, string> {
  return Object.fromEntries(s.files.map((f) => [f, readFileSync(path.join(s.root, f), "utf8")]));
}

/** Copies the sample's schema files (and nothing else: no examples) into `dir`, keeping relative paths. */
export function writeSampleCorpus(s: Sample, dir: string): string {
  for (const f of s.files) {
    const to = path.join(dir, ...f.split("/"));
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(s.root, f), to);
  }
  return dir;
}

/** Parses an example, as the CLI would (a BOM is tolerated). */
export function readJson(file: string): unknown {
  const text = readFileSync(file, "utf8");
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}
