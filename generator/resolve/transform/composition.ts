// The OpenAPI-derived dialect: {"allOf": [{"$ref": …}, {"description": …}]} is a reference
// that keeps the member's own annotations; a bare {"$ref": …} is a reference too.
import type { TypeNode } from "../../ir/model.js";
import { annotations, child, has, isObject, report, resolveRef, type Context, type JsonObject } from "../context.js";

const ANNOTATION_KEYS = new Set(["description", "deprecated", "examples", "default", "title", "$comment"]);

export function allOf(ctx: Context, schema: JsonObject, pointer: string): TypeNode {
  const parts = schema["allOf"];
  const p = child(pointer, "allOf");
  const fallback: TypeNode = { kind: "any", attrs: annotations(ctx, schema, pointer) };
  if (!Array.isArray(parts) || parts.length === 0) {
    report(ctx, "SCHEMA_COMPOSITION_UNSUPPORTED", p, { keyword: "allOf", reason: "allOf must be a non-empty array" });
    return fallback;
  }
  const typed = parts
    .map((part, i) => ({ part, i }))
    .filter(({ part }) => !(isObject(part) && Object.keys(part).every((k) => ANNOTATION_KEYS.has(k))));
  if (typed.length !== 1 || !isObject(typed[0]!.part)) {
    report(ctx, "SCHEMA_COMPOSITION_UNSUPPORTED", p, { keyword: "allOf", reason: `${typed.length} typed parts` });
    return fallback;
  }
  return ctx.transform(typed[0]!.part, child(p, typed[0]!.i));
}

export function bareRef(ctx: Context, schema: JsonObject, pointer: string): TypeNode {
  const node = resolveRef(ctx, schema["$ref"], child(pointer, "$ref"));
  return node ?? { kind: "any", attrs: annotations(ctx, schema, pointer) };
}

export const isComposition = (schema: JsonObject): boolean => has(schema, "allOf") && !has(schema, "type");
