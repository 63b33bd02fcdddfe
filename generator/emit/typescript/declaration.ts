// One named type's declarations in one view: its interface or type alias, and the open alias of an
// open enum. The text depends on the type, the view and the open-alias names only.
import type { NamedType, TypeNode } from "../../ir/model.js";
import { jsdocLines } from "./jsdoc.js";
import { hardline, indent, join, printDoc, type Doc } from "../layout.js";
import { tsKey } from "./literal.js";
import { printAlias, printDocLines, printMember } from "./print-type.js";
import { memberExpr, openStringOf, typeExpr, type ObjectMember } from "./type-text.js";
import type { View } from "./view.js";

const roleTags = (t: NamedType) => (t.role === "error" ? [{ tagName: "remarks", text: "Error shape." }] : []);

/** A top-level statement, laid out at 120 columns and ending its line. */
const statement = (doc: Doc): string => `${printDoc(doc)}\n`;

function interfaceOf(t: NamedType, node: Extract<TypeNode, { kind: "object" }>, view: View): Doc {
  const members: ObjectMember[] = node.members.map((m) => ({
    doc: jsdocLines(m.attrs, m.type.kind === "primitive" ? m.type : undefined),
    key: tsKey(m.name),
    optional: !m.required,
    type: memberExpr(m.type, view),
  }));
  if (typeof node.additional === "object")
    members.push({ doc: [], optional: false, type: { k: "atom", text: "unknown" } });
  const lines = members.map((m) => [printDocLines(m.doc), printMember(m), ";"]);
  const body = lines.length === 0 ? "{}" : ["{", indent([hardline, join(hardline, lines)]), hardline, "}"];
  return [printDocLines(jsdocLines(t.attrs, undefined, roleTags(t))), "export interface ", t.name, " ", body];
}

function aliasOf(t: NamedType, view: View): Doc {
  // An enum's own declaration is always the closed union; its open alias sits beside it.
  const type = typeExpr(t.node, t.node.kind === "enum" ? { ...view, open: false } : view);
  return [printDocLines(jsdocLines(t.attrs, t.node, roleTags(t))), "export ", printAlias(t.name, type), ";"];
}

/** The text `t` contributes to a view's file: one statement, or two for an open enum. */
export function declarationText(t: NamedType, view: View): string {
  const out = [statement(t.node.kind === "object" ? interfaceOf(t, t.node, view) : aliasOf(t, view))];
  const open = view.openNames.get(t.name);
  if (open) {
    const doc = ["/**", ` * ${t.name}, open: any other string is a value the sources do not list yet (drift).`, " */"];
    out.push(statement([printDocLines(doc), "export ", printAlias(open, openStringOf(t.name)), ";"]));
  }
  return out.join("\n");
}
