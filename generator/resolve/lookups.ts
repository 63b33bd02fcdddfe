// What resolving one named type reads of the rest of the corpus: the identifiers its references name.
// Every such read goes through lookup(), so a run can record them, and a later run can reuse the type
// when its document is unchanged and each of its reads gives the same answer (reuse.ts).
import type { ParsedJson } from "../load/parse-json.js";
import type { SymbolTable } from "./symbols.js";

/**
 * "local": a definition path of the document ("A/B"); "component": a document root by name; "root":
 * the document's root (`#`); "copyOf": the one document root whose canonical body is the key.
 */
export type LookupKind = "local" | "component" | "root" | "copyOf";

/** One read and its answer. */
export type Read = [kind: LookupKind, key: string, name: string | undefined];

/** The identifier a lookup from `doc` gives, if any. */
export function lookup(
  symbols: SymbolTable,
  canonicalRoots: ReadonlyMap<string, string[]>,
  doc: ParsedJson,
  kind: LookupKind,
  key: string,
): string | undefined {
  switch (kind) {
    case "local":
      return symbols.byDocPath.get(doc)?.get(key)?.name;
    case "component":
      return symbols.byComponentName.get(key)?.name;
    case "root":
      return [...(symbols.byDocPath.get(doc)?.values() ?? [])].find((e) => e.pointer === "")?.name;
    case "copyOf": {
      const names = canonicalRoots.get(key);
      return names && names.length === 1 ? symbols.byComponentName.get(names[0]!)?.name : undefined;
    }
  }
}
