// The programmatic API; the CLI is a thin layer over it.
import path from "node:path";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { loadProject, type Project, type ProjectOptions } from "./config/project.js";
import { buildModel, projectCorpora, renderModel, type CorpusRef, type RenderOptions } from "./pipeline.js";
import type { Difference } from "./write/check.js";

export {
  buildModel,
  discoverCorpora,
  projectCorpora,
  renderModel,
  type CorpusRef,
  type RenderOptions,
} from "./pipeline.js";
export { StructgenError, type Diagnostic, type SourceLocation } from "./diagnostics/diagnostic.js";
export { catalogue, type Code } from "./diagnostics/catalogue.js";
export type * from "./ir/model.js";
export type { OutputFile } from "./emit/files.js";
export { reconcile } from "./reconcile/index.js";
export { DEFAULT_POLICIES, type CorpusConfig, type Policies, type Override } from "./reconcile/config.js";
export { loadProject, type Project, type ProjectOptions } from "./config/project.js";
export { findConfig, CONFIG_NAME } from "./config/find.js";
export { OUTPUT_KINDS, type OutputKind, type Flavour, type FormatStyle } from "./config/outputs.js";
export type { Manifest } from "./write/manifest.js";
export type { Difference } from "./write/check.js";
export type { Evidence, ShapeClaim, MemberClaim, SourceInfo } from "./reconcile/evidence.js";

/**
 * Settings come from structgen.config.json (found from the working folder up, or `config`);
 * `schemas`, `out`, `emit`, `flavour` and `format` given here override it.
 */
export interface GenerateOptions extends ProjectOptions {
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
  /** Output files (the manifest is not counted). */
  files: number;
  types: number;
  /** Files created or replaced. */
  written: number;
  /** Files already right: not touched (bytes, inode and mtime kept). */
  unchanged: number;
  /** Files structgen wrote before and no longer produces. */
  removed: number;
  /** The model's diagnostics, then warnings about files left in place. */
  diagnostics: Diagnostic[];
}

async function prepare(options: GenerateOptions): Promise<{ project: Project; corpora: CorpusRef[] }> {
  const project = await loadProject(options);
  const corpora = await projectCorpora(project);
  if (corpora.length === 0) {
    const [{ StructgenError: E, diagnostic }, { displayPath }] = await Promise.all([
      import("./diagnostics/diagnostic.js"),
      import("./write/io-errors.js"),
    ]);
    throw new E([diagnostic("INPUT_NO_SCHEMAS", { path: displayPath(project.schemas, project.cwd) })]);
  }
  return { project, corpora };
}

const renderOptions = (p: Project): RenderOptions => ({
  emit: p.emit,
  flavour: p.flavour,
  format: p.format,
  dir: p.dir,
});

/** Everything a run reads: the output may touch none of it. */
function inputsOf(project: Project, corpora: readonly CorpusRef[]): string[] {
  const sources = corpora.flatMap((c) =>
    (c.config?.sources ?? []).filter((s) => s.path).map((s) => path.resolve(c.config!.base, s.path!)),
  );
  return [project.schemas, ...corpora.map((c) => c.dir), ...sources, ...(project.file ? [project.file] : [])];
}

/**
 * Generates every corpus; nothing is written unless every corpus builds, and an output folder
 * that would touch an input is refused before anything is read.
 */
export async function generate(options: GenerateOptions = {}): Promise<CorpusResult[]> {
  const [{ writeTree }, { guardOutput }, { displayPath }] = await Promise.all([
    import("./write/atomic.js"),
    import("./write/guard.js"),
    import("./write/io-errors.js"),
  ]);
  const { project, corpora } = await prepare(options);
  const outDir = (c: CorpusRef) => path.join(project.out, c.name);
  guardOutput({ outputs: [project.out, ...corpora.map(outDir)], inputs: inputsOf(project, corpora), cwd: project.cwd });
  const rendered = [];
  for (const c of corpora) {
    const stage = stages(options, c.name);
    const model = await buildModel(c, stage);
    stage("emit");
    rendered.push({ c, model, files: await renderModel(model, renderOptions(project)) });
  }
  const results: CorpusResult[] = [];
  for (const { c, model, files } of rendered) {
    stages(options, c.name)("write");
    const w = await writeTree(outDir(c), files, { corpus: c.name });
    results.push({
      corpus: c.name,
      outDir: displayPath(outDir(c), project.cwd),
      files: files.length,
      types: model.types.length,
      written: w.written.length,
      unchanged: w.unchanged.length,
      removed: w.removed.length,
      diagnostics: [...model.diagnostics, ...w.diagnostics],
    });
  }
  return results;
}

export interface CheckResult {
  corpus: string;
  outDir: string;
  /** What generate would change: missing, changed and extra files (with the reason when not content). */
  differences: Difference[];
  /** Files structgen did not write, which generate leaves alone. */
  foreign: string[];
}

/** Compares what generate would write with what is on disk; writes nothing. */
export async function check(options: GenerateOptions = {}): Promise<CheckResult[]> {
  const [{ checkTree }, { displayPath }] = await Promise.all([
    import("./write/check.js"),
    import("./write/io-errors.js"),
  ]);
  const { project, corpora } = await prepare(options);
  const results: CheckResult[] = [];
  for (const c of corpora) {
    const stage = stages(options, c.name);
    const model = await buildModel(c, stage);
    stage("emit");
    const files = await renderModel(model, renderOptions(project));
    stage("compare");
    const outDir = path.join(project.out, c.name);
    results.push({
      corpus: c.name,
      outDir: displayPath(outDir, project.cwd),
      ...(await checkTree(outDir, c.name, files)),
    });
  }
  return results;
}
export { compareModels, RULES, type Change, type ChangeKind, type Direction, type Impact } from "./diff/index.js";
