// Checks of leaf nodes (primitives, enums, const, any, references), written inline where a value
// is checked. Each keyword the JSON Schema emitter writes for the node becomes one test, with the
// same type guards ajv applies (number keywords on finite numbers, string keywords on strings).
import type { Code } from "../../diagnostics/catalogue.js";
import type { EnumValue, TypeNode } from "../../ir/model.js";
import { primitiveSchema } from "../json-schema/primitive.js";
import { call, type Call, jsString, numberLiteral, type Writer } from "./layout.js";
import { COMPOUND, literal, Scope, sortedEnumValues } from "./scope.js";

/** Format name → runtime check and error code (what the catalogue says a failure is). */
export const FORMATS: Record<string, [fn: string, code: Code, arg?: string]> = {
  "date-time": ["fmtDateTime", "INSTANCE_DATETIME_FORMAT_INVALID"],
  date: ["fmtDate", "INSTANCE_DATE_FORMAT_INVALID"],
  time: ["fmtTime", "INSTANCE_TIME_FORMAT_INVALID"],
  duration: ["fmtDuration", "INSTANCE_DURATION_FORMAT_INVALID"],
  uuid: ["fmtUuid", "INSTANCE_UUID_FORMAT_INVALID"],
  "uri-reference": ["fmtUriReference", "INSTANCE_URI_FORMAT_INVALID", "URI reference"],
  uri: ["fmtUri", "INSTANCE_URI_FORMAT_INVALID", "URI"],
  "json-pointer": ["fmtJsonPointer", "INSTANCE_JSONPOINTER_FORMAT_INVALID"],
  email: ["fmtEmail", "INSTANCE_FORMAT_EMAIL_INVALID"],
  hostname: ["fmtHostname", "INSTANCE_FORMAT_HOSTNAME_INVALID"],
  ipv4: ["fmtIpv4", "INSTANCE_FORMAT_IPV4_INVALID"],
  ipv6: ["fmtIpv6", "INSTANCE_FORMAT_IPV6_INVALID"],
  int64: ["fmtInt64", "INSTANCE_INT_RANGE_INVALID", "an int64 as a decimal string"],
  uint64: ["fmtUint64", "INSTANCE_INT_RANGE_INVALID", "a uint64 as a decimal string"],
  int128: ["fmtInt128", "INSTANCE_INT_RANGE_INVALID", "an int128 as a decimal string"],
  uint128: ["fmtUint128", "INSTANCE_INT_RANGE_INVALID", "a uint128 as a decimal string"],
};

type JsonType = "boolean" | "null" | "integer" | "number" | "string";

const TYPE_CODE: Record<JsonType, Code> = {
  boolean: "INSTANCE_BOOLEAN_EXPECTED",
  null: "INSTANCE_NULL_EXPECTED",
  integer: "INSTANCE_INTEGER_EXPECTED",
  number: "INSTANCE_NUMBER_EXPECTED",
  string: "INSTANCE_STRING_EXPECTED",
};

/** The keywords of a primitive, as the JSON Schema emitter states them. */
interface Spec {
  type: JsonType;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  patterns: string[];
  format?: string;
  bigBounds?: Record<string, string>;
  /** Values prose names: drift when missing by default, errors in strict mode. */
  known?: EnumValue[];
}

type Primitive = Extract<TypeNode, { kind: "primitive" }>;

function specOf(node: Primitive): Spec {
  if (node.primitive === "datetime" && node.encoding === "epoch-seconds") return { type: "number", patterns: [] };
  const s = primitiveSchema(node.primitive, node.constraints);
  const spec: Spec = { type: s["type"] as JsonType, patterns: [] };
  for (const k of [
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
  ] as const) {
    if (typeof s[k] === "number") spec[k] = s[k] as number;
  }
  if (typeof s["pattern"] === "string") spec.patterns.push(s["pattern"]);
  for (const part of (s["allOf"] as { pattern?: string }[] | undefined) ?? [])
    if (part.pattern) spec.patterns.push(part.pattern);
  if (typeof s["format"] === "string") spec.format = s["format"];
  if (s["x-bigBounds"]) spec.bigBounds = s["x-bigBounds"] as Record<string, string>;
  if (node.knownValues?.length) spec.known = sortedEnumValues(node.knownValues.map((m) => m.value));
  return spec;
}

