// What watch mode watches: the config file, the schemas folder, each corpus folder and each evidence
// source (a folder whole, a file through its folder). An installed package (an aws-sdk source) is
// not watched: node_modules changes when packages are installed, and the next change reads it anew.
import { statSync } from "node:fs";
import path from "node:path";
import type { CorpusRef } from "../config/corpora.js";
import type { Project } from "../config/project.js";

export interface Target {
  dir: string;
  recursive: boolean;
  /** Only these entries of `dir` count (a watched file); undefined: everything below it. */
  names?: Set<string>;
}

const kind = (p: string): "folder" | "file" | "missing" => {
  try {
    return statSync(p).isDirectory() ? "folder" : "file";
  } catch {
    return "missing";
  }
};

const within = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

/** The folders to watch, each once: a folder inside another watched whole is left out. */
export function watchTargets(project: Project | undefined, corpora: readonly CorpusRef[], config?: string): Target[] {
  const folders: string[] = [];
  const files: string[] = [];
  const add = (p: string | undefined) => {
    if (p === undefined) return;
    const k = kind(p);
    if (k === "folder") folders.push(path.resolve(p));
    else files.push(path.resolve(p));
  };
  add(project?.file ?? config);
  if (project) add(project.schemas);
  for (const c of corpora) {
    add(c.dir);
    for (const s of c.config?.sources ?? []) {
      if (s.path) add(path.join(c.config!.base, s.path));
      if (s.facts) add(path.join(c.config!.base, s.facts));
    }
  }
  const whole = [...new Set(folders)].sort().filter((f, _, all) => !all.some((o) => o !== f && within(f, o)));
  const targets: Target[] = whole.map((dir) => ({ dir, recursive: true }));
  const byDir = new Map<string, Set<string>>();
  for (const f of files) {
    if (whole.some((w) => within(f, w))) continue;
    const dir = path.dirname(f);
    byDir.set(dir, (byDir.get(dir) ?? new Set()).add(path.basename(f)));
  }
  for (const [dir, names] of [...byDir].sort())
    if (kind(dir) === "folder") targets.push({ dir, recursive: false, names });
  return targets;
}
