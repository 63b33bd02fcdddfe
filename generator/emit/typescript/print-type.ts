// Lays out a TypeExpr the way prettier 3 prints the same TypeScript (its typescript printer's rules
// for unions, intersections, type arguments, object types and tuples, reduced to what we emit), so
// that prettier leaves the result unchanged.
import { align, group, hardline, ifBreak, indent, indentIfBreak, join, line, softline, type Doc } from "../layout.js";
import type { ObjectMember, TypeExpr } from "./type-text.js";
import { stringWidth as textWidth } from "../width.js";

/** Where a type stands: decides its parentheses and how a union indents. */
type Place = "alias" | "annotation" | "array" | "union" | "intersection" | "type-argument" | "tuple-one" | "tuple-many";

const isObjectType = (t: TypeExpr): boolean => t.k === "object";
/** A type reference or object type (prettier's "object-like"), which a union hugs. */
const isObjectLike = (t: TypeExpr): boolean =>
  t.k === "object" || t.k === "generic" || (t.k === "atom" && t.ref === true);
const isVoid = (t: TypeExpr): boolean => t.k === "atom" && (t.text === "null" || t.text === "void");

/** `{ … } | null`, `Foo | null`: written inline, never one member a line. */
function hugsUnion(t: Extract<TypeExpr, { k: "union" }>): boolean {
  const object = t.types.find(isObjectLike);
  return object !== undefined && t.types.every((x) => x === object || isVoid(x));
}

const needsParens = (t: TypeExpr, place: Place): boolean =>
  (t.k === "union" || t.k === "intersection") && (place === "array" || place === "union" || place === "intersection");

export function printType(t: TypeExpr, place: Place): Doc {
  const doc = printBare(t, place);
  return needsParens(t, place) ? ["(", doc, ")"] : doc;
}

function printBare(t: TypeExpr, place: Place): Doc {
  switch (t.k) {
    case "atom":
      return t.text;
    case "union":
      return printUnion(t, place);
    case "intersection":
      return printIntersection(t);
    case "array":
      return [printType(t.element, "array"), "[]"];
    case "generic": {
      const args = t.args.map((a) => printType(a, "type-argument"));
      const hug = t.args.length === 1 && hugsType(t.args[0]!);
      return [
        t.name,
        hug ? ["<", args[0]!, ">"] : group(["<", indent([softline, join([",", line], args)]), softline, ">"]),
      ];
    }
    case "object":
      return printObject(t.members, t.expanded);
    case "tuple": {
      if (t.elements.length === 0) return "[]";
      const place: Place = t.elements.length > 1 ? "tuple-many" : "tuple-one";
      const elements = t.elements.map((e) =>
        group(e.label === undefined ? printType(e.type, place) : [e.label, ": ", printType(e.type, "annotation")]),
      );
      return group(["[", indent([softline, join([",", line], elements), ifBreak(",")]), softline, "]"]);
    }
  }
}

function hugsType(t: TypeExpr): boolean {
  if (t.k === "atom" || t.k === "object") return true;
  return t.k === "union" && hugsUnion(t);
}

function printUnion(t: Extract<TypeExpr, { k: "union" }>, place: Place): Doc {
  if (hugsUnion(t))
    return join(
      " | ",
      t.types.map((x) => printType(x, "union")),
    );
  // One line if it fits; otherwise a member a line, each after a leading `| `.
  const printed = group(
    t.types.map((x, i) => [i === 0 ? ifBreak("| ") : [line, "| "], align(2, printType(x, "union"))]),
  );
  if (needsParens(t, place)) return group([indent([softline, printed]), softline]);
  if (place === "tuple-many") return group([indent([ifBreak(["(", softline]), printed]), softline, ifBreak(")")]);
  if (place === "alias" || place === "type-argument" || place === "tuple-one") return printed;
  return group(indent([softline, printed]));
}

function printIntersection(t: Extract<TypeExpr, { k: "intersection" }>): Doc {
  let wasIndented = false;
  return group(
    t.types.map((x, i) => {
      const doc = printType(x, "intersection");
      if (i === 0) return doc;
      const object = isObjectType(x);
      const previousObject = isObjectType(t.types[i - 1]!);
      if (object && previousObject) return [" & ", wasIndented ? indent(doc) : doc];
      if (!object && !previousObject) return indent([" &", line, doc]);
      if (i > 1) wasIndented = true;
      return [" & ", i > 1 ? indent(doc) : doc];
    }),
  );
}

