// A diff report: the changes of each corpus, their counts by severity, and whether the direction
// (read or write) of the types was known. What the formatters print and `--json` writes.
import type { Model } from "../ir/model.js";
import { reaches, type Change, type Impact } from "./change.js";
import { compareModels } from "./compare.js";
import { directions } from "./direction.js";

export type Counts = Record<Impact, number>;

export interface CorpusDiff {
  corpus: string;
  /** Operations in the authority model of each version (0: the direction of types is unknown). */
  operations: { old: number; new: number };
  /** Changes on types no operation reaches, where both sides count toward severity. */
  unknownDirection: number;
  counts: Counts;
  changes: Change[];
}

export interface DiffReport {
  old: string;
  new: string;
  counts: Counts;
  corpora: CorpusDiff[];
}

export function count(changes: readonly Change[]): Counts {
  const c: Counts = { breaking: 0, warning: 0, safe: 0 };
  for (const x of changes) c[x.severity]++;
  return c;
}

export function diffCorpus(corpus: string, old: Model, next: Model): CorpusDiff {
  const changes = compareModels(old, next);
  return {
    corpus,
    operations: { old: directions(old).operations, new: directions(next).operations },
    unknownDirection: changes.filter((c) => c.direction === "unknown").length,
    counts: count(changes),
    changes,
  };
}

export function diffReport(old: string, next: string, corpora: CorpusDiff[]): DiffReport {
  return { old, new: next, counts: count(corpora.flatMap((c) => c.changes)), corpora };
}

/** 1 when a change reaches the `--fail-on` severity, else 0. */
export function exitCode(report: DiffReport, failOn: Impact | undefined): number {
  if (!failOn) return 0;
  return report.corpora.some((c) => c.changes.some((x) => reaches(x.severity, failOn))) ? 1 : 0;
}
