// generate and check: a project's corpora through the pipeline to disk, or compared with it. Heavy
// modules load only when needed, so that check can answer from hashes without loading the pipeline.
import path from "node:path";
import type { FragmentStore } from "./cache/fragments.js";
import type { HashIndex } from "./cache/hash-index.js";
import type { OutputMemo } from "./cache/outputs.js";
import { projectCorpora, type CorpusRef } from "./config/corpora.js";
import { loadProject, type Project, type ProjectOptions } from "./config/project.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import type { BuildMemo, RenderOptions } from "./pipeline.js";
import type { TreeWriter } from "./write/atomic.js";
import type { Difference } from "./write/check.js";
import type { EvidenceMemo } from "./reconcile/load-evidence.js";

/**
 * Settings come from structgen.config.json (found from the working folder up, or `config`);
 * `schemas`, `out`, `emit`, `flavour` and `format` given here override it.
 */
export interface GenerateOptions extends ProjectOptions {
  /** Called as each corpus enters a stage: load, resolve, reconcile, emit, then write (generate) or compare (check). */
  onProgress?: (event: ProgressEvent) => void;
  /**
   * false turns the cache off: generate computes every fragment, and check always renders. Default
   * on: the cache folder is STRUCTGEN_CACHE_DIR, else <project>/node_modules/.cache/structgen, else
   * a private folder in the OS temp folder.
   */
  cache?: boolean;
}

export interface ProgressEvent {
  corpus: string;
  stage: string;
}

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

export interface CheckResult {
  corpus: string;
  outDir: string;
  /** What generate would change: missing, changed and extra files (with the reason when not content). */
  differences: Difference[];
  /** Files structgen did not write, which generate leaves alone. */
  foreign: string[];
}

/** What a long-lived caller (watch mode) keeps between runs: its cache, the build memos, the writer's memo. */
export interface RunMemo {
  cache?: Cache;
  build?: BuildMemo;
  output?: OutputMemo;
  /**
   * Inputs digests by corpus name: `before`, computed by the caller just before the run, is used as the
   * run's own. The digest again once the outputs stand, and recording freshness, are then the caller's
   * (`confirmFresh`; watch calls it once the run is reported): each corpus written goes to `written`.
   */
  inputs?: { before: ReadonlyMap<string, string | undefined>; written: Written[] };
  /** commit returns once each new output stands; staging folders go afterwards (write/atomic.ts tidied()). */
  tidyLater?: boolean;
}

/** A corpus's output as a run left it: the inputs digest it was built from, and its manifest's sha-256. */
export interface Written {
  corpus: string;
  outDir: string;
  digest: string | undefined;
  manifest: string;
}

const stages = (options: GenerateOptions, corpus: string) => (stage: string) => options.onProgress?.({ corpus, stage });

export async function prepare(options: GenerateOptions): Promise<{ project: Project; corpora: CorpusRef[] }> {
  return corporaOf(await loadProject(options));
}

