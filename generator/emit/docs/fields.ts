// The fields table of an object type. Members of inline objects become nested rows with
// dotted names: `Items[].Name` for arrays/sets, `Tags{}.Key` for maps, `Owner.Id` for objects.
import type { Attributes, Member, TypeNode } from "../../ir/model.js";
import { markdownCell, markdownCode } from "../quote.js";
import { constraintPairs, jsonCode } from "./constraints.js";
import { descriptionCell } from "./description.js";
import type { Site } from "./site.js";
import { knownValuesOf, knownValuesText } from "./sources.js";
import { table } from "./table.js";
import { typeText, type Link } from "./type-text.js";

export function fieldsTable(site: Site, members: Member[], link: Link): string {
  return table(["Name", "Type", "Required", "Constraints", "Description"], rows(site, members, "", link));
}

function rows(site: Site, members: Member[], prefix: string, link: Link): string[][] {
  return members.flatMap((m) => {
    const path = prefix + m.name;
    const row = [
      markdownCode(path),
      typeText(m.type, link),
      m.required ? "yes" : "no",
      constraintsCell(site, m),
      memberDescription(m),
    ];
    const inline = inlineObject(m.type);
    return [row, ...(inline ? rows(site, inline.members, path + inline.suffix, link) : [])];
  });
}

function inlineObject(node: TypeNode): { members: Member[]; suffix: string } | undefined {
  if (node.kind === "object") return { members: node.members, suffix: "." };
  if ((node.kind === "array" || node.kind === "set") && node.items.kind === "object")
    return { members: node.items.members, suffix: "[]." };
  if (node.kind === "map" && node.values.kind === "object") return { members: node.values.members, suffix: "{}." };
  return undefined;
}

function constraintsCell(site: Site, m: Member): string {
  const t = m.type;
  const pairs = t.kind === "primitive" || t.kind === "array" || t.kind === "set" ? constraintPairs(t.constraints) : [];
  const def = m.attrs.default !== undefined ? m.attrs.default : t.attrs.default;
  if (def !== undefined) pairs.push(["default", jsonCode(def)]);
  const known = knownValuesOf(t);
  // Known values are open: say so where they are listed, briefly.
  if (known)
    pairs.push([known.label, `${knownValuesText(site, known.values)}; others are drift (rejected in strict mode)`]);
  return pairs.map(([k, v]) => `${k}: ${v}`).join(", ");
}

/** The member's own annotations win; the dialect may also put them on the type node. */
function memberDescription(m: Member): string {
  const raw = m.attrs.doc ?? m.type.attrs.doc;
  const marks = badges([m.attrs, m.type.attrs], [], raw);
  const doc = descriptionCell(raw);
  return [marks, doc].filter((s) => s !== "").join(" ");
}

/**
 * "**Deprecated** (reason) · **Sensitive**" from whichever attributes say so. The reason is left
 * out when it only says "Deprecated." or when the description (`doc`) already says it.
 */
export function badges(all: Attributes[], extra: string[] = [], doc?: string): string {
  const deprecated = all.find((a) => a.deprecated !== undefined)?.deprecated?.trim();
  const out: string[] = [];
  const says =
    deprecated !== undefined && deprecated !== "" && !/^deprecated\.?$/i.test(deprecated) && !doc?.includes(deprecated);
  if (deprecated !== undefined) out.push(says ? `**Deprecated** (${markdownCell(deprecated)})` : "**Deprecated**");
  if (all.some((a) => a.sensitive)) out.push("**Sensitive**");
  return [...out, ...extra].join(" · ");
}
