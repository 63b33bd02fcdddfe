// Stage 2, resolve: names, references and schemas become the IR.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Member, Model, NamedType, TypeNode } from "../ir/model.js";
import { referencedNames } from "../ir/walk.js";
import type { ParsedJson } from "../load/parse-json.js";
import type { Corpus } from "../load/read-corpus.js";
import { canonical, canonicalBody } from "./canonical.js";
import { lookup, type LookupKind, type Read } from "./lookups.js";
import { copyOf, NotPlain, reusable, type ResolvedEntry } from "./reuse.js";
import { annotations, fact, SOURCE, type Context } from "./context.js";
import {
  collectSymbols,
  decodePath,
  has,
  isObject,
  type JsonObject,
  type NamesMemo,
  type SymbolEntry,
} from "./symbols.js";
import { transform } from "./transform/index.js";

/** What watch mode keeps between runs (cache/build-memo.ts). */
export interface ResolveMemo {
  /** The canonical text of a parsed value (unchanged files parse to the same objects). */
  canonical(value: object, kind: "body" | "value", compute: () => string): string;
  /** The type an earlier run resolved at `pointer` of `doc` (reuse.ts decides whether it still holds). */
  entry?(doc: ParsedJson, pointer: string): ResolvedEntry | undefined;
  keep?(doc: ParsedJson, pointer: string, resolved: ResolvedEntry): void;
  /**
   * What the model gets for a kept entry's type: `copy()` (later steps rewrite types in place), or an
   * object equal to it that the memo knows no later step changes (frozen, so a change would throw).
   */
  handOut?(resolved: ResolvedEntry, copy: () => NamedType): NamedType;
  /** Every kept type is handed out as a copy from now on (a step tried to rewrite a shared one); false if none was. */
  unshare?(): boolean;
  /** The identifiers given to the same symbols before (symbols.ts). */
  names?: NamesMemo;
}

export function resolve(corpus: Corpus, memo?: ResolveMemo): Model {
  const diagnostics: Diagnostic[] = [];
  const symbols = collectSymbols(corpus.documents, diagnostics, memo?.names);
  const body = (v: JsonObject) => (memo ? memo.canonical(v, "body", () => canonicalBody(v)) : canonicalBody(v));
  const canonicalOf = (v: JsonObject) => (memo ? memo.canonical(v, "value", () => canonical(v)) : canonical(v));

  const canonicalRoots = new Map<string, string[]>();
  for (const [name, e] of symbols.byComponentName) {
    if (e.errorShape || !isObject(e.doc.value)) continue;
    const key = body(e.doc.value);
    const same = canonicalRoots.get(key);
    if (same) same.push(name);
    else canonicalRoots.set(key, [name]);
  }

  const missing: Context["missing"] = [];
  const dialect = symbols.componentsDialect;
  const resolveEntry = (entry: SymbolEntry, reads?: Read[]): NamedType => {
    const ctx: Context = {
      doc: entry.doc,
      componentsDialect: dialect,
      lookup: (kind, key) => {
        const name = lookup(symbols, canonicalRoots, entry.doc, kind, key);
        reads?.push([kind, key, name]);
        return name;
      },
      diagnostics,
      owner: entry.name,
      missing,
      uses: usesOf(entry.doc.value),
      canonical: canonicalOf,
      transform: (schema, pointer) => transform(ctx, schema, pointer),
    };
    const node = entry.errorShape ? errorShape(ctx, entry) : transform(ctx, entry.schema, entry.pointer);
    const attrs = annotations(ctx, entry.schema, entry.pointer);
    attrs.facts.push(fact(ctx, "name", entry.pointer, entry.path.join("/")));
    return {
      name: entry.name,
      sourceName: entry.path.join("/"),
      role: entry.errorShape ? "error" : "shape",
      root: entry.root,
      // A type's description is on the type, not on its node.
      node: { ...node, attrs: withoutDoc(node.attrs) } as TypeNode,
      attrs: { ...attrs, facts: [...attrs.facts, ...node.attrs.facts] },
    } satisfies NamedType;
  };
  // The memo keeps the type as resolved (private: nothing else holds it) and the model gets a copy.
  const handOut = (kept: ResolvedEntry): NamedType => {
    const copy = () => copyOf(kept.type);
    return memo?.handOut ? memo.handOut(kept, copy) : copy();
  };
  const types: NamedType[] = symbols.entries.map((entry) => {
    if (!memo?.entry || !memo.keep) return resolveEntry(entry);
    const known = memo.entry(entry.doc, entry.pointer);
    const ask = (kind: LookupKind, key: string) => lookup(symbols, canonicalRoots, entry.doc, kind, key);
    if (known && reusable(known, entry, dialect, ask)) {
      diagnostics.push(...known.diagnostics);
      missing.push(...known.missing);
      return handOut(known);
    }
    const reads: Read[] = [];
    const [d, m] = [diagnostics.length, missing.length];
    const t = resolveEntry(entry, reads);
    let out: NamedType;
    try {
      const path = entry.path.join("/");
      const { name, root, errorShape } = entry;
      const [diags, missed] = [diagnostics.slice(d), missing.slice(m)];
      const kept = { name, path, root, errorShape, componentsDialect: dialect, reads, type: t };
      const entryKept: ResolvedEntry = { ...kept, diagnostics: diags, missing: missed };
      out = handOut(entryKept);
      memo.keep(entry.doc, entry.pointer, entryKept);
    } catch (e) {
      if (!(e instanceof NotPlain)) throw e;
      return t;
    }
    return out;
  });
  applyExtends(symbols, types, diagnostics);
  types.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const model: Model = { name: corpus.name, types, diagnostics };
  reportMissing(model, missing);
  reportAliasCycles(model);
  return model;
}