/** A project's corpora; INPUT_NO_SCHEMAS when it has none. */
export async function corporaOf(project: Project): Promise<{ project: Project; corpora: CorpusRef[] }> {
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

/** `rebuild`: a run of watch's (RenderOptions.rebuild). */
const renderOptions = (p: Project, memo?: FragmentStore, rebuild = false): RenderOptions => ({
  emit: p.emit,
  flavour: p.flavour,
  format: p.format,
  dir: p.dir,
  ...(memo ? { memo } : {}),
  ...(rebuild ? { rebuild } : {}),
});

const outDirOf = (project: Project, c: CorpusRef) => path.join(project.out, c.name);

/** Everything a run reads: the output may touch none of it. */
function inputsOf(project: Project, corpora: readonly CorpusRef[]): string[] {
  const sources = corpora.flatMap((c) =>
    (c.config?.sources ?? []).filter((s) => s.path).map((s) => path.resolve(c.config!.base, s.path!)),
  );
  return [project.schemas, ...corpora.map((c) => c.dir), ...sources, ...(project.file ? [project.file] : [])];
}

export interface Cache {
  /** Per-type fragments (on disk when a cache folder may be used). */
  fragments?: FragmentStore;
  /** Evidence by its files' hashes, kept between processes (with a cache folder). */
  evidence?: EvidenceMemo;
  /** File hashes by file status (saved when a cache folder may be used). */
  index: HashIndex;
  /** The cache folder, when one may be used. */
  dir?: string;
}

/**
 * The project's cache: a folder of fragment packs and a hash index per project, so projects sharing
 * a cache folder do not evict each other. Without a usable folder (or with `cache: false`), an index
 * in memory and no fragments. Throws USAGE_CACHE_IN_OUTPUT for a cache folder inside an output folder.
 * `oneRun`: fragments go to disk as they are computed instead of staying in memory (cache/fragments.ts).
 */
export async function openCache(
  project: Project,
  corpora: readonly CorpusRef[],
  enabled: boolean,
  oneRun = false,
): Promise<Cache> {
  const [{ cacheLocation }, { fragmentStore }, { generatorFingerprint }, { sha256 }, { HashIndex }, { evidenceStore }] =
    await Promise.all([
      import("./cache/location.js"),
      import("./cache/fragments.js"),
      import("./cache/fingerprint.js"),
      import("./cache/hash.js"),
      import("./cache/hash-index.js"),
      import("./cache/evidence-store.js"),
    ]);
  const dir = enabled
    ? cacheLocation(project.dir, [project.out, ...corpora.map((c) => outDirOf(project, c))])
    : undefined;
  if (dir === undefined) return { index: HashIndex.open() };
  const space = sha256(project.dir).slice(0, 16);
  const index = HashIndex.open(path.join(dir, "hashes", `${space}.idx`));
  // An index that remembers nothing: this cache folder's first run (or a damaged one).
  const used = index.size > 0;
  const fingerprint = generatorFingerprint(index);
  const fragments = fragmentStore({ fingerprint, dir: path.join(dir, "fragments", space), spill: oneRun });
  const evidence = evidenceStore({ fingerprint, dir: path.join(dir, "evidence", space), index, keep: used });
  return { fragments, evidence, index, dir };
}

/** The caller's build memos (watch), else the cache's evidence store when it has one. */
const buildMemoOf = (memo: RunMemo, opened: Cache): BuildMemo | undefined =>
  memo.build ?? (opened.evidence ? { evidence: opened.evidence } : undefined);

async function digestOf(project: Project, c: CorpusRef, index: HashIndex): Promise<string | undefined> {
  const { inputsDigest } = await import("./cache/inputs.js");
  return inputsDigest(project, c, index);
}

/** A corpus rendered into its output folder's staging area, waiting for every corpus to get this far. */
interface Staged {
  c: CorpusRef;
  outDir: string;
  writer: TreeWriter;
  types: number;
  diagnostics: Diagnostic[];
  files: number;
  /** The inputs digest taken before the corpus was read. */
  before: string | undefined;
}

/**
 * After a run: each corpus's inputs digested again, and freshness recorded for those that were the same
 * before they were read and now that the output stands (so they did not change while read). The digests
 * by corpus name.
 */
export async function confirmFresh(
  project: Project,
  corpora: readonly CorpusRef[],
  cache: Cache,
  written: readonly Written[],
): Promise<Map<string, string | undefined>> {
  const { recordFresh } = await import("./cache/fresh.js");
  const after = new Map<string, string | undefined>();
  for (const w of written) {
    const c = corpora.find((x) => x.name === w.corpus);
    const digest = w.digest === undefined || c === undefined ? undefined : await digestOf(project, c, cache.index);
    after.set(w.corpus, digest);
    if (digest !== undefined && digest === w.digest) recordFresh(cache.dir, w.outDir, digest, w.manifest);
  }
  return after;
}

/**
 * Generates every corpus; nothing is written unless every corpus builds, and an output folder
 * that would touch an input is refused before anything is read. `memo`: kept between runs (watch).
 */
export async function generate(options: GenerateOptions = {}, memo: RunMemo = {}): Promise<CorpusResult[]> {
  return generateProject(await loadProject(options), options, memo);
}

/** generate for a project already read (watch mode reads its config again only when it changes). */
export async function generateProject(
  loaded: Project,
  options: GenerateOptions = {},
  memo: RunMemo = {},
): Promise<CorpusResult[]> {
  const [{ openTree }, { guardOutput }, { displayPath }, { buildModel, renderEach }] = await Promise.all([
    import("./write/atomic.js"),
    import("./write/guard.js"),
    import("./write/io-errors.js"),
    import("./pipeline.js"),
  ]);
  const { project, corpora } = await corporaOf(loaded);
  guardOutput({
    outputs: [project.out, ...corpora.map((c) => outDirOf(project, c))],
    inputs: inputsOf(project, corpora),
    cwd: project.cwd,
  });
  const opened = memo.cache ?? (await openCache(project, corpora, options.cache !== false, true));
  const { fragments, index } = opened;
  const build = buildMemoOf(memo, opened);
  // Each emitter's files are staged as they come and let go; no output folder changes until every
  // corpus has been built and staged (then each commits).
  const staged: Staged[] = [];
  try {
    for (const c of corpora) {
      const stage = stages(options, c.name);
      // The digest is recorded only when the inputs were the same before and after they were read.
      const before = memo.inputs?.before.has(c.name)
        ? memo.inputs.before.get(c.name)
        : await digestOf(project, c, index);
      const model = await buildModel(c, stage, build);
      stage("emit");
      const outDir = outDirOf(project, c);
      const writer = await openTree(outDir, {
        corpus: c.name,
        index,
        later: true,
        ...(memo.output ? { memo: memo.output } : {}),
        ...(memo.tidyLater ? { tidyLater: true } : {}),
      });
      const entry: Staged = {
        c,
        outDir,
        writer,
        types: model.types.length,
        diagnostics: model.diagnostics,
        files: 0,
        before,
      };
      staged.push(entry);
      await renderEach(model, renderOptions(project, fragments, memo.output !== undefined), async (files) => {
        entry.files += files.length;
        await writer.add(files);
      });
    }
  } catch (e) {
    for (const s of staged) await s.writer.abort();
    if (!memo.cache) fragments?.discard();
    throw e;
  }
  const results: CorpusResult[] = [];
  const written: Written[] = [];
  for (const [i, s] of staged.entries()) {
    stages(options, s.c.name)("write");
    let w;
    try {
      w = await s.writer.commit();
    } catch (e) {
      for (const rest of staged.slice(i + 1)) await rest.writer.abort();
      throw e;
    }
    written.push({ corpus: s.c.name, outDir: s.outDir, digest: s.before, manifest: w.manifest });
    results.push({
      corpus: s.c.name,
      outDir: displayPath(s.outDir, project.cwd),
      files: s.files,
      types: s.types,
      written: w.written.length,
      unchanged: w.unchanged.length,
      removed: w.removed.length,
      diagnostics: [...s.diagnostics, ...w.diagnostics],
    });
  }
  // The inputs again, now that the outputs stand: freshness is recorded only for inputs that did not
  // change while they were read. A caller that took the first digests does this itself (watch: once
  // the run is reported).
  if (memo.inputs) memo.inputs.written.push(...written);
  else await confirmFresh(project, corpora, opened, written);
  fragments?.flush();
  // A caller that keeps the cache between runs (watch) saves the index when idle.
  if (!memo.cache) index.save();
  return results;
}

/**
 * check's answer from hashes alone (nothing parsed or rendered): every corpus's result when all are
 * provably fresh, else the ones that are (by output folder). Any failure here means "not proven":
 * the full check decides, and reports it.
 */
async function freshFromHashes(
  options: GenerateOptions,
): Promise<{ all?: CheckResult[]; fresh: Map<string, CheckResult> }> {
  const fresh = new Map<string, CheckResult>();
  try {
    const project = await loadProject(options, { schemaCheck: false });
    const corpora = await projectCorpora(project);
    const [
      { inputsDigest },
      { freshFromHashes: verify },
      { displayPath },
      { cacheLocation },
      { HashIndex },
      { sha256 },
    ] = await Promise.all([
      import("./cache/inputs.js"),
      import("./cache/fresh.js"),
      import("./write/io-errors.js"),
      import("./cache/location.js"),
      import("./cache/hash-index.js"),
      import("./cache/hash.js"),
    ]);
    // Only the hash index: opening the fragment packs would read megabytes this answer never needs.
    const dir = cacheLocation(project.dir, [project.out, ...corpora.map((c) => outDirOf(project, c))]);
    if (dir === undefined) return { fresh };
    const index = HashIndex.open(path.join(dir, "hashes", `${sha256(project.dir).slice(0, 16)}.idx`));
    const results: CheckResult[] = [];
    for (const c of corpora) {
      const digest = await inputsDigest(project, c, index);
      const outDir = outDirOf(project, c);
      const proven = digest === undefined ? undefined : await verify(dir, outDir, c.name, digest, index);
      if (!proven) continue;
      const result = { corpus: c.name, outDir: displayPath(outDir, project.cwd), ...proven };
      results.push(result);
      fresh.set(`${c.name}\0${outDir}`, result);
    }
    index.save();
    return corpora.length > 0 && results.length === corpora.length ? { all: results, fresh } : { fresh };
  } catch {
    return { fresh };
  }
}

/** Compares what generate would write with what is on disk; writes nothing. */
export async function check(options: GenerateOptions = {}, memo: RunMemo = {}): Promise<CheckResult[]> {
  const hashed = options.cache === false ? { fresh: new Map<string, CheckResult>() } : await freshFromHashes(options);
  if (hashed.all) return hashed.all;
  const { project, corpora } = await prepare(options);
  const [{ displayPath }, { buildModel, renderModel }, { checkTree }] = await Promise.all([
    import("./write/io-errors.js"),
    import("./pipeline.js"),
    import("./write/check.js"),
  ]);
  const opened = memo.cache ?? (await openCache(project, corpora, options.cache !== false));
  const { fragments, index, dir: cacheDir } = opened;
  const build = buildMemoOf(memo, opened);
  const { recordFresh } = await import("./cache/fresh.js");
  const results: CheckResult[] = [];
  for (const c of corpora) {
    const outDir = outDirOf(project, c);
    const proven = hashed.fresh.get(`${c.name}\0${outDir}`);
    if (proven) {
      results.push(proven);
      continue;
    }
    const stage = stages(options, c.name);
    const before = cacheDir === undefined ? undefined : await digestOf(project, c, index);
    const model = await buildModel(c, stage, build);
    stage("emit");
    const files = await renderModel(model, renderOptions(project, fragments));
    stage("compare");
    const tree = await checkTree(outDir, c.name, files);
    results.push({ corpus: c.name, outDir: displayPath(outDir, project.cwd), ...tree });
    // A clean comparison proves the folder fresh for these inputs: the next check answers from hashes.
    if (tree.differences.length === 0 && before !== undefined && before === (await digestOf(project, c, index))) {
      recordFresh(cacheDir, outDir, before);
    }
  }
  fragments?.flush();
  // A caller that keeps the cache between runs (watch) saves the index when idle.
  if (!memo.cache) index.save();
  return results;
}
