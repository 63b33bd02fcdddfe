// ajv as the oracle for the generated validators: ajv 2020-12 with all errors, the project's
// formats (the runtime's own checks) and its x-bigBounds keyword, run on the JSON Schema the
// JSON Schema emitter writes. Its errors become (pointer, code) pairs the way the validators name
// them, with one difference the validators make on purpose, applied here too: a failed
// anyOf/oneOf (a union, a choice of required sets) or contains reports one error at its pointer,
// not each branch's errors; ajv's synthetic "if" error is dropped (the then/else branch's own
// errors say what failed). Strict mode's oracle is the same schema with open enums and known
// values closed and `additionalProperties: false` on every object.
import Ajv2020Module from "ajv/dist/2020.js";
import { schemaId, SENSITIVE_KEYWORD, toJsonSchema } from "../../generator/emit/json-schema/index.js";
import { schemaDeclared } from "../../generator/emit/validators/index.js";
import type { Model, NamedType, TypeNode } from "../../generator/ir/model.js";
import { FORMATS, runtime } from "./runtime.js";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
type Schema = Record<string, unknown>;
type Ajv = InstanceType<typeof Ajv2020>;
type AjvCheck = ((value: unknown) => boolean) & { errors?: AjvError[] | null };
interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

const TYPE_CODES: Record<string, string> = {
  string: "INSTANCE_STRING_EXPECTED",
  object: "INSTANCE_OBJECT_EXPECTED",
  array: "INSTANCE_ARRAY_EXPECTED",
  number: "INSTANCE_NUMBER_EXPECTED",
  integer: "INSTANCE_INTEGER_EXPECTED",
  boolean: "INSTANCE_BOOLEAN_EXPECTED",
  null: "INSTANCE_NULL_EXPECTED",
};

const KEYWORD_CODES: Record<string, string> = {
  required: "INSTANCE_REQUIRED_PROPERTY_MISSING",
  additionalProperties: "INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED",
  minLength: "INSTANCE_STRING_MIN_LENGTH",
  maxLength: "INSTANCE_STRING_MAX_LENGTH",
  pattern: "INSTANCE_STRING_PATTERN_MISMATCH",
  minimum: "INSTANCE_NUMBER_MINIMUM",
  maximum: "INSTANCE_NUMBER_MAXIMUM",
  exclusiveMinimum: "INSTANCE_NUMBER_EXCLUSIVE_MINIMUM",
  exclusiveMaximum: "INSTANCE_NUMBER_EXCLUSIVE_MAXIMUM",
  multipleOf: "INSTANCE_NUMBER_MULTIPLE_OF",
  enum: "INSTANCE_ENUM_MISMATCH",
  const: "INSTANCE_CONST_MISMATCH",
  minItems: "INSTANCE_MIN_ITEMS",
  maxItems: "INSTANCE_MAX_ITEMS",
  uniqueItems: "INSTANCE_SET_DUPLICATE",
  anyOf: "INSTANCE_ANY_OF_NONE_MATCHED",
  oneOf: "INSTANCE_ONE_OF_INVALID_COUNT",
  minProperties: "INSTANCE_MIN_PROPERTIES",
  maxProperties: "INSTANCE_MAX_PROPERTIES",
  dependentRequired: "INSTANCE_DEPENDENT_REQUIRED",
  not: "INSTANCE_NOT_MATCHED",
  items: "INSTANCE_TUPLE_ADDITIONAL_ITEMS",
  propertyNames: "INSTANCE_STRING_PATTERN_MISMATCH",
  "x-bigBounds": "INSTANCE_INT_RANGE_INVALID",
};

const FORMAT_CODES: Record<string, string> = {
  "date-time": "INSTANCE_DATETIME_FORMAT_INVALID",
  date: "INSTANCE_DATE_FORMAT_INVALID",
  time: "INSTANCE_TIME_FORMAT_INVALID",
  duration: "INSTANCE_DURATION_FORMAT_INVALID",
  uuid: "INSTANCE_UUID_FORMAT_INVALID",
  "uri-reference": "INSTANCE_URI_FORMAT_INVALID",
  uri: "INSTANCE_URI_FORMAT_INVALID",
  "json-pointer": "INSTANCE_JSONPOINTER_FORMAT_INVALID",
  email: "INSTANCE_FORMAT_EMAIL_INVALID",
  hostname: "INSTANCE_FORMAT_HOSTNAME_INVALID",
  ipv4: "INSTANCE_FORMAT_IPV4_INVALID",
  ipv6: "INSTANCE_FORMAT_IPV6_INVALID",
  int64: "INSTANCE_INT_RANGE_INVALID",
  uint64: "INSTANCE_INT_RANGE_INVALID",
  int128: "INSTANCE_INT_RANGE_INVALID",
  uint128: "INSTANCE_INT_RANGE_INVALID",
};

