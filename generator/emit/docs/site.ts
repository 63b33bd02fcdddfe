// What every page needs to know about the whole model: page paths, links, who refers to whom,
// and which reconciliation decisions concern which type. All computed once, not per page.
import { cmp } from "../../diagnostics/diagnostic.js";
import type { Decision, Model, NamedType } from "../../ir/model.js";
import { referencedNames } from "../../ir/walk.js";
import { fileSlug, markdownText } from "../quote.js";
import { kindAnchors } from "./anchors.js";
import { derivedOf, sharedOf, type EmitOptions } from "../files.js";

export interface Site {
  model: Model;
  /** Named types, sorted by name. */
  types: NamedType[];
  index: Map<string, NamedType>;
  /** The type names, sorted (with a memo, the same array from run to run while they are equal). */
  names: readonly string[];
  /** Page file name (no folder) per type name. */
  slugs: Map<string, string>;
  /** Direct references and referrers per type, sorted; computed once, not per page. */
  refs: Map<string, string[]>;
  referrers: Map<string, string[]>;
  /** Reconciliation decisions sorted by subject then kind (input order does not matter), and the type each is about. */
  decisions: Decision[];
  subjectType: Map<Decision, string | undefined>;
  /** Decisions per type name: about the type itself or one of its members. */
  decisionsByType: Map<string, Decision[]>;
  /** Heading anchor in reconciliation.md per decision kind. */
  kindAnchors: Map<string, string>;
  /** Rank of each reconciliation source id (config order), for stable source lists. */
  sourceRank: Map<string, number>;
}

/** `options.memo`: what is a function of one type, or of the type names, computed once for those objects. */
export function buildSite(model: Model, options?: EmitOptions): Site {
  const types = [...model.types].sort((a, b) => cmp(a.name, b.name));
  const index = new Map(types.map((t) => [t.name, t]));
  const referenced = (t: NamedType) => derivedOf(options, t, "docs-referenced", () => referencedNames(t.node));
  const refs = new Map(types.map((t) => [t.name, referenced(t).filter((n) => index.has(n))]));
  // The sorted names, the same array from run to run while equal: their page files are a function of them.
  const names = sharedOf(
    options,
    `docs-names\0${model.name}`,
    types.map((t) => t.name),
  );
  // Same answer as walk.ts referrers(), inverted once so large corpora stay linear.
  const referrers = new Map<string, string[]>(types.map((t) => [t.name, []]));
  for (const t of types) for (const r of refs.get(t.name)!) referrers.get(r)!.push(t.name);

  const r = model.reconciliation;
  const decisions = [...(r?.decisions ?? [])].sort(compareDecisions);
  // Subjects name types as the sources spell them (sourceName); fall back to identifiers.
  const bySource = new Map<string, NamedType>();
  for (const t of types) if (!bySource.has(t.sourceName)) bySource.set(t.sourceName, t);
  const lookup = (s: string): NamedType | undefined => bySource.get(s) ?? index.get(s);
  const subjectType = new Map<Decision, string | undefined>();
  const decisionsByType = new Map<string, Decision[]>();
  for (const d of decisions) {
    const t = typeOfSubject(d.subject, lookup);
    subjectType.set(d, t?.name);
    if (!t) continue;
    const list = decisionsByType.get(t.name);
    if (list) list.push(d);
    else decisionsByType.set(t.name, [d]);
  }
  const sourceRank = new Map((r?.sources ?? []).map((s, i) => [s.id, i]));
  return {
    model,
    types,
    index,
    names,
    slugs: derivedOf(options, names, "docs-slugs", () => uniqueSlugs(names)),
    refs,
    referrers,
    decisions,
    subjectType,
    decisionsByType,
    kindAnchors: kindAnchors(model),
    sourceRank,
  };
}

/** By subject, then kind, then the rest: pages do not depend on the order decisions arrive in. */
function compareDecisions(a: Decision, b: Decision): number {
  const key = (d: Decision): string =>
    JSON.stringify([d.decision, d.rule, d.reason ?? null, d.disagreement, d.claims.map((c) => [c.source, c.claim])]);
  return cmp(a.subject, b.subject) || cmp(a.kind, b.kind) || cmp(key(a), key(b));
}

/** "Type", "Type.Member", "Type.Member[]", "Type{}": the longest prefix that names a type. */
function typeOfSubject(subject: string, lookup: (s: string) => NamedType | undefined): NamedType | undefined {
  const whole = lookup(subject);
  if (whole) return whole;
  for (let i = subject.length - 1; i > 0; i--) {
    if (!".[{".includes(subject[i]!)) continue;
    const t = lookup(subject.slice(0, i));
    if (t) return t;
  }
  return undefined;
}

/**
 * fileSlug can map two names to one file ("a$b", "a_b"), and "Foo"/"foo" clash on
 * case-insensitive file systems: later names (in sorted order) get a numeric suffix.
 */
function uniqueSlugs(names: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const name of names) {
    const base = fileSlug(name);
    let slug = base;
    for (let i = 2; taken.has(slug.toLowerCase()); i++) slug = `${base}_${i}`;
    taken.add(slug.toLowerCase());
    out.set(name, `${slug}.md`);
  }
  return out;
}

/** Markdown for a type name: a link to its page (relative to `dir`), plain text when it has none. */
export function typeLink(site: Site, name: string, dir: "" | "types/"): string {
  return linkTo(site, name, markdownText(name), dir);
}

/** `text` (already escaped) linked to the page of type `name` when it has one. */
export function linkTo(site: Site, name: string | undefined, text: string, dir: "" | "types/"): string {
  const page = name === undefined ? undefined : site.slugs.get(name);
  // Slugs hold only [A-Za-z0-9_-], so the destination needs no escaping.
  return page ? `[${text}](${dir}${page})` : text;
}
