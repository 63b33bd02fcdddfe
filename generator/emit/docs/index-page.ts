// docs/README.md: the corpus name, counts, the reconciliation report's link and a table of
// every type, grouped by role.
import type { NamedType } from "../../ir/model.js";
import { markdownCell } from "../quote.js";
import { summary } from "../prose.js";
import { heading } from "./heading.js";
import { typeLink, type Site } from "./site.js";
import { table } from "./table.js";
import { kindLabel } from "./type-text.js";

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function indexPage(site: Site): string {
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
    const rows = types.map((t) => [
      typeLink(site, t.name, "types/"),
      kindLabel(t.node),
      markdownCell(summary(t.attrs.doc ?? t.node.attrs.doc)),
    ]);
    sections.push(`## ${title}`, table(["Type", "Kind", "Summary"], rows));
  }
  return `${sections.join("\n\n")}\n`;
}
