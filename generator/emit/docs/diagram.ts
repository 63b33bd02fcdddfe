// A Mermaid flowchart around one type: itself, what it refers to and what refers to it,
// with every reference among those nodes. Ids and labels only through quote.ts.
import { cmp } from "../../diagnostics/diagnostic.js";
import { mermaidId, mermaidLabel } from "../quote.js";
import type { Site } from "./site.js";

export function diagram(site: Site, name: string): string {
  const nodes = [...new Set([name, ...site.refs.get(name)!, ...site.referrers.get(name)!])].sort(cmp);
  const inView = new Set(nodes);
  const lines = ["```mermaid", "flowchart LR"];
  for (const n of nodes) lines.push(`  ${mermaidId(n)}[${mermaidLabel(n)}]`);
  for (const n of nodes)
    for (const r of site.refs.get(n)!) if (inView.has(r)) lines.push(`  ${mermaidId(n)} --> ${mermaidId(r)}`);
  lines.push(`  style ${mermaidId(name)} stroke-width:3px`, "```");
  return lines.join("\n");
}
