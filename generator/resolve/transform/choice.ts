// choice: tagged ({"<option>": value}) or inline (a `selector` member names the option; the
// options extend an abstract base named by $extends).
import type { TypeNode } from "../../ir/model.js";
import { annotations, child, fact, has, isObject, report, type Context, type JsonObject } from "../context.js";

export function choice(ctx: Context, schema: JsonObject, pointer: string): TypeNode {
  const attrs = annotations(ctx, schema, pointer);
  attrs.facts.push(fact(ctx, "type", child(pointer, "type"), "choice"));
  if (!has(schema, "choices")) {
    report(ctx, "SCHEMA_CHOICE_MISSING_CHOICES", pointer);
    return { kind: "choice", options: [], attrs };
  }
  const choices = schema["choices"];
  if (!isObject(choices)) {
    report(ctx, "SCHEMA_CHOICES_NOT_OBJECT", child(pointer, "choices"));
    return { kind: "choice", options: [], attrs };
  }
  const options = Object.keys(choices).map((name) => ({
    name,
    type: ctx.transform(choices[name], child(pointer, "choices", name)),
  }));
  const selector = schema["selector"];
  if (has(schema, "selector") && typeof selector !== "string")
    report(ctx, "SCHEMA_TYPE_INVALID", child(pointer, "selector"), { typeName: "selector (must be a string)" });
  return { kind: "choice", options, attrs, ...(typeof selector === "string" ? { selector } : {}) };
}
