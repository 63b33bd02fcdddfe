// The fragment memo: per-type emitted text keyed by sha-256 of (structgen's fingerprint, emitter,
// the type's canonical JSON, the fragment's context). In memory for a process (watch mode keeps
// it between runs), and on disk as one pack per emitter, so the next process starts warm.
//
// A pack is written whole and renamed into place (atomic); it starts with a line naming its format
// and the sha-256 of the rest, so a truncated, corrupt or foreign pack is a miss, never an error.
// Each entry is its key, the text's length in bytes and the text as it is (no JSON escaping to write or read).
// A run keeps exactly the entries it used: packs do not grow with history. A one-run store (`spill`)
// writes each computed text to the next pack as it goes instead of keeping it until the flush.
import { createHash, type Hash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { FragmentMemo } from "../emit/files.js";
import type { Joined } from "../joined.js";
import { canonicalJson, digestOf, NotCanonical, sameJson, sha256 } from "./hash.js";

const MAGIC = "structgen-fragments/2";
const KEY = /^[0-9a-f]{64}$/;
/** Keys remembered per type object: one per emitter and view (four TypeScript views), with room to spare. */
const KEYED_PER_TYPE = 12;

export interface FragmentStoreOptions {
  /** structgen's fingerprint (cache/fingerprint.ts): other code, other keys. */
  fingerprint: string;
  /** The folder of this project's packs; undefined keeps the memo in memory only. */
  dir?: string;
  /**
   * With `dir`: computed texts go straight to the pack being written, not kept in memory (one run of
   * the CLI). After a flush the packs are read again from disk when next used.
   */
  spill?: boolean;
}

export interface FragmentStats {
  hits: number;
  misses: number;
}

export interface FragmentStore extends FragmentMemo {
  /** Ends a run: writes the packs whose entries changed and forgets entries this run did not use. */
  flush(): void;
  /** Ends a run in memory only: the packs whose entries changed are written at the next save or flush. */
  endRun(): void;
  /** Writes the packs whose entries changed since they were last written. */
  save(): void;
  /** Hits and misses since the last flush. */
  stats(): FragmentStats;
  /** Ends a failed run: packs being written are dropped (nothing on disk changes). */
  discard(): void;
}

/** A key found for a type object from deps (FragmentMemo.fragmentFrom). */
interface ByDeps {
  emitter: string;
  deps: readonly unknown[];
  key: string;
}

const sameDeps = (a: readonly unknown[], b: readonly unknown[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
};

const findByDeps = (list: ByDeps[] | undefined, emitter: string, deps: readonly unknown[]): ByDeps | undefined => {
  if (list) for (const e of list) if (e.emitter === emitter && sameDeps(e.deps, deps)) return e;
  return undefined;
};

/** A fragmentsFrom batch: each type with its deps, key (none when not cacheable) and text. */
interface Batch {
  types: readonly object[];
  deps: (readonly unknown[])[];
  keys: (string | undefined)[];
  texts: string[];
}

interface Pack {
  entries: Map<string, string>;
  used: Set<string>;
  /** Entries were added since the pack was read or written. */
  added: boolean;
  /** spill: the next pack, holding this run's computed entries so far (their keys in `spilled`). */
  next?: PackWriter;
  spilled: Set<string>;
  /** The entries differ from the pack on disk. */
  dirty: boolean;
}

export function fragmentStore(options: FragmentStoreOptions): FragmentStore {
  const packs = new Map<string, Pack>();
  const spill = options.spill === true && options.dir !== undefined;
  // A type's digest is computed once per object: every view and emitter of it shares it.
  const typeDigests = new WeakMap<object, string>();
  // Keys by type object and context value (emitters hand over fresh contexts and never change them).
  const keyed = new WeakMap<object, { emitter: string; context: unknown; key: string }[]>();
  // Keys by the text of their parts, kept for the next run (the last run's only).
  let keys = new Map<string, string>();
  let usedKeys = new Map<string, string>();
  // Reuse by identity (a one-run store keeps none: there is no next run). Keys by type object and deps,
  // one record per object: those of the run numbered `run` and of the run before, older ones let go.
  const byDeps = new WeakMap<object, { run: number; now: ByDeps[]; last: ByDeps[] }>();
  let run = 0;
  // Values derived from an object alone, for as long as the object lives.
  const derived = new WeakMap<object, Map<string, unknown>>();
  // Shared values and assembled texts by name: the last run's, and this run's.
  let shared = new Map<string, unknown>();
  let usedShared = new Map<string, unknown>();
  // fragmentsFrom's batches by name: the last run's, and this run's.
  let batches = new Map<string, Batch>();
  let usedBatches = new Map<string, Batch>();
  let assembled = new Map<string, { parts: readonly unknown[]; text: string }>();
  let usedAssembled = new Map<string, { parts: readonly unknown[]; text: string }>();
  // joined()'s by name: the last run's, and this run's.
  let joinedTexts = new Map<string, Joined>();
  let usedJoined = new Map<string, Joined>();
  let hits = 0;
  let misses = 0;
  const packFile = (emitter: string) => path.join(options.dir!, `${emitter.replace(/[^A-Za-z0-9_-]/g, "_")}.pack`);

  const packOf = (emitter: string): Pack => {
    let pack = packs.get(emitter);
    if (!pack) {
      const entries = options.dir ? readPack(packFile(emitter)) : new Map<string, string>();
      pack = { entries, used: new Set(), added: false, spilled: new Set(), dirty: false };
      packs.set(emitter, pack);
    }
    return pack;
  };

  const keyOf = (emitter: string, type: object, context: unknown): string => {
    // The same type object with a context equal in value to one it was keyed with: that key, no text built.
    const known = keyed.get(type);
    if (known) {
      for (const k of known) if (k.emitter === emitter && sameJson(k.context, context)) return k.key;
    }
    const key = keyOfParts(emitter, type, context);
    if (known) {
      known.unshift({ emitter, context, key });
      if (known.length > KEYED_PER_TYPE) known.pop();
    } else keyed.set(type, [{ emitter, context, key }]);
    return key;
  };

  const keyOfParts = (emitter: string, type: object, context: unknown): string => {
    let typeDigest = typeDigests.get(type);
    if (typeDigest === undefined) {
      typeDigest = sha256(canonicalJson(type));
      typeDigests.set(type, typeDigest);
    }
    // The sha-256 of the same parts, remembered by their text (one-to-one: the emitter's length
    // first, the type digest's length fixed): most keys recur run after run.
    const contextJson = canonicalJson(context);
    const raw = `${emitter.length}:${emitter}${typeDigest}${contextJson}`;
    const key = usedKeys.get(raw) ?? keys.get(raw) ?? digestOf(options.fingerprint, emitter, typeDigest, contextJson);
    // A one-run store has no next run to remember them for.
    if (!spill) usedKeys.set(raw, key);
    return key;
  };

  // Ends a run: a pack forgets what the run did not use, and is to be written when that changed it.
  // A one-run store (spill) finishes its next packs here: they hold this run's entries.
  const endRun = (): void => {
    for (const [emitter, pack] of packs) {
      if (pack.added || pack.used.size !== pack.entries.size) {
        for (const key of pack.entries.keys()) if (!pack.used.has(key)) pack.entries.delete(key);
        if (spill) {
          const next = pack.next ?? new PackWriter(packFile(emitter));
          for (const [key, text] of pack.entries) if (!pack.spilled.has(key)) next.add(key, text);
          next.finish();
        } else pack.dirty = true;
      }
      pack.used = new Set();
      pack.added = false;
    }
    if (spill) packs.clear();
    keys = usedKeys;
    usedKeys = new Map();
    run++;
    shared = usedShared;
    usedShared = new Map();
    assembled = usedAssembled;
    usedAssembled = new Map();
    joinedTexts = usedJoined;
    usedJoined = new Map();
    batches = usedBatches;
    usedBatches = new Map();
    hits = 0;
    misses = 0;
  };
  const save = (): void => {
    for (const [emitter, pack] of packs) {
      if (!pack.dirty) continue;
      if (options.dir) writePack(packFile(emitter), pack.entries);
      pack.dirty = false;
    }
  };

  // The type's record for this run: last run's keys kept as `last`, older ones let go.
  const recordOf = (type: object) => {
    let r = byDeps.get(type);
    if (!r) byDeps.set(type, (r = { run, now: [], last: [] }));
    else if (r.run !== run) {
      r.last = r.run === run - 1 ? r.now : [];
      r.now = [];
      r.run = run;
    }
    return r;
  };

  // The pack's text under a key, marked used; undefined when it has none.
  const hit = (emitter: string, key: string): string | undefined => {
    const pack = packOf(emitter);
    const known = pack.entries.get(key);
    if (known !== undefined) {
      pack.used.add(key);
      hits++;
    }
    return known;
  };

  // The text under a key: the pack's, else computed (and kept, or spilled to the next pack).
  const textOf = (emitter: string, key: string, compute: () => string): string => {
    const known = hit(emitter, key);
    if (known !== undefined) return known;
    const pack = packOf(emitter);
    misses++;
    const text = compute();
    pack.added = true;
    // `used` marks the entries to keep; a spilled text is in the next pack, not among them.
    if (!spill) {
      pack.used.add(key);
      pack.entries.set(key, text);
    } else if (!pack.spilled.has(key)) {
      pack.next ??= new PackWriter(packFile(emitter));
      pack.next.add(key, text);
      pack.spilled.add(key);
    }
    return text;
  };

  // The key of a type and context; undefined for a context with no canonical form (computed, not kept).
  const keyOrNone = (emitter: string, type: object, context: unknown): string | undefined => {
    try {
      return keyOf(emitter, type, context);
    } catch (e) {
      if (e instanceof NotCanonical) return undefined;
      throw e;
    }
  };

  const fragment = (emitter: string, type: object, context: unknown, compute: () => string): string => {
    const key = keyOrNone(emitter, type, context);
    return key === undefined ? compute() : textOf(emitter, key, compute);
  };

  // fragmentFrom's text and its key (none for a context with no canonical form).
  const fromDeps = <C>(
    emitter: string,
    type: object,
    deps: readonly unknown[],
    context: () => C,
    compute: (context: C) => string,
  ): { key?: string; text: string } => {
    const r = recordOf(type);
    const known = findByDeps(r.now, emitter, deps) ?? findByDeps(r.last, emitter, deps);
    const text = known && hit(emitter, known.key);
    if (known && text !== undefined) {
      if (!r.now.includes(known)) r.now.push(known);
      return { key: known.key, text };
    }
    const c = context();
    const key = keyOrNone(emitter, type, c);
    if (key === undefined) return { text: compute(c) };
    const computed = textOf(emitter, key, () => compute(c));
    r.now.push({ emitter, deps, key });
    return { key, text: computed };
  };

  // The same object for the same text, run after run (a writer compares it by identity).
  const joined = (name: string, head: string, parts: readonly string[], sep: string, tail: string): Joined => {
    const last = usedJoined.get(name) ?? joinedTexts.get(name);
    const same =
      last !== undefined &&
      last.head === head &&
      last.sep === sep &&
      last.tail === tail &&
      last.parts.length === parts.length &&
      last.parts.every((p, i) => p === parts[i]);
    const made = same ? last : Object.freeze({ head, parts: Object.freeze([...parts]), sep, tail });
    usedJoined.set(name, made);
    return made;
  };

  return {
    // A one-run store has no next run to give the same object to: its files are plain text.
    ...(spill ? {} : { joined }),
    fragment,
    fragmentFrom(emitter, type, deps, context, compute) {
      if (spill) {
        const c = context();
        return fragment(emitter, type, c, () => compute(c));
      }
      return fromDeps(emitter, type, deps, context, compute).text;
    },
    fragmentsFrom(emitter, name, types, depsOf, context, compute) {
      if (spill) {
        return types.map((t, i) => {
          const c = context(i);
          return fragment(emitter, t, c, () => compute(i, c));
        });
      }
      const last = usedBatches.get(name) ?? batches.get(name);
      const pack = packOf(emitter);
      const n = types.length;
      const now: Batch = { types, deps: new Array(n), keys: new Array(n), texts: new Array(n) };
      // Where each of the last batch's types was, looked up only once one is not where it was.
      let at: Map<object, number> | undefined;
      for (let i = 0; i < n; i++) {
        const t = types[i]!;
        const deps = depsOf(i);
        let j = -1;
        if (last) {
          if (last.types[i] === t) j = i;
          else j = (at ??= new Map(last.types.map((x, k) => [x, k]))).get(t) ?? -1;
        }
        const key = j >= 0 ? last!.keys[j] : undefined;
        // The last run used the key, so the pack still holds it: marked used, not looked up.
        if (key !== undefined && sameDeps(last!.deps[j]!, deps)) {
          pack.used.add(key);
          hits++;
          now.deps[i] = deps;
          now.keys[i] = key;
          now.texts[i] = last!.texts[j]!;
          continue;
        }
        const one = fromDeps(
          emitter,
          t,
          deps,
          () => context(i),
          (c) => compute(i, c),
        );
        now.deps[i] = deps;
        now.keys[i] = one.key;
        now.texts[i] = one.text;
      }
      usedBatches.set(name, now);
      return now.texts;
    },
    shared(name, value) {
      if (spill) return value;
      const known = usedShared.has(name) ? usedShared.get(name) : shared.get(name);
      const kept = known !== undefined && sameJson(known, value) ? (known as typeof value) : value;
      usedShared.set(name, kept);
      return kept;
    },
    derived<T>(of: object, name: string, compute: () => T): T {
      if (spill) return compute();
      let byName = derived.get(of);
      if (!byName) derived.set(of, (byName = new Map()));
      if (byName.has(name)) return byName.get(name) as T;
      const value = compute();
      byName.set(name, value);
      return value;
    },
    assembled(name, parts, assemble) {
      if (spill) return assemble(parts);
      const known = usedAssembled.get(name) ?? assembled.get(name);
      if (known && sameDeps(known.parts, parts)) {
        usedAssembled.set(name, known);
        return known.text;
      }
      const text = assemble(parts);
      usedAssembled.set(name, { parts: [...parts], text });
      return text;
    },
    flush() {
      endRun();
      save();
    },
    endRun,
    save,
    stats: () => ({ hits, misses }),
    discard() {
      for (const pack of packs.values()) pack.next?.drop();
      if (spill) packs.clear();
      for (const pack of packs.values()) pack.used = new Set();
      // A batch's keys were kept because they were used: now nothing is marked, so none is trusted.
      batches = new Map();
      usedBatches = new Map();
      hits = 0;
      misses = 0;
    },
  };
}

/** A pack's entries; an empty map when it is missing, truncated, corrupt or not a pack. */
export function readPack(file: string): Map<string, string> {
  try {
    const bytes = readFileSync(file);
    const end = bytes.indexOf(0x0a);
    const [magic, sum] = bytes.toString("latin1", 0, Math.max(end, 0)).split(" ");
    const body = bytes.subarray(end + 1);
    if (end < 0 || magic !== MAGIC || sum !== sha256(body)) return new Map();
    // "<key> <length>\n<text>" after one another, the length in bytes; each text decoded on its own
    // (a string of its own, one byte a character when it fits).
    const entries = new Map<string, string>();
    for (let at = 0; at < body.length;) {
      const line = body.indexOf(0x0a, at);
      const [key, length] = body.toString("latin1", at, Math.max(line, at)).split(" ");
      if (line < 0 || !KEY.test(key!) || !/^\d{1,9}$/.test(length ?? "")) return new Map();
      at = line + 1 + Number(length);
      if (at > body.length) return new Map();
      entries.set(key!, body.toString("utf8", line + 1, at));
    }
    return entries;
  } catch {
    return new Map();
  }
}

/** Writes a pack whole under a temporary name, then renames it into place. Failures leave no trace. */
export function writePack(file: string, entries: ReadonlyMap<string, string>): void {
  const out = new PackWriter(file);
  for (const [key, text] of entries) out.add(key, text);
  out.finish();
}

// Small enough that the pieces waiting, one pack per emitter, stay a small part of a run's memory.
const FLUSH_AT = 1 << 16;
const HEADER = (sum: string) => `${MAGIC} ${sum}\n`;

/**
 * A pack written a piece at a time under a temporary name (the body is never one string): the
 * header's checksum has a fixed width, so it is written last, in place, and the file renamed in.
 * The cache is an optimisation: any failure (a read-only or full disk) drops the pack silently.
 */
class PackWriter {
  private readonly tmp: string;
  private fd: number | undefined;
  private readonly hash: Hash = createHash("sha256");
  private chunks: string[] = [];
  private size = 0;

  constructor(private readonly file: string) {
    this.tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      this.fd = openSync(this.tmp, "w");
      writeSync(this.fd, HEADER("0".repeat(64)));
    } catch {
      this.drop();
    }
  }

  add(key: string, text: string): void {
    this.chunks.push(`${key} ${Buffer.byteLength(text, "utf8")}\n`, text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) this.write();
  }

  finish(): void {
    this.write();
    if (this.fd === undefined) return;
    try {
      writeSync(this.fd, HEADER(this.hash.digest("hex")), 0);
      closeSync(this.fd);
      this.fd = undefined;
      renameSync(this.tmp, this.file);
    } catch {
      this.drop();
    }
  }

  drop(): void {
    try {
      if (this.fd !== undefined) closeSync(this.fd);
    } catch {
      // Closing a descriptor a failed write left: nothing more to do with it.
    }
    this.fd = undefined;
    rmSync(this.tmp, { force: true });
  }

  private write(): void {
    const text = this.chunks.join("");
    this.chunks = [];
    this.size = 0;
    if (this.fd === undefined) return;
    try {
      const bytes = Buffer.from(text, "utf8");
      this.hash.update(bytes);
      for (let at = 0; at < bytes.length;) at += writeSync(this.fd, bytes, at);
    } catch {
      this.drop();
    }
  }
}
