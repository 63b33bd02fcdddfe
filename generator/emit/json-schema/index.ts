// JSON Schema 2020-12 emitter: one document, a $defs entry per named type, references kept as $ref.
import type { Attributes, Model, TypeNode } from "../../ir/model.js";
import type { Emitter } from "../files.js";
import { parseProse, proseToText } from "../prose.js";
import { sortedEnumValues } from "../typescript/type-text.js";
import { primitiveSchema } from "./primitive.js";

type Schema = Record<string, unknown>;

/** Own-property assignment: a member named "__proto__" must stay a member. */
function setOwn(target: Schema, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export const SENSITIVE_KEYWORD = "x-sensitive";

export const schemaId = (model: Model): string => `urn:structgen:${encodeURIComponent(model.name)}`;

export function toJsonSchema(model: Model): Schema {
  const defs: Schema = {};
  for (const t of model.types) setOwn(defs, t.name, { ...annotate(nodeSchema(t.node), t.attrs), ...(t.role === "error" ? { title: `${t.name} (error)` } : { title: t.name }) });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: schemaId(model),
    title: model.name,
    $defs: defs,
  };
}

export const emitJsonSchema: Emitter = (model) => [{ path: "schema.json", kind: "json", content: JSON.stringify(toJsonSchema(model)) }];

function annotate(s: Schema, a: Attributes): Schema {
  const out: Schema = { ...s };
  const text = proseToText(parseProse(a.doc), (x) => `\`${x}\``);
  if (text) out["description"] = text;
  if (a.deprecated !== undefined) out["deprecated"] = true;
  if (a.sensitive) out[SENSITIVE_KEYWORD] = true;
  if (a.default !== undefined) out["default"] = a.default;
  if (a.examples && a.examples.length > 0) out["examples"] = a.examples;
  return out;
}

export function nodeSchema(node: TypeNode): Schema {
  switch (node.kind) {
    case "ref":
      return { $ref: `#/$defs/${node.name}` };
    case "primitive": {
      // Epoch seconds travel as a JSON number (AWS JSON protocols); fractions are allowed.
      if (node.primitive === "datetime" && node.encoding === "epoch-seconds") return { type: "number" };
      const s = primitiveSchema(node.primitive, node.constraints);
      return node.knownValues?.length ? { ...s, anyOf: [{ enum: sortedEnumValues(node.knownValues.map((m) => m.value)) }, { type: "string" }] } : s;
    }
    case "enum": {
      const values = sortedEnumValues(node.members.map((m) => m.value));
      // Open: the listed values, or any other string (reported as drift by the validators).
      return node.open ? { type: "string", anyOf: [{ enum: values }, { type: "string" }] } : { enum: values };
    }
    case "const":
      return { const: node.value };
    case "any":
      return {};
    case "union":
      return { anyOf: node.options.map(nodeSchema) };
    case "array":
    case "set": {
      const s: Schema = { type: "array", items: nodeSchema(node.items) };
      if (node.kind === "set") s["uniqueItems"] = true;
      if (node.constraints.minItems !== undefined) s["minItems"] = node.constraints.minItems;
      if (node.constraints.maxItems !== undefined) s["maxItems"] = node.constraints.maxItems;
      return s;
    }
    case "map":
      return { type: "object", additionalProperties: nodeSchema(node.values) };
    case "object": {
      const properties: Schema = {};
      for (const m of node.members) setOwn(properties, m.name, annotate(nodeSchema(m.type), m.attrs));
      const required = node.members.filter((m) => m.required).map((m) => m.name);
      return {
        type: "object",
        properties,
        ...(required.length > 0 ? { required } : {}),
        ...(node.additional === false ? { additionalProperties: false } : typeof node.additional === "object" ? { additionalProperties: nodeSchema(node.additional) } : {}),
      };
    }
  }
}
