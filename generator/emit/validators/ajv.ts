// The ajv instance validators are compiled with: 2020-12, all errors, unicode regexps and
// code-point lengths, our own format checks, and standalone ESM output.
import Ajv2020Module from "ajv/dist/2020.js";
import { _, type KeywordCxt } from "ajv";
import { BIG_BOUNDS } from "../json-schema/primitive.js";
import { SENSITIVE_KEYWORD } from "../json-schema/index.js";
import * as runtime from "./runtime.js";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;

/** Format name → [runtime function name, function]. The names are what generated code calls. */
export const FORMATS: Record<string, [string, (s: string) => boolean]> = {
  "date-time": ["isDateTime", runtime.isDateTime],
  date: ["isDate", runtime.isDate],
  time: ["isTime", runtime.isTime],
  duration: ["isDuration", runtime.isDuration],
  uuid: ["isUuid", runtime.isUuid],
  "uri-reference": ["isUriReference", runtime.isUriReference],
  "json-pointer": ["isJsonPointer", runtime.isJsonPointer],
  uri: ["isUri", runtime.isUri],
  email: ["isEmail", runtime.isEmail],
  hostname: ["isHostname", runtime.isHostname],
  ipv4: ["isIpv4", runtime.isIpv4],
  ipv6: ["isIpv6", runtime.isIpv6],
  int64: ["isInt64", runtime.isInt64],
  uint64: ["isUint64", runtime.isUint64],
  int128: ["isInt128", runtime.isInt128],
  uint128: ["isUint128", runtime.isUint128],
};

export function createAjv(): InstanceType<typeof Ajv2020> {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    unicodeRegExp: true,
    // Members are own properties: an inherited `constructor` or `toString` is not a member.
    ownProperties: true,
    code: { source: true, esm: true, formats: _`formats` },
  });
  for (const [name, [, validate]] of Object.entries(FORMATS)) ajv.addFormat(name, { type: "string", validate });
  ajv.addVocabulary([SENSITIVE_KEYWORD]);
  // Exact bounds on string-encoded numbers; the generated code calls the runtime's bigWithin.
  ajv.addKeyword({
    keyword: BIG_BOUNDS,
    type: "string",
    schemaType: "object",
    error: { message: "is outside its bounds" },
    code(cxt: KeywordCxt) {
      cxt.fail(_`!bigWithin(${cxt.data}, ${cxt.schemaValue})`);
    },
  });
  return ajv;
}

/**
 * The schema as ajv gets it. ajv skips a member named `__proto__` under `properties` (it neither
 * checks its value nor counts it as declared), so such a member moves to a patternProperties entry
 * matching exactly that name, which ajv reads with an own-property lookup.
 */
export function forAjv<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(forAjv) as T;
  if (schema === null || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) Object.defineProperty(out, k, { value: forAjv(v), enumerable: true, writable: true, configurable: true });
  const props = out["properties"];
  if (props && typeof props === "object" && Object.prototype.hasOwnProperty.call(props, "__proto__")) {
    const { ["__proto__"]: proto, ...rest } = props as Record<string, unknown>;
    out["properties"] = rest;
    out["patternProperties"] = { ...(out["patternProperties"] as object | undefined), "^__proto__$": proto };
  }
  return out as T;
}
