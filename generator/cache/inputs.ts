// A run's inputs digest: sha-256 over everything that decides a corpus's output. generate records
// it in the output folder's manifest; check compares it (hashing only, nothing parsed) to answer
// "fresh" without rendering. What it covers:
//   structgen's fingerprint (its code, Node.js, its dependencies' versions);
//   the render options (emit, flavour, format);
//   the corpus's name and settings, and the config file's bytes;
//   the path and bytes of every corpus file, listed by the loader's own function;
//   every evidence source's files, listed by the functions the adapters use.
// Each file enters as its path and the sha-256 of its bytes (from the hash index when its status
// is unchanged; cache/hash-index.ts; in watch, before a run, from the index alone for a file no event
// named since it was last looked at: calm.ts).
// Paths are relative (to the project folder, the corpus folder, the package), so a clone of the
// project elsewhere has the same digest. format "prettier" has none: the user's prettier config
// and version would be inputs too, so check always renders.
import path from "node:path";
import type { Project } from "../config/project.js";
import type { CorpusRef } from "../config/corpora.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { listJsonFiles } from "../load/read-corpus.js";
import { sourceFiles } from "../reconcile/load-evidence.js";
import { generatorFingerprint } from "./fingerprint.js";
import { canonicalJson, Digest } from "./hash.js";
import { HashIndex } from "./hash-index.js";

const FORMAT = "structgen-inputs/1";

/**
 * A file's place in the digest: its name and the sha-256 of its bytes, or why it could not be read.
 * Its records are collected in `parts`, added to the digest in one call (one update of the hash, not
 * one for each of hundreds of files: the digest of a stream is that of its concatenation).
 */
const addFile = (parts: string[], index: HashIndex, name: string, file: string, trust: boolean): void => {
  const sha = index.hash(file, true, trust);
  if (typeof sha === "string") parts.push("file", name, sha);
  else parts.push("unreadable", name, sha.reason);
};

/**
 * The digest of a corpus's inputs, or undefined when they cannot all be named (format "prettier").
 * `trust`: files the index holds calm are not looked at (HashIndex hash()).
 */
export async function inputsDigest(
  project: Project,
  corpus: CorpusRef,
  index: HashIndex = HashIndex.open(),
  trust = false,
): Promise<string | undefined> {
  if (project.format === "prettier") return undefined;
  const fingerprint = generatorFingerprint(index);
  const rel = (p: string) => path.relative(project.dir, p).split(path.sep).join("/");
  const digest = new Digest().add(FORMAT, fingerprint);
  digest.add("options", canonicalJson({ emit: project.emit, flavour: project.flavour, format: project.format }));
  // Where overrides are written (`at`) follows from the config's bytes, which are hashed below.
  const settings = corpus.config
    ? {
        ...corpus.config,
        input: rel(corpus.config.input),
        base: rel(corpus.config.base),
        overrides: corpus.config.overrides.map(({ at: _at, ...o }) => o),
      }
    : null;
  digest.add("corpus", corpus.name, rel(corpus.dir), canonicalJson(settings));
  const parts: string[] = [];
  if (project.file) addFile(parts, index, `config:${rel(project.file)}`, project.file, trust);
  else parts.push("no config");

  const listing: Diagnostic[] = [];
  const files = await listJsonFiles(corpus.dir, listing);
  parts.push("schemas", String(files.length), canonicalJson(listing.map((d) => [d.code, d.message])));
  // Joined by hand: path.join per file is most of the cost of a cold hash of a corpus.
  const base = path.resolve(corpus.dir) + path.sep;
  for (const f of files) addFile(parts, index, f, base + f, trust);
  digest.add(...parts);

  for (const s of corpus.config?.sources ?? []) {
    const { state, files: read } = sourceFiles(corpus.config!, s);
    const source = ["source", s.id, state, String(read.length)];
    for (const f of read) addFile(source, index, f.name, f.path, trust);
    digest.add(...source);
  }
  return digest.hex();
}