/**
 * The JSON type the node's schema names (what ajv's uniqueItems narrows by), or undefined. In
 * strict mode's schema open enums are closed, and a closed enum names no type.
 */
export function schemaType(node: TypeNode, strict = false): string | undefined {
  switch (node.kind) {
    case "primitive":
      return specOf(node).type;
    case "enum":
      return node.open && !strict ? "string" : undefined;
    case "composition":
      return node.base ? schemaType(node.base, strict) : undefined;
    case "object":
    case "map":
    case "choice":
      return "object";
    case "array":
    case "set":
    case "tuple":
      return "array";
    default:
      return undefined;
  }
}

const TYPE_TEST: Record<JsonType, (v: string) => string> = {
  boolean: (v) => `typeof ${v} !== "boolean"`,
  null: (v) => `${v} !== null`,
  integer: (v) => `typeof ${v} !== "number" || !Number.isInteger(${v})`,
  number: (v) => `typeof ${v} !== "number" || !isFinite(${v})`,
  string: (v) => `typeof ${v} !== "string"`,
};

interface Test {
  cond: string | { not?: boolean; call: Call };
  code: Code;
  arg?: string;
  /** The test calls nothing (a comparison): leafHead may write it out. */
  plain?: true;
}

const ONE_CLASS = /^\^\(\?:(\[(?:[^\\\]]|\\.)*\])[+*]\)\$$/;

/**
 * A pattern that is one character class repeated (^(?:[…]+)$ or *): the class's ASCII members as
 * eight 16-bit words, each bit decided by the pattern's own class, so runtime.js's inClass matches
 * exactly what the pattern does and asks the pattern only about other characters. Emitted as a plain
 * array: V8 indexes a frozen one several times slower.
 */
export function classTable(pattern: string): number[] | undefined {
  // Compiling a class of Unicode properties is most of the cost, and a pattern recurs (both modes, many types).
  if (tables.has(pattern)) return tables.get(pattern);
  if (tables.size >= 1024) tables.clear();
  const words = computeTable(pattern);
  tables.set(pattern, words);
  return words;
}

const tables = new Map<string, number[] | undefined>();

function computeTable(pattern: string): number[] | undefined {
  const m = ONE_CLASS.exec(pattern);
  if (!m) return undefined;
  let one: RegExp;
  try {
    one = new RegExp(m[1]!, "gu");
  } catch {
    return undefined;
  }
  // One scan of the 128 ASCII characters: the class matches one character at a time.
  const words = new Array<number>(8).fill(0);
  for (const hit of ASCII.matchAll(one)) words[hit.index >> 4]! |= 1 << (hit.index & 15);
  return words;
}

const ASCII = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join("");

/** The longest run of consecutive members in a class table, [lo, hi] (the first of equals; [1, 0] when empty). */
export function widestRun(words: number[]): [number, number] {
  let best: [number, number] = [1, 0];
  let start = -1;
  for (let c = 0; c <= 128; c++) {
    const member = c < 128 && ((words[c >> 4]! >> (c & 15)) & 1) === 1;
    if (member && start < 0) start = c;
    if (!member && start >= 0) {
      if (c - 1 - start > best[1] - best[0]) best = [start, c - 1];
      start = -1;
    }
  }
  return best;
}

