// JSON Schema 2020-12 emitter: one document, a $defs entry per named type, references kept as $ref.
import type { Attributes, Constraints, Model, NamedType, TypeNode } from "../../ir/model.js";
import { fragmentsFrom, joinedOf, outputFile, type EmitOptions, type Emitter, type Text } from "../files.js";
import { filledEnds, jsonFileText, jsonMemberText } from "../json-text.js";
import { parseProse, proseToText } from "../prose.js";
import { sortedEnumValues } from "../typescript/type-text.js";
import { primitiveSchema } from "./primitive.js";

type Schema = Record<string, unknown>;

function copy(target: Schema, from: Constraints, keys: (keyof Constraints)[]): void {
  for (const k of keys) if (from[k] !== undefined) target[k] = from[k];
}

/** Own-property assignment: a member named "__proto__" must stay a member. */
function setOwn(target: Schema, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export const SENSITIVE_KEYWORD = "x-sensitive";

export const schemaId = (model: Model): string => `urn:structgen:${encodeURIComponent(model.name)}`;

/** A named type's `$defs` entry: a function of the type alone. */
const defOf = (t: NamedType): Schema => ({
  ...annotate(nodeSchema(t.node), t.attrs),
  ...(t.role === "error" ? { title: `${t.name} (error)` } : { title: t.name }),
});

const documentOf = (model: Model, defs: Schema): Schema => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: schemaId(model),
  title: model.name,
  $defs: defs,
});

export function toJsonSchema(model: Model): Schema {
  const defs: Schema = {};
  for (const t of model.types) setOwn(defs, t.name, defOf(t));
  return documentOf(model, defs);
}

/**
 * schema.json as jsonFileText prints the whole document, built from one fragment per `$defs` entry
 * (each printed where it sits, four spaces in), so an unchanged type's text can come from the memo.
 */
function schemaText(model: Model, options?: EmitOptions): Text {
  const empty = jsonFileText(model.name, documentOf(model, {}));
  if (model.types.length === 0) return empty;
  // An entry reads its type alone.
  const name = `json-schema\0${model.name}`;
  const types = model.types;
  const none: unknown[] = [];
  const entries = fragmentsFrom(
    options,
    "json-schema",
    name,
    types,
    () => none,
    () => null,
    (i) => jsonMemberText(types[i]!.name, defOf(types[i]!), 4),
  );
  // The document with no entries, then the entries in its `$defs`.
  const { head, sep, tail } = filledEnds(empty, "{}");
  return joinedOf(options, name, head, entries, sep, tail);
}

