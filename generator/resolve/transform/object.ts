// object: members, required (a list, or alternative lists), additionalProperties.
import type { Attributes, Member, TypeNode } from "../../ir/model.js";
import { active, annotations, child, fact, has, isObject, report, type Context, type JsonObject } from "../context.js";
import { constraints } from "./primitive.js";

export function object(ctx: Context, schema: JsonObject, pointer: string): TypeNode {
  const attrs = annotations(ctx, schema, pointer);
  attrs.facts.push(fact(ctx, "type", child(pointer, "type"), "object"));
  const props = has(schema, "properties") ? schema["properties"] : {};
  if (!isObject(props)) {
    report(ctx, "SCHEMA_PROPERTIES_NOT_OBJECT", child(pointer, "properties"));
    return { kind: "object", members: [], additional: true, attrs };
  }
  const keys = Object.keys(props);
  // altnames.json gives the member's name on the wire; `required` speaks of the keys.
  const wire = new Map(keys.map((k) => [k, jsonName(props[k], k)]));
  const { always, sets } = requiredNames(ctx, schema, pointer, keys);
  const members: Member[] = keys.map((key) => {
    const p = child(pointer, "properties", key);
    const raw = props[key];
    const type = ctx.transform(raw, p);
    const mAttrs = isObject(raw) ? memberAnnotations(ctx, raw, p) : { facts: [] };
    const req = always.has(key);
    if (req) mAttrs.facts.push(fact(ctx, "required", child(pointer, "required"), "required"));
    if (wire.get(key) !== key)
      mAttrs.facts.push(fact(ctx, "name", child(p, "altnames", "json"), `JSON name of ${key}`));
    return { name: wire.get(key)!, type, required: req, attrs: mAttrs };
  });
  let additional: boolean | TypeNode = true;
  if (has(schema, "additionalProperties")) {
    const ap = schema["additionalProperties"];
    if (typeof ap === "boolean") additional = ap;
    else if (isObject(ap)) additional = ctx.transform(ap, child(pointer, "additionalProperties"));
    else report(ctx, "SCHEMA_ADDITIONAL_PROPERTIES_INVALID", child(pointer, "additionalProperties"));
  }
  const node: Extract<TypeNode, { kind: "object" }> = { kind: "object", members, additional, attrs };
  if (sets) node.requiredSets = sets.map((set) => set.map((k) => wire.get(k) ?? k));
  const c = constraints(ctx, schema, pointer, "object");
  if (Object.keys(c).length > 0) node.constraints = c;
  if (active(ctx, schema, pointer, "dependentRequired")) {
    const dr = schema["dependentRequired"];
    if (isObject(dr)) {
      node.dependentRequired = {};
      for (const [k, v] of Object.entries(dr)) {
        if (Array.isArray(v) && v.every((x) => typeof x === "string"))
          node.dependentRequired[wire.get(k) ?? k] = (v as string[]).map((x) => wire.get(x) ?? x);
        else report(ctx, "SCHEMA_REQUIRED_NOT_ARRAY", child(pointer, "dependentRequired", k));
      }
    } else report(ctx, "SCHEMA_PROPERTIES_NOT_OBJECT", child(pointer, "dependentRequired"));
  }
  if (active(ctx, schema, pointer, "patternProperties")) {
    const pp = schema["patternProperties"];
    if (isObject(pp)) {
      node.patternProperties = Object.keys(pp).flatMap((source) => {
        try {
          new RegExp(source, "u");
        } catch (e) {
          report(ctx, "SCHEMA_PATTERN_INVALID", child(pointer, "patternProperties", source), {
            pattern: JSON.stringify(source),
            reason: (e as Error).message,
          });
          return [];
        }
        return [
          {
            pattern: { source, unicode: true },
            type: ctx.transform(pp[source], child(pointer, "patternProperties", source)),
          },
        ];
      });
    } else report(ctx, "SCHEMA_PROPERTIES_NOT_OBJECT", child(pointer, "patternProperties"));
  }
  if (active(ctx, schema, pointer, "propertyNames"))
    node.propertyNames = ctx.transform(schema["propertyNames"], child(pointer, "propertyNames"));
  return node;
}

/** The JSON name of a property: altnames.json when given (the alternate-names add-in). */
function jsonName(raw: JsonObject[string] | undefined, key: string): string {
  const alt = isObject(raw) ? raw["altnames"] : undefined;
  return isObject(alt) && typeof alt["json"] === "string" ? alt["json"] : key;
}

/** A member's own annotations: in the dialect they sit in the allOf's annotation part. */
function memberAnnotations(ctx: Context, raw: JsonObject, pointer: string): Attributes {
  const parts = raw["allOf"];
  if (!Array.isArray(parts)) return annotations(ctx, raw, pointer);
  const i = parts.findIndex((part) => isObject(part) && !has(part, "$ref") && has(part, "description"));
  const a = i >= 0 ? annotations(ctx, parts[i] as JsonObject, child(pointer, "allOf", i)) : { facts: [] };
  return { ...a, at: ctx.doc.locate(pointer) };
}

/** Names always required, and the alternative sets when `required` is an array of arrays. */
function requiredNames(
  ctx: Context,
  schema: JsonObject,
  pointer: string,
  names: string[],
): { always: Set<string>; sets?: string[][] } {
  const always = new Set<string>();
  if (!has(schema, "required")) return { always };
  const req = schema["required"];
  const p = child(pointer, "required");
  if (!Array.isArray(req)) {
    report(ctx, "SCHEMA_REQUIRED_NOT_ARRAY", p);
    return { always };
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
  if (req.length > 0 && req.every((r) => Array.isArray(r))) {
    // Alternative sets: exactly one must be present; a member in every set is always required.
    const sets = (req as unknown[][]).map((set, i) => set.filter((n, j) => check(n, child(p, i, j))) as string[]);
    for (const n of names) if (sets.every((s) => s.includes(n))) always.add(n);
    return { always, sets };
  }
  req.forEach((n, i) => {
    if (check(n, child(p, i))) always.add(n);
  });
  return { always };
}
