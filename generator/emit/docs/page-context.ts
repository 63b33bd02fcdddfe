// What a type's page reads of the whole site, and nothing more: the page is rendered from a site
// narrowed to this context, and the memo keys the page on the type and this context, so a page
// comes from the memo only when everything it could show is unchanged.
import type { Decision, NamedType } from "../../ir/model.js";
import type { Site } from "./site.js";

export interface PageContext {
  corpus: string;
  reconciled: boolean;
  /** Page file of each type the page may link to (referenced types, referrers). */
  slugs: [string, string][];
  /** Referrers of the type. */
  referrers: string[];
  /** The diagram's nodes with their references among those nodes. */
  refs: [string, string[]][];
  decisions: Decision[];
  /** Anchors in reconciliation.md of the decisions' kinds. */
  kindAnchors: [string, string][];
  sourceRank: [string, number][];
}

export function pageContext(site: Site, t: NamedType): PageContext {
  const referrers = site.referrers.get(t.name) ?? [];
  const nodes = [...new Set([t.name, ...(site.refs.get(t.name) ?? []), ...referrers])].sort();
  const inView = new Set(nodes);
  // site.refs: the references with a page (the only ones a link is made to), found once per run.
  const linked = [...new Set([t.name, ...(site.refs.get(t.name) ?? []), ...referrers])].sort();
  const decisions = site.decisionsByType.get(t.name) ?? [];
  const kinds = [...new Set(decisions.map((d) => d.kind))].sort();
  return {
    corpus: site.model.name,
    reconciled: site.model.reconciliation !== undefined,
    slugs: linked.flatMap((n): [string, string][] => (site.slugs.has(n) ? [[n, site.slugs.get(n)!]] : [])),
    referrers,
    refs: nodes.map((n) => [n, (site.refs.get(n) ?? []).filter((r) => inView.has(r))]),
    decisions,
    kindAnchors: kinds.flatMap((k): [string, string][] =>
      site.kindAnchors.has(k) ? [[k, site.kindAnchors.get(k)!]] : [],
    ),
    sourceRank: [...site.sourceRank],
  };
}

/**
 * What the model-wide part of every page's context is a function of: the corpus, whether it is
 * reconciled, its sources (their rank) and authority, the decision kinds' anchors, and the type names
 * (page files, which references have a page). A memo shares it between runs while it is equal.
 */
export const siteGlobals = (site: Site): unknown[] => {
  const r = site.model.reconciliation;
  return [site.model.name, r?.sources ?? null, r?.authority ?? null, [...site.kindAnchors], site.names];
};

/**
 * What pageContext(site, t) is a function of, besides `t`: `globals` (siteGlobals, shared), the type's
 * decisions and referrers, and the type of each node in its diagram (their references).
 */
export function pageDeps(site: Site, t: NamedType, globals: unknown): unknown[] {
  const referrers = site.referrers.get(t.name) ?? [];
  const decisions = site.decisionsByType.get(t.name) ?? [];
  const deps: unknown[] = [globals, decisions.length, ...decisions, referrers.length, ...referrers];
  for (const n of site.refs.get(t.name) ?? []) deps.push(site.index.get(n));
  for (const n of referrers) deps.push(site.index.get(n));
  return deps;
}

/** A site holding only the context: what typePage reads for `t`. */
export function pageSite(t: NamedType, c: PageContext): Site {
  const reconciliation = c.reconciled ? { reconciliation: { sources: [], decisions: [] } } : {};
  return {
    model: { name: c.corpus, types: [], diagnostics: [], ...reconciliation },
    types: [],
    index: new Map(),
    names: [],
    slugs: new Map(c.slugs),
    refs: new Map(c.refs),
    referrers: new Map([[t.name, c.referrers]]),
    decisions: [],
    subjectType: new Map(),
    decisionsByType: new Map(c.decisions.length > 0 ? [[t.name, c.decisions]] : []),
    kindAnchors: new Map(c.kindAnchors),
    sourceRank: new Map(c.sourceRank),
  };
}
