// Checks structgen.config.json against the JSON Schema that ships beside it, without loading ajv at
// run time (ajv stays the oracle in test/config). It reads only the keywords that schema uses and
// refuses any other, so the schema cannot grow a rule this checker silently ignores.

export interface SchemaError {
  instancePath: string;
  /** Set when the error is about a member's name (propertyNames). */
  propertyName?: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

type Schema = Record<string, unknown>;

/** Keywords that only annotate. */
const ANNOTATIONS = new Set(["$schema", "$id", "$defs", "title", "description", "default", "examples"]);
const CHECKED = new Set([
  "type",
  "enum",
  "properties",
  "additionalProperties",
  "required",
  "items",
  "minItems",
  "uniqueItems",
  "minLength",
  "pattern",
  "propertyNames",
  "$ref",
]);

const token = (k: string) => k.replace(/~/g, "~0").replace(/\//g, "~1");

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

const matchesType = (v: unknown, t: string) => typeOf(v) === t || (t === "number" && typeOf(v) === "integer");

/** Every error of `value` against `root` (a JSON Schema using only the keywords above). */
export function schemaErrors(root: Schema, value: unknown): SchemaError[] {
  const errors: SchemaError[] = [];
  const visit = (schema: Schema, v: unknown, at: string, name?: string): void => {
    const fail = (keyword: string, message: string, params: Record<string, unknown> = {}) => {
      const named = name !== undefined ? { propertyName: name } : {};
      errors.push({ instancePath: at, keyword, message, params, ...named });
    };
    for (const k of Object.keys(schema)) {
      if (!ANNOTATIONS.has(k) && !CHECKED.has(k)) throw new Error(`config schema keyword ${k} is not supported`);
    }
    if (typeof schema["$ref"] === "string") {
      const ref = schema["$ref"].match(/^#\/\$defs\/(.+)$/);
      const target = ref ? (root["$defs"] as Record<string, Schema> | undefined)?.[ref[1]!] : undefined;
      if (!target) throw new Error(`config schema $ref ${schema["$ref"]} does not resolve`);
      visit(target, v, at, name);
    }
    const type = schema["type"] as string | undefined;
    if (type !== undefined && !matchesType(v, type)) return fail("type", `must be ${type}`, { type });
    const allowed = schema["enum"] as unknown[] | undefined;
    if (allowed && !allowed.some((a) => a === v)) {
      fail("enum", "must be equal to one of the allowed values", { allowedValues: allowed });
    }
    if (typeof v === "string") {
      const min = schema["minLength"] as number | undefined;
      if (min !== undefined && [...v].length < min) {
        fail("minLength", `must NOT have fewer than ${min} characters`, { limit: min });
      }
      const pattern = schema["pattern"] as string | undefined;
      if (pattern !== undefined && !new RegExp(pattern, "u").test(v)) {
        fail("pattern", `must match pattern "${pattern}"`, { pattern });
      }
    }
    if (Array.isArray(v)) {
      const min = schema["minItems"] as number | undefined;
      if (min !== undefined && v.length < min) {
        fail("minItems", `must NOT have fewer than ${min} items`, { limit: min });
      }
      if (schema["uniqueItems"] === true) {
        const seen = new Map<string, number>();
        v.forEach((x, i) => {
          const key = JSON.stringify(x);
          const j = seen.get(key);
          if (j === undefined) seen.set(key, i);
          else {
            fail("uniqueItems", `must NOT have duplicate items (items ## ${j} and ${i} are identical)`, {
              i: j,
              j: i,
            });
          }
        });
      }
      const items = schema["items"] as Schema | undefined;
      if (items) v.forEach((x, i) => visit(items, x, `${at}/${i}`));
    }
    if (typeOf(v) === "object") {
      const obj = v as Record<string, unknown>;
      for (const r of (schema["required"] as string[] | undefined) ?? []) {
        if (!Object.prototype.hasOwnProperty.call(obj, r)) {
          fail("required", `must have required property '${r}'`, { missingProperty: r });
        }
      }
      const props = (schema["properties"] as Record<string, Schema> | undefined) ?? {};
      const extra = schema["additionalProperties"] as boolean | Schema | undefined;
      const names = schema["propertyNames"] as Schema | undefined;
      for (const k of Object.keys(obj)) {
        if (names) visit(names, k, at, k);
        if (Object.prototype.hasOwnProperty.call(props, k)) visit(props[k]!, obj[k], `${at}/${token(k)}`);
        else if (extra === false) {
          fail("additionalProperties", "must NOT have additional properties", { additionalProperty: k });
        } else if (extra && typeof extra === "object") visit(extra, obj[k], `${at}/${token(k)}`);
      }
    }
  };
  visit(root, value, "");
  return errors;
}
