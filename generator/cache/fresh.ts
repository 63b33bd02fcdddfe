// check's answer from hashes: an output folder is fresh when its manifest records the inputs digest
// of this run, is the manifest generate writes byte for byte, every file it lists is on disk as a
// regular file with its recorded sha-256, and no interrupted run left anything behind. Anything
// else is "cannot tell", and check renders and compares as before (exact).
import path from "node:path";
import type { TreeCheck } from "../write/check.js";
import { MANIFEST, manifestText, parseManifest } from "../write/manifest.js";
import { foreignOf, isOwn, leftoversOf } from "../write/plan.js";
import { listTree } from "../write/tree.js";
import { HashIndex, NO_FOLLOW, withBytes } from "./hash-index.js";

const readManifest = (file: string): Buffer | undefined => {
  const bytes = withBytes(file, NO_FOLLOW, (b) => Buffer.from(b));
  return Buffer.isBuffer(bytes) ? bytes : undefined;
};

/** The check result when the folder is provably what generate would write; undefined when not proven. */
export async function freshFromHashes(
  outDir: string,
  corpus: string,
  digest: string,
  index: HashIndex = HashIndex.open(),
): Promise<TreeCheck | undefined> {
  const bytes = readManifest(path.join(outDir, MANIFEST));
  const before = bytes ? parseManifest(bytes.toString("utf8")) : undefined;
  if (!bytes || !before || before.inputs !== digest || before.corpus !== corpus) return undefined;
  const paths = Object.keys(before.files).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const files = Object.fromEntries(paths.map((p) => [p, before.files[p]!]));
  if (!bytes.equals(Buffer.from(manifestText({ format: 1, corpus, inputs: digest, files }), "utf8"))) return undefined;
  if ((await leftoversOf(outDir)).length > 0) return undefined;
  const tree = await listTree(outDir, isOwn);
  const base = path.resolve(outDir) + path.sep;
  for (const p of paths) {
    if (tree.get(p) !== "file") return undefined;
    if (index.hash(base + p, false) !== files[p]) return undefined;
  }
  return { differences: [], foreign: foreignOf(tree, paths, [], before).map((f) => f.path) };
}
