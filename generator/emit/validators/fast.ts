// The fast path: a hand-written-style check per type, generated straight from the IR.
// It answers one question, "valid and free of drift?", without allocating. It may say "not
// sure" (false) for anything unusual; the exact path (ajv's code plus the drift walker) then
// decides and explains. It must never say true where the exact path would not: tests hold it
// to that against ajv.
import type { Constraints, Member, Model, PrimitiveName, TypeNode } from "../../ir/model.js";
import { anchored, bigBounds, BASE64_PATTERN, DECIMAL_PATTERN, decimalPattern, FLOAT32_MAX, INT_RANGE, STRING_FORMS } from "../json-schema/primitive.js";
import { stringLiteral } from "../quote.js";
import { FORMATS } from "./ajv.js";

/** The format check each string-encoded primitive implies (as the JSON Schema states it). */
const formatOf = (p: PrimitiveName): string | undefined => STRING_FORMS[p]?.["format"] as string | undefined;

class Builder {
  readonly consts: string[] = [];
  private readonly seen = new Map<string, string>();
  private n = 0;

  /** A module-level constant, shared when the same text is needed twice. */
  constant(text: string): string {
    const hit = this.seen.get(text);
    if (hit) return hit;
    const name = `k${this.n++}`;
    this.consts.push(`const ${name} = ${text};`);
    this.seen.set(text, name);
    return name;
  }

  regex(source: string): string {
    return this.constant(`new RegExp(${stringLiteral(source)}, "u")`);
  }

  set(values: (string | number | boolean | null)[]): string {
    return this.constant(`new Set([${values.map((v) => (typeof v === "string" ? stringLiteral(v) : String(v))).join(", ")}])`);
  }
}

/** An expression that is true when `x` is valid and drift-free; `false` means "ask the exact path". */
function check(b: Builder, node: TypeNode, x: string, depth: number): string {
  if (depth > 64) return "false";
  switch (node.kind) {
    case "ref":
      return `q_${node.name}(${x})`;
    case "any":
      return "true";
    case "const":
      return node.value === null || typeof node.value !== "object" ? `${x} === ${typeof node.value === "string" ? stringLiteral(node.value) : String(node.value)}` : "false";
    case "enum": {
      if (node.members.some((m) => typeof m.value === "number" && !Number.isFinite(m.value))) return "false";
      return `${b.set(node.members.map((m) => m.value))}.has(${x})`;
    }
    case "primitive":
      return primitive(b, node, x);
    case "array":
    case "set":
      return `(Array.isArray(${x}) && ${b.constant(arrayFn(b, node, depth))}(${x}))`;
    case "map":
      return `(${isObject(x)} && ${b.constant(mapFn(b, node, depth))}(${x}))`;
    case "object":
      return `(${isObject(x)} && ${b.constant(objectFn(b, node, depth))}(${x}))`;
    case "tuple":
      return `(Array.isArray(${x}) && ${x}.length === ${node.elements.length}${node.elements.map((e, i) => ` && ${check(b, e.type, `${x}[${i}]`, depth + 1)}`).join("")})`;
    case "union":
      return node.options.length === 0 ? "false" : `(${node.options.map((o) => check(b, o, x, depth + 1)).join(" || ")})`;
    case "composition":
      // Only what is certain: a base and allOf parts must all hold; anything else, ask.
      if (node.anyOf.length || node.oneOf.length || node.not || node.if || node.then || node.else) return "false";
      return `(${[...(node.base ? [node.base] : []), ...node.allOf].map((t) => check(b, t, x, depth + 1)).join(" && ") || "true"})`;
    case "choice":
      return "false";
  }
}

const isObject = (x: string) => `typeof ${x} === "object" && ${x} !== null && !Array.isArray(${x})`;

function numberBounds(c: Constraints, x: string, lo?: number, hi?: number): string {
  const parts: string[] = [];
  const min = c.minimum !== undefined ? Math.max(Number(c.minimum), lo ?? -Infinity) : lo;
  const max = c.maximum !== undefined ? Math.min(Number(c.maximum), hi ?? Infinity) : hi;
  if (min !== undefined && Number.isFinite(min)) parts.push(`${x} >= ${min}`);
  if (max !== undefined && Number.isFinite(max)) parts.push(`${x} <= ${max}`);
  if (c.exclusiveMinimum !== undefined) parts.push(`${x} > ${Number(c.exclusiveMinimum)}`);
  if (c.exclusiveMaximum !== undefined) parts.push(`${x} < ${Number(c.exclusiveMaximum)}`);
  // The exact path's own test (ajv's), so the fast path can never accept more than it does.
  if (c.multipleOf === 1) parts.push(`Number.isInteger(${x})`);
  else if (c.multipleOf !== undefined) parts.push(`(${x} / ${c.multipleOf}) === parseInt(${x} / ${c.multipleOf})`);
  return parts.map((p) => ` && ${p}`).join("");
}

