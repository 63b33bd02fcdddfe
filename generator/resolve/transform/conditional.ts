// Conditional composition (allOf, anyOf, oneOf, not, if/then/else) around an optional base.
import type { TypeNode } from "../../ir/model.js";
import { annotations, child, compositionActive, has, report, type Context, type JsonObject } from "../context.js";

export const COMPOSITION_KEYWORDS = ["allOf", "anyOf", "oneOf", "not", "if", "then", "else"] as const;

export const hasComposition = (schema: JsonObject): boolean => COMPOSITION_KEYWORDS.some((k) => has(schema, k));

export function conditional(ctx: Context, schema: JsonObject, pointer: string, base: TypeNode | undefined): TypeNode {
  const node: Extract<TypeNode, { kind: "composition" }> = {
    kind: "composition",
    allOf: [],
    anyOf: [],
    oneOf: [],
    attrs: annotations(ctx, schema, pointer),
  };
  if (base) node.base = { ...base, attrs: { facts: base.attrs.facts } };
  for (const k of ["allOf", "anyOf", "oneOf"] as const) {
    if (!has(schema, k)) continue;
    compositionActive(ctx, pointer, k);
    const list = schema[k];
    if (!Array.isArray(list) || list.length === 0) {
      report(ctx, "SCHEMA_COMPOSITION_NOT_ARRAY", child(pointer, k), { keyword: k });
      continue;
    }
    node[k] = list.map((s, i) => ctx.transform(s, child(pointer, k, i)));
  }
  for (const k of ["not", "if", "then", "else"] as const) {
    if (!has(schema, k)) continue;
    compositionActive(ctx, pointer, k);
    node[k] = ctx.transform(schema[k], child(pointer, k));
  }
  return node;
}
