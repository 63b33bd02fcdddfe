// In-process memos for a long-lived run (watch mode): parsed schema files by path and content hash
// (and by their bytes' hash while the hash index knows them unchanged, so they are not read again),
// each evidence source's evidence by its settings and its files' hashes, and what the writer saw in
// the output folders (outputs.ts). Stages stay pure: they call the memo with the function that
// computes the value, and get that value or an earlier equal one. Named types come back as the last
// run's objects when their canonical JSON is unchanged, so every memo keyed by object (the fragment
// memo's type digests) hits, and so do reconciliation decisions. Canonical texts of parsed values are
// kept by the value, which the parse memo hands back unchanged (nothing changes a parsed value), and
// so are resolved types, by their document and pointer (resolve/reuse.ts says when one still holds);
// what a description says by its text. A resolved type that no later step rewrites is shared from run
// to run, frozen (typeShares). Each run keeps only the entries it used, so memory follows the inputs,
// not their history.
import type { Decision, NamedType } from "../ir/model.js";
import type { ParseMemo } from "../load/read-corpus.js";
import type { TypeMemo } from "../pipeline.js";
import type { ResolveMemo } from "../resolve/index.js";
import type { ResolvedEntry } from "../resolve/reuse.js";
import type { NamedAt, NamesMemo } from "../resolve/symbols.js";
import type { ReconcileMemo } from "../reconcile/index.js";
import type { ShapeClaim } from "../reconcile/evidence.js";
import type { ClaimNotes } from "../reconcile/context.js";
import type { ProseFacts } from "../reconcile/sources/json-structure.js";
import type { EvidenceMemo, LoadedSource } from "../reconcile/load-evidence.js";
import { evidenceKey } from "./evidence-store.js";
import { Digest, sameJson, sha256 } from "./hash.js";
import type { HashIndex } from "./hash-index.js";
import { outputMemo, type OutputMemo } from "./outputs.js";

class Generations<V> {
  private entries = new Map<string, V>();
  private used = new Map<string, V>();

  get(key: string): V | undefined {
    const v = this.used.get(key) ?? this.entries.get(key);
    if (v !== undefined) this.used.set(key, v);
    return v;
  }

  set(key: string, v: V): void {
    this.used.set(key, v);
  }

  /** Ends a run: what it did not use is forgotten. False when it used nothing. */
  prune(): boolean {
    this.entries = this.used;
    this.used = new Map();
    return this.entries.size > 0;
  }
}

export interface BuildMemos {
  parse: ParseMemo;
  reconcile: ReconcileMemo;
  evidence: EvidenceMemo;
  types: TypeMemo;
  resolve: ResolveMemo;
  output: OutputMemo;
  /** Call after each run. */
  prune(): void;
}

/** A file by its name, path and bytes' hash: NUL cannot occur in a path, so the text is one-to-one. */
const bytesKey = (file: string, at: string, sha: string) => `${file}\0${at}\0${sha}`;

