// Primitive types and their constraints (string lengths, patterns, numeric bounds).
import type { Constraints, PrimitiveName, TypeNode } from "../../ir/model.js";
import { annotations, child, fact, has, report, type Context, type JsonObject } from "../context.js";
import { hasNestedQuantifier } from "../redos.js";

export const PRIMITIVES: ReadonlySet<string> = new Set<PrimitiveName>([
  "string", "boolean", "null", "number", "integer", "int8", "int16", "int32", "int64", "int128", "uint8", "uint16",
  "uint32", "uint64", "uint128", "float8", "float", "double", "decimal", "binary", "date", "time", "datetime",
  "duration", "uuid", "uri", "jsonpointer",
]);

/** Types whose JSON form is a string holding a number, so their bounds are strings too. */
export const STRING_ENCODED_NUMBERS: ReadonlySet<PrimitiveName> = new Set(["int64", "int128", "uint64", "uint128", "decimal"]);

export function primitive(ctx: Context, name: PrimitiveName, schema: JsonObject, pointer: string): TypeNode {
  const attrs = annotations(ctx, schema, pointer);
  const primitive: PrimitiveName = name === "integer" ? "int32" : name;
  attrs.facts.push(fact(ctx, "type", child(pointer, "type"), name));
  return { kind: "primitive", primitive, constraints: constraints(ctx, schema, pointer, primitive), attrs };
}

export function constraints(ctx: Context, schema: JsonObject, pointer: string, primitive?: PrimitiveName): Constraints {
  const c: Constraints = {};
  const count = (k: "minLength" | "maxLength" | "minItems" | "maxItems" | "precision" | "scale"): void => {
    if (!has(schema, k)) return;
    const v = schema[k];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) report(ctx, "SCHEMA_INTEGER_CONSTRAINT_INVALID", child(pointer, k), { keyword: k });
    else c[k] = v;
  };
  const bound = (k: "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum"): void => {
    if (!has(schema, k)) return;
    const v = schema[k];
    const asString = primitive !== undefined && STRING_ENCODED_NUMBERS.has(primitive);
    if (typeof v === "number" && Number.isFinite(v)) c[k] = asString ? String(v) : v;
    else if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) c[k] = asString ? v : Number(v);
    // The extended meta-schema types exclusive bounds as booleans; the text as numbers. Accept both.
    else if (typeof v === "boolean" && (k === "exclusiveMinimum" || k === "exclusiveMaximum")) return;
    else report(ctx, "SCHEMA_NUMBER_CONSTRAINT_INVALID", child(pointer, k), { keyword: k });
  };
  count("minLength");
  count("maxLength");
  count("minItems");
  count("maxItems");
  count("precision");
  count("scale");
  bound("minimum");
  bound("maximum");
  bound("exclusiveMinimum");
  bound("exclusiveMaximum");
  if (has(schema, "multipleOf")) {
    const v = schema["multipleOf"];
    if (typeof v !== "number" || !(v > 0)) report(ctx, "SCHEMA_NUMBER_CONSTRAINT_INVALID", child(pointer, "multipleOf"), { keyword: "multipleOf" });
    else c.multipleOf = v;
  }
  if (has(schema, "pattern")) {
    const p = schema["pattern"];
    if (typeof p !== "string") report(ctx, "SCHEMA_PATTERN_NOT_STRING", child(pointer, "pattern"));
    else {
      try {
        new RegExp(p, "u");
        if (hasNestedQuantifier(p)) report(ctx, "SCHEMA_PATTERN_UNSAFE", child(pointer, "pattern"), { pattern: JSON.stringify(p) });
        else c.pattern = { source: p, unicode: /\\[pP]\{|\\u\{/.test(p) };
      } catch (e) {
        report(ctx, "SCHEMA_PATTERN_INVALID", child(pointer, "pattern"), { pattern: JSON.stringify(p), reason: (e as Error).message });
      }
    }
  }
  const order: [keyof Constraints, keyof Constraints][] = [
    ["minLength", "maxLength"],
    ["minItems", "maxItems"],
    ["minimum", "maximum"],
  ];
  for (const [lo, hi] of order) {
    const a = c[lo];
    const b = c[hi];
    if (a !== undefined && b !== undefined && Number(a) > Number(b)) {
      report(ctx, "SCHEMA_MIN_GREATER_THAN_MAX", child(pointer, lo), { minKeyword: lo, maxKeyword: hi });
    }
  }
  return c;
}
