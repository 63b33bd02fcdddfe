// The fields table of an object type. Members of inline objects become nested rows with
// dotted names: `Items[].Name` for arrays/sets, `Tags{}.Key` for maps, `Owner.Id` for objects.
import type { Attributes, Member, TypeNode } from "../../ir/model.js";
import { markdownCode, markdownText } from "../quote.js";
import { constraintPairs, jsonCode } from "./constraints.js";
import { descriptionCell } from "./description.js";
import { table } from "./table.js";
import { typeText, type Link } from "./type-text.js";

export function fieldsTable(members: Member[], link: Link): string {
  return table(["Name", "Type", "Required", "Constraints", "Description"], rows(members, "", link));
}

function rows(members: Member[], prefix: string, link: Link): string[][] {
  return members.flatMap((m) => {
    const path = prefix + m.name;
    const row = [markdownCode(path), typeText(m.type, link), m.required ? "yes" : "no", constraintsCell(m), memberDescription(m)];
    const inline = inlineObject(m.type);
    return [row, ...(inline ? rows(inline.members, path + inline.suffix, link) : [])];
  });
}

function inlineObject(node: TypeNode): { members: Member[]; suffix: string } | undefined {
  if (node.kind === "object") return { members: node.members, suffix: "." };
  if ((node.kind === "array" || node.kind === "set") && node.items.kind === "object") return { members: node.items.members, suffix: "[]." };
  if (node.kind === "map" && node.values.kind === "object") return { members: node.values.members, suffix: "{}." };
  return undefined;
}

function constraintsCell(m: Member): string {
  const t = m.type;
  const pairs = t.kind === "primitive" || t.kind === "array" || t.kind === "set" ? constraintPairs(t.constraints) : [];
  const def = m.attrs.default !== undefined ? m.attrs.default : t.attrs.default;
  if (def !== undefined) pairs.push(["default", jsonCode(def)]);
  return pairs.map(([k, v]) => `${k}: ${v}`).join(", ");
}

/** The member's own annotations win; the dialect may also put them on the type node. */
function memberDescription(m: Member): string {
  const marks = badges([m.attrs, m.type.attrs]);
  const doc = descriptionCell(m.attrs.doc ?? m.type.attrs.doc);
  return [marks, doc].filter((s) => s !== "").join(" ");
}

/** "**Deprecated** (reason) · **Sensitive**" from whichever attributes say so. */
export function badges(all: Attributes[], extra: string[] = []): string {
  const deprecated = all.find((a) => a.deprecated !== undefined)?.deprecated;
  const out: string[] = [];
  if (deprecated !== undefined) out.push(deprecated.trim() ? `**Deprecated** (${markdownText(deprecated.trim())})` : "**Deprecated**");
  if (all.some((a) => a.sensitive)) out.push("**Sensitive**");
  return [...out, ...extra].join(" · ");
}
