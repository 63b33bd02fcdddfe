// Reading an output tree without trusting it: links are not followed, FIFOs are not opened for
// a blocking read, and only regular files are read.
import { constants, promises as fs, type Stats } from "node:fs";
import path from "node:path";

export type Kind = "file" | "folder" | "symlink" | "fifo" | "socket" | "device" | "missing";

export const KIND_TEXT: Record<Kind, string> = {
  file: "a file",
  folder: "a folder",
  symlink: "a symbolic link",
  fifo: "a FIFO",
  socket: "a socket",
  device: "a device file",
  missing: "nothing",
};

/** What fs.Stats and fs.Dirent both say about an entry. */
type EntryType = Pick<Stats, "isFile" | "isDirectory" | "isSymbolicLink" | "isFIFO" | "isSocket">;

export function kindOfStats(st: EntryType): Kind {
  if (st.isFile()) return "file";
  if (st.isDirectory()) return "folder";
  if (st.isSymbolicLink()) return "symlink";
  if (st.isFIFO()) return "fifo";
  if (st.isSocket()) return "socket";
  return "device";
}

const absent = (e: unknown) => ["ENOENT", "ENOTDIR"].includes((e as NodeJS.ErrnoException).code ?? "");

/** What is at `p`, the link itself for a symbolic link; "missing" when nothing (or a file above it). */
export async function kindOf(p: string): Promise<Kind> {
  try {
    return kindOfStats(await fs.lstat(p));
  } catch (e) {
    if (absent(e)) return "missing";
    throw e;
  }
}

// O_NOFOLLOW: a link is not read through; O_NONBLOCK: opening a FIFO does not wait for a writer.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const NOT_A_FILE = new Set(["ENOENT", "ENOTDIR", "ELOOP", "ENXIO", "EISDIR", "EMLINK"]);

/** The bytes of a regular file (the first `limit` of them), or undefined when `p` is anything else. */
export async function readRegular(p: string, limit?: number): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await fs.open(p, READ_FLAGS);
  } catch (e) {
    if (NOT_A_FILE.has((e as NodeJS.ErrnoException).code ?? "")) return undefined;
    throw e;
  }
  try {
    if (!(await handle.stat()).isFile()) return undefined;
    if (limit === undefined) return await handle.readFile();
    const buffer = Buffer.alloc(limit);
    const { bytesRead } = await handle.read(buffer, 0, limit, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Every entry below `dir` ('/'-separated, sorted), folders included; links and special files are leaves. */
export async function listTree(dir: string, skip: (rel: string) => boolean = () => false): Promise<Map<string, Kind>> {
  const out = new Map<string, Kind>();
  async function walk(rel: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (e) {
      if (absent(e)) return;
      throw e;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (skip(r)) continue;
      const kind = kindOfStats(e);
      out.set(r, kind);
      if (kind === "folder") await walk(r);
    }
  }
  await walk("");
  return out;
}
