// The report for a person: each corpus's changes grouped by severity, worst first. Colour only
// when the caller says so (a terminal, NO_COLOR unset, or FORCE_COLOR).
import type { Change, Impact } from "./change.js";
import type { DiffReport } from "./report.js";
import { countsText, DIRECTION_WORDS, directionText, factsText, label, plain, SEVERITY_TITLE } from "./words.js";

export interface TextOptions {
  colour?: boolean;
}

const COLOUR: Record<Impact, number> = { breaking: 31, warning: 33, safe: 32 };

export function formatText(report: DiffReport, options: TextOptions = {}): string {
  const paint = (code: number, s: string) => (options.colour ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines = [`structgen diff ${plain(report.old)} → ${plain(report.new)}`];
  for (const c of report.corpora) {
    lines.push("", `${paint(1, plain(c.corpus))}: ${countsText(c.counts)}`);
    if (c.changes.length === 0) continue;
    lines.push(`  ${directionText(c)}`);
    for (const severity of ["breaking", "warning", "safe"] as const) {
      const group = c.changes.filter((x) => x.severity === severity);
      if (group.length === 0) continue;
      lines.push("", `  ${paint(COLOUR[severity], `${SEVERITY_TITLE[severity]} (${group.length})`)}`);
      for (const x of group) lines.push(...changeLines(x, paint));
    }
  }
  return `${lines.join("\n")}\n`;
}

function changeLines(x: Change, paint: (code: number, s: string) => string): string[] {
  const facts = factsText(x);
  return [
    `    ${paint(1, plain(x.subject))}  ${label(x)}${facts ? `  ${facts}` : ""}`,
    `      read ${x.read}, write ${x.write} (${DIRECTION_WORDS[x.direction]}): ${x.reason}`,
  ];
}
