// check's answer from hashes: an output folder is fresh when the cache's record for it holds the
// inputs digest of this run and the sha-256 of the manifest now on disk, that manifest is one
// generate writes, every file it lists is on disk as a regular file with its recorded sha-256, and
// no interrupted run left anything behind. Anything else is "cannot tell": check renders and
// compares as before (exact). The record lives in the cache folder, not in the published output,
// so the output stays byte-identical across machines, Node.js versions and folders.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TreeCheck } from "../write/check.js";
import { MANIFEST, manifestText, parseManifest } from "../write/manifest.js";
import { foreignOf, isOwn, leftoversOf } from "../write/plan.js";
import { listTree } from "../write/tree.js";
import { sha256 } from "./hash.js";
import { HashIndex, NO_FOLLOW, withBytes } from "./hash-index.js";

interface Record {
  digest: string;
  manifest: string;
}

const recordFile = (cacheDir: string, outDir: string) =>
  path.join(cacheDir, "fresh", `${sha256(path.resolve(outDir)).slice(0, 32)}.json`);

/**
 * Remembers that `outDir` holds what inputs `digest` give (after a generate or a clean check).
 * `manifest`: the sha-256 of the manifest the writer put there (else the one on disk is read).
 */
export function recordFresh(
  cacheDir: string | undefined,
  outDir: string,
  digest: string | undefined,
  manifest?: string,
): void {
  if (cacheDir === undefined || digest === undefined) return;
  if (manifest === undefined) {
    const bytes = readManifest(path.join(outDir, MANIFEST));
    if (!bytes) return;
    manifest = sha256(bytes);
  }
  const file = recordFile(cacheDir, outDir);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}`, JSON.stringify({ digest, manifest }));
    renameSync(`${file}.${process.pid}`, file);
  } catch {
    // A cache that cannot be written only costs the next check a render.
  }
}

function readRecord(cacheDir: string, outDir: string): Record | undefined {
  try {
    const r = JSON.parse(readFileSync(recordFile(cacheDir, outDir), "utf8")) as Partial<Record>;
    return typeof r.digest === "string" && typeof r.manifest === "string" ? (r as Record) : undefined;
  } catch {
    return undefined;
  }
}

const readManifest = (file: string): Buffer | undefined => {
  const bytes = withBytes(file, NO_FOLLOW, (b) => Buffer.from(b));
  return Buffer.isBuffer(bytes) ? bytes : undefined;
};

/** The check result when the folder is provably what generate would write; undefined when not proven. */
export async function freshFromHashes(
  cacheDir: string,
  outDir: string,
  corpus: string,
  digest: string,
  index: HashIndex = HashIndex.open(),
): Promise<TreeCheck | undefined> {
  const record = readRecord(cacheDir, outDir);
  if (!record || record.digest !== digest) return undefined;
  const bytes = readManifest(path.join(outDir, MANIFEST));
  const before = bytes ? parseManifest(bytes.toString("utf8")) : undefined;
  if (!bytes || !before || before.corpus !== corpus || sha256(bytes) !== record.manifest) return undefined;
  const paths = Object.keys(before.files).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const files = Object.fromEntries(paths.map((p) => [p, before.files[p]!]));
  if (!bytes.equals(Buffer.from(manifestText({ format: 1, corpus, files }), "utf8"))) return undefined;
  if ((await leftoversOf(outDir)).length > 0) return undefined;
  const tree = await listTree(outDir, isOwn);
  const base = path.resolve(outDir) + path.sep;
  for (const p of paths) {
    if (tree.get(p) !== "file") return undefined;
    if (index.hash(base + p, false) !== files[p]) return undefined;
  }
  return { differences: [], foreign: foreignOf(tree, paths, [], before).map((f) => f.path) };
}
