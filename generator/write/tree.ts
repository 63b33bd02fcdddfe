// Reading an output tree without trusting it: links are not followed, FIFOs are not opened for
// a blocking read, and only regular files are read. The calls are made synchronously behind their
// promise interface, as the writer's others are (sync-fs.ts): a folder's listing, the manifest and a
// lock are small, and each trip through the thread pool costs more than the call (far more while
// other processes keep both cores busy, when each trip waits for a thread to be scheduled).
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync } from "node:fs";
import type { Stats } from "node:fs";
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
    return kindOfStats(lstatSync(p));
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
  let fd;
  try {
    fd = openSync(p, READ_FLAGS);
  } catch (e) {
    if (NOT_A_FILE.has((e as NodeJS.ErrnoException).code ?? "")) return undefined;
    throw e;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    if (limit === undefined) return readFileSync(fd);
    const buffer = Buffer.alloc(limit);
    let n = 0;
    while (n < limit) {
      const got = readSync(fd, buffer, n, limit - n, n);
      if (got === 0) break;
      n += got;
    }
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Every entry below `dir` ('/'-separated, sorted), folders included; links and special files are leaves. */
export async function listTree(dir: string, skip: (rel: string) => boolean = () => false): Promise<Map<string, Kind>> {
  const out = new Map<string, Kind>();
  function walk(rel: string): void {
    let entries;
    try {
      entries = readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch (e) {
      if (absent(e)) return;
      throw e;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (skip(r)) continue;
      const kind = kindOfStats(e);
      out.set(r, kind);
      if (kind === "folder") walk(r);
    }
  }
  walk("");
  return out;
}