/** JSDoc lines, then a line break. */
export const printDocLines = (lines: readonly string[]): Doc =>
  lines.length === 0 ? "" : [join(hardline, lines), hardline];

/** `key?: type` (or the index signature), without its `;`. */
export function printMember(m: ObjectMember): Doc {
  const type = printType(m.type, "annotation");
  if (m.key === undefined) return group(["[", group([indent([softline, "key: string"]), softline]), "]", ": ", type]);
  return group([m.key, m.optional ? "?" : "", ": ", type]);
}

/** An object type literal: `{ a: A; b: B }` on one line if it fits and is not `expanded`. */
function printObject(members: ObjectMember[], expanded: boolean): Doc {
  if (members.length === 0) return "{}";
  const parts = members.map((m, i) => [
    printDocLines(m.doc),
    printMember(m),
    i === members.length - 1 ? ifBreak(";") : ";",
  ]);
  return group(["{", indent([line, join(line, parts)]), line, "}"], { shouldBreak: expanded });
}

/** `type Name = …` as prettier lays out an assignment: a union breaks after `=`, others flow. */
export function printAlias(name: string, t: TypeExpr): Doc {
  const left = group(["type ", name]);
  if (t.k === "union" && !hugsUnion(t)) return group([left, " =", group(indent([line, printType(t, "alias")]))]);
  const id = Symbol("assignment");
  return group([left, " =", group(indent(line), { id }), indentIfBreak(printType(t, "alias"), id)]);
}

/** A type on one line as printType prints it when its group fits, and its width as the printer counts it. */
export interface Flat {
  text: string;
  width: number;
}

const token = (text: string): Flat => ({ text, width: textWidth(text) });
const around = (open: string, f: Flat, close: string): Flat => ({
  text: `${open}${f.text}${close}`,
  width: f.width + open.length + close.length,
});

function joinFlat(parts: readonly (Flat | undefined)[], separator: string): Flat | undefined {
  let text = "";
  let width = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p === undefined) return undefined;
    if (i > 0) text += separator;
    text += p.text;
    width += p.width;
  }
  return { text, width: width + separator.length * Math.max(0, parts.length - 1) };
}

/** printType's text when nothing breaks; undefined when some part always breaks (a doc line, an expanded object). */
function flatType(t: TypeExpr, place: Place): Flat | undefined {
  const bare = flatBare(t, place);
  return bare && needsParens(t, place) ? around("(", bare, ")") : bare;
}

function flatBare(t: TypeExpr, place: Place): Flat | undefined {
  switch (t.k) {
    case "atom":
      return token(t.text);
    case "union":
      return joinFlat(
        t.types.map((x) => flatType(x, "union")),
        " | ",
      );
    case "intersection":
      return joinFlat(
        t.types.map((x) => flatType(x, "intersection")),
        " & ",
      );
    case "array": {
      const element = flatType(t.element, "array");
      return element && around("", element, "[]");
    }
    case "generic": {
      const args = joinFlat(
        t.args.map((a) => flatType(a, "type-argument")),
        ", ",
      );
      return args && { text: `${t.name}<${args.text}>`, width: textWidth(t.name) + args.width + 2 };
    }
    case "object": {
      if (t.expanded) return undefined;
      if (t.members.length === 0) return token("{}");
      const members = joinFlat(
        t.members.map((m) => (m.doc.length > 0 ? undefined : flatMember(m))),
        "; ",
      );
      return members && around("{ ", members, " }");
    }
    case "tuple": {
      if (t.elements.length === 0) return token("[]");
      const inner: Place = t.elements.length > 1 ? "tuple-many" : "tuple-one";
      const elements = t.elements.map((e) => {
        if (e.label === undefined) return flatType(e.type, inner);
        const type = flatType(e.type, "annotation");
        return type && { text: `${e.label}: ${type.text}`, width: textWidth(e.label) + 2 + type.width };
      });
      const all = joinFlat(elements, ", ");
      return all && around("[", all, "]");
    }
  }
}

/** printMember's text on one line, or undefined when its type always breaks. */
export function flatMember(m: ObjectMember): Flat | undefined {
  const type = flatType(m.type, "annotation");
  if (type === undefined) return undefined;
  if (m.key === undefined) return around("[key: string]: ", type, "");
  const head = `${m.key}${m.optional ? "?" : ""}: `;
  return { text: `${head}${type.text}`, width: textWidth(m.key) + head.length - m.key.length + type.width };
}