function primitive(b: Builder, node: Extract<TypeNode, { kind: "primitive" }>, x: string): string {
  const p = node.primitive;
  const c = node.constraints;
  if (p === "datetime" && node.encoding === "epoch-seconds") return `(typeof ${x} === "number" && isFinite(${x}))`;
  if (p === "boolean") return `typeof ${x} === "boolean"`;
  if (p === "null") return `${x} === null`;
  const range = INT_RANGE[p === "integer" ? "int32" : p];
  if (range) {
    const [lo, hi] = range;
    return `(Number.isInteger(${x})${numberBounds(c, x, lo, hi)})`;
  }
  if (p === "number" || p === "double" || p === "float" || p === "float8") {
    const limit = p === "float" ? FLOAT32_MAX : undefined;
    return `(typeof ${x} === "number" && isFinite(${x})${numberBounds(c, x, limit !== undefined ? -limit : undefined, limit)})`;
  }
  // Every other primitive is a string on the wire.
  const parts = [`typeof ${x} === "string"`];
  if (c.maxLength !== undefined) parts.push(`(${x}.length <= ${c.maxLength} || ucs2length(${x}) <= ${c.maxLength})`);
  if (c.minLength !== undefined && c.minLength > 0) parts.push(`(${x}.length >= ${2 * c.minLength} || ucs2length(${x}) >= ${c.minLength})`);
  const format = formatOf(p) ?? c.format;
  if (format) {
    const fn = FORMATS[format]?.[0];
    if (!fn) return "false";
    parts.push(`${fn}(${x})`);
  }
  if (p === "binary") parts.push(`${b.regex(BASE64_PATTERN)}.test(${x})`);
  if (p === "decimal") parts.push(`${b.regex(c.precision !== undefined || c.scale !== undefined ? decimalPattern(c.precision ?? 34, c.scale ?? 7) : DECIMAL_PATTERN)}.test(${x})`);
  if (c.pattern) parts.push(`${b.regex(anchored(c.pattern.source))}.test(${x})`);
  const bounds = bigBounds(c);
  if (bounds && /^(u?int(64|128)|decimal)$/.test(p)) parts.push(`bigWithin(${x}, ${b.constant(JSON.stringify(bounds))})`);
  if (node.knownValues?.length) parts.push(`${b.set(node.knownValues.map((m) => m.value))}.has(${x})`);
  return `(${parts.join(" && ")})`;
}

function arrayFn(b: Builder, node: Extract<TypeNode, { kind: "array" | "set" }>, depth: number): string {
  const c = node.constraints;
  if (node.contains) return "(a) => false";
  const lines = ["(a) => {", "const n = a.length;"];
  if (c.minItems !== undefined) lines.push(`if (n < ${c.minItems}) return false;`);
  if (c.maxItems !== undefined) lines.push(`if (n > ${c.maxItems}) return false;`);
  lines.push(`for (let i = 0; i < n; i++) { const v = a[i]; if (!(${check(b, node.items, "v", depth + 1)})) return false; }`);
  // A set's distinctness is certain only for primitives; objects go to the exact path.
  if (node.kind === "set") lines.push(`if (n > 1) { const s = new Set(); for (let i = 0; i < n; i++) { const v = a[i]; if (v !== null && typeof v === "object") return false; s.add(v); } if (s.size !== n) return false; }`);
  lines.push("return true;", "}");
  return lines.join("\n");
}

function mapFn(b: Builder, node: Extract<TypeNode, { kind: "map" }>, depth: number): string {
  if (node.keys || node.constraints) return "(o) => false";
  return ["(o) => {", "for (const k in o) {", "const v = o[k];", `if (!(${check(b, node.values, "v", depth + 1)})) return false;`, "}", "return true;", "}"].join("\n");
}

function objectFn(b: Builder, node: Extract<TypeNode, { kind: "object" }>, depth: number): string {
  if (node.requiredSets || node.constraints || node.dependentRequired || node.patternProperties || node.propertyNames) return "(o) => false";
  const lines = ["(o) => {"];
  for (const m of node.members.filter((m: Member) => m.required)) {
    // Names Object.prototype also has ("constructor", "__proto__") must be own members.
    lines.push(m.name in Object.prototype ? `if (!Object.prototype.hasOwnProperty.call(o, ${stringLiteral(m.name)})) return false;` : `if (o[${stringLiteral(m.name)}] === undefined) return false;`);
  }
  lines.push("for (const k in o) {", "const v = o[k];", "switch (k) {");
  for (const m of node.members) lines.push(`case ${stringLiteral(m.name)}: if (v !== undefined && !(${check(b, m.type, "v", depth + 1)})) return false; break;`);
  // An undeclared member is drift (or invalid when additionalProperties is false): ask.
  lines.push("default: return false;", "}", "}", "return true;", "}");
  return lines.join("\n");
}

/** The fast-path functions (`q_<Type>`) for every named type, as module text. */
export function fastPathSource(model: Model): string {
  const b = new Builder();
  const fns = model.types.map((t) => `function q_${t.name}(x) {\nreturn ${check(b, t.node, "x", 0)};\n}`);
  return [...b.consts, ...fns].join("\n");
}