/** The tests after the type check (the value has the schema's type, or is at least a finite number). */
function keywordTests(s: Scope, spec: Spec, v: string): Test[] {
  const out: Test[] = [];
  const n = numberLiteral;
  if (spec.type === "integer" || spec.type === "number") {
    if (spec.minimum !== undefined)
      out.push({
        cond: `${v} < ${n(spec.minimum)}`,
        code: "INSTANCE_NUMBER_MINIMUM",
        arg: n(spec.minimum),
        plain: true,
      });
    if (spec.maximum !== undefined)
      out.push({
        cond: `${v} > ${n(spec.maximum)}`,
        code: "INSTANCE_NUMBER_MAXIMUM",
        arg: n(spec.maximum),
        plain: true,
      });
    if (spec.exclusiveMinimum !== undefined) {
      out.push({
        cond: `${v} <= ${n(spec.exclusiveMinimum)}`,
        code: "INSTANCE_NUMBER_EXCLUSIVE_MINIMUM",
        arg: n(spec.exclusiveMinimum),
        plain: true,
      });
    }
    if (spec.exclusiveMaximum !== undefined) {
      out.push({
        cond: `${v} >= ${n(spec.exclusiveMaximum)}`,
        code: "INSTANCE_NUMBER_EXCLUSIVE_MAXIMUM",
        arg: n(spec.exclusiveMaximum),
        plain: true,
      });
    }
    if (spec.multipleOf !== undefined) {
      out.push({
        cond: { call: call(s.rt("notMultiple"), v, n(spec.multipleOf)) },
        code: "INSTANCE_NUMBER_MULTIPLE_OF",
        arg: n(spec.multipleOf),
      });
    }
  }
  if (spec.type !== "string") return out;
  const min = spec.minLength ?? 0;
  // Code points never exceed UTF-16 units, and a code point is at most two units.
  if (min === 1) out.push({ cond: `${v}.length === 0`, code: "INSTANCE_STRING_MIN_LENGTH", arg: "1", plain: true });
  else if (min > 1) {
    out.push({
      cond: `${v}.length < ${n(2 * min)} && ${s.rt("cpLength")}(${v}) < ${n(min)}`,
      code: "INSTANCE_STRING_MIN_LENGTH",
      arg: n(min),
    });
  }
  if (spec.maxLength !== undefined) {
    const max = n(spec.maxLength);
    out.push({
      cond: `${v}.length > ${max} && ${s.rt("cpLength")}(${v}) > ${max}`,
      code: "INSTANCE_STRING_MAX_LENGTH",
      arg: max,
    });
  }
  for (const p of spec.patterns) {
    // Always with the u flag (\p{…}, code points), as ajv's unicodeRegExp reads them.
    const name = s.constant("re", { call: call("new RegExp", jsString(p), jsString("u")) });
    const table = classTable(p);
    const run = table ? widestRun(table) : undefined;
    const test =
      table && run
        ? call(s.rt("inClass"), v, String(run[0]), String(run[1]), s.constant("m", { list: table.map(String) }), name)
        : call(`${name}.test`, v);
    out.push({ cond: { not: true, call: test }, code: "INSTANCE_STRING_PATTERN_MISMATCH", arg: name });
  }
  if (spec.format) {
    const f = FORMATS[spec.format];
    if (f)
      out.push({
        cond: { not: true, call: call(s.rt(f[0]), v) },
        code: f[1],
        ...(f[2] ? { arg: jsString(f[2]) } : {}),
      });
  }
  if (spec.bigBounds) {
    const entries = Object.entries(spec.bigBounds).map(([k, b]) => [k, jsString(b)] as [string, string]);
    const name = s.constant("b", { callee: "Object.freeze", object: entries });
    const words: Record<string, string> = { minimum: "≥", maximum: "≤", exclusiveMinimum: ">", exclusiveMaximum: "<" };
    const range = Object.entries(spec.bigBounds)
      .map(([k, b]) => `${words[k]} ${b}`)
      .join(" and ");
    out.push({
      cond: { not: true, call: call(s.rt("bigWithin"), v, name) },
      code: "INSTANCE_INT_RANGE_INVALID",
      arg: jsString(range),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Boolean mode: statements that return false unless `v` is valid. `q` is the state: the depth
// times 8, plus 4 where a top-level "$schema" is kept, plus the mode (0 default, 1 strict,
// 2 default and free of drift); `q & 3` is the mode.

export function leafIs(s: Scope, w: Writer, node: TypeNode, v: string, q: string, no = "return false;"): void {
  switch (node.kind) {
    case "any":
      return;
    case "ref":
      w.when({ not: true, call: call(`${node.name}$is`, v, q) }, no);
      return;
    case "const":
      w.when(`${v} !== ${literal(node.value)}`, no);
      return;
    case "enum": {
      const set = s.set(sortedEnumValues(node.members.map((m) => m.value)));
      if (!node.open) w.when({ not: true, call: call(`${set}.has`, v) }, no);
      else {
        // Default: any string. Strict: a listed value. Drift-free (mode 2): both.
        w.when(`typeof ${v} !== "string" && (q & 3) !== 1`, no);
        w.when(`(q & 3) !== 0 && !${set}.has(${v})`, no);
      }
      return;
    }
    case "primitive": {
      const spec = specOf(node);
      w.when(TYPE_TEST[spec.type](v), no);
      for (const t of keywordTests(s, spec, v)) w.when(t.cond, no);
      if (spec.known) knownIs(s, w, spec, v, no);
      return;
    }
    default:
      if (!COMPOUND.has(node.kind)) throw new Error(`leafIs: ${node.kind}`);
      w.when({ not: true, call: call(s.isName(s.fn(node)), v, q) }, no);
  }
}

/**
 * What of a primitive's boolean check is written out where a required member is read: its type test and the
 * comparisons before its first test that calls something (a length in code points, a pattern, a format…).
 * `whole`: that is all of its check (nothing else, no known values), so its function need not be called.
 */
export function leafHead(node: TypeNode, v: string): { conds: string[]; whole: boolean; rest: boolean } | undefined {
  if (node.kind !== "primitive") return undefined;
  const spec = specOf(node);
  // A scope of its own: what a pattern would add to one is the type's own, and only comparisons are kept.
  const { head, rest } = splitTests(keywordTests(new Scope("", "js"), spec, v));
  const whole = rest.length === 0 && !spec.known;
  const conds = [TYPE_TEST[spec.type](v), ...head.map((t) => t.cond as string)];
  return { conds, whole, rest: !whole && spec.type === "string" };
}

/** A primitive's keyword tests: the leading ones that call nothing (leafHead's), and the rest. */
function splitTests(tests: Test[]): { head: Test[]; rest: Test[] } {
  const first = tests.findIndex((t) => !t.plain);
  return first < 0 ? { head: tests, rest: [] } : { head: tests.slice(0, first), rest: tests.slice(first) };
}

/**
 * A string type's boolean check after its head (leafHead): what `T$rest(x, q)` decides for a value that passed
 * the head, so a required member that wrote the head out does not test it twice. In the type's own scope.
 */
export function leafRestIs(s: Scope, w: Writer, node: TypeNode, v: string): void {
  const spec = specOf(node as Primitive);
  for (const t of splitTests(keywordTests(s, spec, v)).rest) w.when(t.cond, "return false;");
  if (spec.known) knownIs(s, w, spec, v, "return false;");
}

function knownIs(s: Scope, w: Writer, spec: Spec, v: string, no: string): void {
  const set = s.set(spec.known!);
  if (spec.type === "string") w.when(`(q & 3) !== 0 && !${set}.has(${v})`, no);
  else {
    // Not a string type: the schema's anyOf [values, string] holds by default, the values in strict mode.
    w.when(`(q & 3) === 1 && !${set}.has(${v})`, no);
    w.when(`(q & 3) !== 1 && !${set}.has(${v}) && typeof ${v} !== "string"`, no);
  }
}

// ---------------------------------------------------------------------------------------------
// Collecting mode: statements that record every error (and drift) of `v`, the value at the
// context's path (k "undefined") or its member or item `k`. `exit` leaves the value's checks.

const failCall = (s: Scope, k: string, code: Code, arg?: string): Call =>
  call(s.rt("fail"), "c", k, jsString(code), ...(arg !== undefined ? [arg] : []));

export function leafCheck(s: Scope, w: Writer, node: TypeNode, v: string, k: string, exit: string): void {
  switch (node.kind) {
    case "any":
      return;
    case "ref":
      w.call(call(`${node.name}$check`, v, "c", k));
      return;
    case "const": {
      const lit = literal(node.value);
      w.when(`${v} !== ${lit}`, failCall(s, k, "INSTANCE_CONST_MISMATCH", lit));
      return;
    }
    case "enum": {
      const values = sortedEnumValues(node.members.map((m) => m.value));
      const set = s.set(values);
      const list = s.values(values);
      if (!node.open)
        w.when({ not: true, call: call(`${set}.has`, v) }, failCall(s, k, "INSTANCE_ENUM_MISMATCH", list));
      else {
        w.when(`typeof ${v} !== "string" && !c.s`, failCall(s, k, "INSTANCE_STRING_EXPECTED"));
        w.when(`(typeof ${v} === "string" || c.s) && !${set}.has(${v})`, call(s.rt("unknownValue"), "c", k, v, list));
      }
      return;
    }
    case "primitive":
      primitiveCheck(s, w, specOf(node), v, k, exit);
      return;
    default:
      if (!COMPOUND.has(node.kind)) throw new Error(`leafCheck: ${node.kind}`);
      w.call(call(s.checkName(s.fn(node)), v, "c", k));
  }
}

function primitiveCheck(s: Scope, w: Writer, spec: Spec, v: string, k: string, exit: string): void {
  const tests = keywordTests(s, spec, v);
  const known = spec.known ? { set: s.set(spec.known), list: s.values(spec.known) } : undefined;
  const typeFail = failCall(s, k, TYPE_CODE[spec.type]);
  // In strict mode a value outside the known values is an error whatever its type.
  const strictKnown = known ? call(s.rt("unknownValue"), "c", k, v, known.list) : undefined;
  const after = tests.length > 0 || known !== undefined;
  if (spec.type === "integer") {
    // ajv still applies the number keywords to a finite number that is not an integer.
    w.block(`if (typeof ${v} !== "number" || !isFinite(${v}))`, () => {
      w.call(typeFail);
      if (strictKnown) w.when(`c.s && !${known!.set}.has(${v})`, strictKnown);
      w.line(exit);
    });
    w.when({ not: true, call: call("Number.isInteger", v) }, typeFail);
  } else if (!after) w.when(TYPE_TEST[spec.type](v), typeFail);
  else if (exit === "return;" && !strictKnown) w.when(TYPE_TEST[spec.type](v), { ret: typeFail });
  else {
    w.block(`if (${TYPE_TEST[spec.type](v)})`, () => {
      w.call(typeFail);
      if (strictKnown) w.when(`c.s && !${known!.set}.has(${v})`, strictKnown);
      w.line(exit);
    });
  }
  for (const t of tests) w.when(t.cond, failCall(s, k, t.code, t.arg));
  if (!known) return;
  if (spec.type === "string") w.when({ not: true, call: call(`${known.set}.has`, v) }, strictKnown!);
  else {
    w.when(`c.s && !${known.set}.has(${v})`, strictKnown!);
    w.when(
      `!c.s && !${known.set}.has(${v}) && typeof ${v} !== "string"`,
      failCall(s, k, "INSTANCE_ANY_OF_NONE_MATCHED", jsString("the listed values or a string")),
    );
  }
}

/** A short description of a node for messages ("AttributeType", "a string", "an object"). */
export function describe(node: TypeNode): string {
  switch (node.kind) {
    case "ref":
      return node.name;
    case "primitive":
      return node.primitive === "null" ? "null" : `${/^[aei]/.test(node.primitive) ? "an" : "a"} ${node.primitive}`;
    case "enum":
      return `one of ${sortedEnumValues(node.members.map((m) => m.value))
        .map((v) => JSON.stringify(v))
        .join(", ")}`;
    case "const":
      return JSON.stringify(node.value);
    case "any":
      return "any value";
    case "array":
    case "set":
    case "tuple":
      return `an ${node.kind === "set" ? "array (set)" : node.kind === "tuple" ? "array (tuple)" : "array"}`;
    case "union":
      return node.options.map(describe).join(" or ");
    default:
      return `an ${node.kind === "map" ? "object (map)" : node.kind === "choice" ? "object (choice)" : "object"}`;
  }
}