export const emitJsonSchema: Emitter = (model, options) => [
  outputFile("schema.json", "json", schemaText(model, options)),
];

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
      return node.knownValues?.length
        ? { ...s, anyOf: [{ enum: sortedEnumValues(node.knownValues.map((m) => m.value)) }, { type: "string" }] }
        : s;
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
      copy(s, node.constraints, ["minItems", "maxItems"]);
      if (node.contains) {
        s["contains"] = nodeSchema(node.contains);
        copy(s, node.constraints, ["minContains"]);
        // The upper bound on its own (minContains 0), so a failure says which bound broke.
        if (node.constraints.maxContains !== undefined)
          s["allOf"] = [
            { contains: nodeSchema(node.contains), minContains: 0, maxContains: node.constraints.maxContains },
          ];
      }
      return s;
    }
    case "map": {
      const s: Schema = { type: "object", additionalProperties: nodeSchema(node.values) };
      if (node.keys) s["propertyNames"] = nodeSchema(node.keys);
      if (node.constraints) copy(s, node.constraints, ["minProperties", "maxProperties"]);
      return s;
    }
    case "object": {
      const properties: Schema = {};
      for (const m of node.members) setOwn(properties, m.name, annotate(nodeSchema(m.type), m.attrs));
      const required = node.members.filter((m) => m.required).map((m) => m.name);
      const s: Schema = {
        type: "object",
        properties,
        ...(required.length > 0 ? { required } : {}),
        ...(node.additional === false
          ? { additionalProperties: false }
          : typeof node.additional === "object"
            ? { additionalProperties: nodeSchema(node.additional) }
            : {}),
      };
      // Alternative required sets: exactly one must be present.
      if (node.requiredSets && node.requiredSets.length > 0)
        s["oneOf"] = node.requiredSets.map((set) => ({ required: set }));
      if (node.constraints) copy(s, node.constraints, ["minProperties", "maxProperties"]);
      if (node.dependentRequired) s["dependentRequired"] = node.dependentRequired;
      if (node.patternProperties?.length) {
        const pp: Schema = {};
        for (const p of node.patternProperties) setOwn(pp, p.pattern.source, nodeSchema(p.type));
        s["patternProperties"] = pp;
      }
      if (node.propertyNames) s["propertyNames"] = nodeSchema(node.propertyNames);
      return s;
    }
    case "tuple": {
      const n = node.elements.length;
      return {
        type: "array",
        prefixItems: node.elements.map((e) => annotate(nodeSchema(e.type), e.attrs)),
        items: false,
        minItems: n,
        maxItems: n,
      };
    }
    case "choice": {
      const names = node.options.map((o) => o.name);
      if (node.selector === undefined) {
        // Tagged: exactly one member, named after the option.
        const properties: Schema = {};
        for (const o of node.options) setOwn(properties, o.name, nodeSchema(o.type));
        return { type: "object", properties, additionalProperties: false, minProperties: 1, maxProperties: 1 };
      }
      const sel = node.selector;
      // Inline: the selector names the option; that option's schema then applies to the object.
      return {
        type: "object",
        required: [sel],
        properties: { [sel]: { type: "string", enum: names } },
        allOf: node.options.map((o) => ({
          if: { properties: { [sel]: { const: o.name } }, required: [sel] },
          then: nodeSchema(o.type),
        })),
      };
    }
    case "composition": {
      const base = node.base ? nodeSchema(node.base) : undefined;
      // A base with its own `not` or if/then/else would be overwritten (or mixed with this node's):
      // it goes under allOf whole instead.
      const conditional = node.if !== undefined || node.then !== undefined || node.else !== undefined;
      const clash =
        base !== undefined &&
        (("not" in base && node.not !== undefined) || (conditional && ["if", "then", "else"].some((k) => k in base)));
      const s: Schema = clash ? { allOf: [base] } : { ...base };
      if (node.allOf.length > 0)
        s["allOf"] = [...((s["allOf"] as Schema[] | undefined) ?? []), ...node.allOf.map(nodeSchema)];
      if (node.anyOf.length > 0) s["anyOf"] = node.anyOf.map(nodeSchema);
      if (node.oneOf.length > 0) s["oneOf"] = node.oneOf.map(nodeSchema);
      for (const k of ["not", "if", "then", "else"] as const) {
        const sub = node[k];
        if (sub) s[k] = nodeSchema(sub);
      }
      // A base that uses anyOf/oneOf itself (open enums) keeps its own under allOf.
      if (node.base && !clash && (node.anyOf.length > 0 || node.oneOf.length > 0)) {
        const own = nodeSchema(node.base);
        if (own["anyOf"] || own["oneOf"]) {
          s["allOf"] = [
            ...((s["allOf"] as Schema[] | undefined) ?? []),
            { ...(own["anyOf"] ? { anyOf: own["anyOf"] } : {}), ...(own["oneOf"] ? { oneOf: own["oneOf"] } : {}) },
          ];
          if (node.anyOf.length > 0) s["anyOf"] = node.anyOf.map(nodeSchema);
          if (node.oneOf.length > 0) s["oneOf"] = node.oneOf.map(nodeSchema);
        }
      }
      return s;
    }
  }
}
