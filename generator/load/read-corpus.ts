// Stage 1, load: find the schema files of a corpus and parse them with positions.
import { promises as fs } from "node:fs";
import path from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { parseJson, type ParsedJson, type ParseResult } from "./parse-json.js";

export interface Corpus {
  /** The corpus name: the folder's base name (names the output folder). */
  name: string;
  /** Documents sorted by relative path, so the order on disk never matters. */
  documents: ParsedJson[];
}

export interface LoadResult {
  corpus: Corpus;
  diagnostics: Diagnostic[];
}

/**
 * The schema files of a corpus, named relative to its folder with '/' separators on every OS, sorted.
 * The cache hashes exactly these files (cache/inputs.ts), so the two can never differ.
 */
export async function listJsonFiles(root: string, diagnostics: Diagnostic[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  async function walk(dir: string): Promise<void> {
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (e) {
      diagnostics.push(diagnostic("FILE_UNREADABLE", { path: rel(dir), reason: reason(e) }, loc(rel(dir))));
      return;
    }
    if (seen.has(real)) return; // a symlink loop, or the same folder twice
    seen.add(real);
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      diagnostics.push(diagnostic("FILE_UNREADABLE", { path: rel(dir), reason: reason(e) }, loc(rel(dir))));
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory() || (e.isSymbolicLink() && (await isDir(full)))) await walk(full);
      else if (e.name.endsWith(".json") && !e.name.endsWith(".config.json") && e.name !== "structgen.json") out.push(full);
    }
  }
  const rel = (p: string) => path.relative(root, p).split(path.sep).join("/") || ".";
  await walk(root);
  return out.map(rel).sort();
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

const loc = (file: string) => ({ file, pointer: "", line: 1, column: 1 });
const reason = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);

/** Reuses a file's parse while its path and text are unchanged (watch mode; cache/build-memo.ts). */
export interface ParseMemo {
  parse(file: string, text: string, parse: () => ParseResult): ParseResult;
}

export async function readCorpus(
  dir: string,
  name = path.basename(path.resolve(dir)),
  options: { parse?: ParseMemo } = {},
): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  const files = await listJsonFiles(dir, diagnostics);
  if (files.length === 0 && diagnostics.length === 0) {
    diagnostics.push(diagnostic("INPUT_NO_SCHEMAS", { path: dir }));
  }
  const documents: ParsedJson[] = [];
  const texts = await Promise.all(
    files.map(async (f) => {
      try {
        // A FIFO or a device named *.json would block or never end: read regular files only.
        if (!(await fs.stat(path.join(dir, f))).isFile()) throw Object.assign(new Error(), { code: "not a regular file" });
        return { f, text: await fs.readFile(path.join(dir, f), "utf8") };
      } catch (e) {
        diagnostics.push(diagnostic("FILE_UNREADABLE", { path: f, reason: reason(e) }, loc(f)));
        return undefined;
      }
    }),
  );
  for (const t of texts) {
    if (!t) continue;
    const parse = () => parseSchema(t.f, t.text);
    const parsed = options.parse ? options.parse.parse(t.f, t.text, parse) : parse();
    if (parsed.ok) documents.push(parsed.doc);
    else diagnostics.push(...parsed.diagnostics);
  }
  return { corpus: { name, documents }, diagnostics };
}

/** A schema nested deeper than this (objects and arrays) is refused before it is parsed. */
export const MAX_SCHEMA_NESTING = 1000;

/**
 * Parses a schema file, first refusing one nested too deep: the parser and the resolver recurse
 * once per level, and a few thousand levels overflow the stack (no schema needs a tenth of this).
 */
function parseSchema(file: string, text: string): ParseResult {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_SCHEMA_NESTING) {
        const before = text.slice(0, i);
        const line = before.split("\n").length;
        const at = { file, pointer: "", line, column: i - before.lastIndexOf("\n") };
        return { ok: false, diagnostics: [diagnostic("SCHEMA_MAX_DEPTH_EXCEEDED", { maxDepth: MAX_SCHEMA_NESTING }, at)] };
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return parseJson(file, text);
}

/** Builds a corpus from in-memory texts (tests, and callers that already hold the files). */
export function corpusFromTexts(name: string, files: Record<string, string>): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const documents: ParsedJson[] = [];
  for (const f of Object.keys(files).sort()) {
    const parsed = parseSchema(f, files[f]!);
    if (parsed.ok) documents.push(parsed.doc);
    else diagnostics.push(...parsed.diagnostics);
  }
  return { corpus: { name, documents }, diagnostics };
}
