// JSON Schema for JSON Structure primitives: their JSON form and implied ranges.
import type { Constraints, PrimitiveName } from "../../ir/model.js";

type Schema = Record<string, unknown>;

const INT_RANGE: Partial<Record<PrimitiveName, [number, number]>> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
};

const STRING_FORMS: Partial<Record<PrimitiveName, Schema>> = {
  datetime: { format: "date-time" },
  date: { format: "date" },
  time: { format: "time" },
  duration: { format: "duration" },
  uuid: { format: "uuid" },
  uri: { format: "uri-reference" },
  jsonpointer: { format: "json-pointer" },
  binary: { contentEncoding: "base64", pattern: "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$" },
  int64: { pattern: "^-?(?:0|[1-9][0-9]*)$" },
  int128: { pattern: "^-?(?:0|[1-9][0-9]*)$" },
  uint64: { pattern: "^(?:0|[1-9][0-9]*)$" },
  uint128: { pattern: "^(?:0|[1-9][0-9]*)$" },
  decimal: { pattern: "^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?$" },
};

/**
 * JSON Structure says a string is valid when its *entire* value matches `pattern`; JSON Schema
 * searches. Anchoring every pattern once here keeps both readings equal.
 */
export function anchored(source: string): string {
  return `^(?:${source})$`;
}

export function primitiveSchema(p: PrimitiveName, c: Constraints): Schema {
  const s: Schema = {};
  if (p === "boolean" || p === "null") s["type"] = p;
  else if (INT_RANGE[p] || p === "integer") {
    s["type"] = "integer";
    const [lo, hi] = INT_RANGE[p] ?? INT_RANGE.int32!;
    s["minimum"] = c.minimum !== undefined ? Math.max(lo, Number(c.minimum)) : lo;
    s["maximum"] = c.maximum !== undefined ? Math.min(hi, Number(c.maximum)) : hi;
  } else if (p === "number" || p === "float" || p === "float8" || p === "double") {
    s["type"] = "number";
    if (c.minimum !== undefined) s["minimum"] = Number(c.minimum);
    if (c.maximum !== undefined) s["maximum"] = Number(c.maximum);
  } else {
    s["type"] = "string";
    Object.assign(s, STRING_FORMS[p] ?? {});
  }
  if (s["type"] !== "string" && s["type"] !== "boolean" && s["type"] !== "null") {
    if (c.exclusiveMinimum !== undefined) s["exclusiveMinimum"] = Number(c.exclusiveMinimum);
    if (c.exclusiveMaximum !== undefined) s["exclusiveMaximum"] = Number(c.exclusiveMaximum);
    if (c.multipleOf !== undefined) s["multipleOf"] = c.multipleOf;
  }
  if (s["type"] === "string") {
    if (c.minLength !== undefined) s["minLength"] = c.minLength;
    if (c.maxLength !== undefined) s["maxLength"] = c.maxLength;
    if (c.pattern) {
      // A string type with its own format pattern keeps both via allOf.
      if (s["pattern"]) s["allOf"] = [{ pattern: anchored(c.pattern.source) }];
      else s["pattern"] = anchored(c.pattern.source);
    }
  }
  return s;
}
