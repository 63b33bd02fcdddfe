// array, set and map. Inlined `items` identical to a named type become a reference to it.
import type { TypeNode } from "../../ir/model.js";
import { diagnostic } from "../../diagnostics/diagnostic.js";
import {
  active,
  annotations,
  at,
  child,
  fact,
  has,
  isObject,
  report,
  type Context,
  type JsonObject,
} from "../context.js";
import { constraints } from "./primitive.js";

export function arrayOrSet(ctx: Context, kind: "array" | "set", schema: JsonObject, pointer: string): TypeNode {
  const attrs = annotations(ctx, schema, pointer);
  attrs.facts.push(fact(ctx, "type", child(pointer, "type"), kind));
  if (!has(schema, "items")) {
    report(ctx, "SCHEMA_ARRAY_MISSING_ITEMS", pointer, { typeName: kind });
    return { kind, items: { kind: "any", attrs: { facts: [] } }, constraints: {}, attrs };
  }
  const items = itemsNode(ctx, schema["items"], child(pointer, "items"));
  const c = constraints(ctx, schema, pointer, "array");
  const unique = kind === "set" || c.uniqueItems === true;
  delete c.uniqueItems;
  const contains = active(ctx, schema, pointer, "contains")
    ? ctx.transform(schema["contains"], child(pointer, "contains"))
    : undefined;
  return { kind: unique ? "set" : "array", items, constraints: c, attrs, ...(contains ? { contains } : {}) };
}

export function map(
  ctx: Context,
  schema: JsonObject,
  pointer: string,
  valuesKey: "values" | "additionalProperties",
): TypeNode {
  const attrs = annotations(ctx, schema, pointer);
  attrs.facts.push(
    fact(
      ctx,
      "type",
      child(pointer, valuesKey),
      valuesKey === "values" ? "map" : "object with only additionalProperties: a map",
    ),
  );
  if (!has(schema, valuesKey)) {
    report(ctx, "SCHEMA_MAP_MISSING_VALUES", pointer);
    return { kind: "map", values: { kind: "any", attrs: { facts: [] } }, attrs };
  }
  const values = ctx.transform(schema[valuesKey], child(pointer, valuesKey));
  if (valuesKey === "additionalProperties") return { kind: "map", values, attrs };
  const c = constraints(ctx, schema, pointer, "map");
  const keys = active(ctx, schema, pointer, "keyNames")
    ? ctx.transform(schema["keyNames"], child(pointer, "keyNames"))
    : undefined;
  return {
    kind: "map",
    values,
    attrs,
    ...(Object.keys(c).length > 0 ? { constraints: c } : {}),
    ...(keys ? { keys } : {}),
  };
}

function itemsNode(ctx: Context, items: JsonObject[string], pointer: string): TypeNode {
  if (isObject(items) && !has(items, "$ref") && !has(items, "allOf") && !isObject(items["type"])) {
    // A copy of exactly one document root (canonical JSON of each root's body).
    const name = ctx.lookup("copyOf", ctx.canonical(items));
    if (name && name !== ctx.owner) {
      ctx.diagnostics.push(diagnostic("SCHEMA_ITEMS_MATCH_NAMED", { name }, at(ctx, pointer)));
      return {
        kind: "ref",
        name,
        attrs: { at: at(ctx, pointer), facts: [fact(ctx, "type", pointer, `inlined copy of ${name}`)] },
      };
    }
  }
  return ctx.transform(items, pointer);
}
