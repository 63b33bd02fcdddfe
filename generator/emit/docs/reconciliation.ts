// docs/reconciliation.md (every decision, by kind) and the per-type "Reconciliation" section.
// Claims, decisions, rules and reasons are source text: markdownCell only. The one piece of HTML
// is the `<br>` written here between escaped cells (data cannot produce `<`: it becomes `&lt;`).
import type { Claim, Decision } from "../../ir/model.js";
import { markdownCell, markdownCode } from "../quote.js";
import { decisionKinds, FIXED_HEADINGS, kindHeading, reportTitle } from "./anchors.js";
import { heading } from "./heading.js";
import { linkTo, type Site } from "./site.js";
import { table } from "./table.js";

const BR = "<br>";
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const claimLine = (c: Claim): string => `${markdownCell(c.source)}: ${markdownCell(c.claim)}`;
const decisionCell = (d: Decision): string => (d.decision ? markdownCell(d.decision) : "(no decision)");
/** The rule, and an override's written reason. */
const ruleCell = (d: Decision): string => `${markdownCell(d.rule)}${d.reason ? `: ${markdownCell(d.reason)}` : ""}`;
const kindLink = (site: Site, kind: string, page: string): string =>
  `[${markdownCell(kindHeading(kind))}](${page}#${site.kindAnchors.get(kind)!})`;
const disagreements = (ds: Decision[]): number => ds.filter((d) => d.disagreement).length;

export function reconciliationPage(site: Site): string | undefined {
  const r = site.model.reconciliation;
  if (!r) return undefined;
  const [sourcesHeading, kindsHeading] = FIXED_HEADINGS as [string, string];
  const byKind = new Map<string, Decision[]>(decisionKinds(site.model).map((k) => [k, []]));
  for (const d of site.decisions) byKind.get(d.kind)!.push(d);

  const sections = [
    heading(1, markdownCell(reportTitle(site.model))),
    `${plural(site.decisions.length, "decision", "decisions")} from reconciling the corpus with ${plural(r.sources.length, "source", "sources")}; ` +
      `in ${disagreements(site.decisions)} of them the sources disagree. Each row shows what every source claimed, what was decided, ` +
      "and the rule (or override, with its written reason) that decided it. Subjects link to their type's page when the model has the type. " +
      `The same data is in ${markdownCode("reconciliation.json")}; ${markdownCode("structgen reconcile")} prints it.`,
    `## ${sourcesHeading}`,
    r.sources.length > 0
      ? table(
          ["Source", "Kind", "Description", "Authority"],
          r.sources.map((s) => [
            markdownCell(s.id),
            markdownCell(s.kind),
            markdownCell(s.description),
            s.id === r.authority ? "yes" : "",
          ]),
        )
      : "No sources.",
    r.authority !== undefined
      ? `Where a policy says "authority", ${markdownCell(r.authority) || markdownCode(r.authority)} has the final word.`
      : "No source is the authority: policies that defer to one keep what the corpus says.",
    `## ${kindsHeading}`,
    byKind.size > 0
      ? table(
          ["Kind", "Decisions", "Disagreements"],
          [...byKind].map(([k, ds]) => [kindLink(site, k, ""), String(ds.length), String(disagreements(ds))]),
        )
      : "No decisions.",
  ];
  for (const [kind, ds] of byKind) {
    sections.push(
      heading(2, markdownCell(kindHeading(kind))),
      `${plural(ds.length, "decision", "decisions")}, ${disagreements(ds)} where the sources disagree.`,
      table(
        ["Subject", "Claims", "Decision", "Rule"],
        groups(ds).map((g) => [
          g.map((d) => linkTo(site, site.subjectType.get(d), markdownCell(d.subject), "types/")).join(", "),
          g[0]!.claims.map(claimLine).join(BR),
          decisionCell(g[0]!),
          ruleCell(g[0]!),
        ]),
      ),
    );
  }
  return `${sections.join("\n\n")}\n`;
}

/**
 * Decisions that differ only in subject share a row (165 "type-missing" decisions become a few
 * rows of subject lists). Rows keep the order of their first subject.
 */
function groups(ds: Decision[]): Decision[][] {
  const out = new Map<string, Decision[]>();
  for (const d of ds) {
    const key = JSON.stringify([d.claims.map((c) => [c.source, c.claim]), d.decision, d.rule, d.reason ?? null]);
    const g = out.get(key);
    if (g) g.push(d);
    else out.set(key, [d]);
  }
  return [...out.values()];
}

/** A type page's section: the decisions about the type or its members, with who claimed what. */
export function decisionsSection(site: Site, typeName: string): string {
  const ds = site.decisionsByType.get(typeName);
  if (!ds || ds.length === 0) return "";
  const page = "../reconciliation.md";
  const rows = ds.map((d) => [
    markdownCode(d.subject),
    kindLink(site, d.kind, page),
    `${decisionCell(d)} (${ruleCell(d)})`,
    sourcesCell(d),
  ]);
  return [
    "## Reconciliation",
    `${plural(ds.length, "decision", "decisions")} about this type or its members (see [the reconciliation report](${page})). ` +
      "Sources that made the same claim share a line.",
    table(["Subject", "Kind", "Decision", "Sources"], rows),
  ].join("\n\n");
}

/** "**disagree**<br>a: x<br>b, c: y": sources grouped by identical claim, in claim order. */
function sourcesCell(d: Decision): string {
  const byClaim = new Map<string, string[]>();
  for (const c of d.claims) {
    const sources = byClaim.get(c.claim);
    if (sources) sources.push(c.source);
    else byClaim.set(c.claim, [c.source]);
  }
  const lines = [...byClaim].map(
    ([claim, sources]) => `${[...new Set(sources)].map(markdownCell).join(", ")}: ${markdownCell(claim)}`,
  );
  return [...(d.disagreement ? ["**disagree**"] : []), ...lines].join(BR);
}
