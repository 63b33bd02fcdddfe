// The report as a pull-request comment: a table per severity; safe changes folded away.
import type { Change } from "./change.js";
import { markdownCell, markdownCode } from "../emit/quote.js";
import type { DiffReport } from "./report.js";
import { countsText, DIRECTION_WORDS, directionText, factsText, label, plain, SEVERITY_TITLE } from "./words.js";

const HEAD = "| Subject | Change | Facts | Read | Write | Used |\n| --- | --- | --- | --- | --- | --- |";

export function formatMarkdown(report: DiffReport): string {
  const out = [`## structgen diff`, "", `${markdownCode(plain(report.old))} → ${markdownCode(plain(report.new))}`];
  for (const c of report.corpora) {
    out.push("", `### ${markdownCell(plain(c.corpus))}: ${countsText(c.counts)}`);
    if (c.changes.length === 0) continue;
    out.push("", markdownCell(directionText(c)));
    for (const severity of ["breaking", "warning", "safe"] as const) {
      const group = c.changes.filter((x) => x.severity === severity);
      if (group.length === 0) continue;
      const table = [HEAD, ...group.map(row)].join("\n");
      const title = `${SEVERITY_TITLE[severity]} (${group.length})`;
      if (severity === "safe") out.push("", `<details><summary>${title}</summary>`, "", table, "", "</details>");
      else out.push("", `#### ${title}`, "", table);
    }
  }
  return `${out.join("\n")}\n`;
}

const mark = (impact: string) => (impact === "breaking" ? "**breaking**" : impact);

function row(x: Change): string {
  const facts = factsText(x);
  const cells = [
    markdownCode(plain(x.subject)),
    markdownCell(label(x)),
    facts ? markdownCode(facts) : "",
    mark(x.read),
    mark(x.write),
    markdownCell(DIRECTION_WORDS[x.direction]),
  ];
  return `| ${cells.join(" | ")} |`;
}
