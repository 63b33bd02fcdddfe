// A TypeScript type expression for an IR node in a view. Names and literals go through quote.ts.
import type { EnumValue, PrimitiveName, TypeNode } from "../../ir/model.js";
import { isIdentifier, typeIdentifier } from "../../ir/names.js";
import { literalType, propertyKey } from "../quote.js";
import { jsdoc } from "./jsdoc.js";
import type { View } from "./view.js";

const NUMERIC = new Set<PrimitiveName>(["number", "integer", "int8", "int16", "int32", "uint8", "uint16", "uint32", "float8", "float", "double"]);

export const WIRE_OPEN: View = { sdk: false, open: true, openNames: new Map() };

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

const union = (values: EnumValue[]): string => sortedEnumValues(values).map(literalType).join(" | ");

export function typeText(node: TypeNode, view: View = WIRE_OPEN): string {
  switch (node.kind) {
    case "ref":
      return view.open ? (view.openNames.get(node.name) ?? node.name) : node.name;
    case "primitive":
      if (node.primitive === "datetime" && view.sdk) return "Date";
      if (node.primitive === "datetime" && node.encoding === "epoch-seconds") return "number";
      if (node.knownValues && node.knownValues.length > 0) {
        const known = union(node.knownValues.map((m) => m.value));
        return view.open ? `${known} | (string & {})` : known;
      }
      return primitiveType(node.primitive);
    case "enum":
      if (node.members.length === 0) return "never";
      return node.open && view.open ? `${union(node.members.map((m) => m.value))} | (string & {})` : union(node.members.map((m) => m.value));
    case "const":
      return literalType(node.value);
    case "any":
      return "unknown";
    case "union": {
      const parts = [...new Set(node.options.map((o) => wrap(typeText(o, view), o)))];
      return parts.length === 0 ? "never" : parts.join(" | ");
    }
    case "array":
    case "set":
      return `${wrap(typeText(node.items, view), node.items)}[]`;
    case "map":
      return `Record<string, ${typeText(node.values, view)}>`;
    case "object":
      return objectLiteral(node, view);
    case "tuple": {
      // Labels only when every name can be one (TypeScript wants all labelled or none).
      const labelled = node.elements.every((e) => isIdentifier(e.name) && typeIdentifier(e.name) === e.name);
      return `[${node.elements.map((e) => `${labelled ? `${e.name}: ` : ""}${typeText(e.type, view)}`).join(", ")}]`;
    }
    case "choice": {
      if (node.options.length === 0) return "never";
      const sel = node.selector;
      // Tagged: {"option": value}. Inline: the option's members plus the selector naming it.
      return node.options
        .map((o) => (sel === undefined ? `{ ${propertyKey(o.name)}: ${typeText(o.type, view)} }` : `(${wrap(typeText(o.type, view), o.type)} & { ${propertyKey(sel)}: ${literalType(o.name)} })`))
        .join(" | ");
    }
    case "composition": {
      const parts = [
        ...(node.base ? [wrap(typeText(node.base, view), node.base)] : []),
        ...node.allOf.map((t) => wrap(typeText(t, view), t)),
        ...(node.anyOf.length > 0 ? [`(${node.anyOf.map((t) => typeText(t, view)).join(" | ")})`] : []),
        ...(node.oneOf.length > 0 ? [`(${node.oneOf.map((t) => typeText(t, view)).join(" | ")})`] : []),
      ];
      // not / if-then-else constrain values at run time only; the type stays the base.
      return parts.length === 0 ? "unknown" : parts.join(" & ");
    }
  }
}

function wrap(text: string, node: TypeNode): string {
  return text.includes(" | ") || text.includes(" & ") || node.kind === "union" ? `(${text})` : text;
}

/** A member's type in a view: the SDK declares every member `T | undefined`. */
export function memberType(node: TypeNode, view: View): string {
  const t = typeText(node, view);
  return view.sdk ? `${t} | undefined` : t;
}

/** An inline object type with JSDoc on its members. */
export function objectLiteral(node: Extract<TypeNode, { kind: "object" }>, view: View = WIRE_OPEN): string {
  const lines = node.members.map((m) => {
    const doc = jsdoc(m.attrs, m.type);
    return `${doc ? `${doc}\n` : ""}${propertyKey(m.name)}${m.required ? "" : "?"}: ${memberType(m.type, view)};`;
  });
  if (node.additional !== false && typeof node.additional === "object") lines.push(`[key: string]: unknown;`);
  return lines.length === 0 ? "Record<string, unknown>" : `{\n${lines.join("\n")}\n}`;
}
