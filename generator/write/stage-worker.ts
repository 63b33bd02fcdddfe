// Watch: a large staged file is written and hashed on a worker thread, so a rebuild's main thread does
// not write and hash the few big outputs an edit changes (types, schema: megabytes) while the other
// core is idle. The worker gets the bytes (in shared memory) and the staging path, creates the file as
// the writer would, and answers with the sha-256 of its bytes or the file-system error (code, path). A
// text given as parts (joined.ts) is encoded here a part at a time, the parts that are as they were in
// the output's last text copied from its bytes. If the worker cannot start or dies, each file it had not
// answered for is written and hashed here.
import { closeSync, openSync, writeFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { sha256 } from "../cache/hash.js";
import { textOf, type Joined, type Text } from "../joined.js";

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
  text: Text;
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
function writeAndHashHere(file: string, text: Text): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, "w");
    writeFileSync(fd, textOf(text));
  } catch (e) {
    // write(2) errors (ENOSPC, EFBIG) carry no path: name the file, as stageFile does.
    (e as NodeJS.ErrnoException).path ??= file;
    throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return sha256(textOf(text));
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
 * A joined text's bytes as last encoded for an output (by its path): each part's place in them, so
 * the next text of that output copies the bytes of the parts it shares with it instead of encoding them.
 */
interface Encoded {
  joined: Joined;
  bytes: Buffer;
  /** Where each part's bytes start, and where the last one's end. */
  starts: number[];
  /** The buffer the text before it was in: the next text goes there when it fits (its pages are warm). */
  spare?: SharedArrayBuffer;
}
const encoded = new Map<string, Encoded>();

/**
 * `j` encoded at the start of `into` (room for it checked by the caller); its length. Runs of parts that
 * are the values `last` had at the same places are copied from `last`'s bytes.
 */
function encodeJoined(j: Joined, last: Encoded | undefined, into: Buffer): { length: number; starts: number[] } {
  const { head, parts, sep, tail } = j;
  const like = alike(j, last);
  const starts = new Array<number>(parts.length + 1);
  let n = into.write(head, "utf8");
  for (let i = 0; i < parts.length;) {
    if (like && last.joined.parts[i] === parts[i]) {
      // The run of parts (and separators between them) that are as they were: one copy.
      let k = i;
      while (k < parts.length && last.joined.parts[k] === parts[k]) k++;
      const from = last.starts[i]!;
      for (let m = i; m < k; m++) starts[m] = n + (last.starts[m]! - from);
      const end = last.starts[k]!;
      n += last.bytes.copy(into, n, from, end);
      i = k;
      continue;
    }
    starts[i] = n;
    n += into.write(parts[i]!, n, "utf8");
    if (i < parts.length - 1) n += into.write(sep, n, "utf8");
    i++;
  }
  starts[parts.length] = n;
  n += into.write(tail, n, "utf8");
  return { length: n, starts };
}

const high = (s: string, i: number) => i >= 0 && (s.charCodeAt(i) & 0xfc00) === 0xd800;
const low = (s: string) => (s.charCodeAt(0) & 0xfc00) === 0xdc00;

/**
 * Whether two pieces of `j` that meet hold the halves of one surrogate pair: encoded apart, each half
 * would become U+FFFD, so such a text is encoded whole (no generated text has one; the check is cheap).
 */
function pairSplit(j: Joined): boolean {
  let before = j.head;
  const meets = (next: string): boolean => {
    if (next === "") return false;
    const split = high(before, before.length - 1) && low(next);
    before = next;
    return split;
  };
  for (let i = 0; i < j.parts.length; i++) if ((i > 0 && meets(j.sep)) || meets(j.parts[i]!)) return true;
  return meets(j.tail);
}

/**
 * At most this many bytes for `j`: `last`'s, and 3 for each UTF-16 code unit of what is not copied from
 * them (encodeJoined); with nothing to copy from, the exact count.
 */
function boundOf(j: Joined, last: Encoded | undefined): number {
  if (!alike(j, last)) {
    let n = Buffer.byteLength(j.head) + Buffer.byteLength(j.tail);
    for (const p of j.parts) n += Buffer.byteLength(p);
    return n + Buffer.byteLength(j.sep) * Math.max(0, j.parts.length - 1);
  }
  let n = last.bytes.length + 3 * (j.head.length + j.tail.length);
  for (let i = 0; i < j.parts.length; i++) if (last.joined.parts[i] !== j.parts[i]) n += 3 * j.parts[i]!.length;
  return n;
}

/** Whether `j` can copy runs of parts from `last`'s bytes: the same head, separator and number of parts. */
const alike = (j: Joined, last: Encoded | undefined): last is Encoded =>
  last !== undefined &&
  last.joined.head === j.head &&
  last.joined.sep === j.sep &&
  last.joined.parts.length === j.parts.length;

/**
 * Creates `file` holding `text` (UTF-8), on the worker thread; resolves with the sha-256 of its bytes
 * once the file is written, or rejects with the file-system error. `output`: the output `file` stages,
 * by which a joined text's bytes are kept for the next one.
 */
export function writeAndHash(file: string, text: Text, output?: string): Promise<string> {
  const w = started();
  if (!w) {
    try {
      return Promise.resolve(writeAndHashHere(file, text));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  let buffer: SharedArrayBuffer;
  let start = 0;
  let length: number;
  if (typeof text === "string" || pairSplit(text)) {
    if (output !== undefined) encoded.delete(output);
    const whole = textOf(text);
    // A bigger arena when this one is short (one that jobs still read stays theirs).
    if (used + whole.length * 3 > arena.byteLength) {
      arena = new SharedArrayBuffer(Math.max(16 << 20, whole.length * 3 * 2));
      used = 0;
    }
    [buffer, start] = [arena, used];
    length = Buffer.from(arena, start).write(whole, "utf8");
    used += length;
  } else {
    // A buffer of the output's own, kept as its last bytes (the next text copies from them): not the
    // arena, which is written over once no job is left. Two take turns; the job that read the other one,
    // a run before, has answered (a run ends once every file it staged is written).
    const last = output === undefined ? undefined : encoded.get(output);
    const bound = boundOf(text, last);
    buffer = last?.spare && last.spare.byteLength >= bound ? last.spare : new SharedArrayBuffer(bound + (bound >> 3));
    const into = Buffer.from(buffer);
    const made = encodeJoined(text, last, into);
    length = made.length;
    const spare = last?.bytes.buffer as SharedArrayBuffer | undefined;
    const kept = { joined: text, bytes: into.subarray(0, length), starts: made.starts };
    if (output !== undefined) encoded.set(output, spare ? { ...kept, spare } : kept);
  }
  return new Promise<string>((resolve, reject) => {
    const id = nextId++;
    jobs.set(id, { file, text, resolve, reject });
    // Kept alive while it owes an answer.
    w.ref();
    w.postMessage({ id, file, arena: buffer, start, length });
  });
}