const token = (s: unknown): string => String(s).replace(/~/g, "~0").replace(/\//g, "~1");

/** ajv's errors as sorted, distinct "pointer code" strings. */
export function issuesOf(errors: AjvError[]): string[] {
  const out = new Set<string>();
  for (const e of errors) {
    if (e.keyword === "if") continue;
    let pointer = e.instancePath;
    let code = KEYWORD_CODES[e.keyword] ?? "INSTANCE_TYPE_MISMATCH";
    if (e.keyword === "type") code = TYPE_CODES[String(e.params["type"])] ?? "INSTANCE_TYPE_MISMATCH";
    else if (e.keyword === "contains")
      code = e.params["bound"] === "max" ? "INSTANCE_MAX_CONTAINS" : "INSTANCE_MIN_CONTAINS";
    else if (e.keyword === "format") code = FORMAT_CODES[String(e.params["format"])] ?? "INSTANCE_TYPE_MISMATCH";
    else if (e.keyword === "required") pointer += `/${token(e.params["missingProperty"])}`;
    else if (e.keyword === "additionalProperties") pointer += `/${token(e.params["additionalProperty"])}`;
    out.add(`${pointer} ${code}`);
  }
  return [...out].sort();
}

// ---------------------------------------------------------------------------------------------
// Schema transforms

/**
 * ajv skips a member named `__proto__` under `properties`: such a member moves to a
 * patternProperties entry matching exactly that name, which ajv reads as an own property.
 */
export function forAjv<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(forAjv) as T;
  if (schema === null || typeof schema !== "object") return schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(schema))
    Object.defineProperty(out, k, { value: forAjv(v), enumerable: true, writable: true, configurable: true });
  const props = out["properties"];
  if (props && typeof props === "object" && Object.prototype.hasOwnProperty.call(props, "__proto__")) {
    const { ["__proto__"]: proto, ...rest } = props as Schema;
    out["properties"] = rest;
    out["patternProperties"] = { ...(out["patternProperties"] as object | undefined), "^__proto__$": proto };
  }
  return out as T;
}

const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const SCHEMA_ONE = new Set(["additionalProperties", "items", "contains", "propertyNames", "not", "if", "then", "else"]);

/** An open enum's encoding, anyOf [{enum}, {type: "string"}]: any string, drift aside. */
function isOpenEnum(anyOf: unknown): boolean {
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return false;
  const [a, b] = anyOf as Schema[];
  return Object.keys(a!).join() === "enum" && Object.keys(b!).join() === "type" && b!["type"] === "string";
}

/**
 * Collapses composites into custom keywords (one error each) and makes references absolute. An
 * open enum's anyOf is dropped where a string type surrounds it (in its own schema, or in the
 * schema whose allOf holds it, beside other keywords or not): there it adds nothing but drift,
 * which ajv cannot see, and an error where the surrounding type already fails.
 */
