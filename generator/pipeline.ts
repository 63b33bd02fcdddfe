// load → resolve → (reconcile) → emit. Each stage hands the next only its result. Emitters write
// final text: no formatter runs unless the project asks for prettier.
import { diagnostic, hasErrors, sortDiagnostics, StructgenError, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { FragmentMemo, OutputFile } from "./emit/files.js";
import type { Decision, Model, NamedType } from "./ir/model.js";
import { readCorpus, type Corpus, type ParseMemo } from "./load/read-corpus.js";
import type { EvidenceMemo } from "./reconcile/load-evidence.js";
import type { ReconcileMemo } from "./reconcile/index.js";
import { resolve, type ResolveMemo } from "./resolve/index.js";
import type { CorpusRef } from "./config/corpora.js";
import { OUTPUT_KINDS, outputOf, type Flavour, type FormatStyle, type OutputKind } from "./config/outputs.js";

export { discoverCorpora, projectCorpora, type CorpusRef } from "./config/corpora.js";

export type BuildStage = "load" | "resolve" | "reconcile";

/** In-process memos a long-lived caller (watch mode) passes so unchanged inputs are not read again. */
export interface BuildMemo {
  /** Parsed schema files by path and content. */
  parse?: ParseMemo;
  /** Evidence by its source's files. */
  evidence?: EvidenceMemo;
  /** Named types equal to an earlier run's are given back as that run's objects (memos keyed by object hit). */
  types?: TypeMemo;
  /** Canonical texts of parsed values, by the value (parsed files come back as the same objects). */
  resolve?: ResolveMemo;
  /** What descriptions say, by their text. */
  reconcile?: ReconcileMemo;
}

export interface TypeMemo {
  /** `types`, each replaced by an earlier run's type of the corpus when their canonical JSON is the same. */
  intern(corpus: string, types: NamedType[]): NamedType[];
  /** The same for reconciliation decisions (the report's and docs' fragments are keyed by them). */
  decisions?(corpus: string, decisions: Decision[]): Decision[];
}

/** Loads and resolves one corpus; throws StructgenError when any diagnostic is an error. */
export async function buildModel(
  corpus: CorpusRef,
  onStage?: (stage: BuildStage) => void,
  memo: BuildMemo = {},
): Promise<Model> {
  onStage?.("load");
  const loaded = await readCorpus(corpus.dir, corpus.name, memo.parse ? { parse: memo.parse } : {});
  if (hasErrors(loaded.diagnostics)) throw new StructgenError(sortDiagnostics(loaded.diagnostics));
  let built: { model: Model; all: Diagnostic[] };
  try {
    built = await resolved(corpus, loaded.diagnostics, loaded.corpus, memo, onStage);
  } catch (e) {
    // A step rewrote a type the resolve memo shared as unchanging (frozen): again, with copies.
    if (!(e instanceof TypeError) || !memo.resolve?.unshare?.()) throw e;
    built = await resolved(corpus, loaded.diagnostics, loaded.corpus, memo);
  }
  const { model, all } = built;
  const types = memo.types ? memo.types.intern(corpus.name, model.types) : model.types;
  const r = model.reconciliation;
  if (r && memo.types?.decisions)
    model.reconciliation = { ...r, decisions: memo.types.decisions(corpus.name, r.decisions) };
  return { ...model, types, diagnostics: all };
}

/** Resolves and reconciles a loaded corpus; throws StructgenError when any diagnostic is an error. */
async function resolved(
  corpus: CorpusRef,
  loadDiagnostics: Diagnostic[],
  documents: Corpus,
  memo: BuildMemo,
  onStage?: (stage: BuildStage) => void,
): Promise<{ model: Model; all: Diagnostic[] }> {
  onStage?.("resolve");
  let model = resolve(documents, memo.resolve);
  const all: Diagnostic[] = sortDiagnostics([...loadDiagnostics, ...model.diagnostics]);
  if (hasErrors(all)) throw new StructgenError(all);
  if (corpus.config && corpus.config.sources.length > 0) {
    onStage?.("reconcile");
    const [{ loadEvidence }, { reconcile }] = await Promise.all([
      import("./reconcile/load-evidence.js"),
      import("./reconcile/index.js"),
    ]);
    const { evidence, diagnostics } = await loadEvidence(corpus.config, memo.evidence);
    all.push(...diagnostics);
    // The resolved model is this call's own: reconciled in place, not copied.
    model = reconcile(model, evidence, corpus.config, {
      inPlace: true,
      ...(memo.reconcile ? { memo: memo.reconcile } : {}),
    });
  }
  return { model, all };
}

export interface RenderOptions {
  /** The outputs to emit (default: all). */
  emit?: readonly OutputKind[];
  /** Validators as validators.js + validators.d.ts ("js", default) or validators.ts. */
  flavour?: Flavour;
  /** "house" (default): as emitted; "prettier": formatted with the project's prettier config. */
  format?: FormatStyle;
  /** The project folder, where the user's prettier config is looked up. */
  dir?: string;
  /** Per-type fragments computed before (cache/fragments.ts); without it every fragment is computed. */
  memo?: FragmentMemo;
  /**
   * Watch's runs (its first too): in a rebuild few pages change, and the big files the writer hands its
   * worker are what its commit waits for, so they are emitted first (else the docs, most of the files, come first).
   */
  rebuild?: boolean;
}

/** An emitter's files, or its files in batches (each handed on before the next is made). */
type Emit = (
  model: Model,
  options?: { flavour?: Flavour; memo?: FragmentMemo },
) => OutputFile[] | Iterable<OutputFile[]>;

/** The selected output files of a model, final, sorted by path. Emitters load only when selected. */
export async function renderModel(model: Model, options: RenderOptions = {}): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  await renderEach(model, options, async (batch) => void files.push(...batch));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The selected output files, one emitter's at a time: `sink` takes each batch before the next emitter
 * runs, so a writer can stage them and the texts need not all be held at once.
 */
export async function renderEach(
  model: Model,
  options: RenderOptions,
  sink: (files: OutputFile[]) => Promise<void>,
): Promise<void> {
  const emit = new Set(options.emit ?? OUTPUT_KINDS);
  const want = (...kinds: OutputKind[]) => kinds.some((k) => emit.has(k));
  const emitters: Promise<Emit>[] = [];
  const flavour = options.flavour ?? "js";
  // The docs first: most of the files, which a writer creates in the background as the rest are emitted.
  // In a rebuild, last (RenderOptions.rebuild).
  const docs = want("docs") && import("./emit/docs/index.js").then((m) => m.docsInBatches);
  if (docs && !options.rebuild) emitters.push(docs);
  if (want("types", "strictTypes", "sdk")) {
    emitters.push(import("./emit/typescript/index.js").then((m) => m.emitTypeScript));
  }
  if (want("jsonSchema")) emitters.push(import("./emit/json-schema/index.js").then((m) => m.emitJsonSchema));
  if (docs && options.rebuild) emitters.push(docs);
  if (want("validators")) {
    const validators = import("./emit/validators/index.js").then((m) => m.emitValidators);
    emitters.push(validators.then((e) => (m, o) => withTsCheck(e(m, o), flavour)));
  }
  if (want("contract")) emitters.push(import("./emit/contract/index.js").then((m) => m.emitContract));
  if (want("report")) emitters.push(import("./emit/report/index.js").then((m) => m.emitReport));
  // Opt-in: the user's own prettier config over the house style (prettier loads only then).
  const format = options.format === "prettier" ? (await import("./write/format.js")).formatWithPrettier : undefined;
  for (const e of await Promise.all(emitters)) {
    const out = e(model, { flavour, ...(options.memo ? { memo: options.memo } : {}) });
    for (const batch of Array.isArray(out) ? [out] : (out as Iterable<OutputFile[]>)) {
      const files = batch.filter((f) => {
        const kind = outputOf(f);
        return kind === undefined || emit.has(kind);
      });
      const unfinished = files.find((f) => !f.final);
      if (unfinished) throw new Error(`emitter wrote ${unfinished.path} without marking it final`);
      await sink(format ? await format(files, { configFrom: options.dir ?? process.cwd() }) : files);
    }
  }
}

/** The validators' files; a build whose emitter cannot write validators.ts says so. */
function withTsCheck(files: OutputFile[], flavour: Flavour): OutputFile[] {
  if (flavour === "ts" && !files.some((f) => f.path === "validators.ts")) {
    const reason = 'validators flavour "ts" is not available in this build';
    throw new StructgenError([diagnostic("CONFIG_UNSUPPORTED", { reason })]);
  }
  return files;
}
