// Which primitive admits which: int16 admits every int8, string admits every uuid. A change of
// primitive is a widening, a narrowing, or neither (a different wire form).
import type { PrimitiveName, TypeNode } from "../ir/model.js";
import { FLOAT32_MAX, INT_RANGE } from "../emit/json-schema/primitive.js";

type Primitive = Extract<TypeNode, { kind: "primitive" }>;

const STRING_WIRE = new Set<PrimitiveName>([
  "string",
  "datetime",
  "date",
  "time",
  "duration",
  "uuid",
  "uri",
  "jsonpointer",
  "binary",
  "int64",
  "uint64",
  "int128",
  "uint128",
  "decimal",
]);
/** Decimal strings of the big integer types, each listed with the types whose values it holds. */
const STRING_INCLUDES: Partial<Record<PrimitiveName, PrimitiveName[]>> = {
  decimal: ["int64", "uint64", "int128", "uint128"],
  int128: ["int64", "uint64"],
  uint128: ["uint64"],
};

interface NumberDomain {
  lo: number;
  hi: number;
  int: boolean;
}

function numberDomain(p: PrimitiveName): NumberDomain | undefined {
  const range = INT_RANGE[p] ?? (p === "integer" ? INT_RANGE.int32 : undefined);
  if (range) return { lo: range[0], hi: range[1], int: true };
  if (p === "float" || p === "float8") return { lo: -FLOAT32_MAX, hi: FLOAT32_MAX, int: false };
  if (p === "double" || p === "number") return { lo: -Infinity, hi: Infinity, int: false };
  return undefined;
}

/** True when every value `inner` admits on the wire, `outer` admits too (constraints aside). */
export function includes(outer: Primitive, inner: Primitive): boolean {
  if (outer.encoding !== inner.encoding) return false;
  if (outer.primitive === inner.primitive) return true;
  if (outer.encoding === "epoch-seconds") return false;
  const a = numberDomain(outer.primitive);
  const b = numberDomain(inner.primitive);
  if (a && b) return a.lo <= b.lo && b.hi <= a.hi && (!a.int || b.int);
  if (outer.primitive === "string") return STRING_WIRE.has(inner.primitive);
  return STRING_INCLUDES[outer.primitive]?.includes(inner.primitive) ?? false;
}

export type Relation = "widened" | "narrowed" | "other";

export function relation(old: Primitive, next: Primitive): Relation {
  const wider = includes(next, old);
  const narrower = includes(old, next);
  return wider && !narrower ? "widened" : narrower && !wider ? "narrowed" : "other";
}