function collapse(schema: unknown, id: string, inString = false): unknown {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return schema;
  const src = schema as Schema;
  const openEnum = isOpenEnum(src["anyOf"]) && (src["type"] === "string" || inString);
  const out: Schema = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === "anyOf" && openEnum) continue;
    let value: unknown = v;
    if (SCHEMA_MAPS.has(k)) {
      const m: Schema = {};
      for (const [name, sub] of Object.entries(v as Schema))
        Object.defineProperty(m, name, {
          value: collapse(sub, id),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      value = m;
    } else if (k === "allOf") value = (v as unknown[]).map((s) => collapse(s, id, src["type"] === "string"));
    else if (SCHEMA_LISTS.has(k)) value = (v as unknown[]).map((s) => collapse(s, id));
    else if (SCHEMA_ONE.has(k)) value = collapse(v, id);
    else if (k === "$ref") value = `${id}${v as string}`;
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  for (const [from, to] of [
    ["anyOf", "x-anyOf"],
    ["oneOf", "x-oneOf"],
  ] as const) {
    if (out[from] !== undefined) {
      out[to] = out[from];
      delete out[from];
    }
  }
  if (out["uniqueItems"] === true) {
    // ajv's deep equality misjudges members named "constructor", "valueOf" or "toString": the same
    // comparison (items of a scalar item type only, as ajv does) with JSON equality instead.
    const t = (out["items"] as Schema | undefined)?.["type"];
    const types = t === undefined ? [] : Array.isArray(t) ? (t as string[]) : [t as string];
    out["x-uniqueItems"] = types.some((x) => x === "object" || x === "array") ? [] : types;
    delete out["uniqueItems"];
  }
  if (out["contains"] !== undefined) {
    const min = (out["minContains"] as number | undefined) ?? 1;
    const max = out["maxContains"] as number | undefined;
    // ajv ignores contains with minContains 0 and no maxContains.
    if (min > 0 || max !== undefined)
      out["x-contains"] = { schema: out["contains"], min, ...(max !== undefined ? { max } : {}) };
    delete out["contains"];
    delete out["minContains"];
    delete out["maxContains"];
  }
  return out;
}

function addKeywords(ajv: Ajv): void {
  const compiled = new WeakMap<object, AjvCheck>();
  const compile = (s: unknown): AjvCheck => {
    if (typeof s === "boolean") return (() => s) as AjvCheck;
    let c = compiled.get(s as object);
    if (!c) compiled.set(s as object, (c = ajv.compile(s as Schema) as AjvCheck));
    return c;
  };
  const anyOf = function anyOf(schema: unknown[], data: unknown): boolean {
    const ok = schema.some((s) => compile(s)(data));
    anyOf.errors = ok ? null : [{ keyword: "anyOf", message: "must match one option", params: {} }];
    return ok;
  } as ((schema: unknown[], data: unknown) => boolean) & { errors?: unknown[] | null };
  const oneOf = function oneOf(schema: unknown[], data: unknown): boolean {
    const ok = schema.filter((s) => compile(s)(data)).length === 1;
    oneOf.errors = ok ? null : [{ keyword: "oneOf", message: "must match exactly one option", params: {} }];
    return ok;
  } as ((schema: unknown[], data: unknown) => boolean) & { errors?: unknown[] | null };
  const contains = function contains(schema: { schema: unknown; min: number; max?: number }, data: unknown): boolean {
    if (!Array.isArray(data)) return true;
    const check = compile(schema.schema);
    const n = data.filter((item) => check(item)).length;
    const errors = [];
    if (n < schema.min) errors.push({ keyword: "contains", message: "too few", params: { bound: "min" } });
    if (schema.max !== undefined && n > schema.max)
      errors.push({ keyword: "contains", message: "too many", params: { bound: "max" } });
    contains.errors = errors.length > 0 ? errors : null;
    return errors.length === 0;
  } as ((schema: { schema: unknown; min: number; max?: number }, data: unknown) => boolean) & {
    errors?: unknown[] | null;
  };
  const ofType = (v: unknown, t: string): boolean =>
    t === "integer"
      ? Number.isInteger(v)
      : t === "number"
        ? typeof v === "number" && isFinite(v)
        : t === "null"
          ? v === null
          : typeof v === t;
  const unique = function unique(types: string[], data: unknown[]): boolean {
    const items = types.length === 0 ? data : data.filter((v) => types.some((t) => ofType(v, t)));
    const ok = !items.some((a, i) => items.slice(0, i).some((b) => jsonEqual(a, b)));
    unique.errors = ok ? null : [{ keyword: "uniqueItems", message: "duplicate", params: {} }];
    return ok;
  } as ((types: string[], data: unknown[]) => boolean) & { errors?: unknown[] | null };
  ajv.addKeyword({ keyword: "x-uniqueItems", type: "array", schemaType: "array", errors: true, validate: unique });
  ajv.addKeyword({ keyword: "x-anyOf", schemaType: "array", errors: true, validate: anyOf });
  ajv.addKeyword({ keyword: "x-oneOf", schemaType: "array", errors: true, validate: oneOf });
  ajv.addKeyword({ keyword: "x-contains", type: "array", schemaType: "object", errors: true, validate: contains });
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== "object" ||
    typeof b !== "object" ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual((a as Schema)[k], (b as Schema)[k]));
}

