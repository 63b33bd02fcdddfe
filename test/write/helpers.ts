// Shared by the writer tests: output files, exact snapshots of a folder (bytes, and optionally
// inode and mtime), and a file system whose calls can be made to fail at a chosen moment.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { OutputFile } from "../../generator/emit/files.js";
import type { WriterFs } from "../../generator/write/transaction.js";

export const file = (p: string, content: string): OutputFile => ({
  path: p,
  kind: p.endsWith(".md") ? "md" : p.endsWith(".json") ? "json" : p.endsWith(".js") ? "js" : "ts",
  content,
});

/** Every entry below a folder: relative path → base64 bytes, "<dir>", or "-> target" for a link. */
export async function snapshot(dir: string, stats = false): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(rel: string): Promise<void> {
    const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const full = path.join(dir, r);
      if (e.isDirectory()) {
        out[`${r}/`] = "<dir>";
        await walk(r);
      } else if (e.isSymbolicLink()) out[r] = `-> ${await fs.readlink(full)}`;
      else if (e.isFile()) {
        const st = await fs.stat(full);
        out[r] = (await fs.readFile(full)).toString("base64") + (stats ? ` ino=${st.ino} mtime=${st.mtimeMs}` : "");
      } else out[r] = "<special>";
    }
  }
  await walk("");
  return out;
}

export type FaultyFs = WriterFs & {
  /** How many mutating calls were made, their names and first arguments in order, and the one made to fail. */
  calls: number;
  log: string[];
  targets: string[];
  failed: string | undefined;
};

const MUTATING = ["writeFile", "rename", "link", "copyFile", "mkdir", "rm", "rmdir", "unlink"] as const;

/**
 * The real file system, except that the `failAt`-th mutating call (0-based) throws `error`
 * instead of running (`killed`: that call and every one after it, as when the process died there).
 * `calls` counts them, so a first run tells how many a write makes.
 */
export function faultyFs(failAt: number, error: (call: string, target: string) => Error, killed = false): FaultyFs {
  const wrapper = { ...fs, calls: 0, log: [], targets: [], failed: undefined } as unknown as FaultyFs;
  for (const name of MUTATING) {
    const real = fs[name] as (...args: unknown[]) => Promise<unknown>;
    (wrapper as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      wrapper.log.push(name);
      wrapper.targets.push(String(args[0]));
      const k = wrapper.calls++;
      if (killed ? k >= failAt : k === failAt) {
        wrapper.failed ??= `${name}(${String(args[0])})`;
        throw error(name, String(args[0]));
      }
      return real.apply(fs, args);
    };
  }
  return wrapper;
}

/** An error as Node's fs raises it. */
export function errno(code: string, syscall: string, p: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: simulated, ${syscall} '${p}'`) as NodeJS.ErrnoException;
  e.code = code;
  e.syscall = syscall;
  e.path = p;
  return e;
}
