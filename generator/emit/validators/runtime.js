// Runtime for generated validators. This file is copied verbatim (minus `export `) into every
// generated validators module, so generated code depends on nothing, not even ajv.
// Plain JavaScript on purpose: its text is the product.

/** Length in Unicode code points, as JSON Structure and JSON Schema count it. */
export function ucs2length(str) {
  let length = 0;
  for (let i = 0; i < str.length; i++) {
    length++;
    const c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      const n = str.charCodeAt(i + 1);
      if (n >= 0xdc00 && n <= 0xdfff) i++;
    }
  }
  return length;
}

/** Deep equality of JSON values (uniqueItems, enum and const of compound values). */
export function equal(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !equal(a[k], b[k])) return false;
  return true;
}

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y, m, d) {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && !leap ? 28 : DAYS[m]);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))?$/;

function validTime(t) {
  const m = TIME.exec(t);
  if (!m) return false;
  const h = +m[1], min = +m[2], s = +m[3];
  if (h > 23 || min > 59 || s > 60) return false;
  return m[4] === undefined || (+m[4] <= 23 && +m[5] <= 59);
}

/** RFC 3339 full-date. */
export function isDate(s) {
  const m = DATE.exec(s);
  return m !== null && validDate(+m[1], +m[2], +m[3]);
}

/** RFC 3339 time (an offset is optional). */
export function isTime(s) {
  return validTime(s);
}

/** RFC 3339 date-time: a date, `T`, a time and an offset. */
export function isDateTime(s) {
  const i = s.search(/[Tt]/);
  if (i !== 10) return false;
  const t = s.slice(11);
  return isDate(s.slice(0, 10)) && /(?:[Zz]|[+-]\d{2}:\d{2})$/.test(t) && validTime(t);
}

/** ISO 8601 duration (P1Y2M3DT4H5M6.5S, P2W). */
export function isDuration(s) {
  return /^P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/.test(s);
}

export function isUuid(s) {
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s);
}

/** RFC 3986 URI reference: allowed characters and well-formed percent escapes. */
export function isUriReference(s) {
  return /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(s);
}

/** RFC 6901 JSON pointer. */
export function isJsonPointer(s) {
  return /^(?:\/(?:[^~/]|~0|~1)*)*$/.test(s);
}

/** RFC 3986 absolute URI: a scheme, then a URI reference's characters. */
export function isUri(s) {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && isUriReference(s);
}

/** A pragmatic email check (local@domain, no spaces), as JSON Schema validators use. */
export function isEmail(s) {
  return /^[^\s@"<>()[\],;:]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/.test(s);
}

export function isHostname(s) {
  return s.length <= 253 && /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(s);
}

export function isIpv4(s) {
  return /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(s);
}

export function isIpv6(s) {
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || s.split("::").length > 2) return false;
  const tail = s.includes(".") ? s.slice(s.lastIndexOf(":") + 1) : "";
  if (tail && !isIpv4(tail)) return false;
  const head = tail ? s.slice(0, s.lastIndexOf(":") + 1) + "0:0" : s;
  const groups = head.split(":");
  const compressed = head.includes("::");
  if (groups.some((g, i) => g.length > 4 || (g === "" && !compressed && !(i === 0 || i === groups.length - 1)))) return false;
  return compressed ? groups.filter((g) => g !== "").length <= 7 : groups.length === 8 && groups.every((g) => g !== "");
}

/** A decimal integer string within a two's-complement (or unsigned) width, checked with BigInt. */
function intString(s, bits, signed) {
  if (!(signed ? /^-?(?:0|[1-9][0-9]*)$/ : /^(?:0|[1-9][0-9]*)$/).test(s)) return false;
  const v = BigInt(s);
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  return v >= min && v <= max;
}

export function isInt64(s) {
  return intString(s, 64, true);
}
export function isUint64(s) {
  return intString(s, 64, false);
}
export function isInt128(s) {
  return intString(s, 128, true);
}
export function isUint128(s) {
  return intString(s, 128, false);
}

/** A decimal string as [digits without the point, digits after the point]. */
function decimalParts(s) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(s));
  if (!m) return undefined;
  const frac = m[3] || "";
  return [BigInt(m[1] + m[2] + frac), frac.length];
}

