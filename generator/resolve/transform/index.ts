// Dispatch: one JSON Structure schema to one IR node, by the form of its `type`.
import type { EnumValue, PrimitiveName, TypeNode } from "../../ir/model.js";
import type { JsonValue } from "../../load/parse-json.js";
import { annotations, child, has, isObject, report, resolveRef, type Context } from "../context.js";
import { arrayOrSet, map } from "./collection.js";
import { allOf, bareRef, isComposition } from "./composition.js";
import { enumeration } from "./enum.js";
import { object } from "./object.js";
import { PRIMITIVES, primitive } from "./primitive.js";
import { choice } from "./choice.js";
import { conditional, hasComposition } from "./conditional.js";
import { tuple } from "./tuple.js";

/**
 * Deeper than this, a schema is refused: no real type nests so far, and emitters recurse (prettier
 * overflows its stack formatting the output of about 175 nested arrays; 400 was accepted here).
 */
export const MAX_POINTER_DEPTH = 100;

export function transform(ctx: Context, schema: JsonValue | undefined, pointer: string): TypeNode {
  if (pointer.split("/").length > MAX_POINTER_DEPTH) {
    report(ctx, "SCHEMA_MAX_DEPTH_EXCEEDED", pointer, { maxDepth: MAX_POINTER_DEPTH });
    return { kind: "any", attrs: { facts: [] } };
  }
  if (!isObject(schema)) {
    report(ctx, "SCHEMA_INVALID_TYPE", pointer, {
      actual: schema === null ? "null" : Array.isArray(schema) ? "an array" : typeof schema,
    });
    return { kind: "any", attrs: { facts: [] } };
  }
  // The OpenAPI-derived dialect writes a reference with annotations as an allOf.
  if (ctx.componentsDialect && isComposition(schema)) return allOf(ctx, schema, pointer);
  if (has(schema, "$ref") && !has(schema, "type")) return bareRef(ctx, schema, pointer);
  if (hasComposition(schema)) {
    const { allOf: _a, anyOf: _b, oneOf: _c, not: _d, if: _e, then: _f, else: _g, ...rest } = schema;
    const base =
      has(schema, "type") || has(schema, "enum") || has(schema, "const")
        ? transformTyped(ctx, rest, pointer)
        : undefined;
    return conditional(ctx, schema, pointer, base);
  }
  return transformTyped(ctx, schema, pointer);
}

function transformTyped(ctx: Context, schema: { [k: string]: JsonValue }, pointer: string): TypeNode {
  const type = schema["type"];
  if (type === undefined) {
    // The dialect's members and items may carry only an enum.
    if (Array.isArray(schema["enum"])) return enumeration(ctx, "string", schema, pointer);
    if (has(schema, "const"))
      return { kind: "const", value: schema["const"] as EnumValue, attrs: annotations(ctx, schema, pointer) };
    report(ctx, "SCHEMA_MISSING_TYPE", pointer);
    return { kind: "any", attrs: annotations(ctx, schema, pointer) };
  }
  if (isObject(type)) {
    const ref = resolveRef(ctx, type["$ref"], child(pointer, "type", "$ref"));
    if (!ref) return { kind: "any", attrs: annotations(ctx, schema, pointer) };
    return { ...ref, attrs: { ...annotations(ctx, schema, pointer), facts: ref.attrs.facts } };
  }
  if (Array.isArray(type)) return union(ctx, type, schema, pointer);
  if (typeof type !== "string") {
    report(ctx, "SCHEMA_TYPE_INVALID", child(pointer, "type"), { typeName: JSON.stringify(type) });
    return { kind: "any", attrs: annotations(ctx, schema, pointer) };
  }
  if (has(schema, "enum") && PRIMITIVES.has(type)) return enumeration(ctx, type as PrimitiveName, schema, pointer);
  if (has(schema, "const")) {
    const v = schema["const"];
    if (v === null || typeof v !== "object")
      return { kind: "const", value: v, attrs: annotations(ctx, schema, pointer) };
  }
  switch (type) {
    case "object":
      // An object with only additionalProperties is a map (OpenAPI-derived dialect).
      if (!has(schema, "properties") && isObject(schema["additionalProperties"]))
        return map(ctx, schema, pointer, "additionalProperties");
      return object(ctx, schema, pointer);
    case "array":
    case "set":
      return arrayOrSet(ctx, type, schema, pointer);
    case "map":
      return map(ctx, schema, pointer, "values");
    case "tuple":
      return tuple(ctx, schema, pointer);
    case "choice":
      return choice(ctx, schema, pointer);
    case "any":
      return { kind: "any", attrs: annotations(ctx, schema, pointer) };
    default:
      if (PRIMITIVES.has(type)) return primitive(ctx, type as PrimitiveName, schema, pointer);
      report(ctx, "SCHEMA_TYPE_INVALID", child(pointer, "type"), { typeName: JSON.stringify(type) });
      return { kind: "any", attrs: annotations(ctx, schema, pointer) };
  }
}

function union(ctx: Context, types: JsonValue[], schema: { [k: string]: JsonValue }, pointer: string): TypeNode {
  if (types.length === 0) report(ctx, "SCHEMA_TYPE_ARRAY_EMPTY", child(pointer, "type"));
  const options = types.map((t, i) => {
    const p = child(pointer, "type", i);
    if (typeof t === "string") {
      if (PRIMITIVES.has(t)) return primitive(ctx, t as PrimitiveName, {}, p);
      report(ctx, "SCHEMA_TYPE_INVALID", p, { typeName: JSON.stringify(t) });
      return { kind: "any", attrs: { facts: [] } } as TypeNode;
    }
    if (isObject(t))
      return resolveRef(ctx, t["$ref"], child(p, "$ref")) ?? ({ kind: "any", attrs: { facts: [] } } as TypeNode);
    report(ctx, "SCHEMA_TYPE_INVALID", p, { typeName: JSON.stringify(t) });
    return { kind: "any", attrs: { facts: [] } } as TypeNode;
  });
  return { kind: "union", options, attrs: annotations(ctx, schema, pointer) };
}
