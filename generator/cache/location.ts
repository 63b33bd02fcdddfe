// Where the generation cache lives: STRUCTGEN_CACHE_DIR, else <project>/node_modules/.cache/structgen
// (where build tools keep theirs), else a folder of this user's in the OS temp folder. Never inside an
// output folder, which is published.
import { lstatSync, mkdirSync, realpathSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { diagnostic, StructgenError } from "../diagnostics/diagnostic.js";

export const CACHE_ENV = "STRUCTGEN_CACHE_DIR";

const isFolder = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** The path with links resolved as far as it exists. */
function real(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(real(parent), path.basename(p));
  }
}

const within = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

/**
 * The cache folder for a project, or undefined when none may be used (a shared temp folder that is
 * not safely this user's). Throws USAGE_CACHE_IN_OUTPUT for a folder inside an output folder.
 */
export function cacheLocation(projectDir: string, outputs: readonly string[], env = process.env): string | undefined {
  const named = env[CACHE_ENV];
  let dir: string | undefined;
  if (named) dir = path.resolve(named);
  else if (isFolder(path.join(projectDir, "node_modules")))
    dir = path.join(projectDir, "node_modules", ".cache", "structgen");
  else dir = privateTempFolder();
  if (dir === undefined) return undefined;
  const r = real(dir);
  const out = outputs.find((o) => within(r, real(path.resolve(o))));
  if (out !== undefined) throw new StructgenError([diagnostic("USAGE_CACHE_IN_OUTPUT", { cache: dir, out })]);
  return dir;
}

/**
 * <tmp>/structgen-cache-<uid>, created private. Anyone can write to the temp folder, so a folder
 * there is used only when it is a real folder of this user's that no one else can write to.
 */
function privateTempFolder(): string | undefined {
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  const dir = path.join(os.tmpdir(), `structgen-cache-${uid ?? os.userInfo().username}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory()) return undefined;
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}
