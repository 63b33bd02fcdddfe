// OLD and NEW as the command line names them: a corpus folder, a schemas folder of a project
// (its structgen.config.json is found from the folder up), or `git:<rev>[:<path>]` (the path
// defaults to the other argument's folder).
import { statSync } from "node:fs";
import path from "node:path";
import { diagnostic, StructgenError } from "../diagnostics/diagnostic.js";
import type { Model } from "../ir/model.js";
import { CONFIG_NAME, findConfig } from "../config/find.js";
import { loadProject } from "../config/project.js";
import { buildModel, projectCorpora, type CorpusRef } from "../pipeline.js";
import { checkoutRevision } from "./git.js";

export interface Version {
  /** As given, with the path a bare `git:<rev>` took. */
  label: string;
  corpora: CorpusRef[];
  cleanup: () => void;
}

export interface GitSpec {
  rev: string;
  folder?: string;
}

/** `git:<rev>` or `git:<rev>:<path>`; undefined for anything else. */
export function parseGit(arg: string): GitSpec | undefined {
  if (!arg.startsWith("git:")) return undefined;
  const rest = arg.slice(4);
  const colon = rest.indexOf(":");
  if (colon < 0) return { rev: rest };
  return { rev: rest.slice(0, colon), ...(rest.slice(colon + 1) ? { folder: rest.slice(colon + 1) } : {}) };
}

const bad = (arg: string, reason: string) => new StructgenError([diagnostic("USAGE_DIFF_INPUT", { arg, reason })]);

/** Opens one side. `fallback` is the folder a bare `git:<rev>` reads (the other side's, or "schemas"). */
export async function openVersion(arg: string, fallback: string, cwd: string): Promise<Version> {
  const spec = parseGit(arg);
  if (spec) {
    if (spec.rev === "") throw bad(arg, "name a revision after git:, e.g. git:HEAD~1");
    const named = spec.folder ?? fallback;
    const folder = path.basename(named) === CONFIG_NAME ? path.dirname(named) : named;
    const checkout = await checkoutRevision(arg, spec.rev, folder, cwd);
    try {
      const corpora = await found(arg, checkout.dir);
      return { label: spec.folder ? arg : `git:${spec.rev}:${folder}`, corpora, cleanup: checkout.cleanup };
    } catch (e) {
      checkout.cleanup();
      throw e;
    }
  }
  let dir = path.resolve(cwd, arg);
  let stat;
  try {
    stat = statSync(dir);
  } catch (e) {
    throw bad(arg, `no such folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  // A structgen.config.json names its folder.
  if (stat.isFile() && path.basename(dir) === CONFIG_NAME) dir = path.dirname(dir);
  else if (!stat.isDirectory()) throw bad(arg, "not a folder");
  return { label: arg, corpora: await found(arg, dir), cleanup: () => {} };
}

async function found(arg: string, dir: string): Promise<CorpusRef[]> {
  const corpora = await projectCorpora(await loadProject({ config: findConfig(dir) ?? false, schemas: dir }));
  if (corpora.length === 0) throw bad(arg, "holds no corpus (no *.json schema files)");
  return corpora;
}

/** The folder a bare `git:<rev>` reads: the other side's local folder, else "schemas". */
export function fallbackFolder(other: string): string {
  const spec = parseGit(other);
  return spec ? (spec.folder ?? "schemas") : other;
}

export interface Pair {
  corpus: string;
  old?: CorpusRef;
  new?: CorpusRef;
}

/** Corpora matched by name; two single corpora are compared whatever their names. */
export function pairCorpora(old: CorpusRef[], next: CorpusRef[], only?: string): Pair[] {
  if (only !== undefined) {
    const a = old.find((c) => c.name === only);
    const b = next.find((c) => c.name === only);
    if (!a && !b) {
      const names = [...new Set([...old, ...next].map((c) => c.name))].sort().join(", ");
      throw new StructgenError([
        diagnostic("USAGE_BAD_ARGUMENT", { reason: `no corpus named ${JSON.stringify(only)}; there are: ${names}` }),
      ]);
    }
    return [{ corpus: only, ...(a ? { old: a } : {}), ...(b ? { new: b } : {}) }];
  }
  if (old.length === 1 && next.length === 1) return [{ corpus: next[0]!.name, old: old[0]!, new: next[0]! }];
  const names = [...new Set([...old, ...next].map((c) => c.name))].sort();
  return names.map((name) => {
    const a = old.find((c) => c.name === name);
    const b = next.find((c) => c.name === name);
    return { corpus: name, ...(a ? { old: a } : {}), ...(b ? { new: b } : {}) };
  });
}

/** The reconciled model of one side of a pair; a corpus one side lacks is an empty model. */
export async function modelOf(corpus: string, ref: CorpusRef | undefined): Promise<Model> {
  return ref ? buildModel(ref) : { name: corpus, types: [], diagnostics: [] };
}
