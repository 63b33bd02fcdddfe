// Which sources list a value: from the per-source facts reconciliation leaves on enum members and
// known values. "listed by a, b; not by c; observed by d; set by override; e: <other claim>".
import { cmp } from "../../diagnostics/diagnostic.js";
import type { EnumMember, Fact, TypeNode } from "../../ir/model.js";
import { markdownCell } from "../quote.js";
import { jsonCode } from "./constraints.js";
import { sortEnumMembers } from "./enum-values.js";
import type { Site } from "./site.js";

/** Facts about an enum member's membership, and about a known value. */
export const ENUM_FACTS: ReadonlySet<string> = new Set(["enum"]);
export const KNOWN_VALUE_FACTS: ReadonlySet<string> = new Set(["known-value", "knownValues"]);

/** Escaped source list text; "" when no fact speaks about membership. */
export function sourcesText(site: Site, facts: Fact[], about: ReadonlySet<string>): string {
  const listed: string[] = [];
  const omitted: string[] = [];
  const observed: string[] = [];
  const overridden: string[] = [];
  const other: string[] = [];
  for (const f of facts) {
    if (!about.has(f.about)) continue;
    const claim = f.claim ?? "";
    // An override's claim is its written reason: the reconciliation section shows it.
    if (f.source === "override") overridden.push(f.source);
    else if (/^(lists|declares)\b/.test(claim)) listed.push(f.source);
    else if (/^omits\b/.test(claim)) omitted.push(f.source);
    else if (/^observed\b/.test(claim)) observed.push(f.source);
    else other.push(`${markdownCell(f.source)}: ${markdownCell(claim)}`);
  }
  const names = (ids: string[]): string => ordered(site, ids).map(markdownCell).join(", ");
  const parts: string[] = [];
  if (listed.length > 0) parts.push(`listed by ${names(listed)}`);
  if (omitted.length > 0) parts.push(`${listed.length > 0 ? "not by" : "not listed by"} ${names(omitted)}`);
  if (observed.length > 0) parts.push(`observed by ${names(observed)}`);
  if (overridden.length > 0) parts.push("set by override");
  return [...parts, ...new Set(other)].join("; ");
}

/** Unique source ids: configured sources in config order, then the rest by name. */
function ordered(site: Site, ids: string[]): string[] {
  const rank = (id: string): number => site.sourceRank.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...new Set(ids)].sort((a, b) => rank(a) - rank(b) || cmp(a, b));
}

/** The known values a node carries (itself, or its items / map values), with a label. */
export function knownValuesOf(node: TypeNode): { label: string; values: EnumMember[] } | undefined {
  const own = (n: TypeNode): EnumMember[] | undefined =>
    n.kind === "primitive" && n.knownValues?.length ? n.knownValues : undefined;
  const direct = own(node);
  if (direct) return { label: "known values", values: direct };
  const items = node.kind === "array" || node.kind === "set" ? own(node.items) : undefined;
  if (items) return { label: "known item values", values: items };
  const values = node.kind === "map" ? own(node.values) : undefined;
  return values ? { label: "known map values", values } : undefined;
}

export const OTHER_VALUES = "accepted and reported as drift; strict mode rejects them";

/** `"A"`, `"B"` (listed by x, y); `"C"` (listed by x; not by y): values grouped by who lists them. */
export function knownValuesText(site: Site, values: EnumMember[]): string {
  const groups = new Map<string, string[]>();
  for (const m of sortEnumMembers(values)) {
    const s = sourcesText(site, m.attrs.facts, KNOWN_VALUE_FACTS);
    const group = groups.get(s);
    if (group) group.push(jsonCode(m.value));
    else groups.set(s, [jsonCode(m.value)]);
  }
  return [...groups].map(([s, vs]) => (s ? `${vs.join(", ")} (${s})` : vs.join(", "))).join("; ");
}