/**
 * Deeper than this, `$extends` is refused: every level copies all inherited members into the
 * derived type, so a chain n types long makes n²/2 members (5,000 took 39 s; 12,000 overflowed).
 */
export const MAX_EXTENDS_DEPTH = 100;

/**
 * `$extends` (one pointer or several) and `abstract`: a derived object gets its bases' members
 * first (the first base wins a clash), then its own, which override.
 */
function applyExtends(symbols: ReturnType<typeof collectSymbols>, types: NamedType[], diagnostics: Diagnostic[]): void {
  const byName = new Map(types.map((t) => [t.name, t]));
  const bases = new Map<string, string[]>();
  for (const e of symbols.entries) {
    const t = byName.get(e.name);
    if (!t) continue;
    if (e.schema["abstract"] === true) t.abstract = true;
    if (!has(e.schema, "$extends")) continue;
    const raw = e.schema["$extends"];
    const list = Array.isArray(raw) ? raw : [raw];
    const names: string[] = [];
    list.forEach((ref, i) => {
      const at = e.doc.locate(`${e.pointer}/$extends${Array.isArray(raw) ? `/${i}` : ""}`);
      const target =
        typeof ref === "string" && ref.startsWith("#/definitions/")
          ? symbols.byDocPath.get(e.doc)?.get(decodePath(ref.slice(14)))
          : undefined;
      if (!target)
        diagnostics.push(
          diagnostic("SCHEMA_EXTENDS_INVALID", { refPath: JSON.stringify(ref), reason: "no such definition" }, at),
        );
      else if (target.name === e.name)
        diagnostics.push(
          diagnostic(
            "SCHEMA_EXTENDS_INVALID",
            { refPath: JSON.stringify(ref), reason: "a type cannot extend itself" },
            at,
          ),
        );
      else names.push(target.name);
    });
    if (names.length > 0) {
      t.extends = names;
      bases.set(t.name, names);
    }
  }
  // Per type: its members with the inherited ones, and how many types its longest chain holds
  // (0 when refused as too deep: types above it are refused silently, the error is reported once).
  const done = new Map<string, { members: Member[]; depth: number }>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const tooDeep = (name: string, at: NamedType["attrs"]["at"]) => {
    const chain = [name]; // the chain through each first base, enough of it to show
    const first = (n: string) => bases.get(n)?.[0];
    for (let b = first(name); b !== undefined && chain.length <= MAX_EXTENDS_DEPTH; b = first(b)) chain.push(b);
    const text = chainText(chain.length, (i) => chain[i]!);
    diagnostics.push(diagnostic("SCHEMA_EXTENDS_TOO_DEEP", { maxDepth: MAX_EXTENDS_DEPTH, chain: text }, at));
    const refused = { members: [], depth: 0 };
    done.set(name, refused);
    return refused;
  };
  const flatten = (name: string): { members: Member[]; depth: number } => {
    const t = byName.get(name)!;
    const own = t.node.kind === "object" ? t.node.members : [];
    const cached = done.get(name);
    if (cached) return cached;
    if (onStack.has(name)) {
      const cycle = [...stack, name];
      const reason = `cycle: ${chainText(cycle.length, (i) => cycle[i]!)}`;
      diagnostics.push(diagnostic("SCHEMA_EXTENDS_INVALID", { refPath: name, reason }, t.attrs.at));
      return { members: own, depth: 1 };
    }
    // The recursion stops at the limit, so a chain of any length cannot overflow the stack.
    if (stack.length >= MAX_EXTENDS_DEPTH) return tooDeep(name, t.attrs.at);
    stack.push(name);
    onStack.add(name);
    const inheritedFrom = (bases.get(name) ?? []).map((b) => ({ b, r: flatten(b) }));
    stack.pop();
    onStack.delete(name);
    if (inheritedFrom.some(({ r }) => r.depth === 0)) {
      const refused = { members: own, depth: 0 };
      done.set(name, refused);
      return refused;
    }
    const depth = 1 + Math.max(0, ...inheritedFrom.map(({ r }) => r.depth));
    if (depth > MAX_EXTENDS_DEPTH) return tooDeep(name, t.attrs.at);
    const merged: Member[] = [];
    const names = new Set<string>();
    for (const { b, r } of inheritedFrom) {
      for (const m of r.members) {
        if (names.has(m.name)) continue;
        names.add(m.name);
        // One "inherited" fact names the type that declares the member, however deep the chain.
        const inherited = m.attrs.facts.some((f) => f.about === "member" && f.claim?.startsWith("inherited from "));
        merged.push(
          inherited
            ? m
            : {
                ...m,
                attrs: {
                  ...m.attrs,
                  facts: [...m.attrs.facts, { about: "member", source: SOURCE, claim: `inherited from ${b}` }],
                },
              },
        );
      }
    }
    const ownNames = new Set(own.map((o) => o.name));
    const result = { members: [...merged.filter((m) => !ownNames.has(m.name)), ...own], depth };
    done.set(name, result);
    return result;
  };
  for (const name of bases.keys()) {
    const t = byName.get(name)!;
    if (t.node.kind === "choice") continue; // an inline choice names its abstract base with $extends
    if (t.node.kind !== "object") {
      diagnostics.push(
        diagnostic("SCHEMA_EXTENDS_INVALID", { refPath: name, reason: "only object types can extend" }, t.attrs.at),
      );
      continue;
    }
    t.node.members = flatten(name).members;
  }
}

