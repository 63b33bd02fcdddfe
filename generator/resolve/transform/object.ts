// object: members, required (a list, or alternative lists), additionalProperties.
import type { Attributes, Member, TypeNode } from "../../ir/model.js";
import { annotations, child, fact, has, isObject, report, type Context, type JsonObject } from "../context.js";

export function object(ctx: Context, schema: JsonObject, pointer: string): TypeNode {
  const attrs = annotations(ctx, schema, pointer);
  attrs.facts.push(fact(ctx, "type", child(pointer, "type"), "object"));
  const props = has(schema, "properties") ? schema["properties"] : {};
  if (!isObject(props)) {
    report(ctx, "SCHEMA_PROPERTIES_NOT_OBJECT", child(pointer, "properties"));
    return { kind: "object", members: [], additional: true, attrs };
  }
  const required = requiredNames(ctx, schema, pointer, Object.keys(props));
  const members: Member[] = Object.keys(props).map((name) => {
    const p = child(pointer, "properties", name);
    const raw = props[name];
    const type = ctx.transform(raw, p);
    const mAttrs = isObject(raw) ? memberAnnotations(ctx, raw, p) : { facts: [] };
    const req = required.has(name);
    if (req) mAttrs.facts.push(fact(ctx, "required", child(pointer, "required"), "required"));
    return { name, type, required: req, attrs: mAttrs };
  });
  let additional: boolean | TypeNode = true;
  if (has(schema, "additionalProperties")) {
    const ap = schema["additionalProperties"];
    if (typeof ap === "boolean") additional = ap;
    else if (isObject(ap)) additional = ctx.transform(ap, child(pointer, "additionalProperties"));
    else report(ctx, "SCHEMA_ADDITIONAL_PROPERTIES_INVALID", child(pointer, "additionalProperties"));
  }
  return { kind: "object", members, additional, attrs };
}

/** A member's own annotations: in the dialect they sit in the allOf's annotation part. */
function memberAnnotations(ctx: Context, raw: JsonObject, pointer: string): Attributes {
  const parts = raw["allOf"];
  if (!Array.isArray(parts)) return annotations(ctx, raw, pointer);
  const i = parts.findIndex((part) => isObject(part) && !has(part, "$ref") && has(part, "description"));
  const a = i >= 0 ? annotations(ctx, parts[i] as JsonObject, child(pointer, "allOf", i)) : { facts: [] };
  return { ...a, at: ctx.doc.locate(pointer) };
}

function requiredNames(ctx: Context, schema: JsonObject, pointer: string, names: string[]): Set<string> {
  const out = new Set<string>();
  if (!has(schema, "required")) return out;
  const req = schema["required"];
  const p = child(pointer, "required");
  if (!Array.isArray(req)) {
    report(ctx, "SCHEMA_REQUIRED_NOT_ARRAY", p);
    return out;
  }
  const check = (n: unknown, at: string): n is string => {
    if (typeof n !== "string") {
      report(ctx, "SCHEMA_REQUIRED_ITEM_NOT_STRING", at);
      return false;
    }
    if (!names.includes(n)) {
      report(ctx, "SCHEMA_REQUIRED_PROPERTY_NOT_DEFINED", at, { propertyName: JSON.stringify(n) });
      return false;
    }
    return true;
  };
  if (req.every((r) => Array.isArray(r))) {
    // Alternative sets: a member is always required only when every set names it.
    const sets = (req as unknown[][]).map((set, i) => new Set(set.filter((n, j) => check(n, child(p, i, j))) as string[]));
    for (const n of names) if (sets.length > 0 && sets.every((s) => s.has(n))) out.add(n);
    return out;
  }
  req.forEach((n, i) => {
    if (check(n, child(p, i))) out.add(n);
  });
  return out;
}
