// Primitive types and their constraints (string lengths, patterns, numeric bounds).
import type { Constraints, PrimitiveName, TypeNode } from "../../ir/model.js";
import { active, annotations, child, fact, has, report, type Context, type JsonObject } from "../context.js";
import { hasNestedQuantifier } from "../redos.js";
import { isKnownFormat } from "../../ir/formats.js";

export const PRIMITIVES: ReadonlySet<string> = new Set<PrimitiveName>([
  "string",
  "boolean",
  "null",
  "number",
  "integer",
  "int8",
  "int16",
  "int32",
  "int64",
  "int128",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "uint128",
  "float8",
  "float",
  "double",
  "decimal",
  "binary",
  "date",
  "time",
  "datetime",
  "duration",
  "uuid",
  "uri",
  "jsonpointer",
]);

/** Types whose JSON form is a string holding a number, so their bounds are strings too. */
export const STRING_ENCODED_NUMBERS: ReadonlySet<PrimitiveName> = new Set([
  "int64",
  "int128",
  "uint64",
  "uint128",
  "decimal",
]);

const NUMERIC = /^(u?int(8|16|32|64|128)|integer|number|float8?|double|decimal)$/;

/** What a constraint may sit on. */
export type ConstraintTarget = "string" | "number" | "array" | "object" | "map" | "other";

export function targetOf(p: PrimitiveName): ConstraintTarget {
  if (NUMERIC.test(p)) return "number";
  if (p === "boolean" || p === "null") return "other";
  return "string";
}

const APPLIES: Record<string, ConstraintTarget[]> = {
  minLength: ["string"],
  maxLength: ["string"],
  pattern: ["string"],
  format: ["string"],
  contentEncoding: ["string"],
  contentMediaType: ["string"],
  minimum: ["number"],
  maximum: ["number"],
  exclusiveMinimum: ["number"],
  exclusiveMaximum: ["number"],
  multipleOf: ["number"],
  precision: ["number"],
  scale: ["number"],
  minItems: ["array"],
  maxItems: ["array"],
  uniqueItems: ["array"],
  minContains: ["array"],
  maxContains: ["array"],
  minProperties: ["object", "map"],
  maxProperties: ["object", "map"],
  minEntries: ["map"],
  maxEntries: ["map"],
};

export function primitive(ctx: Context, name: PrimitiveName, schema: JsonObject, pointer: string): TypeNode {
  const attrs = annotations(ctx, schema, pointer);
  const primitive: PrimitiveName = name === "integer" ? "int32" : name;
  attrs.facts.push(fact(ctx, "type", child(pointer, "type"), name));
  return {
    kind: "primitive",
    primitive,
    constraints: constraints(ctx, schema, pointer, targetOf(primitive), primitive),
    attrs,
  };
}

/**
 * Reads every constraint keyword. Malformed or misplaced ones are errors whatever `$uses` says;
 * validation add-in keywords are then kept only where the add-in is active.
 */