/** Compares two decimal strings exactly: -1, 0 or 1 (undefined when either is not a number). */
function compareDecimal(a, b) {
  const x = decimalParts(a);
  const y = decimalParts(b);
  if (!x || !y) return undefined;
  const scale = Math.max(x[1], y[1]);
  const l = x[0] * 10n ** BigInt(scale - x[1]);
  const r = y[0] * 10n ** BigInt(scale - y[1]);
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Bounds of string-encoded numbers (int64, decimal, …), given as strings and compared exactly. */
export function bigWithin(s, b) {
  const c = (k) => (b[k] === undefined ? undefined : compareDecimal(s, b[k]));
  const lo = c("minimum"), hi = c("maximum"), xlo = c("exclusiveMinimum"), xhi = c("exclusiveMaximum");
  if ([lo, hi, xlo, xhi].some((v, i) => v === undefined && b[["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"][i]] !== undefined)) return false;
  return !(lo < 0 || hi > 0 || (xlo !== undefined && xlo <= 0) || (xhi !== undefined && xhi >= 0));
}

const TYPE_CODES = {
  string: "INSTANCE_STRING_EXPECTED",
  object: "INSTANCE_OBJECT_EXPECTED",
  array: "INSTANCE_ARRAY_EXPECTED",
  number: "INSTANCE_NUMBER_EXPECTED",
  integer: "INSTANCE_INTEGER_EXPECTED",
  boolean: "INSTANCE_BOOLEAN_EXPECTED",
  null: "INSTANCE_NULL_EXPECTED",
};

const KEYWORD_CODES = {
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
  contains: "INSTANCE_MIN_CONTAINS",
  minContains: "INSTANCE_MIN_CONTAINS",
  maxContains: "INSTANCE_MAX_CONTAINS",
  not: "INSTANCE_NOT_MATCHED",
  items: "INSTANCE_TUPLE_ADDITIONAL_ITEMS",
  propertyNames: "INSTANCE_STRING_PATTERN_MISMATCH",
  "x-bigBounds": "INSTANCE_INT_RANGE_INVALID",
};

const FORMAT_CODES = {
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

/**
 * An open enum is `anyOf [enum, string]`: report the failed anyOf once (or not at all when
 * the value already fails a check outside it, e.g. its type), not each branch.
 */
function collapseAnyOf(errors) {
  const anyOfs = errors.filter((e) => e.keyword === "anyOf");
  if (anyOfs.length === 0) return errors;
  const inBranch = (e) => anyOfs.some((a) => a !== e && a.instancePath === e.instancePath && e.schemaPath.startsWith(a.schemaPath + "/"));
  const kept = errors.filter((e) => !inBranch(e));
  return kept.filter((e) => e.keyword !== "anyOf" || !kept.some((o) => o !== e && o.keyword !== "anyOf" && o.instancePath === e.instancePath));
}

function pointerToken(s) {
  return String(s).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** ajv's errors as structgen issues: a JSON pointer, a code and a message. */
export function toIssues(errors) {
  const issues = [];
  for (const e of collapseAnyOf(errors || [])) {
    let pointer = e.instancePath;
    let message = e.message || "is invalid";
    let code = KEYWORD_CODES[e.keyword] || "INSTANCE_TYPE_MISMATCH";
    if (e.keyword === "type") code = TYPE_CODES[e.params.type] || "INSTANCE_TYPE_MISMATCH";
    else if (e.keyword === "contains" && e.params.minContains === 0) code = "INSTANCE_MAX_CONTAINS";
    else if (e.keyword === "format") code = FORMAT_CODES[e.params.format] || "INSTANCE_TYPE_MISMATCH";
    else if (e.keyword === "required") {
      pointer += "/" + pointerToken(e.params.missingProperty);
      message = "is required";
    } else if (e.keyword === "additionalProperties") {
      pointer += "/" + pointerToken(e.params.additionalProperty);
      message = "is not allowed";
    } else if (e.keyword === "enum") {
      message = "must be one of " + e.params.allowedValues.map((v) => JSON.stringify(v)).join(", ");
    }
    issues.push({ pointer, code, message });
  }
  return issues;
}

/**
 * An instance document may name its schema in a top-level "$schema"; that is not data.
 * Returns the value without it (a shallow copy only when there is one).
 */
export function instanceData(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, "$schema") || typeof value.$schema !== "string") return value;
  const out = {};
  for (const k of Object.keys(value)) if (k !== "$schema") Object.defineProperty(out, k, { value: value[k], enumerable: true, writable: true, configurable: true });
  return out;
}

/** Runs a compiled check; never throws (throwing getters, cycles, deep nesting become an issue). */
export function runValidator(check, value) {
  try {
    value = instanceData(value);
    if (check(value)) return { valid: true, errors: [] };
    return { valid: false, errors: toIssues(check.errors) };
  } catch (e) {
    return { valid: false, errors: [{ pointer: "", code: "INSTANCE_UNREADABLE", message: "could not be read: " + (e && e.message ? e.message : String(e)) }] };
  }
}

/** Thrown by assert functions; lists every problem. */
export class ValidationError extends Error {
  constructor(typeName, errors) {
    super(typeName + " is invalid:\n" + errors.map((e) => "  " + (e.pointer || "/") + " " + e.message + " [" + e.code + "]").join("\n"));
    this.name = "ValidationError";
    this.typeName = typeName;
    this.errors = errors;
  }
}

export function assertValid(check, value, typeName) {
  const r = runValidator(check, value);
  if (!r.valid) throw new ValidationError(typeName, r.errors);
}

/** The generated fast path: true only for values that are valid and drift-free. Never throws. */
export function fast(q, value) {
  try {
    return q(instanceData(value)) === true;
  } catch {
    return false;
  }
}

export function isValid(check, value) {
  try {
    return check(instanceData(value)) === true;
  } catch {
    return false;
  }
}

/**
 * Drift and strict mode. `shapes` maps type names to descriptors: a type name, {o: members,
 * x: extra allowed}, {a: items}, {m: map values}, {e: known values} or 0 (nothing to check).
 * Unknown members and values are drift by default, and errors in strict mode.
 */
export function driftIssues(shapes, desc, value, pointer, out, depth) {
  if (depth > 256 || value === null || value === undefined) return;
  if (typeof desc === "string") return driftIssues(shapes, shapes[desc], value, pointer, out, depth + 1);
  if (!desc) return;
  if (desc.e !== undefined) {
    if (typeof value === "string" && desc.e.indexOf(value) < 0) out.push({ pointer, kind: "unknown-value", value, known: desc.e });
    return;
  }
  if (typeof value !== "object") return;
  if (desc.a !== undefined && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) driftIssues(shapes, desc.a, value[i], pointer + "/" + i, out, depth + 1);
  } else if (desc.m !== undefined && !Array.isArray(value)) {
    for (const k of Object.keys(value)) driftIssues(shapes, desc.m, value[k], pointer + "/" + pointerToken(k), out, depth + 1);
  } else if (desc.o !== undefined && !Array.isArray(value)) {
    for (const k of Object.keys(value)) {
      if (Object.prototype.hasOwnProperty.call(desc.o, k)) driftIssues(shapes, desc.o[k], value[k], pointer + "/" + pointerToken(k), out, depth + 1);
      else if (!desc.x) out.push({ pointer: pointer + "/" + pointerToken(k), kind: "unknown-property", value: k });
    }
  }
}

