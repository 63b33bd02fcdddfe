// Read-only helpers over the IR: children, references, reachability.
import type { Model, NamedType, TypeNode } from "./model.js";

export function children(node: TypeNode): TypeNode[] {
  switch (node.kind) {
    case "object":
      return [
        ...node.members.map((m) => m.type),
        ...(typeof node.additional === "object" ? [node.additional] : []),
        ...(node.patternProperties ?? []).map((p) => p.type),
        ...(node.propertyNames ? [node.propertyNames] : []),
      ];
    case "map":
      return [node.values, ...(node.keys ? [node.keys] : [])];
    case "array":
    case "set":
      return [node.items, ...(node.contains ? [node.contains] : [])];
    case "tuple":
      return node.elements.map((m) => m.type);
    case "choice":
      return node.options.map((o) => o.type);
    case "union":
      return node.options;
    case "composition":
      return [
        ...(node.base ? [node.base] : []),
        ...node.allOf,
        ...node.anyOf,
        ...node.oneOf,
        ...[node.not, node.if, node.then, node.else].filter((n): n is TypeNode => n !== undefined),
      ];
    default:
      return [];
  }
}

/** Names of the named types a node refers to directly, sorted, without duplicates. */
export function referencedNames(node: TypeNode): string[] {
  const out = new Set<string>();
  const visit = (n: TypeNode): void => {
    if (n.kind === "ref") out.add(n.name);
    children(n).forEach(visit);
  };
  visit(node);
  return [...out].sort();
}

export function typeIndex(model: Model): Map<string, NamedType> {
  return new Map(model.types.map((t) => [t.name, t]));
}

/** Every named type reachable from `start` (included), sorted by name. */
export function reachable(model: Model, start: string): string[] {
  const index = typeIndex(model);
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    const t = index.get(name);
    if (!t) continue;
    seen.add(name);
    stack.push(...referencedNames(t.node));
  }
  return [...seen].sort();
}

/** Names of the types that refer to `name`. */
export function referrers(model: Model, name: string): string[] {
  return model.types.filter((t) => referencedNames(t.node).includes(name)).map((t) => t.name);
}
