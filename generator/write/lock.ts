// One writer per output folder at a time: a lock file created exclusively. A lock whose process
// is gone (killed) is stale and taken over; a live one is waited for, then reported.
import { randomUUID } from "node:crypto";
import { closeSync, openSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { diagnostic, StructgenError } from "../diagnostics/diagnostic.js";
import { readRegular } from "./tree.js";

export const LOCK = ".structgen-lock";

export interface LockHolder {
  pid: number;
  host: string;
  token: string;
}

export interface LockOptions {
  /** How long to wait for another run's lock (default two minutes). */
  timeoutMs?: number;
  /** A lock file that never got its content (a kill right after creating it) is stale after this. */
  emptyStaleMs?: number;
}

/** True when the process exists (EPERM: it exists but is not ours). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    // Read as a regular file only: check reads locks too, and must not hang on a FIFO.
    const v = JSON.parse((await readRegular(file, 4096))?.toString("utf8") ?? "") as Partial<LockHolder>;
    return typeof v.pid === "number" && typeof v.host === "string" && typeof v.token === "string"
      ? (v as LockHolder)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a lock can be taken over: its process is gone (same host), or it never got its content. */
export async function isStale(file: string, holder: LockHolder | undefined, emptyStaleMs = 10_000): Promise<boolean> {
  if (holder) return holder.host === hostname() && !pidAlive(holder.pid);
  const st = statSync(file, { throwIfNoEntry: false });
  return st === undefined || Date.now() - st.mtimeMs > emptyStaleMs;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Takes the lock of `dir` (which must exist); resolves to its release. */
export async function acquireLock(dir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const file = path.join(dir, LOCK);
  const me: LockHolder = { pid: process.pid, host: hostname(), token: randomUUID() };
  const started = Date.now();
  const timeout = options.timeoutMs ?? 120_000;
  // Synchronous calls: a lock is taken and released once a run, and a trip through the thread pool for
  // each of them (open, write, close; then open, stat, read, close, unlink) costs more than the calls.
  for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
    let fd: number | undefined;
    try {
      fd = openSync(file, "wx");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    if (fd !== undefined) {
      try {
        writeFileSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      return async () => {
        // Only our own lock is removed, even if it was (wrongly) taken over meanwhile.
        if ((await readHolder(file))?.token === me.token) rmSync(file, { force: true });
      };
    }
    const holder = await readHolder(file);
    if (await isStale(file, holder, options.emptyStaleMs)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() - started >= timeout) {
      throw new StructgenError([
        diagnostic("OUTPUT_LOCKED", {
          path: dir,
          holder: holder ? `pid ${holder.pid} on ${holder.host}` : "starting",
          seconds: Math.round((Date.now() - started) / 1000),
          lock: file,
        }),
      ]);
    }
    await sleep(wait);
  }
}
