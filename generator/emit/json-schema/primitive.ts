// JSON Schema for JSON Structure primitives: their JSON form and implied ranges.
import type { Constraints, PrimitiveName } from "../../ir/model.js";

type Schema = Record<string, unknown>;

/** The JSON-number integer types and their ranges. */
export const INT_RANGE: Partial<Record<PrimitiveName, [number, number]>> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
};

export const BASE64_PATTERN = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";
export const DECIMAL_PATTERN = "^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?$";
export const FLOAT32_MAX = 3.4028234663852886e38;

/** String-encoded primitives and the JSON Schema that states their form. */
export const STRING_FORMS: Partial<Record<PrimitiveName, Schema>> = {
  datetime: { format: "date-time" },
  date: { format: "date" },
  time: { format: "time" },
  duration: { format: "duration" },
  uuid: { format: "uuid" },
  uri: { format: "uri-reference" },
  jsonpointer: { format: "json-pointer" },
  binary: { contentEncoding: "base64", pattern: BASE64_PATTERN },
  // Range-checked by the format (BigInt); the wire form is a decimal string.
  int64: { format: "int64" },
  int128: { format: "int128" },
  uint64: { format: "uint64" },
  uint128: { format: "uint128" },
  decimal: { pattern: DECIMAL_PATTERN },
};

/** Bounds on numbers sent as strings: JSON Schema's minimum cannot compare strings exactly. */
export const BIG_BOUNDS = "x-bigBounds";
const STRING_ENCODED = new Set<PrimitiveName>(["int64", "uint64", "int128", "uint128", "decimal"]);

export function bigBounds(c: Constraints): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const k of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] as const)
    if (c[k] !== undefined) out[k] = String(c[k]);
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A decimal string with at most `precision` significant digits, `scale` of them after the point. */
export function decimalPattern(precision: number, scale: number): string {
  const whole = Math.max(1, precision - scale);
  return scale > 0
    ? `^-?(?:0|[1-9][0-9]{0,${whole - 1}})(?:\\.[0-9]{1,${scale}})?$`
    : `^-?(?:0|[1-9][0-9]{0,${whole - 1}})$`;
}

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
    // float is IEEE 754 binary32: larger magnitudes cannot be represented.
    const limit = p === "float" ? FLOAT32_MAX : undefined;
    const lo = c.minimum !== undefined ? Number(c.minimum) : limit !== undefined ? -limit : undefined;
    const hi = c.maximum !== undefined ? Number(c.maximum) : limit;
    if (lo !== undefined) s["minimum"] = lo;
    if (hi !== undefined) s["maximum"] = hi;
  } else {
    s["type"] = "string";
    Object.assign(
      s,
      p === "decimal" && (c.precision !== undefined || c.scale !== undefined)
        ? { pattern: decimalPattern(c.precision ?? 34, c.scale ?? 7) }
        : (STRING_FORMS[p] ?? {}),
    );
    if (c.format && !s["format"]) s["format"] = c.format;
    const bounds = bigBounds(c);
    if (STRING_ENCODED.has(p) && bounds) s[BIG_BOUNDS] = bounds;
    if (c.contentEncoding) s["contentEncoding"] = c.contentEncoding;
    if (c.contentMediaType) s["contentMediaType"] = c.contentMediaType;
  }
  if (s["type"] !== "string" && s["type"] !== "boolean" && s["type"] !== "null") {
    if (c.exclusiveMinimum !== undefined) s["exclusiveMinimum"] = Number(c.exclusiveMinimum);
    if (c.exclusiveMaximum !== undefined) s["exclusiveMaximum"] = Number(c.exclusiveMaximum);
    // A multiple of 1 is an integer: say so (ajv's multipleOf misjudges integers past 1e21).
    if (c.multipleOf === 1 && s["type"] === "number") s["type"] = "integer";
    else if (c.multipleOf !== undefined) s["multipleOf"] = c.multipleOf;
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
