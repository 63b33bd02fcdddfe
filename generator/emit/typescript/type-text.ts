// The TypeScript type for an IR node in a view, as a small syntax tree (print-type.ts lays it out).
// Names and literals go through quote.ts (via literal.ts); parentheses are the printer's business.
import type { EnumValue, PrimitiveName, TypeNode } from "../../ir/model.js";
import { isIdentifier, typeIdentifier } from "../../ir/names.js";
import { jsdocLines } from "./jsdoc.js";
import { tsKey, tsLiteral } from "./literal.js";
import type { View } from "./view.js";

export type TypeExpr =
  /** A keyword, literal or type name; `ref` names a type (prettier treats those like objects). */
  | { k: "atom"; text: string; ref?: true }
  | { k: "union"; types: TypeExpr[] }
  | { k: "intersection"; types: TypeExpr[] }
  | { k: "array"; element: TypeExpr }
  | { k: "generic"; name: string; args: TypeExpr[] }
  /** An object type literal; `expanded` writes one member a line. */
  | { k: "object"; members: ObjectMember[]; expanded: boolean }
  | { k: "tuple"; elements: { label?: string; type: TypeExpr }[] };

export interface ObjectMember {
  /** JSDoc lines, `/**` and `*\/` included; empty for none. */
  doc: readonly string[];
  /** The printed key (`name`, `"odd name"`), or undefined for the `[key: string]` index signature. */
  key?: string;
  optional: boolean;
  type: TypeExpr;
}

const NUMERIC = new Set<PrimitiveName>([
  "number",
  "integer",
  "int8",
  "int16",
  "int32",
  "uint8",
  "uint16",
  "uint32",
  "float8",
  "float",
  "double",
]);

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

const atom = (text: string): TypeExpr => ({ k: "atom", text });
const typeRef = (text: string): TypeExpr => ({ k: "atom", text, ref: true });
/** Any string beyond the listed ones, without losing the literals in editors. */
const OTHER_STRING: TypeExpr = {
  k: "intersection",
  types: [atom("string"), { k: "object", members: [], expanded: false }],
};

/** A union of the given types, nested unions flattened and duplicates dropped; one type stays itself. */
export function unionOf(types: TypeExpr[]): TypeExpr {
  const all = types.flatMap((x) => (x.k === "union" ? x.types : [x]));
  // Duplicates by JSON text: an atom's is its text and ref; a compound type's is written out only
  // when another compound type could equal it (not for the SDK's `T | undefined`).
  const compound = all.reduce((n, t) => (t.k === "atom" ? n : n + 1), 0);
  const seen = new Set<string>();
  const flat: TypeExpr[] = [];
  for (const t of all) {
    const key = t.k === "atom" ? `${t.ref ? "r" : "a"}${t.text}` : compound > 1 ? `j${JSON.stringify(t)}` : "";
    if (key === "" || !seen.has(key)) {
      seen.add(key);
      flat.push(t);
    }
  }
  return flat.length === 0 ? atom("never") : flat.length === 1 ? flat[0]! : { k: "union", types: flat };
}

function intersectionOf(types: TypeExpr[]): TypeExpr {
  const flat = types.flatMap((x) => (x.k === "intersection" ? x.types : [x]));
  return flat.length === 0 ? atom("unknown") : flat.length === 1 ? flat[0]! : { k: "intersection", types: flat };
}

/** `Name | (string & {})`: the open alias of an enum. */
export const openStringOf = (name: string): TypeExpr => ({ k: "union", types: [typeRef(name), OTHER_STRING] });

const literals = (values: EnumValue[]): TypeExpr[] => sortedEnumValues(values).map((v) => atom(tsLiteral(v)));

export function typeExpr(node: TypeNode, view: View = WIRE_OPEN): TypeExpr {
  switch (node.kind) {
    case "ref":
      return typeRef(view.open ? (view.openNames.get(node.name) ?? node.name) : node.name);
    case "primitive":
      if (node.primitive === "datetime" && view.sdk) return typeRef("Date");
      if (node.primitive === "datetime" && node.encoding === "epoch-seconds") return atom("number");
      if (node.knownValues && node.knownValues.length > 0) {
        const known = literals(node.knownValues.map((m) => m.value));
        return unionOf(view.open ? [...known, OTHER_STRING] : known);
      }
      return atom(primitiveType(node.primitive));
    case "enum": {
      const values = literals(node.members.map((m) => m.value));
      return unionOf(node.open && view.open && values.length > 0 ? [...values, OTHER_STRING] : values);
    }
    case "const":
      return atom(tsLiteral(node.value));
    case "any":
      return atom("unknown");
    case "union":
      return unionOf(node.options.map((o) => typeExpr(o, view)));
    case "array":
    case "set":
      return { k: "array", element: typeExpr(node.items, view) };
    case "map":
      return { k: "generic", name: "Record", args: [atom("string"), typeExpr(node.values, view)] };
    case "object":
      return objectExpr(node, view);
    case "tuple": {
      // Labels only when every name can be one (TypeScript wants all labelled or none).
      const labelled = node.elements.every((e) => isIdentifier(e.name) && typeIdentifier(e.name) === e.name);
      return {
        k: "tuple",
        elements: node.elements.map((e) => ({ ...(labelled ? { label: e.name } : {}), type: typeExpr(e.type, view) })),
      };
    }
    case "choice": {
      const sel = node.selector;
      // Tagged: {"option": value}. Inline: the option's members plus the selector naming it.
      const one = (key: string, type: TypeExpr): TypeExpr => ({
        k: "object",
        members: [{ doc: [], key, optional: false, type }],
        expanded: false,
      });
      return unionOf(
        node.options.map((o) =>
          sel === undefined
            ? one(tsKey(o.name), typeExpr(o.type, view))
            : intersectionOf([typeExpr(o.type, view), one(tsKey(sel), atom(tsLiteral(o.name)))]),
        ),
      );
    }
    case "composition": {
      const parts = [
        ...(node.base ? [typeExpr(node.base, view)] : []),
        ...node.allOf.map((t) => typeExpr(t, view)),
        ...(node.anyOf.length > 0 ? [unionOf(node.anyOf.map((t) => typeExpr(t, view)))] : []),
        ...(node.oneOf.length > 0 ? [unionOf(node.oneOf.map((t) => typeExpr(t, view)))] : []),
      ];
      // not / if-then-else constrain values at run time only; the type stays the base.
      return intersectionOf(parts);
    }
  }
}

/** A member's type in a view: the SDK declares every member `T | undefined`. */
export function memberExpr(node: TypeNode, view: View): TypeExpr {
  const t = typeExpr(node, view);
  return view.sdk ? unionOf([t, atom("undefined")]) : t;
}

/** An inline object type, one member a line with its JSDoc; `Record<string, unknown>` when empty. */
function objectExpr(node: Extract<TypeNode, { kind: "object" }>, view: View): TypeExpr {
  const members: ObjectMember[] = node.members.map((m) => ({
    doc: jsdocLines(m.attrs, m.type),
    key: tsKey(m.name),
    optional: !m.required,
    type: memberExpr(m.type, view),
  }));
  if (typeof node.additional === "object") members.push({ doc: [], optional: false, type: atom("unknown") });
  if (members.length === 0) return { k: "generic", name: "Record", args: [atom("string"), atom("unknown")] };
  return { k: "object", members, expanded: true };
}
