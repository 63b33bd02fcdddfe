// Staleness: what `generate` would change on disk, without changing anything. It reads regular
// files only (a FIFO or a link where an output belongs is reported, never opened or followed).
import type { OutputFile } from "../emit/files.js";
import { planTree } from "./plan.js";

export interface Difference {
  path: string;
  change: "missing" | "changed" | "extra";
  /** Why, when it is not plain content: what stands where an output goes, or what a run left. */
  detail?: string;
}

export interface TreeCheck {
  differences: Difference[];
  /** What generate leaves alone (structgen did not write it); not a difference. */
  foreign: string[];
}

export async function checkTree(outDir: string, corpus: string, files: readonly OutputFile[]): Promise<TreeCheck> {
  const plan = await planTree(outDir, corpus, files, { ignoreInputs: true });
  const out: Difference[] = [
    ...plan.write.map((w): Difference => ({ path: w.path, change: w.existed ? "changed" : "missing" })),
    ...plan.conflicts.map((c): Difference => ({
      path: c.path,
      change: "changed",
      detail: `${c.what} where generate writes ${c.target}`,
    })),
    ...plan.remove.map((p): Difference => ({ path: p, change: "extra" })),
    ...plan.leftovers.map((l): Difference => ({ path: l.path, change: "extra", detail: l.detail })),
  ];
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { differences: out, foreign: plan.foreign.map((f) => f.path) };
}
