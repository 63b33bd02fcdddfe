// The validators' runtime as JavaScript with JSDoc types (checkJs-clean, in prettier's style). Emitted
// as runtime.js, converted to runtime.ts by to-ts.ts, and inlined for in-memory use. Its messages
// come from the catalogue (see runtime-text.ts): this text holds the code only.
// Conventions the TypeScript conversion relies on: a JSDoc block with @param/@returns right above
// each typed function; casts written `/** @type {T} */ (name)`; typed constants and class fields
// with a one-line `/** @type {T} */` above them; types from runtime.d.ts as import("./runtime.js").X.
export const RUNTIME_JS = String.raw`/** @typedef {import("./runtime.js").Token} Token */
/** @typedef {import("./runtime.js").Context} Context */
/** @typedef {import("./runtime.js").ValidationIssue} ValidationIssue */
/** @typedef {import("./runtime.js").Drift} Drift */
/** @typedef {import("./runtime.js").ValidateOptions} ValidateOptions */
/** @typedef {import("./runtime.js").ValidationResult} ValidationResult */
/** @typedef {import("./runtime.js").Validate} Validate */
/** @typedef {import("./runtime.js").Is} Is */
/** @typedef {import("./runtime.js").Check} Check */
/** @typedef {import("./runtime.js").Bounds} Bounds */

/** Values nested deeper than this are rejected (INSTANCE_MAX_DEPTH_EXCEEDED), never passed. */
/** @type {number} */
export const MAX_DEPTH = /* MAX_DEPTH */ 512;

/** Errors (and drift entries) kept per result unless the caller asks for another number. */
/** @type {number} */
export const MAX_ERRORS = 100;

/* MESSAGES */

/** @type {(v: PropertyKey) => boolean} */
export const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The selector of the inline choice being checked in boolean mode and its state: an option object
 * does not count it as an undeclared member. Each choice restores what it found.
 */
/** @type {{ name: string; q: number }} */
export const selector = { name: "", q: -1 };
const enumerable = Object.prototype.propertyIsEnumerable;
// A constant, so that objectLike is within what V8 inlines whatever its budget (27 bytes of bytecode).
const anArray = Array.isArray;

/**
 * A JSON object: not null, not an array.
 * @param {unknown} x
 * @returns {x is Record<string, unknown>}
 */
export function objectLike(x) {
  return typeof x === "object" && x !== null && !anArray(x);
}

/**
 * An own enumerable member's value, as JSON sees the object; undefined when there is none.
 * @param {Record<string, unknown>} x
 * @param {string} k
 * @returns {unknown}
 */
export function own(x, k) {
  return enumerable.call(x, k) ? x[k] : undefined;
}

/**
 * Whether a pattern that is one character class repeated, ^(?:[…]+)$ or ^(?:[…]*)$, matches s.
 * Characters in the class's widest ASCII run [lo, hi] pass in a small loop; from the first other
 * one on, classRest decides. Past 64 characters the compiled pattern is as fast, so it decides.
 * @param {string} s
 * @param {number} lo
 * @param {number} hi
 * @param {readonly number[]} m
 * @param {RegExp} re
 * @returns {boolean}
 */
export function inClass(s, lo, hi, m, re) {
  const n = s.length;
  // The empty string too: the pattern says whether its class may repeat zero times.
  if (n > 64 || n === 0) return re.test(s);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < lo || c > hi) return classRest(s, i, m, re);
  }
  return true;
}

/**
 * inClass from index i on: ASCII characters by a table of the class (16 bits a word), each bit decided
 * by the pattern's own class, anything else by the pattern itself.
 * @param {string} s
 * @param {number} i
 * @param {readonly number[]} m
 * @param {RegExp} re
 * @returns {boolean}
 */
function classRest(s, i, m, re) {
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return re.test(s);
    if (((m[c >> 4] >> (c & 15)) & 1) === 0) return false;
  }
  return true;
}

/**
 * Whether the first r names in k (an open object's required members, read directly and valid) are own
 * enumerable members of x, as JSON sees them: for-in lists enumerable members, own ones first.
 * @param {object} x
 * @param {readonly string[]} k
 * @param {number} r
 * @returns {boolean}
 */
export function ownsAll(x, k, r) {
  let left = r;
  for (const key in x) {
    const i = k.indexOf(key);
    if (i >= 0 && i < r && hasOwn.call(x, key) && --left === 0) return true;
  }
  return false;
}

/**
 * Length in Unicode code points, as JSON Structure and JSON Schema count it.
 * @param {string} s
 * @returns {number}
 */
export function cpLength(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    n++;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/**
 * JSON Schema's multipleOf, computed as ajv computes it.
 * @param {number} v
 * @param {number} m
 * @returns {boolean}
 */
export function notMultiple(v, m) {
  const r = v / m;
  return r !== parseInt(String(r));
}

/**
 * The JSON type check ajv applies to the items of a set before it compares them.
 * @param {unknown} v
 * @param {string} type
 * @returns {boolean}
 */
function ofType(v, type) {
  switch (type) {
    case "integer":
      return Number.isInteger(v);
    case "number":
      return typeof v === "number" && isFinite(v);
    case "null":
      return v === null;
    default:
      return typeof v === type;
  }
}

/**
 * A canonical text for deep equality of JSON values (members sorted, as JSON sees objects).
 * @param {unknown} v
 * @param {number} d
 * @returns {string}
 */
function canonical(v, d) {
  if (d > MAX_DEPTH) throw new RangeError("a set item is nested deeper than " + MAX_DEPTH + " levels");
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v !== "object" || v === null) return typeof v === "number" ? String(v) : typeof v + ":" + String(v);
  if (Array.isArray(v)) {
    let s = "[";
    for (let i = 0; i < v.length; i++) s += (i > 0 ? "," : "") + canonical(v[i], d + 1);
    return s + "]";
  }
  const o = /** @type {Record<string, unknown>} */ (v);
  const keys = Object.keys(o).sort();
  let s = "{";
  for (const k of keys) if (o[k] !== undefined) s += JSON.stringify(k) + ":" + canonical(o[k], d + 1) + ",";
  return s + "}";
}

/**
 * Deep equality of values, the same relation as equal canonical texts.
 * @param {unknown} a
 * @param {unknown} b
 * @param {number} d
 * @returns {boolean}
 */
function same(a, b, d) {
  if (d > MAX_DEPTH) throw new RangeError("a set item is nested deeper than " + MAX_DEPTH + " levels");
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    if (typeof a === "string" || typeof a === "number" || typeof a !== typeof b || a === null || b === null) {
      return a === b || (typeof a === "number" && a !== a && b !== b);
    }
    return String(a) === String(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const x = /** @type {unknown[]} */ (b);
    if (a.length !== x.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], x[i], d + 1)) return false;
    return true;
  }
  const o = /** @type {Record<string, unknown>} */ (a);
  const p = /** @type {Record<string, unknown>} */ (b);
  let n = 0;
  for (const k in o) {
    if (!hasOwn.call(o, k) || o[k] === undefined) continue;
    n++;
    if (!enumerable.call(p, k) || !same(o[k], p[k], d + 1)) return false;
  }
  for (const k in p) if (hasOwn.call(p, k) && p[k] !== undefined) n--;
  return n === 0;
}

/**
 * The index of an item that repeats an earlier one, or -1. With a JSON type, only items of that
 * type take part (as in ajv); without, items are compared as JSON values.
 * @param {readonly unknown[]} a
 * @param {string} type
 * @returns {number}
 */
export function duplicate(a, type) {
  // A short list is compared pair by pair, which allocates nothing (the boolean checks do not).
  if (a.length <= 16) {
    for (let i = 1; i < a.length; i++) {
      const v = a[i];
      if (type !== "" && !ofType(v, type)) continue;
      for (let j = 0; j < i; j++) {
        const w = a[j];
        if (type === "" ? same(v, w, 0) : w === v && ofType(w, type)) return i;
      }
    }
    return -1;
  }
  const seen = new Set();
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (type !== "" && !ofType(v, type)) continue;
    const key = type === "" ? canonical(v, 0) : v;
    if (seen.has(key)) return i;
    seen.add(key);
  }
  return -1;
}

/**
 * An own enumerable member that is not undefined.
 * @param {Record<string, unknown>} x
 * @param {string} k
 * @returns {boolean}
 */
export function present(x, k) {
  return enumerable.call(x, k) && x[k] !== undefined;
}

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))?$/;

/**
 * @param {number} y
 * @param {number} m
 * @param {number} d
 * @returns {boolean}
 */
function validDate(y, m, d) {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && !leap ? 28 : DAYS[m]);
}

/**
 * RFC 3339 full-date.
 * @param {string} s
 * @returns {boolean}
 */
export function fmtDate(s) {
  const m = DATE.exec(s);
  return m !== null && validDate(+m[1], +m[2], +m[3]);
}

/**
 * RFC 3339 time (an offset is optional).
 * @param {string} s
 * @returns {boolean}
 */
export function fmtTime(s) {
  const m = TIME.exec(s);
  if (!m) return false;
  if (+m[1] > 23 || +m[2] > 59 || +m[3] > 60) return false;
  return m[4] === undefined || (+m[4] <= 23 && +m[5] <= 59);
}

/**
 * RFC 3339 date-time: a date, T, a time and an offset.
 * @param {string} s
 * @returns {boolean}
 */
export function fmtDateTime(s) {
  if (s.search(/[Tt]/) !== 10) return false;
  const t = s.slice(11);
  return fmtDate(s.slice(0, 10)) && /(?:[Zz]|[+-]\d{2}:\d{2})$/.test(t) && fmtTime(t);
}

/**
 * ISO 8601 duration (P1Y2M3DT4H5M6.5S, P2W).
 * @param {string} s
 * @returns {boolean}
 */
export function fmtDuration(s) {
  return /^P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/.test(s);
}

/**
 * @param {string} s
 * @returns {boolean}
 */
export function fmtUuid(s) {
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s);
}

/**
 * RFC 3986 URI reference: allowed characters and well-formed percent escapes.
 * @param {string} s
 * @returns {boolean}
 */
export function fmtUriReference(s) {
  return /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(s);
}

/**
 * RFC 6901 JSON pointer.
 * @param {string} s
 * @returns {boolean}
 */
export function fmtJsonPointer(s) {
  return /^(?:\/(?:[^~/]|~0|~1)*)*$/.test(s);
}

/**
 * RFC 3986 absolute URI: a scheme, then a URI reference's characters.
 * @param {string} s
 * @returns {boolean}
 */
export function fmtUri(s) {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && fmtUriReference(s);
}

/**
 * A pragmatic email check (local@domain, no spaces), as JSON Schema validators use.
 * @param {string} s
 * @returns {boolean}
 */
export function fmtEmail(s) {
  return /^[^\s@"<>()[\],;:]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/.test(s);
}

/**
 * @param {string} s
 * @returns {boolean}
 */
export function fmtHostname(s) {
  const label = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  return s.length <= 253 && new RegExp("^" + label + "(?:\\." + label + ")*$").test(s);
}

/**
 * @param {string} s
 * @returns {boolean}
 */
export function fmtIpv4(s) {
  return /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(s);
}

/**
 * @param {string} s
 * @returns {boolean}
 */
export function fmtIpv6(s) {
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || s.split("::").length > 2) return false;
  const tail = s.includes(".") ? s.slice(s.lastIndexOf(":") + 1) : "";
  if (tail && !fmtIpv4(tail)) return false;
  const head = tail ? s.slice(0, s.lastIndexOf(":") + 1) + "0:0" : s;
  const groups = head.split(":");
  const compressed = head.includes("::");
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (g.length > 4 || (g === "" && !compressed && i !== 0 && i !== groups.length - 1)) return false;
  }
  const filled = groups.filter((g) => g !== "").length;
  return compressed ? filled <= 7 : groups.length === 8 && filled === 8;
}

/**
 * A decimal integer string within a two's-complement (or unsigned) width, checked with BigInt.
 * @param {string} s
 * @param {number} bits
 * @param {boolean} signed
 * @returns {boolean}
 */
function intString(s, bits, signed) {
  if (!(signed ? /^-?(?:0|[1-9][0-9]*)$/ : /^(?:0|[1-9][0-9]*)$/).test(s)) return false;
  const v = BigInt(s);
  const one = BigInt(1);
  const max = signed ? (one << BigInt(bits - 1)) - one : (one << BigInt(bits)) - one;
  const min = signed ? -(one << BigInt(bits - 1)) : BigInt(0);
  return v >= min && v <= max;
}

/**
 * @param {string} s
 * @returns {boolean}
 */
export function fmtInt64(s) {
  return intString(s, 64, true);
}

/**
 * @param {string} s
 * @returns {boolean}
 */
export function fmtUint64(s) {
  return intString(s, 64, false);
}

/**
 * @param {string} s
 * @returns {boolean}
 */
export function fmtInt128(s) {
  return intString(s, 128, true);
}

/**
 * @param {string} s
 * @returns {boolean}
 */
export function fmtUint128(s) {
  return intString(s, 128, false);
}

/**
 * Compares two decimal strings exactly: -1, 0 or 1 (NaN when either is not a decimal number).
 * @param {string} a
 * @param {string} b
 * @returns {number}
 */
function compareDecimal(a, b) {
  const x = /^(-?)(\d+)(?:\.(\d+))?$/.exec(a);
  const y = /^(-?)(\d+)(?:\.(\d+))?$/.exec(b);
  if (!x || !y) return NaN;
  const fx = x[3] || "";
  const fy = y[3] || "";
  const scale = Math.max(fx.length, fy.length);
  const l = BigInt(x[1] + x[2] + fx + "0".repeat(scale - fx.length));
  const r = BigInt(y[1] + y[2] + fy + "0".repeat(scale - fy.length));
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * Bounds of string-encoded numbers (int64, decimal, …), given as strings and compared exactly.
 * @param {string} s
 * @param {Bounds} b
 * @returns {boolean}
 */
export function bigWithin(s, b) {
  if (b.minimum !== undefined && !(compareDecimal(s, b.minimum) >= 0)) return false;
  if (b.maximum !== undefined && !(compareDecimal(s, b.maximum) <= 0)) return false;
  if (b.exclusiveMinimum !== undefined && !(compareDecimal(s, b.exclusiveMinimum) > 0)) return false;
  return b.exclusiveMaximum === undefined || compareDecimal(s, b.exclusiveMaximum) < 0;
}

/**
 * @param {Token} t
 * @returns {string}
 */
function escapeToken(t) {
  if (typeof t === "number") return String(t);
  return t.indexOf("~") < 0 && t.indexOf("/") < 0 ? t : t.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * The JSON pointer of the value at the context's path, or of its member or item k.
 * @param {Context} c
 * @param {Token | undefined} k
 * @returns {string}
 */
function pointer(c, k) {
  let s = "";
  for (const t of c.p) s += "/" + escapeToken(t);
  return k === undefined ? s : s + "/" + escapeToken(k);
}

/**
 * A message argument as text: values as JSON, lists joined, patterns as written.
 * @param {unknown} arg
 * @returns {string}
 */
function show(arg) {
  if (arg instanceof RegExp) return "/" + arg.source + "/u";
  if (Array.isArray(arg)) return arg.map((v) => JSON.stringify(v)).join(", ");
  return typeof arg === "string" ? arg : JSON.stringify(arg);
}

/**
 * Records an error at the value (k undefined) or its member or item k; at most c.max are kept.
 * @param {Context} c
 * @param {Token | undefined} k
 * @param {string} code
 * @param {unknown} [arg]
 * @param {string} [note] appended to the message when it starts with a space, else the message
 * @returns {void}
 */
export function fail(c, k, code, arg, note) {
  if (c.n++ >= c.max) return;
  const text = MESSAGES[code];
  let message = text === undefined ? code : arg === undefined ? text[0] + text[1] : text[0] + show(arg) + text[1];
  if (note !== undefined) message = note.startsWith(" ") ? message + note : note;
  c.e.push({ pointer: pointer(c, k), code, message });
}

/**
 * Records drift (an unknown value or member); at most c.max entries are kept.
 * @param {Context} c
 * @param {Drift} d
 * @returns {void}
 */
function drift(c, d) {
  if (c.dn++ < c.max) c.dr.push(d);
}

/**
 * A member no schema declares: drift by default, an error in strict mode. An inline choice's
 * selector is the choice's member, not its option's.
 * @param {Context} c
 * @param {string} k
 * @returns {void}
 */
export function unknownMember(c, k) {
  if (k !== c.sn || c.p.length !== c.sd) typedMember(c, k);
}

/**
 * A member an object's typed additionalProperties accepts, yet declares nowhere: drift by default,
 * an error in strict mode.
 * @param {Context} c
 * @param {string} k
 * @returns {void}
 */
export function typedMember(c, k) {
  if (c.s) fail(c, k, "INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED", undefined, "is not declared (strict mode)");
  else drift(c, { pointer: pointer(c, k), kind: "unknown-property", value: k });
}

/**
 * Boolean mode's test for an undeclared member k of an object at state q (see unknownMember).
 * @param {string} k
 * @param {number} q
 * @returns {boolean}
 */
export function undeclared(k, q) {
  return k !== selector.name || q !== selector.q;
}

/**
 * A value the sources do not list: drift by default, an error in strict mode.
 * @param {Context} c
 * @param {Token | undefined} k
 * @param {unknown} v
 * @param {readonly string[]} known
 * @returns {void}
 */
export function unknownValue(c, k, v, known) {
  if (c.s) fail(c, k, "INSTANCE_ENUM_MISMATCH", known, " (strict mode)");
  else drift(c, { pointer: pointer(c, k), kind: "unknown-value", value: v, known });
}

/**
 * A member name that fails its schema (propertyNames).
 * @param {Context} c
 * @param {string} name
 * @returns {void}
 */
export function badName(c, name) {
  if (c.n++ < c.max) {
    const message = "has an invalid member name " + JSON.stringify(name);
    c.e.push({ pointer: pointer(c, undefined), code: "INSTANCE_STRING_PATTERN_MISMATCH", message });
  }
}

/**
 * Whether member k (value v) is an instance's top-level "$schema", which names its schema and is
 * no member (where the validated type declares none).
 * @param {Context} c
 * @param {string} k
 * @param {unknown} v
 * @returns {boolean}
 */
export function schemaMember(c, k, v) {
  return c.z && c.p.length === 0 && k === "$schema" && typeof v === "string";
}

/**
 * Steps into the member or item k; returns the depth to restore, or -1 when too deep (reported).
 * @param {Context} c
 * @param {Token | undefined} k
 * @returns {number}
 */
export function enter(c, k) {
  const top = c.p.length;
  if (k !== undefined) c.p.push(k);
  if (c.p.length <= MAX_DEPTH) return top;
  fail(c, undefined, "INSTANCE_MAX_DEPTH_EXCEEDED", MAX_DEPTH);
  c.p.length = top;
  return -1;
}

/**
 * The boolean checks' state for the value at the context's path (k undefined) or its member or
 * item k: the depth times 8, plus 4 where a top-level "$schema" is kept, plus 1 in strict mode.
 * @param {Context} c
 * @param {Token | undefined} k
 * @returns {number}
 */
export function state(c, k) {
  return (k === undefined ? c.p.length : c.p.length + 1) * 8 + (c.z ? 0 : 4) + (c.s ? 1 : 0);
}

/**
 * @param {boolean} strict
 * @param {number} max
 * @param {boolean} keep
 * @returns {Context}
 */
function context(strict, max, keep) {
  return { s: strict, z: !keep, e: [], dr: [], p: [], n: 0, dn: 0, max, sn: "", sd: -1 };
}

/**
 * @param {Context} c
 * @returns {ValidationResult}
 */
function result(c) {
  /** @type {ValidationResult} */
  const r = { valid: c.n === 0, errors: c.e, drift: c.dr };
  if (c.n > c.e.length) r.omitted = c.n - c.e.length;
  if (c.dn > c.dr.length) r.driftOmitted = c.dn - c.dr.length;
  return r;
}

/**
 * @param {unknown} e
 * @returns {string}
 */
function reason(e) {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return "an unprintable exception";
  }
}

/**
 * What a value that cannot be read (a throwing getter or Proxy, a stack overflow) gives.
 * @param {Context} c
 * @param {unknown} e
 * @returns {ValidationResult}
 */
function unreadable(c, e) {
  const at = pointer(c, undefined);
  if (e instanceof RangeError) {
    const message = "is nested too deeply to check (" + reason(e) + ")";
    return { valid: false, errors: [{ pointer: at, code: "INSTANCE_MAX_DEPTH_EXCEEDED", message }], drift: [] };
  }
  const message = "could not be read: " + reason(e);
  return { valid: false, errors: [{ pointer: at, code: "INSTANCE_UNREADABLE", message }], drift: [] };
}

/**
 * Validates: the collecting check records every error and drift entry in one pass. (The boolean check
 * first, as a shortcut for valid values, would feed validate's modes into the code V8 compiles for
 * isX, which then inlines less.) keep: the type declares a "$schema" member (else an instance's
 * top-level "$schema" names its schema and is ignored). Never throws.
 * @param {unknown} value
 * @param {ValidateOptions | undefined} options
 * @param {Check} check
 * @param {boolean} [keep]
 * @returns {ValidationResult}
 */
export function run(value, options, check, keep = false) {
  let strict = false;
  let max = MAX_ERRORS;
  try {
    if (options) {
      strict = !!options.strict;
      const m = options.maxErrors;
      if (typeof m === "number" && m >= 0) max = Math.floor(m);
    }
  } catch {
    // Options that cannot be read are no options.
  }
  const c = context(strict, max, keep);
  try {
    check(value, c, undefined);
  } catch (e) {
    return unreadable(c, e);
  }
  return result(c);
}

/**
 * The boolean check in default mode; false for anything unreadable. Never throws. Where the boolean
 * check throws (it reads declared members directly), the collecting one decides (run), which reads
 * only the members JSON sees: it finds where, or that a member JSON does not see threw.
 * @param {unknown} value
 * @param {Is} is
 * @param {Check} check
 * @param {boolean} [keep]
 * @returns {boolean}
 */
export function guard(value, is, check, keep = false) {
  try {
    return is(value, keep ? 4 : 0);
  } catch {
    return run(value, undefined, check, keep).valid;
  }
}

/** Thrown by assert functions; lists every problem. */
export class ValidationError extends Error {
  /** @type {string} */
  typeName;
  /** @type {ValidationIssue[]} */
  errors;

  /**
   * @param {string} typeName
   * @param {ValidationIssue[]} errors
   * @param {number} [omitted]
   */
  constructor(typeName, errors, omitted) {
    const lines = errors.map((e) => "  " + (e.pointer || "/") + " " + e.message + " [" + e.code + "]");
    if (omitted) lines.push("  … and " + omitted + " more");
    super(typeName + " is invalid:\n" + lines.join("\n"));
    this.name = "ValidationError";
    this.typeName = typeName;
    this.errors = errors;
  }
}

/**
 * Throws a ValidationError unless the value is valid (drift is allowed).
 * @param {unknown} value
 * @param {Is} is
 * @param {Check} check
 * @param {string} name
 * @param {boolean} [keep]
 * @returns {void}
 */
export function enforce(value, is, check, name, keep = false) {
  if (guard(value, is, check, keep)) return;
  const r = run(value, undefined, check, keep);
  if (!r.valid) throw new ValidationError(name, r.errors, r.omitted);
}

/**
 * The validate functions by type name, without a prototype.
 * @param {Record<string, Validate>} entries
 * @returns {Readonly<Record<string, Validate>>}
 */
export function table(entries) {
  return Object.freeze(Object.assign(Object.create(null), entries));
}

/**
 * An AWS SDK v3 output in the wire view: Date becomes epoch seconds, $metadata and undefined
 * members are dropped. Lets SDK results be validated like raw JSON.
 * @param {unknown} value
 * @returns {unknown}
 */
export function sdkToWire(value) {
  return toWire(value, 0);
}

/**
 * @param {unknown} value
 * @param {number} d
 * @returns {unknown}
 */
function toWire(value, d) {
  if (d > MAX_DEPTH) return value;
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map((v) => toWire(v, d + 1));
  if (!objectLike(value)) return value;
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const k of Object.keys(value)) {
    if (value[k] === undefined || (d === 0 && k === "$metadata")) continue;
    Object.defineProperty(out, k, {
      value: toWire(value[k], d + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
`;
