// Short words for a type node, used as the old and new facts of a change ("array of AttributeType").
import type { NamedType, TypeNode } from "../ir/model.js";

/** Identifier → source name, so facts name types the way the reconciliation report does. */
export type Names = (identifier: string) => string;

export function describe(node: TypeNode, names: Names, depth = 0): string {
  const inner = (n: TypeNode) => (depth >= 2 ? n.kind : describe(n, names, depth + 1));
  switch (node.kind) {
    case "ref":
      return names(node.name);
    case "primitive":
      return node.encoding === "epoch-seconds" ? `${node.primitive} (epoch seconds)` : node.primitive;
    case "enum": {
      const n = node.members.length;
      return `enum of ${n} ${node.base} value${n === 1 ? "" : "s"}${node.open ? " (open)" : ""}`;
    }
    case "const":
      return `const ${JSON.stringify(node.value)}`;
    case "object":
      return `object with ${node.members.length} member${node.members.length === 1 ? "" : "s"}`;
    case "map":
      return `map of ${inner(node.values)}`;
    case "array":
    case "set":
      return `${node.kind} of ${inner(node.items)}`;
    case "tuple":
      return `tuple of ${node.elements.length}`;
    case "choice":
      return `choice of ${node.options.map((o) => o.name).join(", ")}`;
    case "union":
      return `union of ${node.options.map(inner).join(" | ")}`;
    case "composition":
      return "composition";
    case "any":
      return "any";
  }
}

/** A node as canonical JSON without attributes, references by source name: equal text, equal shape. */
export function signature(node: TypeNode, names: Names): string {
  return JSON.stringify(node, (key, value: unknown) => {
    if (key === "attrs") return undefined;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = v[k];
      if (v["kind"] === "ref" && typeof v["name"] === "string") out["name"] = names(v["name"]);
      return out;
    }
    return value;
  });
}

export function namesOf(types: readonly NamedType[]): Names {
  const map = new Map(types.map((t) => [t.name, t.sourceName]));
  return (id) => map.get(id) ?? id;
}