export function createAjv(): Ajv {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    logger: false,
    unicodeRegExp: true,
    // Members are own properties: an inherited `constructor` or `toString` is not a member.
    ownProperties: true,
  });
  for (const [name, [, validate]] of Object.entries(FORMATS)) ajv.addFormat(name, { type: "string", validate });
  ajv.addVocabulary([SENSITIVE_KEYWORD]);
  ajv.addKeyword({
    keyword: "x-bigBounds",
    type: "string",
    schemaType: "object",
    errors: false,
    validate: (bounds: Record<string, string>, data: string) => runtime.bigWithin(data, bounds),
  });
  addKeywords(ajv);
  return ajv;
}

// ---------------------------------------------------------------------------------------------
// Strict mode's schema: the IR with open enums and known values closed, objects closed.

function closeNode(node: TypeNode): TypeNode {
  const c = (n: TypeNode): TypeNode => closeNode(n);
  switch (node.kind) {
    case "enum":
      return { ...node, open: false };
    case "primitive": {
      if (!node.knownValues?.length) return node;
      const { knownValues, ...base } = node;
      const values: TypeNode = { kind: "enum", base: "string", members: knownValues, attrs: { facts: [] } };
      return { kind: "composition", base, allOf: [values], anyOf: [], oneOf: [], attrs: node.attrs };
    }
    case "object":
      return {
        ...node,
        members: node.members.map((m) => ({ ...m, type: c(m.type) })),
        additional: false,
        ...(node.patternProperties
          ? { patternProperties: node.patternProperties.map((p) => ({ ...p, type: c(p.type) })) }
          : {}),
        ...(node.propertyNames ? { propertyNames: c(node.propertyNames) } : {}),
      };
    case "map":
      return { ...node, values: c(node.values), ...(node.keys ? { keys: c(node.keys) } : {}) };
    case "array":
    case "set":
      return { ...node, items: c(node.items), ...(node.contains ? { contains: c(node.contains) } : {}) };
    case "tuple":
      return { ...node, elements: node.elements.map((e) => ({ ...e, type: c(e.type) })) };
    case "choice":
      return { ...node, options: node.options.map((o) => ({ ...o, type: c(o.type) })) };
    case "union":
      return { ...node, options: node.options.map(c) };
    case "composition":
      return {
        ...node,
        ...(node.base ? { base: c(node.base) } : {}),
        allOf: node.allOf.map(c),
        anyOf: node.anyOf.map(c),
        oneOf: node.oneOf.map(c),
        ...(node.not ? { not: c(node.not) } : {}),
        ...(node.if ? { if: c(node.if) } : {}),
        ...(node.then ? { then: c(node.then) } : {}),
        ...(node.else ? { else: c(node.else) } : {}),
      };
    default:
      return node;
  }
}

/**
 * An inline choice's selector is the choice's own member: the objects its options check the value
 * with (through references, compositions and unions, at the value's own level) declare it, where
 * they accept undeclared members at all. Referenced types get a copy that does.
 */
function withSelector(node: TypeNode, sel: string, model: Model, extra: Map<string, NamedType>): TypeNode {
  const w = (n: TypeNode) => withSelector(n, sel, model, extra);
  switch (node.kind) {
    case "object":
      if (node.additional !== true || node.members.some((m) => m.name === sel)) return node;
      return {
        ...node,
        members: [
          ...node.members,
          { name: sel, type: { kind: "any", attrs: { facts: [] } }, required: false, attrs: { facts: [] } },
        ],
      };
    case "ref": {
      const name = `${node.name}__selector_${sel.replace(/[^A-Za-z0-9_]/g, "_")}`;
      if (!extra.has(name)) {
        const t = model.types.find((x) => x.name === node.name);
        if (!t) return node;
        extra.set(name, { ...t, name, root: false, node: t.node });
        extra.set(name, { ...t, name, root: false, node: w(t.node) });
      }
      return { ...node, name };
    }
    case "composition":
      return {
        ...node,
        ...(node.base ? { base: w(node.base) } : {}),
        allOf: node.allOf.map(w),
        anyOf: node.anyOf.map(w),
        oneOf: node.oneOf.map(w),
        ...(node.not ? { not: w(node.not) } : {}),
        ...(node.if ? { if: w(node.if) } : {}),
        ...(node.then ? { then: w(node.then) } : {}),
        ...(node.else ? { else: w(node.else) } : {}),
      };
    case "union":
      return { ...node, options: node.options.map(w) };
    default:
      return node;
  }
}

