// docs/README.md: the corpus name, counts, the reconciliation report's link and a table of
// every type, grouped by role.
import type { NamedType } from "../../ir/model.js";
import { assembledOf, fragmentsFrom, type EmitOptions } from "../files.js";
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
  // The page from its parts: the text above the tables, then each group's title, row count and rows.
  const parts: (string | number | string[])[] = [sections.join("\n\n")];
  for (const [title, types] of groups) {
    if (types.length === 0) continue;
    parts.push(title, types.length);
    const pages = types.map((t) => site.slugs.get(t.name) ?? null);
    // The row sees only the type and its own page; through the memo, its cells as JSON.
    const cells = (t: NamedType, page: string | null) => {
      const own: Site = { ...site, slugs: new Map(page === null ? [] : [[t.name, page]]) };
      const doc = t.attrs.doc ?? t.node.attrs.doc;
      return [typeLink(own, t.name, "types/"), kindLabel(t.node), markdownCell(summary(doc))];
    };
    if (!options?.memo) parts.push(...types.map((t, i) => cells(t, pages[i] ?? null)));
    else
      parts.push(
        ...fragmentsFrom(
          options,
          "docs-index-row",
          `docs-index-rows\0${site.model.name}\0${title}`,
          types,
          (i) => [pages[i]],
          (i) => pages[i],
          (i) => JSON.stringify(cells(types[i]!, pages[i] ?? null)),
        ),
      );
  }
  return assembledOf(options, `docs-index\0${site.model.name}`, parts, indexText);
}

function indexText(parts: readonly (string | number | string[])[]): string {
  const sections = [parts[0] as string];
  for (let i = 1; i < parts.length;) {
    const n = parts[i + 1] as number;
    const rows = parts
      .slice(i + 2, i + 2 + n)
      .map((row) => (Array.isArray(row) ? row : (JSON.parse(row as string) as string[])));
    sections.push(`## ${parts[i] as string}`, table(["Type", "Kind", "Summary"], rows));
    i += 2 + n;
  }
  return `${sections.join("\n\n")}\n`;
}
