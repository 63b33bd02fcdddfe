// Which side uses a type, from the authority model's operations: an operation's input is written
// by callers, its output and errors are read. A type reached from both is both; the direction of
// a type is the union over every operation that reaches it (in either version being compared).
import type { Model } from "../ir/model.js";
import { referencedNames } from "../ir/walk.js";
import type { Direction } from "./change.js";

export interface Directions {
  /** The model lists operations: a type they do not reach is used by nobody known. */
  known: boolean;
  operations: number;
  /** Source names of the types reached from an output or error, and from an input. */
  read: Set<string>;
  write: Set<string>;
}

export function directions(model: Model): Directions {
  const ops = model.reconciliation?.operations ?? [];
  const bySource = new Map(model.types.map((t) => [t.sourceName, t]));
  const byName = new Map(model.types.map((t) => [t.name, t]));
  const reach = (roots: (string | undefined)[]): Set<string> => {
    const seen = new Set<string>();
    const stack = roots.flatMap((r) => (r !== undefined && bySource.has(r) ? [bySource.get(r)!.name] : []));
    while (stack.length > 0) {
      const t = byName.get(stack.pop()!);
      if (!t || seen.has(t.sourceName)) continue;
      seen.add(t.sourceName);
      stack.push(...referencedNames(t.node));
    }
    return seen;
  };
  return {
    known: ops.length > 0,
    operations: ops.length,
    read: reach(ops.flatMap((o) => [o.output, ...o.errors])),
    write: reach(ops.map((o) => o.input)),
  };
}

/** The union of what each version knows about a type; "unknown" when neither reaches it. */
export function directionOf(type: string, ...sides: Directions[]): Direction {
  const read = sides.some((d) => d.read.has(type));
  const write = sides.some((d) => d.write.has(type));
  return read && write ? "both" : read ? "read" : write ? "write" : "unknown";
}
