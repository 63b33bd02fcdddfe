// Compact shape descriptors for strict mode (see strictIssues in runtime.js).
import type { Model, TypeNode } from "../../ir/model.js";

export type Descriptor = string | 0 | { o: Record<string, Descriptor>; x?: 1 } | { a: Descriptor } | { m: Descriptor };

function descriptor(node: TypeNode): Descriptor {
  switch (node.kind) {
    case "ref":
      return node.name;
    case "array":
    case "set":
      return wrapIfUseful({ a: descriptor(node.items) });
    case "map":
      return wrapIfUseful({ m: descriptor(node.values) });
    case "object": {
      const o: Record<string, Descriptor> = {};
      for (const m of node.members) Object.defineProperty(o, m.name, { value: descriptor(m.type), enumerable: true, writable: true, configurable: true });
      return node.additional === false ? { o } : { o, x: 1 };
    }
    default:
      return 0;
  }
}

const wrapIfUseful = (d: { a: Descriptor } | { m: Descriptor }): Descriptor => (Object.values(d)[0] === 0 ? 0 : d);

/** Objects in the wire view accept unknown members by default; strict mode checks them here. */
export function shapesOf(model: Model): Record<string, Descriptor> {
  const out: Record<string, Descriptor> = {};
  for (const t of model.types) {
    const d = descriptor(t.node);
    // Strict mode rejects undeclared members even where the schema tolerates them.
    out[t.name] = typeof d === "object" && "o" in d ? { o: d.o } : d;
  }
  return out;
}
