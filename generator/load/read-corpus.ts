// Stage 1, load: find the schema files of a corpus and parse them with positions.
import { closeSync, constants, fstatSync, openSync, readdirSync, readlinkSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { lineStarts, parseJson, position, type ParsedJson, type ParseResult } from "./parse-json.js";
import { readPool, readSized } from "./read-sized.js";
import { decodeUtf8, type Decoded } from "./utf8.js";

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

/** A schema file bigger than this is refused before it is read (a 1 GB file cannot even be a string). */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;

interface Found {
  /** Relative to the corpus folder, '/' separated: names the file in diagnostics and output. */
  rel: string;
  /** The real path, checked to lie inside the corpus folder. */
  real: string;
}

const isSchemaName = (n: string) => n.endsWith(".json") && !n.endsWith(".config.json") && n !== "structgen.json";

/**
 * Every schema file below `root`. A symlink is followed only when its target lies inside the
 * corpus folder: one leading out (to `/`, to /etc/passwd) is reported and never read or walked.
 * Synchronous, as the reads are: a walk is a few calls, each cheaper than its trip through the pool.
 */
function findSchemaFiles(root: string, diagnostics: Diagnostic[]): Found[] {
  const out: Found[] = [];
  let top: string;
  try {
    top = realpathSync(root);
  } catch (e) {
    diagnostics.push(diagnostic("FILE_UNREADABLE", { path: ".", reason: reason(e) }, loc(".")));
    return out;
  }
  const prefix = top.endsWith(path.sep) ? top : top + path.sep;
  const inside = (p: string) => p === top || p.startsWith(prefix);
  const seen = new Set<string>();
  // `rel` names the folder relative to the corpus folder ("" for itself), built as the walk goes
  // down (path.relative per file cost more than reading the folder); `real` is where it is on disk.
  const name = (relDir: string, entry: string) => (relDir === "" ? entry : `${relDir}/${entry}`);
  function walk(rel: string, real: string): void {
    if (seen.has(real)) return; // a symlink loop, or the same folder twice
    seen.add(real);
    let entries;
    try {
      entries = readdirSync(real, { withFileTypes: true });
    } catch (e) {
      const at = rel || ".";
      diagnostics.push(diagnostic("FILE_UNREADABLE", { path: at, reason: reason(e) }, loc(at)));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // `real` is a real path (normalized) and an entry's name holds no separator: path.join's result.
    const under = real.endsWith(path.sep) ? real : real + path.sep;
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const full = name(rel, e.name);
      const at = under + e.name;
      if (!e.isSymbolicLink()) {
        if (e.isDirectory()) walk(full, at);
        else if (isSchemaName(e.name)) out.push({ rel: full, real: at });
        continue;
      }
      let target: string;
      try {
        target = realpathSync(at);
      } catch (err) {
        // Dangling or looping: nothing to read. Reported where a schema file was expected.
        const params = { path: full, reason: reason(err) };
        if (isSchemaName(e.name)) diagnostics.push(diagnostic("FILE_UNREADABLE", params, loc(full)));
        continue;
      }
      if (!inside(target)) {
        const link = JSON.stringify(linkText(at));
        diagnostics.push(diagnostic("FILE_SYMLINK_OUTSIDE_CORPUS", { path: full, target: link }, loc(full)));
        continue;
      }
      if (isDir(target)) walk(full, target);
      else if (isSchemaName(e.name)) out.push({ rel: full, real: target });
    }
  }
  walk("", top);
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** The schema files below `dir`, relative, found as the loader finds them (links leading out not followed). */
export async function listSchemaFiles(dir: string): Promise<string[]> {
  return listJsonFiles(dir, []);
}

/**
 * The schema files of a corpus, named relative to its folder with '/' separators on every OS, sorted,
 * exactly as readCorpus reads them. The cache hashes these files (cache/inputs.ts): the two never differ.
 */
export async function listJsonFiles(root: string, diagnostics: Diagnostic[]): Promise<string[]> {
  return findSchemaFiles(root, diagnostics).map((f) => f.rel);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function linkText(p: string): string {
  try {
    return readlinkSync(p);
  } catch {
    return "?";
  }
}

const loc = (file: string) => ({ file, pointer: "", line: 1, column: 1 });
const reason = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);

// O_NOFOLLOW: the checked real path is opened, never a link swapped in since; O_NONBLOCK: a FIFO
// opens at once (and is then refused) instead of blocking. Both are 0 where the OS lacks them.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Where each file's bytes are read, one file at a time (decoding copies them out). */
const pool = readPool(1 << 16);

/**
 * Reads one regular file of at most MAX_FILE_BYTES and decodes it as UTF-8. Synchronous: a corpus is
 * hundreds of small files, and four trips through the thread pool per file cost more than the reads.
 */
function readSchemaText(f: Found): Decoded {
  let fd: number | undefined;
  try {
    fd = openSync(f.real, OPEN_FLAGS);
    const st = fstatSync(fd);
    // A FIFO or a device named *.json would block or never end: read regular files only.
    if (!st.isFile()) throw Object.assign(new Error(), { code: "not a regular file" });
    if (st.size > MAX_FILE_BYTES) return tooLarge(f, st.size);
    return decodeUtf8(f.rel, readSized(fd, st.size, pool));
  } catch (e) {
    return { ok: false, diagnostic: diagnostic("FILE_UNREADABLE", { path: f.rel, reason: reason(e) }, loc(f.rel)) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const tooLarge = (f: Found, size: number): Decoded => ({
  ok: false,
  diagnostic: diagnostic("FILE_TOO_LARGE", { path: f.rel, size, limit: MAX_FILE_BYTES }, loc(f.rel)),
});

/** Reuses a file's parse while its path and text are unchanged (watch mode; cache/build-memo.ts). */
export interface ParseMemo {
  /** `at`: the file's absolute path, to know it by its bytes later (`unchanged`). */
  parse(file: string, text: string, parse: () => ParseResult, at?: string): ParseResult;
  /** The parse of the file at `at` when its bytes are known, without reading it, to be those of an earlier parse. */
  unchanged?(file: string, at: string): ParseResult | undefined;
}

export async function readCorpus(
  dir: string,
  name = path.basename(path.resolve(dir)),
  options: { parse?: ParseMemo } = {},
): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  const files = findSchemaFiles(dir, diagnostics);
  if (files.length === 0 && diagnostics.length === 0) {
    diagnostics.push(diagnostic("INPUT_NO_SCHEMAS", { path: dir }));
  }
  const documents: ParsedJson[] = [];
  const memo = options.parse;
  const base = path.resolve(dir) + path.sep;
  files.forEach((f) => {
    const rel = f.rel;
    // Watch mode: a file whose bytes are known unchanged is not read again.
    const t: Decoded | ParseResult = memo?.unchanged?.(rel, base + rel) ?? readSchemaText(f);
    let parsed: ParseResult;
    if ("text" in t) {
      const parse = () => parseSchema(rel, t.text);
      parsed = memo ? memo.parse(rel, t.text, parse, base + rel) : parse();
    } else if ("diagnostic" in t) {
      diagnostics.push(t.diagnostic);
      return;
    } else parsed = t;
    if (parsed.ok) documents.push(parsed.doc);
    else diagnostics.push(...parsed.diagnostics);
  });
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
        const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
        const at = { file, pointer: "", ...position(lineStarts(text.slice(bom)), i - bom) };
        return {
          ok: false,
          diagnostics: [diagnostic("SCHEMA_MAX_DEPTH_EXCEEDED", { maxDepth: MAX_SCHEMA_NESTING }, at)],
        };
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
