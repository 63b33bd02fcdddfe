// A type expression in Markdown: `string`, `X[]`, `map<string, X>`, `set<X>`, `A | B`, links for refs.
// The result is safe inside a table cell: `|` is escaped, `<` `>` are backslash-escaped.
import type { TypeNode } from "../../ir/model.js";
import { markdownText } from "../quote.js";
import { jsonCode } from "./constraints.js";
import { sortEnumMembers } from "./enum-values.js";

export type Link = (name: string) => string;

const OR = " \\| ";

export function typeText(node: TypeNode, link: Link): string {
  switch (node.kind) {
    case "ref":
      return link(node.name);
    case "primitive":
      // A datetime sent as a JSON number of epoch seconds (a Date in the SDK view).
      return isEpochSeconds(node) ? EPOCH_SECONDS : markdownText(node.primitive);
    case "enum":
      return sortEnumMembers(node.members)
        .map((m) => jsonCode(m.value))
        .join(OR);
    case "const":
      return jsonCode(node.value);
    case "object":
      return "object";
    case "map":
      return `map\\<string, ${typeText(node.values, link)}\\>`;
    case "array":
      return `${grouped(node.items, link)}[]`;
    case "set":
      return `set\\<${typeText(node.items, link)}\\>`;
    case "union":
      return node.options.map((o) => typeText(o, link)).join(OR);
    case "any":
      return "any";
    case "tuple":
      return `tuple\\<${node.elements.map((e) => typeText(e.type, link)).join(", ")}\\>`;
    case "choice":
      return `choice\\<${node.options.map((o) => `${markdownText(o.name)}: ${typeText(o.type, link)}`).join(", ")}\\>${node.selector !== undefined ? ` (selector ${markdownText(node.selector)})` : ""}`;
    case "composition": {
      const parts = [
        ...(node.base ? [grouped(node.base, link)] : []),
        ...node.allOf.map((t) => grouped(t, link)),
        ...(node.anyOf.length > 0 ? [`any of (${node.anyOf.map((t) => typeText(t, link)).join(OR)})`] : []),
        ...(node.oneOf.length > 0 ? [`one of (${node.oneOf.map((t) => typeText(t, link)).join(OR)})`] : []),
        ...(node.not ? [`not ${grouped(node.not, link)}`] : []),
        ...(node.if ? ["conditional"] : []),
      ];
      return parts.length > 0 ? parts.join(" & ") : "any";
    }
  }
}

/** `(A | B)[]`, not `A | B[]`. */
function grouped(node: TypeNode, link: Link): string {
  const text = typeText(node, link);
  const many = node.kind === "union" ? node.options.length > 1 : node.kind === "enum" && node.members.length > 1;
  return many ? `(${text})` : text;
}

export const EPOCH_SECONDS = "number (epoch seconds)";

export const isEpochSeconds = (node: TypeNode): boolean =>
  node.kind === "primitive" && node.primitive === "datetime" && node.encoding === "epoch-seconds";

/** A short word for the index's Kind column. */
export function kindLabel(node: TypeNode): string {
  if (node.kind === "ref") return "alias";
  if (node.kind === "primitive") return isEpochSeconds(node) ? EPOCH_SECONDS : markdownText(node.primitive);
  return node.kind;
}
