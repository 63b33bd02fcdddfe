// .structgen-manifest.json: the files structgen wrote in a corpus output folder, with their
// SHA-256. It is how structgen knows what it may overwrite or remove: nothing else.
import { hash } from "node:crypto";
import { bannerText } from "../emit/banner.js";
import type { OutputFile } from "../emit/files.js";

export const MANIFEST = ".structgen-manifest.json";

export interface Manifest {
  /** The manifest format's version. */
  format: 1;
  corpus: string;
  /** A digest of the inputs; the generation cache fills it (absent until then, and ignored by check). */
  inputs?: string;
  /** Path ('/'-separated, relative to the output folder) → SHA-256 of its bytes (hex). Sorted by path. */
  files: Record<string, string>;
}

// One-shot (as cache/hash.ts): a Hash object per output costs more than hashing most of them.
export const sha256 = (data: string | Buffer): string => hash("sha256", data, "hex");

export function manifestOf(corpus: string, files: readonly OutputFile[], inputs?: string): Manifest {
  return manifestOfHashes(corpus, new Map(files.map((f) => [f.path, sha256(f.content)])), inputs);
}

/**
 * The manifest from each file's SHA-256 (path → hex), as the streaming writer keeps them. `sorted`: the
 * paths in order when known (the last manifest's, watch), taken when they are exactly these paths.
 */
export function manifestOfHashes(
  corpus: string,
  hashes: ReadonlyMap<string, string>,
  inputs?: string,
  sorted?: readonly string[],
): Manifest {
  const same = sorted !== undefined && sorted.length === hashes.size && sorted.every((p) => hashes.has(p));
  const paths = same ? sorted : [...hashes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // fromEntries defines each key (an assignment would set "__proto__"'s prototype instead).
  const files = Object.fromEntries(paths.map((p) => [p, hashes.get(p)!]));
  return { format: 1, corpus, ...(inputs ? { inputs } : {}), files };
}

/** Deterministic text: the banner as `$comment`, two-space indented, one file a line. */
export function manifestText(m: Manifest): string {
  return `${JSON.stringify({ $comment: bannerText(m.corpus), ...m }, null, 2)}\n`;
}

/** The manifest in `text`, or undefined when it is not one (a foreign or damaged file owns nothing). */
export function parseManifest(text: string): Manifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const m = value as Partial<Manifest> | null;
  if (!m || m.format !== 1 || typeof m.corpus !== "string" || typeof m.files !== "object" || m.files === null)
    return undefined;
  const files: Record<string, string> = {};
  for (const [p, hash] of Object.entries(m.files)) {
    // Only plain relative paths inside the folder: a manifest never reaches outside it.
    if (typeof hash !== "string" || !isInsidePath(p)) return undefined;
    files[p] = hash;
  }
  return { format: 1, corpus: m.corpus, ...(typeof m.inputs === "string" ? { inputs: m.inputs } : {}), files };
}

/**
 * A '/'-separated relative path with no empty, "." or ".." segment (and no backslash or NUL). One pass
 * over the characters: every path of the manifest is checked each time it is read.
 */
export function isInsidePath(p: string): boolean {
  if (p.length === 0) return false;
  let start = 0;
  for (let i = 0; i <= p.length; i++) {
    const c = i === p.length ? SLASH : p.charCodeAt(i);
    if (c === BACKSLASH || c === 0) return false;
    if (c !== SLASH) continue;
    const n = i - start;
    const dot = p.charCodeAt(start) === DOT;
    if (n === 0 || (n === 1 && dot) || (n === 2 && dot && p.charCodeAt(start + 1) === DOT)) return false;
    start = i + 1;
  }
  return true;
}

const SLASH = 47;
const BACKSLASH = 92;
const DOT = 46;