export function buildMemos(index: HashIndex, now?: () => number): BuildMemos {
  const parsed = new Generations<ReturnType<Parameters<ParseMemo["parse"]>[2]>>();
  const byBytes = new Generations<ReturnType<Parameters<ParseMemo["parse"]>[2]>>();
  const evidence = new Generations<LoadedSource>();
  // By corpus, then name: no key text to build for each of a corpus's types.
  const types = new Map<string, Generations<NamedType>>();
  const decisions = new Generations<Decision>();
  const prose = new Generations<ProseFacts>();
  const output = outputMemo(now);
  const canonical = { body: new WeakMap<object, string>(), value: new WeakMap<object, string>() };
  // Resolved types by parsed document (an unchanged file's parse is the same object) and pointer.
  const shares = typeShares();
  const names = namesMemo();
  // What policies work out from a claim, kept while the claim lives (reconcile/context.ts notes).
  const notes = new WeakMap<ShapeClaim, ClaimNotes>();
  let resolved = new WeakMap<object, Map<string, ResolvedEntry>>();
  let usedResolved = new WeakMap<object, Map<string, ResolvedEntry>>();
  const keepResolved = (doc: object, pointer: string, r: ResolvedEntry) => {
    let byPointer = usedResolved.get(doc);
    if (!byPointer) usedResolved.set(doc, (byPointer = new Map()));
    byPointer.set(pointer, r);
  };
  return {
    output,
    reconcile: {
      claim: shares.claim,
      notes(claim) {
        let n = notes.get(claim);
        if (!n) notes.set(claim, (n = {}));
        return n;
      },
      prose(text, read) {
        const facts = prose.get(text) ?? read();
        prose.set(text, facts);
        return facts;
      },
    },
    resolve: {
      canonical(value, kind, compute) {
        let text = canonical[kind].get(value);
        if (text === undefined) canonical[kind].set(value, (text = compute()));
        return text;
      },
      entry(doc, pointer) {
        const r = usedResolved.get(doc)?.get(pointer) ?? resolved.get(doc)?.get(pointer);
        if (r) keepResolved(doc, pointer, r);
        return r;
      },
      keep: keepResolved,
      handOut: shares.handOut,
      unshare: shares.unshare,
      names: names.names,
    },
    types: {
      intern: (corpus, all) => {
        let byName = types.get(corpus);
        if (!byName) types.set(corpus, (byName = new Generations()));
        const out = new Array<NamedType>(all.length);
        for (let i = 0; i < all.length; i++) {
          const t = all[i]!;
          const known = byName.get(t.name);
          // A shared type is the one object for its entry: no other to compare with.
          const kept = shares.isShared(t) || known === undefined || !sameJson(known, t) ? t : known;
          shares.learn(t, kept);
          byName.set(t.name, kept);
          out[i] = kept;
        }
        return out;
      },
      // By subject, kind and how many came before with both: a decision equal to last run's is that object.
      decisions: (corpus, all) => {
        const seen = new Map<string, number>();
        return all.map((d) => {
          const at = `${d.subject}\0${d.kind}`;
          const n = seen.get(at) ?? 0;
          seen.set(at, n + 1);
          const key = `${corpus}\0${at}\0${n}`;
          const known = decisions.get(key);
          const kept = known !== undefined && sameJson(known, d) ? known : d;
          decisions.set(key, kept);
          return kept;
        });
      },
    },
    parse: {
      parse(file, text, parse, at) {
        const key = new Digest().add(file, sha256(text)).hex();
        const result = parsed.get(key) ?? parse();
        parsed.set(key, result);
        // The index knows the file's bytes by its status only while it is unchanged since it was
        // hashed, so those bytes are the ones this text was decoded from.
        const sha = at === undefined ? undefined : index.known(at, true);
        if (sha !== undefined) byBytes.set(bytesKey(file, at!, sha), result);
        return result;
      },
      unchanged(file, at) {
        // As the inputs digest just before the run saw it (watch), else looked at now.
        const sha = index.seen(at, true);
        return sha === undefined ? undefined : byBytes.get(bytesKey(file, at, sha));
      },
    },
    evidence: {
      async source(config, s, load) {
        // As the store between processes keys it; one process has one fingerprint.
        const keyOf = (): string => evidenceKey("", config, s, index);
        const key = keyOf();
        const known = evidence.get(key);
        if (known) return known;
        const loaded = await load();
        // Kept only when the files did not change while they were read: the key must name what was read.
        if (keyOf() === key) evidence.set(key, loaded);
        return loaded;
      },
    },
    prune() {
      names.prune();
      resolved = usedResolved;
      usedResolved = new WeakMap();
      parsed.prune();
      byBytes.prune();
      evidence.prune();
      // A corpus no run since the last prune built is forgotten with its types.
      for (const [corpus, byName] of types) if (!byName.prune()) types.delete(corpus);
      decisions.prune();
      prose.prune();
      output.prune();
    },
  };
}

/**
 * Resolved types that later steps leave as they are, shared between runs instead of copied. resolve
 * hands the model a copy of a kept type (reconcile rewrites types in place); once a run has ended with
 * a copy equal to the type as resolved (nothing rewrote it), later runs get that copy itself, deep-frozen.
 * A step that would rewrite one throws (a TypeError), and the pipeline then builds again with copies
 * (unshare): a frozen type is either left as it is or stops the run, so sharing never changes a result.
 * An object reached through a shared type is equal to the copy's, so every read gives the same.
 */
