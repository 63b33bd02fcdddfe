// The one writer: a corpus's output is written to a temporary folder and swapped into place,
// so a failure or a kill leaves the previous output as it was.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { OutputFile } from "../emit/files.js";

const OLD = ".structgen-old";
const TMP = ".structgen-tmp-";

const exists = (p: string) => fs.stat(p).then(() => true, () => false);

/** Undo a swap that a kill interrupted: the old output comes back if the new one is missing. */
export async function recover(outDir: string): Promise<void> {
  const old = outDir + OLD;
  if (await exists(old)) {
    if (await exists(outDir)) await fs.rm(old, { recursive: true, force: true });
    else await fs.rename(old, outDir);
  }
  const parent = path.dirname(outDir);
  const base = path.basename(outDir) + TMP;
  for (const e of await fs.readdir(parent).catch(() => [] as string[])) {
    if (e.startsWith(base)) await fs.rm(path.join(parent, e), { recursive: true, force: true });
  }
}

export async function writeTree(outDir: string, files: OutputFile[]): Promise<void> {
  await fs.mkdir(path.dirname(outDir), { recursive: true });
  await recover(outDir);
  const tmp = `${outDir}${TMP}${process.pid}`;
  const old = outDir + OLD;
  try {
    await fs.mkdir(tmp, { recursive: true });
    for (const dir of new Set(files.map((f) => path.dirname(f.path)))) await fs.mkdir(path.join(tmp, dir), { recursive: true });
    await Promise.all(files.map((f) => fs.writeFile(path.join(tmp, f.path), f.content)));
    const had = await exists(outDir);
    if (had) await fs.rename(outDir, old);
    await fs.rename(tmp, outDir);
    if (had) await fs.rm(old, { recursive: true, force: true });
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    await recover(outDir).catch(() => undefined);
    throw e;
  }
}

/** Every file below a folder, '/'-separated and sorted (for the staleness check). */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(rel: string): Promise<void> {
    const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else out.set(r, await fs.readFile(path.join(dir, r), "utf8"));
    }
  }
  await walk("");
  return out;
}
