// Watch: a large staged file is written and hashed on a worker thread, so a rebuild's main thread does
// not encode, write and hash the few big outputs an edit changes (types, schema: megabytes) while the
// other core is idle. The worker gets the text (a copy) and the staging path, creates the file as the
// writer would, and answers with the sha-256 of its bytes or the file-system error (code, path). If
// the worker cannot start or dies, each file it had not answered for is written and hashed here.
import { closeSync, openSync, writeFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { sha256 } from "../cache/hash.js";

// Bytes come in shared memory (encoded here into an arena, written and hashed there): a copy of the
// text through postMessage costs about as much as hashing it here.
const WORKER = `
const { parentPort } = require("node:worker_threads");
const { closeSync, openSync, writeFileSync } = require("node:fs");
const { hash } = require("node:crypto");
parentPort.on("message", ({ id, file, arena, start, length }) => {
  let fd;
  try {
    const bytes = new Uint8Array(arena, start, length);
    fd = openSync(file, "w");
    writeFileSync(fd, bytes);
    parentPort.postMessage({ id, sha: hash("sha256", bytes, "hex") });
  } catch (e) {
    const error = { message: String(e && e.message), code: e && e.code, path: (e && e.path) || file };
    parentPort.postMessage({ id, error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
});
`;

interface Job {
  file: string;
  text: string;
  resolve(sha: string): void;
  reject(e: unknown): void;
}

/** Texts this long (UTF-16 code units) or longer go to the worker; shorter ones cost less here. */
export const LARGE = 32 * 1024;

let worker: Worker | undefined;
let broken = false;
let nextId = 0;
const jobs = new Map<number, Job>();
/** Where texts are encoded for the worker: filled from `used`, from the start again once no job is left. */
let arena = new SharedArrayBuffer(0);
let used = 0;

/** Here, as the worker does it. */
function writeAndHashHere(file: string, text: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, "w");
    writeFileSync(fd, text);
  } catch (e) {
    // write(2) errors (ENOSPC, EFBIG) carry no path: name the file, as stageFile does.
    (e as NodeJS.ErrnoException).path ??= file;
    throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return sha256(text);
}

/** The worker is gone: what it had not answered for is done here. */
function fail(): void {
  broken = true;
  worker = undefined;
  for (const [id, job] of jobs) {
    jobs.delete(id);
    try {
      job.resolve(writeAndHashHere(job.file, job.text));
    } catch (e) {
      job.reject(e);
    }
  }
}

function started(): Worker | undefined {
  if (worker || broken) return worker;
  try {
    const w = new Worker(WORKER, { eval: true });
    w.on("message", (m: { id: number; sha?: string; error?: { message: string; code?: string; path: string } }) => {
      const job = jobs.get(m.id);
      if (!job) return;
      jobs.delete(m.id);
      if (jobs.size === 0) {
        w.unref();
        used = 0;
      }
      if (m.sha !== undefined) job.resolve(m.sha);
      else job.reject(Object.assign(new Error(m.error!.message), { code: m.error!.code, path: m.error!.path }));
    });
    w.on("error", fail);
    w.on("exit", fail);
    w.unref();
    worker = w;
  } catch {
    broken = true;
  }
  return worker;
}

/**
 * Creates `file` holding `text` (UTF-8), on the worker thread; resolves with the sha-256 of its bytes
 * once the file is written, or rejects with the file-system error.
 */
export function writeAndHash(file: string, text: string): Promise<string> {
  const w = started();
  if (!w) {
    try {
      return Promise.resolve(writeAndHashHere(file, text));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  // At most 3 bytes of UTF-8 for each UTF-16 code unit; a bigger arena when this one is short (one that
  // jobs still read stays theirs).
  if (used + text.length * 3 > arena.byteLength) {
    arena = new SharedArrayBuffer(Math.max(16 << 20, text.length * 3 * 2));
    used = 0;
  }
  const start = used;
  const length = Buffer.from(arena, start).write(text, "utf8");
  used += length;
  return new Promise<string>((resolve, reject) => {
    const id = nextId++;
    jobs.set(id, { file, text, resolve, reject });
    // Kept alive while it owes an answer.
    w.ref();
    w.postMessage({ id, file, arena, start, length });
  });
}
