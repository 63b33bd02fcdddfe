// A project's corpora: the ones its config lists, or each corpus found under its schemas folder.
import { promises as fs } from "node:fs";
import path from "node:path";
import { diagnostic, StructgenError } from "../diagnostics/diagnostic.js";
import { listSchemaFiles } from "../load/read-corpus.js";
import type { CorpusConfig } from "../reconcile/config.js";
import { refuseLegacyConfig } from "./legacy.js";
import { loadProject, type Project, type ProjectOptions } from "./project.js";

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
  if (entries.some((e) => !e.isDirectory() && isSchemaFile(e.name)))
    return [{ name: path.basename(path.resolve(schemasDir)), dir: schemasDir }];
  const dirs = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
  const out: CorpusRef[] = [];
  for (const d of dirs) {
    // Not readdir's recursive walk, which follows a symlink to `/` across the whole disk.
    const files = await listSchemaFiles(path.join(schemasDir, d));
    if (files.length > 0) out.push({ name: d, dir: path.join(schemasDir, d) });
  }
  return out;
}