function driftToIssue(d) {
  return d.kind === "unknown-value"
    ? { pointer: d.pointer, code: "INSTANCE_ENUM_MISMATCH", message: "must be one of " + d.known.map((v) => JSON.stringify(v)).join(", ") + " (strict mode)" }
    : { pointer: d.pointer, code: "INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED", message: "is not declared (strict mode)" };
}

/** Validates, then reports drift: as `drift` by default, as errors with `strict`. */
export function validateWith(check, shapes, typeName, value, strict) {
  const r = runValidator(check, value);
  if (!r.valid) return { valid: false, errors: r.errors, drift: [] };
  const drift = [];
  try {
    driftIssues(shapes, typeName, instanceData(value), "", drift, 0);
  } catch (e) {
    return { valid: false, errors: [{ pointer: "", code: "INSTANCE_UNREADABLE", message: "could not be read: " + (e && e.message ? e.message : String(e)) }], drift: [] };
  }
  if (strict && drift.length > 0) return { valid: false, errors: drift.map(driftToIssue), drift };
  return { valid: true, errors: [], drift };
}

/**
 * An AWS SDK v3 output in the wire view: Date becomes epoch seconds, `$metadata` and
 * undefined members are dropped. Lets SDK results be validated like raw JSON.
 */
export function sdkToWire(value) {
  return toWire(value, 0);
}

function toWire(value, depth) {
  if (depth > 512) return value;
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map((v) => toWire(v, depth + 1));
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const k of Object.keys(value)) {
    if (value[k] === undefined || (depth === 0 && k === "$metadata")) continue;
    Object.defineProperty(out, k, { value: toWire(value[k], depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
