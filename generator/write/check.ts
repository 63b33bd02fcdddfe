// Staleness: what `generate` would write, compared with what is on disk.
import type { OutputFile } from "../emit/files.js";

export interface Difference {
  path: string;
  change: "missing" | "changed" | "extra";
}

export function compareTree(expected: OutputFile[], actual: Map<string, string>): Difference[] {
  const out: Difference[] = [];
  const want = new Map(expected.map((f) => [f.path, f.content]));
  for (const [p, content] of want) {
    const have = actual.get(p);
    if (have === undefined) out.push({ path: p, change: "missing" });
    else if (have !== content) out.push({ path: p, change: "changed" });
  }
  for (const p of actual.keys()) if (!want.has(p)) out.push({ path: p, change: "extra" });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
