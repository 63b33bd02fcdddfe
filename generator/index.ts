// The programmatic API; the CLI is a thin layer over it.
import path from "node:path";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { buildModel, discoverCorpora, renderModel, type CorpusRef } from "./pipeline.js";
import type { Difference } from "./write/check.js";

export { buildModel, discoverCorpora, renderModel, type CorpusRef } from "./pipeline.js";
export { StructgenError, type Diagnostic, type SourceLocation } from "./diagnostics/diagnostic.js";
export { catalogue, type Code } from "./diagnostics/catalogue.js";
export type * from "./ir/model.js";
export type { OutputFile } from "./emit/files.js";
export { reconcile } from "./reconcile/index.js";
export { readConfig, DEFAULT_POLICIES, type CorpusConfig, type Policies, type Override } from "./reconcile/config.js";
export type { Evidence, ShapeClaim, MemberClaim, SourceInfo } from "./reconcile/evidence.js";

export interface GenerateOptions {
  /** A corpus folder, or a folder of corpus folders. Default "schemas". */
  schemas?: string;
  /** Output root; each corpus goes to <out>/<corpus name>. Default "generated". */
  out?: string;
  /** Called as each corpus enters a stage: load, resolve, reconcile, emit, then write (generate) or compare (check). */
  onProgress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  corpus: string;
  stage: string;
}

const stages = (options: GenerateOptions, corpus: string) => (stage: string) => options.onProgress?.({ corpus, stage });

export interface CorpusResult {
  corpus: string;
  outDir: string;
  files: number;
  types: number;
  diagnostics: Diagnostic[];
}

async function corpora(options: GenerateOptions): Promise<CorpusRef[]> {
  const found = await discoverCorpora(options.schemas ?? "schemas");
  if (found.length === 0) {
    const { StructgenError: E, diagnostic } = await import("./diagnostics/diagnostic.js");
    throw new E([diagnostic("INPUT_NO_SCHEMAS", { path: options.schemas ?? "schemas" })]);
  }
  return found;
}

/** Generates every corpus; nothing is written unless every corpus builds. */
export async function generate(options: GenerateOptions = {}): Promise<CorpusResult[]> {
  const { writeTree } = await import("./write/atomic.js");
  const rendered = [];
  for (const c of await corpora(options)) {
    const stage = stages(options, c.name);
    const model = await buildModel(c, stage);
    stage("emit");
    rendered.push({ c, model, files: await renderModel(model) });
  }
  const results: CorpusResult[] = [];
  for (const { c, model, files } of rendered) {
    stages(options, c.name)("write");
    const outDir = path.join(options.out ?? "generated", c.name);
    await writeTree(outDir, files);
    results.push({ corpus: c.name, outDir, files: files.length, types: model.types.length, diagnostics: model.diagnostics });
  }
  return results;
}

export interface CheckResult {
  corpus: string;
  outDir: string;
  differences: Difference[];
}

/** Compares what generate would write with what is on disk; writes nothing. */
export async function check(options: GenerateOptions = {}): Promise<CheckResult[]> {
  const [{ readTree }, { compareTree }] = await Promise.all([import("./write/atomic.js"), import("./write/check.js")]);
  const results: CheckResult[] = [];
  for (const c of await corpora(options)) {
    const stage = stages(options, c.name);
    const model = await buildModel(c, stage);
    stage("emit");
    const files = await renderModel(model);
    stage("compare");
    const outDir = path.join(options.out ?? "generated", c.name);
    results.push({ corpus: c.name, outDir, differences: compareTree(files, await readTree(outDir)) });
  }
  return results;
}
export { compareModels, RULES, type Change, type ChangeKind, type Direction, type Impact } from "./diff/index.js";
