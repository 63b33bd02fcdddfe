// Stage 2, resolve: names, references and schemas become the IR.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Member, Model, NamedType, TypeNode } from "../ir/model.js";
import { referencedNames } from "../ir/walk.js";
import type { Corpus } from "../load/read-corpus.js";
import { canonicalBody } from "./canonical.js";
import { annotations, fact, SOURCE, type Context } from "./context.js";
import { collectSymbols, decodePath, has, isObject, type SymbolEntry } from "./symbols.js";
import { transform } from "./transform/index.js";

export function resolve(corpus: Corpus): Model {
  const diagnostics: Diagnostic[] = [];
  const symbols = collectSymbols(corpus.documents, diagnostics);

  const canonicalRoots = new Map<string, string[]>();
  for (const [name, e] of symbols.byComponentName) {
    if (e.errorShape || !isObject(e.doc.value)) continue;
    const key = canonicalBody(e.doc.value);
    canonicalRoots.set(key, [...(canonicalRoots.get(key) ?? []), name]);
  }

  const missing: Context["missing"] = [];
  const types: NamedType[] = symbols.entries.map((entry) => {
    const ctx: Context = {
      doc: entry.doc,
      symbols,
      diagnostics,
      owner: entry.name,
      missing,
      canonicalRoots,
      uses: usesOf(entry.doc.value),
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
      node: { ...node, attrs: { ...node.attrs, doc: undefined } } as TypeNode,
      attrs: { ...attrs, facts: [...attrs.facts, ...node.attrs.facts] },
    } satisfies NamedType;
  });
  applyExtends(symbols, types, diagnostics);
  types.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const t of types) if (t.node.attrs.doc === undefined) delete t.node.attrs.doc;

  const model: Model = { name: corpus.name, types, diagnostics };
  reportMissing(model, missing);
  reportAliasCycles(model);
  return model;
}

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
      const target = typeof ref === "string" && ref.startsWith("#/definitions/") ? symbols.byDocPath.get(e.doc)?.get(decodePath(ref.slice(14))) : undefined;
      if (!target) diagnostics.push(diagnostic("SCHEMA_EXTENDS_INVALID", { refPath: JSON.stringify(ref), reason: "no such definition" }, at));
      else if (target.name === e.name) diagnostics.push(diagnostic("SCHEMA_EXTENDS_INVALID", { refPath: JSON.stringify(ref), reason: "a type cannot extend itself" }, at));
      else names.push(target.name);
    });
    if (names.length > 0) {
      t.extends = names;
      bases.set(t.name, names);
    }
  }
  const done = new Map<string, Member[]>();
  const flatten = (name: string, stack: string[]): Member[] => {
    const t = byName.get(name)!;
    const own = t.node.kind === "object" ? t.node.members : [];
    if (done.has(name)) return done.get(name)!;
    if (stack.includes(name)) {
      diagnostics.push(diagnostic("SCHEMA_EXTENDS_INVALID", { refPath: name, reason: `cycle: ${[...stack, name].join(" → ")}` }, t.attrs.at));
      return own;
    }
    const merged: Member[] = [];
    for (const b of bases.get(name) ?? []) {
      for (const m of flatten(b, [...stack, name])) {
        if (merged.some((x) => x.name === m.name)) continue;
        // One "inherited" fact names the type that declares the member, however deep the chain.
        const inherited = m.attrs.facts.some((f) => f.about === "member" && f.claim?.startsWith("inherited from "));
        merged.push(inherited ? m : { ...m, attrs: { ...m.attrs, facts: [...m.attrs.facts, { about: "member", source: SOURCE, claim: `inherited from ${b}` }] } });
      }
    }
    const result = [...merged.filter((m) => !own.some((o) => o.name === m.name)), ...own];
    done.set(name, result);
    return result;
  };
  for (const name of bases.keys()) {
    const t = byName.get(name)!;
    if (t.node.kind === "choice") continue; // an inline choice names its abstract base with $extends
    if (t.node.kind !== "object") {
      diagnostics.push(diagnostic("SCHEMA_EXTENDS_INVALID", { refPath: name, reason: "only object types can extend" }, t.attrs.at));
      continue;
    }
    t.node.members = flatten(name, []);
  }
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
        attrs: { doc: "The error message.", facts: [{ about: "member", source: SOURCE, claim: "dialect rule: error shapes carry an optional message" }] },
      },
    ],
    additional: true,
    attrs: { facts: [f] },
  };
}

/** A missing reference names the chain that reached it, from a root type. */
function reportMissing(model: Model, missing: Context["missing"]): void {
  const parents = new Map<string, string>();
  const roots = model.types.filter((t) => t.root).map((t) => t.name);
  const queue = [...roots];
  const seen = new Set(roots);
  const index = new Map(model.types.map((t) => [t.name, t]));
  while (queue.length > 0) {
    const n = queue.shift()!;
    for (const r of referencedNames(index.get(n)!.node)) {
      if (seen.has(r) || !index.has(r)) continue;
      seen.add(r);
      parents.set(r, n);
      queue.push(r);
    }
  }
  for (const m of missing) {
    const chain = [m.owner];
    while (parents.has(chain[0]!)) chain.unshift(parents.get(chain[0]!)!);
    model.diagnostics.push(diagnostic("SCHEMA_REF_NOT_FOUND", { refPath: m.ref, chain: ` (reached by ${chain.join(" → ")} → ${m.ref})` }, m.at));
  }
}

/** A type that is only an alias of itself (directly or through other aliases) has no meaning. */
function reportAliasCycles(model: Model): void {
  const index = new Map(model.types.map((t) => [t.name, t]));
  for (const t of model.types) {
    const chain = [t.name];
    let node = t.node;
    while (node.kind === "ref") {
      if (node.name === t.name) {
        model.diagnostics.push(diagnostic("SCHEMA_REF_CIRCULAR", { chain: [...chain, t.name].join(" → ") }, t.attrs.at));
        break;
      }
      if (chain.includes(node.name)) break; // reported from that type
      chain.push(node.name);
      const next = index.get(node.name);
      if (!next) break;
      node = next.node;
    }
  }
}
