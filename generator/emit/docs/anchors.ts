// Heading anchors as GitHub computes them (github-slugger): lower case, punctuation dropped,
// spaces to hyphens, repeats numbered -1, -2, … in page order. reconciliation.md and the type
// pages that link into it share this one computation.
import { cmp } from "../../diagnostics/diagnostic.js";
import type { Model } from "../../ir/model.js";

/** Heading text on one line, as markdownCell renders it. */
export const headingText = (text: string): string => text.replace(/[\r\n]+/g, " ").trim();

export class Slugger {
  private readonly seen = new Map<string, number>();

  slug(text: string): string {
    const base = headingText(text)
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    let slug = base;
    const n = this.seen.get(base);
    if (n !== undefined) {
      let i = n;
      do slug = `${base}-${++i}`;
      while (this.seen.has(slug));
      this.seen.set(base, i);
    }
    this.seen.set(slug, 0);
    return slug;
  }
}

/** Headings of reconciliation.md before the per-kind sections, in page order. */
export const reportTitle = (model: Model): string => `${model.name} reconciliation`;
export const FIXED_HEADINGS = ["Sources", "Decisions by kind"];

/** Decision kinds in page order (code unit order, as reconciliation.json's byKind). */
export const decisionKinds = (model: Model): string[] =>
  [...new Set((model.reconciliation?.decisions ?? []).map((d) => d.kind))].sort(cmp);

/** The anchor of each kind's section in reconciliation.md. */
export function kindAnchors(model: Model): Map<string, string> {
  if (!model.reconciliation) return new Map();
  const slugger = new Slugger();
  for (const h of [reportTitle(model), ...FIXED_HEADINGS]) slugger.slug(h);
  return new Map(decisionKinds(model).map((k) => [k, slugger.slug(kindHeading(k))]));
}

/** The heading text of a kind's section ("(no kind)" for an empty one, so the heading exists). */
export const kindHeading = (kind: string): string => (headingText(kind) === "" ? "(no kind)" : kind);