function typeShares() {
  // By entry: its shared type, or null once compared and found rewritten (none yet: still to compare).
  let shared = new WeakMap<ResolvedEntry, NamedType | null>();
  let sharing = false;
  // Each copy handed out, by the entry it copies (a copy holds nothing of the parsed documents, so it
  // may be frozen), and the types frozen here.
  const copiedFrom = new WeakMap<NamedType, ResolvedEntry>();
  const frozen = new WeakSet<object>();
  const claims = new WeakMap<object, ShapeClaim>();
  // The claim of an entry's type (a copy no step has rewritten has that claim).
  const entryClaims = new WeakMap<ResolvedEntry, ShapeClaim>();
  return {
    handOut(entry: ResolvedEntry, copy: () => NamedType): NamedType {
      const s = shared.get(entry);
      if (s) return s;
      const c = copy();
      copiedFrom.set(c, entry);
      return c;
    },
    isShared: (t: NamedType): boolean => frozen.has(t),
    /** After interning `t` as `kept`: a copy equal to its entry's type is shared from the next run. */
    learn(t: NamedType, kept: NamedType): void {
      // Each entry is compared once (until unshare).
      const entry = copiedFrom.get(t);
      if (!entry || shared.has(entry)) return;
      const same = copiedFrom.has(kept) && sameJson(kept, entry.type);
      shared.set(entry, same ? deepFreeze(kept, frozen) : null);
      sharing ||= same;
    },
    /** Stops sharing (a step rewrote a shared type): false when nothing was shared. */
    unshare(): boolean {
      const was = sharing;
      shared = new WeakMap();
      sharing = false;
      return was;
    },
    /**
     * A type's claim (reconcile's own evidence, read before any policy runs), computed once: for a shared
     * type, which cannot change; for a copy, its entry's, while the entry is reused. Before reconcile only
     * `$extends` rewrites a copy (resolve's applyExtends), and a type it touches has `extends` or
     * `abstract` set: such a copy's claim is computed each time.
     */
    claim(t: NamedType, compute: () => ShapeClaim): ShapeClaim {
      if (frozen.has(t)) {
        let c = claims.get(t);
        if (!c) claims.set(t, (c = freezeClaim(compute())));
        return c;
      }
      const entry = copiedFrom.get(t);
      if (!entry || t.extends !== undefined || t.abstract !== undefined) return compute();
      let c = entryClaims.get(entry);
      if (!c) entryClaims.set(entry, (c = freezeClaim(compute())));
      return c;
    },
  };
}

/**
 * The identifiers given to a list of symbols (resolve/symbols.ts), kept by that list: the same paths,
 * files and pointers in the same order get the same identifiers. One list per corpus a run resolved.
 */
function namesMemo() {
  let kept: { at: readonly NamedAt[]; names: string[] }[] = [];
  let used: typeof kept = [];
  const same = (a: readonly NamedAt[], b: readonly NamedAt[]): boolean =>
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return x.pointer === y.pointer && x.file === y.file && sameStrings(x.path, y.path);
    });
  const names: NamesMemo = (at, assign) => {
    const known = used.find((k) => same(k.at, at)) ?? kept.find((k) => same(k.at, at));
    if (known) {
      if (!used.includes(known)) used.push(known);
      return known.names;
    }
    const given = assign();
    if (given.keep) used.push({ at, names: given.names });
    return given.names;
  };
  return {
    names,
    prune() {
      kept = used;
      used = [];
    },
  };
}

const sameStrings = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function deepFreeze<T extends object>(value: T, frozen: WeakSet<object>): T {
  if (frozen.has(value)) return value;
  frozen.add(value);
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (typeof v === "object" && v !== null) deepFreeze(v, frozen);
  }
  return Object.freeze(value);
}

/** A claim shared between runs: policies only read claims, and one that wrote would throw. */
function freezeClaim(c: ShapeClaim): ShapeClaim {
  if (c.members) for (const m of Object.values(c.members)) Object.freeze(m);
  Object.freeze(c.members);
  Object.freeze(c.enum);
  return Object.freeze(c);
}
