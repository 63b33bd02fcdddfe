// load → resolve → (reconcile) → emit. Each stage hands the next only its result. Emitters write
// final text: no formatter runs unless the project asks for prettier.
import { promises as fs } from "node:fs";
import path from "node:path";
import { diagnostic, hasErrors, sortDiagnostics, StructgenError, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { OutputFile } from "./emit/files.js";
import type { Model } from "./ir/model.js";
import { listSchemaFiles, readCorpus } from "./load/read-corpus.js";
import { resolve } from "./resolve/index.js";
import type { CorpusConfig } from "./reconcile/config.js";
import { refuseLegacyConfig } from "./config/legacy.js";
import { loadProject, type Project, type ProjectOptions } from "./config/project.js";
import { OUTPUT_KINDS, outputOf, type Flavour, type FormatStyle, type OutputKind } from "./config/outputs.js";

export interface CorpusRef {
  name: string;
  dir: string;
  /** From structgen.config.json `corpora`: evidence sources, policies and overrides. */
  config?: CorpusConfig;
}

const isSchemaFile = (n: string) => n.endsWith(".json") && n !== "structgen.json" && !n.endsWith(".config.json");

/** A project's corpora: those its config lists, or every corpus found under its `schemas` folder. */
export async function projectCorpora(project: Project): Promise<CorpusRef[]> {
  await refuseLegacyConfig(project.schemas, project.dir, project.cwd);
  if (project.corpora) return project.corpora.map((c) => ({ name: c.name, dir: c.input, config: c }));
  return findCorpora(project.schemas);
}

/**
 * The corpora under a folder, with their settings when the folder is the one the project's
 * structgen.config.json names (found from the working folder up, unless `options.config` says).
 */
export async function discoverCorpora(
  schemasDir: string,
  options: Omit<ProjectOptions, "schemas"> = {},
): Promise<CorpusRef[]> {
  return projectCorpora(await loadProject({ ...options, schemas: schemasDir }));
}

/** A folder of schema files is one corpus; a folder of such folders is several. */
async function findCorpora(schemasDir: string): Promise<CorpusRef[]> {
  let entries;
  try {
    entries = await fs.readdir(schemasDir, { withFileTypes: true });
  } catch (e) {
    // A mistyped --schemas is bad input, not a structgen bug.
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new StructgenError([diagnostic("FILE_UNREADABLE", { path: schemasDir, reason })]);
  }
  if (entries.some((e) => !e.isDirectory() && isSchemaFile(e.name))) return [{ name: path.basename(path.resolve(schemasDir)), dir: schemasDir }];
  const dirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => e.name).sort();
  const out: CorpusRef[] = [];
  for (const d of dirs) {
    // Not readdir's recursive walk, which follows a symlink to `/` across the whole disk.
    const files = await listSchemaFiles(path.join(schemasDir, d));
    if (files.length > 0) out.push({ name: d, dir: path.join(schemasDir, d) });
  }
  return out;
}

export type BuildStage = "load" | "resolve" | "reconcile";

/** Loads and resolves one corpus; throws StructgenError when any diagnostic is an error. */
export async function buildModel(corpus: CorpusRef, onStage?: (stage: BuildStage) => void): Promise<Model> {
  onStage?.("load");
  const loaded = await readCorpus(corpus.dir, corpus.name);
  if (hasErrors(loaded.diagnostics)) throw new StructgenError(sortDiagnostics(loaded.diagnostics));
  onStage?.("resolve");
  let model = resolve(loaded.corpus);
  const all: Diagnostic[] = sortDiagnostics([...loaded.diagnostics, ...model.diagnostics]);
  if (hasErrors(all)) throw new StructgenError(all);
  if (corpus.config && corpus.config.sources.length > 0) {
    onStage?.("reconcile");
    const [{ loadEvidence }, { reconcile }] = await Promise.all([import("./reconcile/load-evidence.js"), import("./reconcile/index.js")]);
    const { evidence, diagnostics } = await loadEvidence(corpus.config);
    all.push(...diagnostics);
    model = reconcile(model, evidence, corpus.config);
  }
  return { ...model, diagnostics: all };
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
}

type Emit = (model: Model, options?: { flavour?: Flavour }) => OutputFile[];

/** The selected output files of a model, final. Emitters load only when selected. */
export async function renderModel(model: Model, options: RenderOptions = {}): Promise<OutputFile[]> {
  const emit = new Set(options.emit ?? OUTPUT_KINDS);
  const want = (...kinds: OutputKind[]) => kinds.some((k) => emit.has(k));
  const emitters: Promise<Emit>[] = [];
  if (want("types", "strictTypes", "sdk")) {
    emitters.push(import("./emit/typescript/index.js").then((m) => m.emitTypeScript));
  }
  if (want("jsonSchema")) emitters.push(import("./emit/json-schema/index.js").then((m) => m.emitJsonSchema));
  if (want("validators")) emitters.push(import("./emit/validators/index.js").then((m) => m.emitValidators as Emit));
  if (want("contract")) emitters.push(import("./emit/contract/index.js").then((m) => m.emitContract));
  if (want("docs")) emitters.push(import("./emit/docs/index.js").then((m) => m.emitDocs));
  if (want("report")) emitters.push(import("./emit/report/index.js").then((m) => m.emitReport));
  const flavour = options.flavour ?? "js";
  const files = (await Promise.all(emitters))
    .flatMap((e) => e(model, { flavour }))
    .filter((f) => {
      const kind = outputOf(f);
      return kind === undefined || emit.has(kind);
    });
  if (want("validators") && flavour === "ts" && !files.some((f) => f.path === "validators.ts")) {
    const reason = 'validators flavour "ts" is not available in this build';
    throw new StructgenError([diagnostic("CONFIG_UNSUPPORTED", { reason })]);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const unfinished = files.find((f) => !f.final);
  if (unfinished) throw new Error(`emitter wrote ${unfinished.path} without marking it final`);
  if (options.format !== "prettier") return files;
  // Opt-in: the user's own prettier config over the house style (prettier loads only here).
  const { formatWithPrettier } = await import("./write/format.js");
  return formatWithPrettier(files, { configFrom: options.dir ?? process.cwd() });
}