/** `attrs` without `doc` (the rest in their order). */
function withoutDoc(attrs: TypeNode["attrs"]): TypeNode["attrs"] {
  const { doc: _doc, ...rest } = attrs;
  return rest;
}

function usesOf(root: unknown): Set<string> {
  const uses = isObject(root) && Array.isArray(root["$uses"]) ? root["$uses"] : [];
  return new Set(uses.filter((u): u is string => typeof u === "string"));
}

function errorShape(ctx: Context, entry: SymbolEntry): TypeNode {
  const f = fact(ctx, "type", entry.pointer, "no type: error shape with an optional message");
  return {
    kind: "object",
    members: [
      {
        name: "message",
        type: { kind: "primitive", primitive: "string", constraints: {}, attrs: { facts: [f] } },
        required: false,
        attrs: {
          doc: "The error message.",
          facts: [{ about: "member", source: SOURCE, claim: "dialect rule: error shapes carry an optional message" }],
        },
      },
    ],
    additional: true,
    attrs: { facts: [f] },
  };
}

/** A missing reference names the chain that reached it, from a root type. */
function reportMissing(model: Model, missing: Context["missing"]): void {
  if (missing.length === 0) return;
  const parents = new Map<string, string>();
  const roots = model.types.filter((t) => t.root).map((t) => t.name);
  const queue = [...roots];
  const seen = new Set(roots);
  const index = new Map(model.types.map((t) => [t.name, t]));
  for (let head = 0; head < queue.length; head++) {
    const n = queue[head]!;
    for (const r of referencedNames(index.get(n)!.node)) {
      if (seen.has(r) || !index.has(r)) continue;
      seen.add(r);
      parents.set(r, n);
      queue.push(r);
    }
  }
  for (const m of missing) {
    // From the owner up towards its root: the nearest names, then the root, the rest counted.
    const up = [m.owner];
    let p = parents.get(m.owner);
    for (; p !== undefined && up.length < CHAIN_SHOWN; p = parents.get(p)) up.push(p);
    let root: string | undefined;
    let above = 0;
    for (; p !== undefined; p = parents.get(p), above++) root = p;
    const chain = up.reverse();
    if (root !== undefined) chain.unshift(root, ...(above > 1 ? [`… (${above - 1} more)`] : []));
    model.diagnostics.push(
      diagnostic(
        "SCHEMA_REF_NOT_FOUND",
        { refPath: m.ref, chain: ` (reached by ${chain.join(" → ")} → ${m.ref})` },
        m.at,
      ),
    );
  }
}

