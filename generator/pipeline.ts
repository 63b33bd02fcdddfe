// load → resolve → (reconcile) → emit. Each stage hands the next only its result. Emitters write
// final text; the few that do not yet pass through write/format.ts (transitional).
import { promises as fs } from "node:fs";
import path from "node:path";
import { diagnostic, hasErrors, sortDiagnostics, StructgenError, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { OutputFile } from "./emit/files.js";
import type { Model } from "./ir/model.js";
import { listSchemaFiles, readCorpus } from "./load/read-corpus.js";
import { resolve } from "./resolve/index.js";
import { readConfig, type CorpusConfig } from "./reconcile/config.js";

export interface CorpusRef {
  name: string;
  dir: string;
  /** From structgen.json: evidence sources, policies and overrides. */
  config?: CorpusConfig;
}

const isSchemaFile = (n: string) => n.endsWith(".json") && n !== "structgen.json";

/** A folder of schema files is one corpus; a folder of such folders is several. */
export async function discoverCorpora(schemasDir: string): Promise<CorpusRef[]> {
  const configured = await readConfig(schemasDir);
  if (configured) return configured.map((c) => ({ name: c.name, dir: c.input, config: c }));
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

/**
 * Every output file of a model as it will be written. Emitters load only when needed; files an
 * emitter does not mark `final` yet get the banner and prettier (transitional).
 */
export async function renderModel(model: Model): Promise<OutputFile[]> {
  const [{ emitTypeScript }, { emitJsonSchema }, { emitValidators }, { emitDocs }, { formatFiles }, { emitReport }] = await Promise.all([
    import("./emit/typescript/index.js"),
    import("./emit/json-schema/index.js"),
    import("./emit/validators/index.js"),
    import("./emit/docs/index.js"),
    import("./write/format.js"),
    import("./emit/report/index.js"),
  ]);
  const files = [...emitTypeScript(model), ...emitJsonSchema(model), ...emitValidators(model), ...emitDocs(model), ...emitReport(model)];
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return formatFiles(files, model.name);
}
