// One page per named type: title, badges, description, fields / values / definition,
// reconciliation decisions, referrers, diagram and source position.
import type { NamedType, TypeNode } from "../../ir/model.js";
import { markdownCell, markdownCode } from "../quote.js";
import { constraintPairs, jsonCode } from "./constraints.js";
import { descriptionBlock, descriptionCell } from "./description.js";
import { diagram } from "./diagram.js";
import { sortEnumMembers } from "./enum-values.js";
import { badges, fieldsTable } from "./fields.js";
import { heading } from "./heading.js";
import { decisionsSection } from "./reconciliation.js";
import { typeLink, type Site } from "./site.js";
import { ENUM_FACTS, knownValuesOf, knownValuesText, OTHER_VALUES, sourcesText } from "./sources.js";
import { table } from "./table.js";
import { isEpochSeconds, typeText, type Link } from "./type-text.js";

export function typePage(site: Site, t: NamedType): string {
  const link: Link = (name) => typeLink(site, name, "");
  const roles = [...(t.role === "error" ? ["**Error shape**"] : []), ...(t.root ? ["**Root**"] : [])];
  const referrers = site.referrers.get(t.name)!;
  const sections = [
    heading(1, markdownCell(t.name)),
    badges([t.attrs, t.node.attrs], roles, t.attrs.doc ?? t.node.attrs.doc),
    descriptionBlock(t.attrs.doc ?? t.node.attrs.doc),
    body(site, t.node, link),
    decisionsSection(site, t.name),
    "## Referenced by",
    referrers.length > 0 ? referrers.map((r) => `- ${link(r)}`).join("\n") : "Not referenced by other types.",
    "## Diagram",
    diagram(site, t.name),
    source(t),
  ];
  return `${sections.filter((s) => s !== "").join("\n\n")}\n`;
}

function body(site: Site, node: TypeNode, link: Link): string {
  if (node.kind === "object") {
    const fields = node.members.length > 0 ? fieldsTable(site, node.members, link) : "No fields.";
    return ["## Fields", fields, additional(node.additional, link)].filter((s) => s !== "").join("\n\n");
  }
  if (node.kind === "enum") return values(site, node);
  // A table even for one row: GFM reads `\|` (from markdownCode) as `|` only inside tables.
  const pairs =
    node.kind === "primitive" || node.kind === "array" || node.kind === "set" ? constraintPairs(node.constraints) : [];
  if (node.attrs.default !== undefined) pairs.push(["default", jsonCode(node.attrs.default)]);
  if (isEpochSeconds(node))
    pairs.push(["encoding", "epoch seconds: a JSON number on the wire, fractions allowed (a `Date` in the SDK view)"]);
  const known = knownValuesOf(node);
  if (known) pairs.push([known.label, knownValuesText(site, known.values)], ["other values", OTHER_VALUES]);
  return `## Definition\n\n${table(["Property", "Value"], [["Type", typeText(node, link)], ...pairs])}`;
}

/** The values table; with reconciliation data, which sources list each value. */
function values(site: Site, node: Extract<TypeNode, { kind: "enum" }>): string {
  const withSources = site.model.reconciliation !== undefined;
  const rows = sortEnumMembers(node.members).map((m) => [
    jsonCode(m.value),
    ...(withSources ? [sourcesText(site, m.attrs.facts, ENUM_FACTS)] : []),
    descriptionCell(m.attrs.doc),
  ]);
  const openness = node.open
    ? "Open: a value not listed here is accepted and reported as drift; strict mode rejects it."
    : "Closed: a value not listed here is rejected.";
  const headers = ["Value", ...(withSources ? ["Sources"] : []), "Description"];
  return `## Values\n\nBase type: ${markdownCode(node.base)}\n\n${openness}\n\n${table(headers, rows)}`;
}

/** Only what differs from the default (any extra property allowed) is worth a line. */
function additional(a: boolean | TypeNode, link: Link): string {
  if (a === true) return "";
  return a === false ? "No additional properties." : `Additional properties: ${typeText(a, link)}`;
}

function source(t: NamedType): string {
  const at = t.attrs.at;
  const where = at ? markdownCode(`${at.file}:${at.line}:${at.column}`) : "";
  const name = t.sourceName && t.sourceName !== t.name ? `${where ? " " : ""}(${markdownCode(t.sourceName)})` : "";
  return where || name ? `Source: ${where}${name}` : "";
}