/** How many names a reported chain shows; a longer one keeps its ends and counts the rest. */
const CHAIN_SHOWN = 12;

/** The names `at(0)` … `at(length - 1)` joined by arrows; a long chain keeps its ends and counts the rest. */
function chainText(length: number, at: (i: number) => string): string {
  const half = CHAIN_SHOWN / 2;
  if (length <= CHAIN_SHOWN) return Array.from({ length }, (_, i) => at(i)).join(" → ");
  const ends = (from: number) => Array.from({ length: half }, (_, i) => at(from + i));
  return [...ends(0), `… (${length - CHAIN_SHOWN} more)`, ...ends(length - half)].join(" → ");
}

/**
 * A type that is only an alias of itself (directly or through other aliases) has no meaning.
 * Each alias is followed once (linear in the number of types, however long the chains); every
 * type on a cycle is reported, with the cycle read from that type.
 */
function reportAliasCycles(model: Model): void {
  const index = new Map(model.types.map((t) => [t.name, t]));
  const ON_PATH = 1;
  const DONE = 2;
  const state = new Map<string, number>();
  for (const t of model.types) {
    const path: string[] = [];
    let name: string | undefined = t.name;
    while (name !== undefined && !state.has(name)) {
      state.set(name, ON_PATH);
      path.push(name);
      const node: TypeNode | undefined = index.get(name)?.node;
      name = node?.kind === "ref" ? node.name : undefined;
    }
    if (name !== undefined && state.get(name) === ON_PATH) {
      const cycle = path.slice(path.indexOf(name));
      // Read from each member: member → … → member (the cycle rotated, its first name repeated).
      cycle.forEach((member, i) => {
        const chain = chainText(cycle.length + 1, (j) => cycle[(i + j) % cycle.length]!);
        model.diagnostics.push(diagnostic("SCHEMA_REF_CIRCULAR", { chain }, index.get(member)!.attrs.at));
      });
    }
    for (const n of path) state.set(n, DONE);
  }
}
