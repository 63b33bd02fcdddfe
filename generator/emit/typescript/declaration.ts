// One named type's declarations in one view: its interface or type alias, and the open alias of an
// open enum. The text depends on the type, the view and the open-alias names only.
import type { NamedType, TypeNode } from "../../ir/model.js";
import { jsdocLines } from "./jsdoc.js";
import { printDoc, type Doc } from "../layout.js";
import { tsKey } from "./literal.js";
import { flatMember, printAlias, printDocLines, printMember } from "./print-type.js";
import { memberExpr, openStringOf, typeExpr, type ObjectMember } from "./type-text.js";
import type { View } from "./view.js";

const roleTags = (t: NamedType) => (t.role === "error" ? [{ tagName: "remarks", text: "Error shape." }] : []);

/** A top-level statement, laid out at 120 columns and ending its line. */
const statement = (doc: Doc): string => `${printDoc(doc)}\n`;

/** The printer's width, and where an interface's members start. */
const WIDTH = 120;
const MEMBER_INDENT = 2;

/**
 * An interface's text. Its members are separated by hard lines, so each is laid out alone: a member that
 * fits on its line is its flat text (no document built), any other is printed as prettier would.
 */
function interfaceText(t: NamedType, node: Extract<TypeNode, { kind: "object" }>, view: View): string {
  const members: ObjectMember[] = node.members.map((m) => ({
    doc: jsdocLines(m.attrs, m.type.kind === "primitive" ? m.type : undefined),
    key: tsKey(m.name),
    optional: !m.required,
    type: memberExpr(m.type, view),
  }));
  if (typeof node.additional === "object")
    members.push({ doc: [], optional: false, type: { k: "atom", text: "unknown" } });
  const head = docLinesText(jsdocLines(t.attrs, undefined, roleTags(t)), "");
  if (members.length === 0) return `${head}export interface ${t.name} {}\n`;
  const pad = " ".repeat(MEMBER_INDENT);
  const lines = members.map((m) => {
    const flat = flatMember(m);
    const text =
      flat !== undefined && MEMBER_INDENT + flat.width + 1 <= WIDTH
        ? `${flat.text};`
        : printDoc([printMember(m), ";"], WIDTH, MEMBER_INDENT);
    return `${docLinesText(m.doc, pad)}${pad}${text}`;
  });
  return `${head}export interface ${t.name} {\n${lines.join("\n")}\n}\n`;
}

/** JSDoc lines as printDocLines prints them at `pad`, each ending its line. */
const docLinesText = (lines: readonly string[], pad: string): string =>
  lines.length === 0 ? "" : `${lines.map((l) => `${pad}${l}`).join("\n")}\n`;

function aliasOf(t: NamedType, view: View): Doc {
  // An enum's own declaration is always the closed union; its open alias sits beside it.
  const type = typeExpr(t.node, t.node.kind === "enum" ? { ...view, open: false } : view);
  return [printDocLines(jsdocLines(t.attrs, t.node, roleTags(t))), "export ", printAlias(t.name, type), ";"];
}

/** The text `t` contributes to a view's file: one statement, or two for an open enum. */
export function declarationText(t: NamedType, view: View): string {
  const out = [t.node.kind === "object" ? interfaceText(t, t.node, view) : statement(aliasOf(t, view))];
  const open = view.openNames.get(t.name);
  if (open) {
    const doc = ["/**", ` * ${t.name}, open: any other string is a value the sources do not list yet (drift).`, " */"];
    out.push(statement([printDocLines(doc), "export ", printAlias(open, openStringOf(t.name)), ";"]));
  }
  return out.join("\n");
}
