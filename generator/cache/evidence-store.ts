// Evidence kept between processes: each source's evidence (a botocore model, the SDK's facts, …)
// as the structured clone V8 writes, in one file per source, under the key of everything loading it
// reads: structgen's fingerprint (the adapters' code, Node.js), the source's settings, where it is read
// from, and the name and sha-256 of every file its adapter reads (listed by reconcile/load-evidence.ts
// sourceFiles, as the inputs digest lists them). A file whose key, checksum or contents do not match is
// a miss: the source is loaded, and kept only when its files did not change while they were read.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { CorpusConfig, SourceConfig } from "../reconcile/config.js";
import { sourceFiles, type EvidenceMemo, type LoadedSource } from "../reconcile/load-evidence.js";
import { clonesExactly } from "./clone.js";
import { canonicalJson, Digest, sha256 } from "./hash.js";
import type { HashIndex } from "./hash-index.js";

const MAGIC = "structgen-evidence/1";

/** The key of a source's evidence: what loading it reads, with `fingerprint`. */
export function evidenceKey(fingerprint: string, config: CorpusConfig, s: SourceConfig, index: HashIndex): string {
  const { state, files } = sourceFiles(config, s);
  const digest = new Digest().add(MAGIC, fingerprint, canonicalJson(s), config.base, state);
  for (const f of files) {
    const sha = index.hash(f.path, true);
    digest.add(f.name, f.path, typeof sha === "string" ? sha : `unreadable ${sha.reason}`);
  }
  return digest.hex();
}

/**
 * Evidence by its key in `dir`: one file per source settings and config folder (the last one loaded).
 * `keep` false: evidence loaded is not written (a cache folder's first run, often a one-off as in CI,
 * would pay for files it never reads).
 */
export function evidenceStore(options: {
  dir: string;
  fingerprint: string;
  index: HashIndex;
  keep?: boolean;
}): EvidenceMemo {
  const { dir, fingerprint, index, keep = true } = options;
  const fileOf = (config: CorpusConfig, s: SourceConfig) =>
    path.join(dir, `${sha256(`${config.base}\0${canonicalJson(s)}`).slice(0, 32)}.v8`);
  return {
    async source(config, s, load) {
      const key = evidenceKey(fingerprint, config, s, index);
      const file = fileOf(config, s);
      const known = read(file, key);
      if (known) return known;
      const loaded = await load();
      if (keep && evidenceKey(fingerprint, config, s, index) === key) write(file, key, loaded);
      return loaded;
    },
  };
}

/** Header line: magic, key, sha-256 of the body; then the body. Anything else is a miss. */
function read(file: string, key: string): LoadedSource | undefined {
  try {
    const bytes = readFileSync(file);
    const end = bytes.indexOf(10);
    if (end < 0) return undefined;
    const [magic, stored, sum] = bytes.subarray(0, end).toString("latin1").split(" ");
    const body = bytes.subarray(end + 1);
    if (magic !== MAGIC || stored !== key || sum !== sha256(body)) return undefined;
    return deserialize(body) as LoadedSource;
  } catch {
    return undefined;
  }
}

function write(file: string, key: string, loaded: LoadedSource): void {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  let fd: number | undefined;
  try {
    // A class instance would come back a plain object: such evidence is not kept.
    if (!clonesExactly(loaded)) return;
    const body = serialize(loaded);
    mkdirSync(path.dirname(file), { recursive: true });
    fd = openSync(tmp, "w");
    // Header and body apart: no copy of the body joined to its header.
    writeSync(fd, `${MAGIC} ${key} ${sha256(body)}\n`, null, "latin1");
    writeSync(fd, body);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only costs the next run a load.
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
  }
}
