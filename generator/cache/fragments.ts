// The fragment memo: per-type emitted text keyed by sha-256 of (structgen's fingerprint, emitter,
// the type's canonical JSON, the fragment's context). In memory for a process (watch mode keeps
// it between runs), and on disk as one pack per emitter, so the next process starts warm.
//
// A pack is written whole and renamed into place (atomic); it starts with a line naming its format
// and the sha-256 of the rest, so a truncated, corrupt or foreign pack is a miss, never an error.
// A run keeps exactly the entries it used: packs do not grow with history.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FragmentMemo } from "../emit/files.js";
import { canonicalJson, digestOf, NotCanonical, sha256 } from "./hash.js";

const MAGIC = "structgen-fragments/1";

export interface FragmentStoreOptions {
  /** structgen's fingerprint (cache/fingerprint.ts): other code, other keys. */
  fingerprint: string;
  /** The folder of this project's packs; undefined keeps the memo in memory only. */
  dir?: string;
}

export interface FragmentStats {
  hits: number;
  misses: number;
}

export interface FragmentStore extends FragmentMemo {
  /** Ends a run: writes the packs whose entries changed and forgets entries this run did not use. */
  flush(): void;
  /** Hits and misses since the last flush. */
  stats(): FragmentStats;
}

interface Pack {
  entries: Map<string, string>;
  used: Set<string>;
  /** Entries were added since the pack was read or written. */
  added: boolean;
}

export function fragmentStore(options: FragmentStoreOptions): FragmentStore {
  const packs = new Map<string, Pack>();
  // A type's digest is computed once per object: every view and emitter of it shares it.
  const typeDigests = new WeakMap<object, string>();
  let hits = 0;
  let misses = 0;
  const packFile = (emitter: string) => path.join(options.dir!, `${emitter.replace(/[^A-Za-z0-9_-]/g, "_")}.pack`);

  const packOf = (emitter: string): Pack => {
    let pack = packs.get(emitter);
    if (!pack) {
      pack = { entries: options.dir ? readPack(packFile(emitter)) : new Map(), used: new Set(), added: false };
      packs.set(emitter, pack);
    }
    return pack;
  };

  const keyOf = (emitter: string, type: object, context: unknown): string => {
    let typeDigest = typeDigests.get(type);
    if (typeDigest === undefined) {
      typeDigest = sha256(canonicalJson(type));
      typeDigests.set(type, typeDigest);
    }
    return digestOf(options.fingerprint, emitter, typeDigest, canonicalJson(context));
  };

  return {
    fragment(emitter, type, context, compute) {
      let key: string;
      try {
        key = keyOf(emitter, type, context);
      } catch (e) {
        if (e instanceof NotCanonical) return compute();
        throw e;
      }
      const pack = packOf(emitter);
      pack.used.add(key);
      const known = pack.entries.get(key);
      if (known !== undefined) {
        hits++;
        return known;
      }
      misses++;
      const text = compute();
      pack.entries.set(key, text);
      pack.added = true;
      return text;
    },
    flush() {
      for (const [emitter, pack] of packs) {
        const changed = pack.added || pack.used.size !== pack.entries.size;
        if (!changed) {
          pack.used = new Set();
          continue;
        }
        for (const key of pack.entries.keys()) if (!pack.used.has(key)) pack.entries.delete(key);
        if (options.dir) writePack(packFile(emitter), pack.entries);
        pack.used = new Set();
        pack.added = false;
      }
      hits = 0;
      misses = 0;
    },
    stats: () => ({ hits, misses }),
  };
}

/** A pack's entries; an empty map when it is missing, truncated, corrupt or not a pack. */
export function readPack(file: string): Map<string, string> {
  try {
    const text = readFileSync(file, "utf8");
    const end = text.indexOf("\n");
    const [magic, sum] = text.slice(0, end).split(" ");
    const body = text.slice(end + 1);
    if (end < 0 || magic !== MAGIC || sum !== sha256(body)) return new Map();
    const value = JSON.parse(body) as unknown;
    if (!Array.isArray(value)) return new Map();
    const entries = new Map<string, string>();
    for (const e of value as unknown[]) {
      if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== "string" || typeof e[1] !== "string") return new Map();
      entries.set(e[0], e[1]);
    }
    return entries;
  } catch {
    return new Map();
  }
}

/** Writes a pack whole under a temporary name, then renames it into place. Failures leave no trace. */
export function writePack(file: string, entries: ReadonlyMap<string, string>): void {
  const body = JSON.stringify([...entries]);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, `${MAGIC} ${sha256(body)}\n${body}`);
    renameSync(tmp, file);
  } catch {
    // The cache is an optimisation: a read-only or full disk only costs the next run its hits.
    rmSync(tmp, { force: true });
  }
}