function selectorsDeclared(model: Model): Model {
  const extra = new Map<string, NamedType>();
  const visit = (node: TypeNode): TypeNode => {
    const v = visit;
    switch (node.kind) {
      case "choice":
        return {
          ...node,
          options: node.options.map((o) => ({
            ...o,
            type: node.selector === undefined ? v(o.type) : withSelector(v(o.type), node.selector, model, extra),
          })),
        };
      case "object":
        return {
          ...node,
          members: node.members.map((m) => ({ ...m, type: v(m.type) })),
          ...(typeof node.additional === "object" ? { additional: v(node.additional) } : {}),
          ...(node.patternProperties
            ? { patternProperties: node.patternProperties.map((p) => ({ ...p, type: v(p.type) })) }
            : {}),
        };
      case "map":
        return { ...node, values: v(node.values) };
      case "array":
      case "set":
        return { ...node, items: v(node.items), ...(node.contains ? { contains: v(node.contains) } : {}) };
      case "tuple":
        return { ...node, elements: node.elements.map((e) => ({ ...e, type: v(e.type) })) };
      case "union":
        return { ...node, options: node.options.map(v) };
      case "composition":
        return {
          ...node,
          ...(node.base ? { base: v(node.base) } : {}),
          allOf: node.allOf.map(v),
          anyOf: node.anyOf.map(v),
          oneOf: node.oneOf.map(v),
          ...(node.not ? { not: v(node.not) } : {}),
          ...(node.if ? { if: v(node.if) } : {}),
          ...(node.then ? { then: v(node.then) } : {}),
          ...(node.else ? { else: v(node.else) } : {}),
        };
      default:
        return node;
    }
  };
  const types = model.types.map((t) => ({ ...t, node: visit(t.node) }));
  return { ...model, types: [...types, ...extra.values()] };
}

export const strictModel = (model: Model): Model => {
  const declared = selectorsDeclared(model);
  return { ...declared, types: declared.types.map((t) => ({ ...t, node: closeNode(t.node) })) };
};

// ---------------------------------------------------------------------------------------------

function withoutSchema(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  if (!Object.prototype.hasOwnProperty.call(value, "$schema") || typeof (value as Schema)["$schema"] !== "string")
    return value;
  const out: Schema = {};
  for (const k of Object.keys(value))
    if (k !== "$schema")
      Object.defineProperty(out, k, {
        value: (value as Schema)[k],
        enumerable: true,
        writable: true,
        configurable: true,
      });
  return out;
}

export interface Verdict {
  valid: boolean;
  /** Sorted "pointer code" strings. */
  issues: string[];
}

/** ajv's verdict for one model, in default or strict mode. */
export class Oracle {
  private readonly ajv: Ajv;
  private readonly id: string;
  private readonly checks = new Map<string, AjvCheck>();
  /** The emitter's own rule for which types declare "$schema" (a definition, not a check). */
  private readonly declared: Set<string>;

  constructor(
    private readonly model: Model,
    strict = false,
  ) {
    this.declared = schemaDeclared(model);
    const m = strict ? strictModel(model) : model;
    this.id = schemaId(m);
    this.ajv = createAjv();
    this.ajv.addSchema(collapse(forAjv(toJsonSchema(m)), this.id) as Schema);
  }

  /** ajv's verdict; undefined where ajv itself throws. */
  check(type: string, value: unknown): Verdict | undefined {
    let check = this.checks.get(type);
    if (!check) {
      check = this.ajv.getSchema(`${this.id}#/$defs/${type}`) as AjvCheck | undefined;
      if (!check) throw new Error(`ajv has no schema for ${type}`);
      this.checks.set(type, check);
    }
    const v = this.declared.has(type) ? value : withoutSchema(value);
    let valid: boolean;
    try {
      valid = check(v) === true;
    } catch {
      // ajv's deep equality (uniqueItems, const) throws on some data, e.g. a member named "toString".
      return undefined;
    }
    return { valid, issues: valid ? [] : issuesOf(check.errors ?? []) };
  }
}

/** The generated validator's verdict in the same form. */
export function verdictOf(r: { valid: boolean; errors: { pointer: string; code: string }[] }): Verdict {
  return { valid: r.valid, issues: [...new Set(r.errors.map((e) => `${e.pointer} ${e.code}`))].sort() };
}
