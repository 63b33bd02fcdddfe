// What every page needs to know about the whole model: page paths, links, and who refers to whom.
import { cmp } from "../../diagnostics/diagnostic.js";
import type { Model, NamedType } from "../../ir/model.js";
import { referencedNames } from "../../ir/walk.js";
import { fileSlug, markdownText } from "../quote.js";

export interface Site {
  model: Model;
  /** Named types, sorted by name. */
  types: NamedType[];
  index: Map<string, NamedType>;
  /** Page file name (no folder) per type name. */
  slugs: Map<string, string>;
  /** Direct references and referrers per type, sorted; computed once, not per page. */
  refs: Map<string, string[]>;
  referrers: Map<string, string[]>;
}

export function buildSite(model: Model): Site {
  const types = [...model.types].sort((a, b) => cmp(a.name, b.name));
  const index = new Map(types.map((t) => [t.name, t]));
  const refs = new Map(types.map((t) => [t.name, referencedNames(t.node).filter((n) => index.has(n))]));
  // Same answer as walk.ts referrers(), inverted once so large corpora stay linear.
  const referrers = new Map<string, string[]>(types.map((t) => [t.name, []]));
  for (const t of types) for (const r of refs.get(t.name)!) referrers.get(r)!.push(t.name);
  return { model, types, index, slugs: uniqueSlugs(types), refs, referrers };
}

/**
 * fileSlug can map two names to one file ("a$b", "a_b"), and "Foo"/"foo" clash on
 * case-insensitive file systems: later names (in sorted order) get a numeric suffix.
 */
function uniqueSlugs(types: NamedType[]): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const t of types) {
    const base = fileSlug(t.name);
    let slug = base;
    for (let i = 2; taken.has(slug.toLowerCase()); i++) slug = `${base}_${i}`;
    taken.add(slug.toLowerCase());
    out.set(t.name, `${slug}.md`);
  }
  return out;
}

/** Markdown for a type name: a link to its page (relative to `dir`), plain text when it has none. */
export function typeLink(site: Site, name: string, dir: "" | "types/"): string {
  const page = site.slugs.get(name);
  // Slugs hold only [A-Za-z0-9_-], so the destination needs no escaping.
  return page ? `[${markdownText(name)}](${dir}${page})` : markdownText(name);
}
