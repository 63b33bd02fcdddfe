// A TypeScript type expression for an IR node. Names and literals go through quote.ts.
import type { EnumValue, PrimitiveName, TypeNode } from "../../ir/model.js";
import { literalType, propertyKey } from "../quote.js";
import { jsdoc } from "./jsdoc.js";

const NUMERIC = new Set<PrimitiveName>(["number", "integer", "int8", "int16", "int32", "uint8", "uint16", "uint32", "float8", "float", "double"]);

export function primitiveType(p: PrimitiveName): string {
  if (p === "boolean") return "boolean";
  if (p === "null") return "null";
  // 64/128-bit integers and decimals are strings on the wire, as JSON Structure defines them.
  return NUMERIC.has(p) ? "number" : "string";
}

/** Enum members in a stable order: strings by code unit, then other values by their JSON text. */
export function sortedEnumValues(values: EnumValue[]): EnumValue[] {
  const key = (v: EnumValue) => (typeof v === "string" ? `0${v}` : `1${JSON.stringify(v)}`);
  return [...values].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function typeText(node: TypeNode): string {
  switch (node.kind) {
    case "ref":
      return node.name;
    case "primitive":
      return primitiveType(node.primitive);
    case "enum":
      return node.members.length === 0 ? "never" : sortedEnumValues(node.members.map((m) => m.value)).map(literalType).join(" | ");
    case "const":
      return literalType(node.value);
    case "any":
      return "unknown";
    case "union": {
      const parts = [...new Set(node.options.map((o) => wrap(typeText(o), o)))];
      return parts.length === 0 ? "never" : parts.join(" | ");
    }
    case "array":
    case "set":
      return `${wrap(typeText(node.items), node.items)}[]`;
    case "map":
      return `Record<string, ${typeText(node.values)}>`;
    case "object":
      return objectLiteral(node);
  }
}

function wrap(text: string, node: TypeNode): string {
  return node.kind === "union" || (node.kind === "enum" && node.members.length > 1) ? `(${text})` : text;
}

/** An inline object type with JSDoc on its members. */
export function objectLiteral(node: Extract<TypeNode, { kind: "object" }>): string {
  const lines = node.members.map((m) => {
    const doc = jsdoc(m.attrs, m.type);
    return `${doc ? `${doc}\n` : ""}${propertyKey(m.name)}${m.required ? "" : "?"}: ${typeText(m.type)};`;
  });
  if (node.additional !== false && typeof node.additional === "object") lines.push(`[key: string]: unknown;`);
  return lines.length === 0 ? "Record<string, unknown>" : `{\n${lines.join("\n")}\n}`;
}
