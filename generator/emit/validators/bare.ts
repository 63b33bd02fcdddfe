// What the validators read of a type: its structure, never its attributes (descriptions, source
// locations, facts, examples). A type is handed to their code bare, every `attrs` replaced by one
// empty value, so the code cannot depend on what it does not check, and the fragment memo keys it on
// the bare type: a type whose description changed keeps its validator code.
import type { Member, NamedType, TypeNode } from "../../ir/model.js";

const NONE = Object.freeze({ facts: Object.freeze([]) }) as unknown as TypeNode["attrs"];

const member = (m: Member): Member => ({ ...m, type: bareNode(m.type), attrs: NONE });

/** `node` without attributes, here or below (a field it has is kept, bare when it is a node). */
export function bareNode(node: TypeNode): TypeNode {
  switch (node.kind) {
    case "ref":
    case "const":
    case "any":
      return { ...node, attrs: NONE };
    case "primitive": {
      const known = node.knownValues?.map((m) => ({ value: m.value, attrs: NONE }));
      return { ...node, ...(known ? { knownValues: known } : {}), attrs: NONE };
    }
    case "enum":
      return { ...node, members: node.members.map((m) => ({ value: m.value, attrs: NONE })), attrs: NONE };
    case "object": {
      const out = { ...node, members: node.members.map(member), attrs: NONE };
      if (typeof node.additional === "object") out.additional = bareNode(node.additional);
      if (node.patternProperties)
        out.patternProperties = node.patternProperties.map((p) => ({ ...p, type: bareNode(p.type) }));
      if (node.propertyNames) out.propertyNames = bareNode(node.propertyNames);
      return out;
    }
    case "map":
      return {
        ...node,
        values: bareNode(node.values),
        ...(node.keys ? { keys: bareNode(node.keys) } : {}),
        attrs: NONE,
      };
    case "array":
    case "set":
      return {
        ...node,
        items: bareNode(node.items),
        ...(node.contains ? { contains: bareNode(node.contains) } : {}),
        attrs: NONE,
      };
    case "tuple":
      return { ...node, elements: node.elements.map(member), attrs: NONE };
    case "choice":
      return { ...node, options: node.options.map((o) => ({ ...o, type: bareNode(o.type) })), attrs: NONE };
    case "union":
      return { ...node, options: node.options.map(bareNode), attrs: NONE };
    case "composition": {
      const [allOf, anyOf, oneOf] = [node.allOf, node.anyOf, node.oneOf].map((ns) => ns.map(bareNode));
      const out = { ...node, allOf: allOf!, anyOf: anyOf!, oneOf: oneOf!, attrs: NONE };
      for (const k of ["base", "not", "if", "then", "else"] as const) {
        const n = node[k];
        if (n) out[k] = bareNode(n);
      }
      return out;
    }
    default:
      return node satisfies never;
  }
}

/** `t` without attributes (bareNode), its name and other fields kept. */
export const bareType = (t: NamedType): NamedType => ({ ...t, node: bareNode(t.node), attrs: NONE });
