// docs/README.md: the corpus name, counts, the reconciliation report's link and a table of
// every type, grouped by role.
import type { NamedType } from "../../ir/model.js";
import { fragmentOf, type EmitOptions } from "../files.js";
import { markdownCell } from "../quote.js";
import { summary } from "../prose.js";
import { heading } from "./heading.js";
import { typeLink, type Site } from "./site.js";
import { table } from "./table.js";
import { kindLabel } from "./type-text.js";

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** `options.memo`: each type's row kept by the type and its page (a row reads nothing else). */
export function indexPage(site: Site, options?: EmitOptions): string {
  const groups: [string, NamedType[]][] = [
    ["Root shapes", site.types.filter((t) => t.root && t.role === "shape")],
    ["Error shapes", site.types.filter((t) => t.role === "error")],
    ["Other types", site.types.filter((t) => !t.root && t.role === "shape")],
  ];
  const [roots, errors, others] = groups.map(([, ts]) => ts.length) as [number, number, number];
  const counts =
    `${plural(site.types.length, "type", "types")}: ${plural(roots, "root shape", "root shapes")}, ` +
    `${plural(errors, "error shape", "error shapes")}, ${plural(others, "other type", "other types")}.`;
  const sections = [heading(1, markdownCell(site.model.name)), counts];
  const r = site.model.reconciliation;
  if (r) {
    const disagree = site.decisions.filter((d) => d.disagreement).length;
    sections.push(
      `Reconciled with ${plural(r.sources.length, "source", "sources")}: ${plural(site.decisions.length, "decision", "decisions")}, ` +
        `${disagree} where the sources disagree. See [the reconciliation report](reconciliation.md).`,
    );
  }
  for (const [title, types] of groups) {
    if (types.length === 0) continue;
    const rows = types.map((t) => {
      const page = site.slugs.get(t.name);
      // The row sees only the type and its own page.
      const cells = () => {
        const own: Site = { ...site, slugs: new Map(page === undefined ? [] : [[t.name, page]]) };
        const doc = t.attrs.doc ?? t.node.attrs.doc;
        return [typeLink(own, t.name, "types/"), kindLabel(t.node), markdownCell(summary(doc))];
      };
      if (!options?.memo) return cells();
      const row = fragmentOf(options, "docs-index-row", t, page ?? null, () => JSON.stringify(cells()));
      return JSON.parse(row) as string[];
    });
    sections.push(`## ${title}`, table(["Type", "Kind", "Summary"], rows));
  }
  return `${sections.join("\n\n")}\n`;
}
