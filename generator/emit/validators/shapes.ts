// Compact shape descriptors for drift and strict mode (see driftIssues in runtime.js).
import type { Model, TypeNode } from "../../ir/model.js";

export type Descriptor = string | 0 | { o: Record<string, Descriptor>; x?: 1 } | { a: Descriptor } | { m: Descriptor } | { e: string[] };

function descriptor(node: TypeNode): Descriptor {
  switch (node.kind) {
    case "ref":
      return node.name;
    case "enum":
      return node.open ? { e: node.members.map((m) => String(m.value)).sort() } : 0;
    case "primitive":
      return node.knownValues?.length ? { e: node.knownValues.map((m) => String(m.value)).sort() } : 0;
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
    case "composition":
      return node.base ? descriptor(node.base) : 0;
    default:
      return 0;
  }
}

const wrapIfUseful = (d: { a: Descriptor } | { m: Descriptor }): Descriptor => (Object.values(d)[0] === 0 ? 0 : d);

/** Open enums, known values and unknown members: drift by default, errors in strict mode. */
export function shapesOf(model: Model): Record<string, Descriptor> {
  const out: Record<string, Descriptor> = {};
  for (const t of model.types) {
    const d = descriptor(t.node);
    // Strict mode rejects undeclared members even where the schema tolerates them.
    out[t.name] = typeof d === "object" && "o" in d ? { o: d.o } : d;
  }
  return out;
}
