// A folder of the project as it was at a git revision, read from git's objects into a temporary
// folder outside the work tree (the work tree and the index are never touched). Besides the
// folder itself, the project's structgen.config.json at that revision and the inputs and evidence
// sources it names are read too. A revision from before the config file existed has the old
// schemas/structgen.json: it is translated in the copy, as the migration message would.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { diagnostic, StructgenError } from "../diagnostics/diagnostic.js";
import { CONFIG_NAME, findConfig } from "../config/find.js";
import { LEGACY_NAME, translateLegacy } from "../config/legacy.js";
import { loadProject, type Project } from "../config/project.js";

export interface Checkout {
  /** The requested folder inside the temporary copy. */
  dir: string;
  /** Removes the temporary copy; safe to call twice. */
  cleanup: () => void;
}

/** Temporary copies not yet removed: an interrupted run removes them (see removeCheckouts). */
const live = new Set<string>();

/** Removes every temporary copy this process made and has not removed yet. */
export function removeCheckouts(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

const fail = (arg: string, reason: string) => new StructgenError([diagnostic("USAGE_GIT_REVISION", { arg, reason })]);

function git(cwd: string, args: string[], input?: Buffer): { ok: boolean; out: Buffer; err: string } {
  const r = spawnSync("git", args, {
    cwd,
    input,
    maxBuffer: 1 << 30,
    env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_LITERAL_PATHSPECS: "1" },
  });
  if (r.error) return { ok: false, out: Buffer.alloc(0), err: r.error.message };
  return { ok: r.status === 0, out: r.stdout, err: r.stderr.toString("utf8").trim() };
}

/**
 * Copies `folder` (relative to `cwd`) as it was at `rev`. `arg` names the request in errors.
 */
export async function checkoutRevision(arg: string, rev: string, folder: string, cwd: string): Promise<Checkout> {
  const top = git(cwd, ["rev-parse", "--show-toplevel"]);
  if (!top.ok) throw fail(arg, `not inside a git repository (${top.err || "git failed"})`);
  const root = top.out.toString("utf8").trim();
  const commit = git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]);
  if (!commit.ok) throw fail(arg, `no revision ${JSON.stringify(rev)} in ${root}`);
  const id = commit.out.toString("utf8").trim();
  const rel = toRepoPath(root, path.resolve(cwd, folder));
  if (rel === undefined) throw fail(arg, `${folder} lies outside the repository ${root}`);

  const tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-diff-"));
  live.add(tmp);
  const cleanup = () => {
    rmSync(tmp, { recursive: true, force: true });
    live.delete(tmp);
  };
  try {
    if (copyTree(root, id, rel, tmp) === 0) throw fail(arg, `${rel || "."} does not exist at ${rev}`);
    const dir = path.join(tmp, rel);
    // The project's config: in the folder or a folder above it, up to the repository's root.
    for (let r = rel || "."; ; r = path.posix.dirname(r)) {
      if (copyTree(root, id, r === "." ? CONFIG_NAME : `${r}/${CONFIG_NAME}`, tmp) > 0 || r === ".") break;
    }
    const legacy = path.join(dir, LEGACY_NAME);
    if (!findConfig(dir) && existsSync(legacy)) {
      const translated = translateLegacy(readFileSync(legacy, "utf8"), rel || ".");
      if (translated !== undefined) writeFileSync(path.join(tmp, CONFIG_NAME), translated);
      rmSync(legacy);
    }
    let project: Project | undefined;
    try {
      project = await loadProject({ config: findConfig(dir) ?? false, schemas: dir, cwd: tmp });
    } catch {
      // A config that does not load is reported when the corpora are read.
    }
    // The inputs and evidence a config names may lie beside the schemas folder (test/…).
    for (const c of project?.corpora ?? []) {
      const wanted = [c.input, ...c.sources.flatMap((s) => (s.path ? [path.join(c.base, s.path)] : []))];
      for (const p of wanted) {
        const r = toRepoPath(tmp, p);
        if (r !== undefined && !existsSync(p)) copyTree(root, id, r, tmp);
      }
    }
    // Packages (the aws-sdk source) resolve from the project's installed node_modules: git has none.
    const modules = path.join(root, "node_modules");
    if (existsSync(modules)) symlinkSync(modules, path.join(tmp, "node_modules"), "dir");
    return { dir, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

/** `abs` relative to `root` with forward slashes, or undefined when it lies outside. */
function toRepoPath(root: string, abs: string): string | undefined {
  const rel = path.relative(root, abs);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join("/");
}

/** Writes the blobs under `rel` at commit `id` into `into`; returns how many. Links and submodules are skipped. */
function copyTree(root: string, id: string, rel: string, into: string): number {
  const list = git(root, ["ls-tree", "-r", "-z", "--full-tree", id, "--", rel || "."]);
  if (!list.ok) return 0;
  const entries = list.out
    .toString("utf8")
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf("\t");
      const [mode, type, oid] = line.slice(0, tab).split(" ");
      return { mode: mode!, type: type!, oid: oid!, file: line.slice(tab + 1) };
    })
    .filter((e) => e.type === "blob" && (e.mode === "100644" || e.mode === "100755"));
  if (entries.length === 0) return 0;
  const batch = git(root, ["cat-file", "--batch"], Buffer.from(`${entries.map((e) => e.oid).join("\n")}\n`));
  if (!batch.ok) throw new Error(`git cat-file failed: ${batch.err}`);
  let at = 0;
  for (const e of entries) {
    // Each object: "<oid> blob <size>\n<bytes>\n".
    const eol = batch.out.indexOf(10, at);
    const size = Number(batch.out.subarray(at, eol).toString("latin1").split(" ")[2]);
    const bytes = batch.out.subarray(eol + 1, eol + 1 + size);
    at = eol + 1 + size + 1;
    const target = path.join(into, e.file);
    if (toRepoPath(into, target) === undefined) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  return entries.length;
}
