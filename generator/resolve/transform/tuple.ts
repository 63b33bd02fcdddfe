// tuple: `properties` name the elements, `tuple` orders them; a fixed-length JSON array.
import type { Member, TypeNode } from "../../ir/model.js";
import { annotations, child, fact, has, isObject, report, type Context, type JsonObject } from "../context.js";

export function tuple(ctx: Context, schema: JsonObject, pointer: string): TypeNode {
  const attrs = annotations(ctx, schema, pointer);
  attrs.facts.push(fact(ctx, "type", child(pointer, "type"), "tuple"));
  const props = schema["properties"];
  const order = schema["tuple"];
  if (!has(schema, "properties") || !has(schema, "tuple")) {
    report(ctx, "SCHEMA_TUPLE_MISSING_DEFINITION", pointer);
    return { kind: "tuple", elements: [], attrs };
  }
  if (!isObject(props)) {
    report(ctx, "SCHEMA_PROPERTIES_NOT_OBJECT", child(pointer, "properties"));
    return { kind: "tuple", elements: [], attrs };
  }
  if (!Array.isArray(order) || !order.every((x) => typeof x === "string")) {
    report(ctx, "SCHEMA_TUPLE_ORDER_INVALID", child(pointer, "tuple"), { reason: "not an array of names" });
    return { kind: "tuple", elements: [], attrs };
  }
  const names = order as string[];
  const keys = Object.keys(props);
  const problems = [
    ...names.filter((n, i) => names.indexOf(n) !== i).map((n) => `${JSON.stringify(n)} twice`),
    ...names.filter((n) => !keys.includes(n)).map((n) => `${JSON.stringify(n)} is not a property`),
    ...keys.filter((k) => !names.includes(k)).map((k) => `${JSON.stringify(k)} is missing`),
  ];
  if (problems.length > 0)
    report(ctx, "SCHEMA_TUPLE_ORDER_INVALID", child(pointer, "tuple"), { reason: problems.join(", ") });
  const elements: Member[] = [...new Set(names)]
    .filter((n) => keys.includes(n))
    .map((name) => {
      const p = child(pointer, "properties", name);
      const raw = props[name];
      return {
        name,
        type: ctx.transform(raw, p),
        required: true,
        attrs: isObject(raw) ? annotations(ctx, raw, p) : { facts: [] },
      };
    });
  return { kind: "tuple", elements, attrs };
}
