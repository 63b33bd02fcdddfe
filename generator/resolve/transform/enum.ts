// `enum`: members keep their source order; emitters sort them for stable diffs.
import type { EnumMember, PrimitiveName, TypeNode } from "../../ir/model.js";
import { annotations, child, fact, isObject, report, type Context, type JsonObject } from "../context.js";

const jsonKind = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

const baseKind = (base: PrimitiveName): string =>
  base === "boolean"
    ? "boolean"
    : base === "null"
      ? "null"
      : /^(u?int(8|16|32)|number|float8?|double|integer)$/.test(base)
        ? "number"
        : "string";

export function enumeration(ctx: Context, base: PrimitiveName, schema: JsonObject, pointer: string): TypeNode {
  const attrs = annotations(ctx, schema, pointer);
  const values = schema["enum"];
  const at = child(pointer, "enum");
  if (!Array.isArray(values)) {
    report(ctx, "SCHEMA_ENUM_NOT_ARRAY", at);
    return { kind: "any", attrs };
  }
  if (values.length === 0) report(ctx, "SCHEMA_ENUM_EMPTY", at);
  const members: EnumMember[] = [];
  const seen = new Set<string>();
  // altenums.json maps a symbol to the value sent on the wire (the alternate-names add-in).
  const alt =
    isObject(schema["altenums"]) && isObject(schema["altenums"]["json"]) ? schema["altenums"]["json"] : undefined;
  values.forEach((symbol, i) => {
    const v = typeof symbol === "string" && alt && typeof alt[symbol] === "string" ? alt[symbol] : symbol;
    const p = child(at, i);
    if (v !== null && typeof v === "object") {
      report(ctx, "SCHEMA_TYPE_INVALID", p, { typeName: `${jsonKind(v)} in enum` });
      return;
    }
    const key = JSON.stringify(v);
    if (seen.has(key)) {
      report(ctx, "SCHEMA_ENUM_DUPLICATES", p, { value: key });
      return;
    }
    seen.add(key);
    if (jsonKind(v) !== baseKind(base)) {
      report(ctx, "SCHEMA_ENUM_MEMBER_TYPE_MISMATCH", p, { value: key, actual: jsonKind(v), typeName: base });
    }
    members.push({ value: v, attrs: { at: ctx.doc.locate(p), facts: [fact(ctx, "enum", p, `lists ${key}`)] } });
  });
  attrs.facts.push(fact(ctx, "type", at, `${base} enum of ${members.length} values`));
  return { kind: "enum", base: base === "integer" ? "int32" : base, members, attrs };
}