export function constraints(
  ctx: Context,
  schema: JsonObject,
  pointer: string,
  target: ConstraintTarget,
  primitive?: PrimitiveName,
): Constraints {
  const c: Constraints = {};
  // maxLength, precision and scale are core; the rest belong to the validation add-in.
  const keep = (k: string): boolean =>
    k === "maxLength" || k === "precision" || k === "scale" ? has(schema, k) : active(ctx, schema, pointer, k);
  for (const k of Object.keys(APPLIES)) {
    if (has(schema, k) && !APPLIES[k]!.includes(target)) {
      report(ctx, "SCHEMA_CONSTRAINT_INVALID_FOR_TYPE", child(pointer, k), {
        constraint: k,
        actualType: typeof schema["type"] === "string" ? schema["type"] : target,
      });
    }
  }
  const count = (
    k:
      | "minLength"
      | "maxLength"
      | "minItems"
      | "maxItems"
      | "precision"
      | "scale"
      | "minContains"
      | "maxContains"
      | "minProperties"
      | "maxProperties",
    from: string = k,
  ): void => {
    if (!has(schema, from)) return;
    const v = schema[from];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
      report(ctx, "SCHEMA_INTEGER_CONSTRAINT_INVALID", child(pointer, from), { keyword: from });
    else if (keep(from)) c[k] = v;
  };
  const asString = primitive !== undefined && STRING_ENCODED_NUMBERS.has(primitive);
  const bound = (k: "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum"): void => {
    if (!has(schema, k)) return;
    const v = schema[k];
    let value: number | string | undefined;
    if (typeof v === "number" && Number.isFinite(v)) value = asString ? String(v) : v;
    // A string-encoded type's bounds are compared exactly, so they must be plain decimals.
    else if (
      typeof v === "string" &&
      (asString ? /^-?\d+(\.\d+)?$/.test(v) : v.trim() !== "" && Number.isFinite(Number(v)))
    )
      value = asString ? v : Number(v);
    // The extended meta-schema types exclusive bounds as booleans; the text as numbers. Accept both.
    else if (typeof v === "boolean" && (k === "exclusiveMinimum" || k === "exclusiveMaximum")) return;
    else report(ctx, "SCHEMA_NUMBER_CONSTRAINT_INVALID", child(pointer, k), { keyword: k });
    if (value !== undefined && keep(k)) c[k] = value;
  };
  count("minLength");
  count("maxLength");
  count("minItems");
  count("maxItems");
  count("precision");
  count("scale");
  count("minContains");
  count("maxContains");
  count("minProperties");
  count("maxProperties");
  count("minProperties", "minEntries");
  count("maxProperties", "maxEntries");
  bound("minimum");
  bound("maximum");
  bound("exclusiveMinimum");
  bound("exclusiveMaximum");
  if (has(schema, "multipleOf")) {
    const v = schema["multipleOf"];
    if (typeof v !== "number" || !(v > 0))
      report(ctx, "SCHEMA_NUMBER_CONSTRAINT_INVALID", child(pointer, "multipleOf"), { keyword: "multipleOf" });
    else if (keep("multipleOf")) c.multipleOf = v;
  }
  if (has(schema, "uniqueItems")) {
    if (typeof schema["uniqueItems"] !== "boolean")
      report(ctx, "SCHEMA_NUMBER_CONSTRAINT_INVALID", child(pointer, "uniqueItems"), { keyword: "uniqueItems" });
    else if (keep("uniqueItems") && schema["uniqueItems"]) c.uniqueItems = true;
  }
  for (const k of ["format", "contentEncoding", "contentMediaType"] as const) {
    // format "password" is the dialect's sensitivity marker, an annotation.
    if (!has(schema, k) || typeof schema[k] !== "string" || schema[k] === "password" || !keep(k)) continue;
    const v = schema[k] as string;
    if (k === "format" && !isKnownFormat(v))
      report(ctx, "SCHEMA_FORMAT_UNKNOWN", child(pointer, k), { format: JSON.stringify(v) });
    else c[k] = v;
  }
  if (has(schema, "pattern")) {
    const p = schema["pattern"];
    if (typeof p !== "string") report(ctx, "SCHEMA_PATTERN_NOT_STRING", child(pointer, "pattern"));
    else {
      try {
        new RegExp(p, "u");
        if (hasNestedQuantifier(p))
          report(ctx, "SCHEMA_PATTERN_UNSAFE", child(pointer, "pattern"), { pattern: JSON.stringify(p) });
        else if (keep("pattern")) c.pattern = { source: p, unicode: /\\[pP]\{|\\u\{/.test(p) };
      } catch (e) {
        report(ctx, "SCHEMA_PATTERN_INVALID", child(pointer, "pattern"), {
          pattern: JSON.stringify(p),
          reason: (e as Error).message,
        });
      }
    }
  }
  const order: [string, string][] = [
    ["minLength", "maxLength"],
    ["minItems", "maxItems"],
    ["minimum", "maximum"],
    ["minContains", "maxContains"],
    ["minProperties", "maxProperties"],
    ["minEntries", "maxEntries"],
  ];
  for (const [lo, hi] of order) {
    const a = schema[lo];
    const b = schema[hi];
    if (
      (typeof a === "number" || typeof a === "string") &&
      (typeof b === "number" || typeof b === "string") &&
      Number(a) > Number(b)
    ) {
      report(ctx, "SCHEMA_MIN_GREATER_THAN_MAX", child(pointer, lo), { minKeyword: lo, maxKeyword: hi });
    }
  }
  return c;
}
