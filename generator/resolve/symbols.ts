// Finds every named type a corpus declares (document roots, definitions, namespaces) and
// gives each a unique identifier, before any schema is transformed.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { JsonValue, ParsedJson } from "../load/parse-json.js";
import { escapePointerToken } from "../load/parse-json.js";
import { typeIdentifier } from "../ir/names.js";
import { posix } from "node:path";

export type JsonObject = { [key: string]: JsonValue };

export const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
export const has = (o: JsonObject, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export interface SymbolEntry {
  doc: ParsedJson;
  /** Pointer of the schema inside its document ("" for a document root). */
  pointer: string;
  /** Namespace path plus name, e.g. ["Common", "Address"]; a document root is [name]. */
  path: string[];
  schema: JsonObject;
  /** Declared as the document's root (root `type`, or the target of `$root`). */
  root: boolean;
  /** A document without `type` read as an error shape (OpenAPI-derived dialect). */
  errorShape: boolean;
  /** The identifier chosen for it. */
  name: string;
}

export interface SymbolTable {
  entries: SymbolEntry[];
  /** `#/components/schemas/<name>` targets: document root names across the corpus. */
  byComponentName: Map<string, SymbolEntry>;
  /** Per document: definition path "A/B" (and "" for the root) to entry. */
  byDocPath: Map<ParsedJson, Map<string, SymbolEntry>>;
  /** The corpus uses the OpenAPI-derived dialect (`#/components/schemas/` references). */
  componentsDialect: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A symbol as its identifier depends on it: its path, file and pointer (in the corpus's order). */
export type NamedAt = Pick<SymbolEntry, "path" | "pointer"> & { file: string };

/**
 * What watch mode keeps between runs (cache/build-memo.ts): the identifiers given to a list of symbols,
 * a function of their paths, files and pointers in order. `assign` gives them and whether to keep them
 * (not when it reported a problem: its location is the document's, which the list does not hold).
 */
export type NamesMemo = (at: readonly NamedAt[], assign: () => { names: string[]; keep: boolean }) => string[];

export function collectSymbols(documents: ParsedJson[], diagnostics: Diagnostic[], names?: NamesMemo): SymbolTable {
  const componentsDialect = documents.some((d) => mentionsComponents(d.value));
  const entries: SymbolEntry[] = [];
  const byDocPath = new Map<ParsedJson, Map<string, SymbolEntry>>();

  for (const doc of documents) {
    const root = doc.value;
    const local = new Map<string, SymbolEntry>();
    byDocPath.set(doc, local);
    if (!isObject(root)) {
      const actual = Array.isArray(root) ? "an array" : root === null ? "null" : `a ${typeof root}`;
      diagnostics.push(diagnostic("SCHEMA_INVALID_TYPE", { actual }, doc.locate("")));
      continue;
    }
    const docName = typeof root["name"] === "string" ? root["name"] : undefined;
    const add = (e: Omit<SymbolEntry, "name">): void => {
      const entry = { ...e, name: "" };
      entries.push(entry);
      local.set(e.path.join("/"), entry);
    };

    if (has(root, "definitions")) collectDefinitions(doc, root["definitions"], "/definitions", [], add, diagnostics);

    if (has(root, "type")) {
      if (!docName) diagnostics.push(diagnostic("SCHEMA_NAME_MISSING", {}, doc.locate("")));
      else add({ doc, pointer: "", path: [docName], schema: root, root: true, errorShape: false });
    } else if (has(root, "$root")) {
      const target = root["$root"];
      const prefix = "#/definitions/";
      const entry =
        typeof target === "string" && target.startsWith(prefix)
          ? local.get(decodePath(target.slice(prefix.length)))
          : undefined;
      if (entry) entry.root = true;
      else
        diagnostics.push(
          diagnostic("SCHEMA_REF_NOT_FOUND", { refPath: String(target), chain: "" }, doc.locate("/$root")),
        );
    } else if (!has(root, "definitions")) {
      if (componentsDialect && docName && !has(root, "properties")) {
        add({ doc, pointer: "", path: [docName], schema: root, root: true, errorShape: true });
        diagnostics.push(diagnostic("SCHEMA_TYPELESS_ERROR_SHAPE", {}, doc.locate("")));
      } else {
        diagnostics.push(diagnostic("SCHEMA_ROOT_MISSING_TYPE", {}, doc.locate("")));
      }
    }
  }

  resolveImports(documents, byDocPath, diagnostics);
  const assign = () => {
    const before = diagnostics.length;
    return { names: assignNames(entries, diagnostics), keep: diagnostics.length === before };
  };
  const given = names ? names(entries.map(namedAt), assign) : assign().names;
  for (let i = 0; i < entries.length; i++) entries[i]!.name = given[i]!;

  const byComponentName = new Map<string, SymbolEntry>();
  for (const e of entries) if (e.pointer === "") byComponentName.set(e.path[0]!, e);
  return { entries, byComponentName, byDocPath, componentsDialect };
}

function collectDefinitions(
  doc: ParsedJson,
  value: JsonValue | undefined,
  pointer: string,
  path: string[],
  add: (e: Omit<SymbolEntry, "name">) => void,
  diagnostics: Diagnostic[],
): void {
  if (!isObject(value)) {
    diagnostics.push(diagnostic("SCHEMA_PROPERTIES_NOT_OBJECT", {}, doc.locate(pointer)));
    return;
  }
  for (const key of Object.keys(value).sort()) {
    if (key === "$import" || key === "$importdefs") continue; // see resolveImports
    const child = value[key];
    const childPointer = `${pointer}/${escapePointerToken(key)}`;
    if (!isObject(child)) {
      diagnostics.push(
        diagnostic("SCHEMA_INVALID_TYPE", { actual: JSON.stringify(child) ?? "undefined" }, doc.locate(childPointer)),
      );
      continue;
    }
    if (!NAME.test(key))
      diagnostics.push(
        diagnostic(
          "SCHEMA_NAME_INVALID",
          { keyword: "definition", name: JSON.stringify(key) },
          doc.locate(childPointer),
        ),
      );
    // An object under definitions without `type` is a namespace (JSON Structure core).
    if (has(child, "type"))
      add({ doc, pointer: childPointer, path: [...path, key], schema: child, root: false, errorShape: false });
    else collectDefinitions(doc, child, childPointer, [...path, key], add, diagnostics);
  }
}

/**
 * `$import` / `$importdefs` (at the root or in a namespace) make another document's types
 * visible under that namespace. The target is a corpus file, by relative path or by `$id`;
 * its types are aliased, not copied, and a local definition of the same name shadows them.
 */
function resolveImports(
  documents: ParsedJson[],
  byDocPath: Map<ParsedJson, Map<string, SymbolEntry>>,
  diagnostics: Diagnostic[],
): void {
  const byFile = new Map(documents.map((d) => [d.file, d]));
  const byId = new Map(
    documents
      .filter((d) => isObject(d.value) && typeof d.value["$id"] === "string")
      .map((d) => [(d.value as JsonObject)["$id"] as string, d]),
  );
  const find = (from: ParsedJson, uri: string): ParsedJson | undefined =>
    byId.get(uri) ?? byFile.get(posix.normalize(posix.join(posix.dirname(from.file), uri)));
  const visit = (
    doc: ParsedJson,
    ns: JsonValue | undefined,
    pointer: string,
    nsPath: string[],
    seen: Set<ParsedJson>,
  ): void => {
    if (!isObject(ns)) return;
    for (const keyword of ["$import", "$importdefs"] as const) {
      if (!has(ns, keyword)) continue;
      const uri = ns[keyword];
      const target = typeof uri === "string" ? find(doc, uri) : undefined;
      if (!target || target === doc) {
        diagnostics.push(
          diagnostic(
            "SCHEMA_IMPORT_NOT_FOUND",
            { keyword, uri: JSON.stringify(uri) },
            doc.locate(`${pointer}/${escapePointerToken(keyword)}`),
          ),
        );
        continue;
      }
      if (!seen.has(target)) visit(target, target.value, "", [], new Set([...seen, target])); // the target's own imports first
      const local = byDocPath.get(doc)!;
      for (const [path, entry] of byDocPath.get(target) ?? []) {
        if (keyword === "$importdefs" && entry.pointer === "") continue;
        const alias = [...nsPath, path].filter((x) => x !== "").join("/");
        if (!local.has(alias)) local.set(alias, entry);
      }
    }
    if (pointer === "" && isObject(ns["definitions"])) visit(doc, ns["definitions"], "/definitions", [], seen);
    else if (pointer !== "") {
      for (const key of Object.keys(ns)) {
        const v = ns[key];
        if (!key.startsWith("$") && isObject(v) && !has(v, "type"))
          visit(doc, v, `${pointer}/${escapePointerToken(key)}`, [...nsPath, key], seen);
      }
    }
  };
  for (const doc of documents) visit(doc, doc.value, "", [], new Set([doc]));
}

const namedAt = (e: SymbolEntry): NamedAt => ({ path: e.path, pointer: e.pointer, file: e.doc.file });

/** Identifiers, in the entries' order: the last path segment when unique, else the namespace-qualified name. */
function assignNames(entries: SymbolEntry[], diagnostics: Diagnostic[]): string[] {
  const keyed = entries.map((e) => ({ e, k: key(e) })); // each key built once, not per comparison
  const sorted = keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.e);
  const wanted = new Map<string, SymbolEntry[]>();
  for (const e of sorted) {
    const base = e.path[e.path.length - 1]!;
    const group = wanted.get(base);
    if (group) group.push(e);
    else wanted.set(base, [e]);
  }
  const plan: { e: SymbolEntry; wantedName: string; qualified: boolean }[] = [];
  for (const [base, group] of wanted) {
    const roots = group.filter((e) => e.pointer === "");
    if (roots.length > 1) {
      for (const dup of roots.slice(1)) {
        diagnostics.push(
          diagnostic(
            "SCHEMA_NAME_DUPLICATE",
            { name: JSON.stringify(base), other: roots[0]!.doc.file },
            dup.doc.locate("/name"),
          ),
        );
      }
    }
    for (const e of group) {
      if (e.pointer === "" && !NAME.test(base)) {
        diagnostics.push(
          diagnostic("SCHEMA_NAME_INVALID", { keyword: "name", name: JSON.stringify(base) }, e.doc.locate("/name")),
        );
      }
      const qualified = !(group.length === 1 || e.pointer === "");
      plan.push({ e, wantedName: qualified ? e.path.join("_") : base, qualified });
    }
  }
  // Names as declared first: a generated qualified name (Shop_Address) must never displace a
  // type that is itself declared with that name.
  const taken = new Set<string>();
  const next = new Map<string, number>();
  const names = new Map<SymbolEntry, string>();
  for (const p of [...plan.filter((x) => !x.qualified), ...plan.filter((x) => x.qualified)]) {
    const name = typeIdentifier(p.wantedName, taken, next);
    names.set(p.e, name);
    taken.add(name);
  }
  return entries.map((e) => names.get(e)!);
}

const key = (e: SymbolEntry) => `${e.path.join("/")}\u0000${e.doc.file}\u0000${e.pointer}`;

const decodePath = (p: string) =>
  p
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .join("/");

function mentionsComponents(v: JsonValue): boolean {
  if (Array.isArray(v)) return v.some(mentionsComponents);
  if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (k === "$ref" && typeof x === "string" && x.startsWith("#/components/schemas/")) return true;
      if (mentionsComponents(x)) return true;
    }
  }
  return false;
}

export { decodePath };
