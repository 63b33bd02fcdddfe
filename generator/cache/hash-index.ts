// File hashes remembered by file status, as git's index does: a file whose device, inode, size,
// mode, modification time and change time are what they were when it was hashed still has that
// hash. Writing a file changes its change time, which no user can set back, so any edit since is
// seen; copies are other inodes. Entries are recorded only for files last changed well before
// they were looked at (RACY_MS), so an edit within the same timestamp tick cannot be mistaken for
// the recorded state. Anything doubtful is read and hashed again.
//
// The writer also records each output it puts in place, with its status right after: such an entry
// has not settled, so it never proves what a file holds; while the status is unchanged it says only
// that the file holds that text or one someone else wrote within that tick (written over: stale()).
//
// Watch mode may also give it a Calm (calm.ts): a file a look found as recorded that no file event has
// named since is taken as recorded without a look, when the caller trusts events (hash()'s `trust`).
//
// Saved whole under a temporary name and renamed into place, with a checksum line first: a
// truncated, corrupt or foreign index is empty, never an error.
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { renameSync, rmSync, statSync, writeFileSync, type Stats } from "node:fs";
import path from "node:path";
import { readPool, readSized } from "../load/read-sized.js";
import type { Calm } from "./calm.js";
import { sha256 } from "./hash.js";

// Files are read into one reused buffer (hashing a thousand files allocates nothing per file),
// regular files only, and a FIFO is never waited on (O_NONBLOCK).
export const FOLLOW = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
/** As write/tree.ts reads an output folder: a link is not read through. */
export const NO_FOLLOW = FOLLOW | (constants.O_NOFOLLOW ?? 0);

const pool = readPool(1 << 20);

/**
 * `use(bytes)` with the bytes of the regular file at `file`, or why there are none ("ENOENT",
 * "not a regular file", …). `bytes` is valid only during the call.
 */
export function withBytes<T>(file: string, flags: number, use: (bytes: Buffer) => T): T | { reason: string } {
  let fd: number | undefined;
  try {
    fd = openSync(file, flags);
    const st = fstatSync(fd);
    if (!st.isFile()) return { reason: "not a regular file" };
    return use(readSized(fd, st.size, pool));
  } catch (e) {
    return { reason: (e as NodeJS.ErrnoException).code ?? String(e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const MAGIC = "structgen-hash-index/3";
/** Files changed less than this long before they were looked at are hashed every time. */
export const RACY_MS = 2000;

/** What a file's status says, as one text: device, inode, size, mode, mtime and ctime (ms, fractional). */
export const statusOf = (st: Stats): string => `${st.dev} ${st.ino} ${st.size} ${st.mode} ${st.mtimeMs} ${st.ctimeMs}`;

/** Last changed at least RACY_MS before it was looked at: no edit can share its timestamps. */
const settledAt = (st: Stats, lookedAt: number): boolean => Math.max(st.mtimeMs, st.ctimeMs) < lookedAt - RACY_MS;

/** An entry: the status the file had, and the sha-256 of its bytes then. */
interface Entry {
  status: string;
  sha: string;
  /** Recorded by the writer as it left the file, not yet seen settled: proves nothing of the bytes. */
  placed?: true;
}

export class HashIndex {
  private readonly used = new Set<string>();
  private changed = false;
  /** Files hash() found settled with a recorded sha-256 (links followed) since observe(): file → sha. */
  private observed: Map<string, string> | undefined;
  /** Watch: files whose changes a watcher reports and that none was reported for since their last look. */
  calm: Calm | undefined;

  private constructor(
    private readonly file: string | undefined,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** The index saved at `file` (empty when missing or damaged); without a file, an index in memory. */
  static open(file?: string): HashIndex {
    return new HashIndex(file, file ? readIndex(file) : new Map());
  }

  /** How many files it remembers. */
  get size(): number {
    return this.entries.size;
  }

  /** The recorded sha-256 of the file at `file` when its status is the recorded one; nothing is read. */
  known(file: string, follow: boolean): string | undefined {
    const known = this.entries.get(file);
    if (!known || known.placed) return undefined;
    const st = follow ? statSync(file, { throwIfNoEntry: false }) : lstatSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || statusOf(st) !== known.status) return undefined;
    this.used.add(file);
    return known.sha;
  }

  /**
   * From now until forget(), each file hash() finds settled with its recorded sha-256 (or records so) is
   * remembered as hash() saw it, for seen(). Watch digests a run's inputs just before the run and
   * forgets once it has read them: see seen().
   */
  observe(): void {
    this.observed = new Map();
  }

  forget(): void {
    this.observed = undefined;
  }

  /**
   * known(), from the look hash() took since observe() when it found the file settled and recorded: no
   * other look. A reader that goes by it uses the file as the digest hash() was taking saw it, bytes
   * and all (those it has from that sha-256); a change since then is the digest's to find: the one
   * taken again after the run differs, so no freshness is recorded for it, and its own event starts
   * another run. Not for tying bytes just read to a sha-256: that is known()'s, a look taken now.
   */
  seen(file: string, follow: boolean): string | undefined {
    return (follow ? this.observed?.get(file) : undefined) ?? this.known(file, follow);
  }

  /**
   * The sha-256 of the regular file at `file` (links followed when `follow`), or why there is none
   * ("ENOENT", "not a regular file", …). `trust`: a calm file (no event named it since a look found it
   * as recorded) is taken as recorded, not looked at (watch's digest before a run; see calm.ts).
   */
  hash(file: string, follow: boolean, trust = false): string | { reason: string } {
    const calm = this.calm;
    if (calm?.has(file)) {
      const known = trust ? this.entries.get(file) : undefined;
      if (known && !known.placed) {
        this.used.add(file);
        if (follow) this.observed?.set(file, known.sha);
        return known.sha;
      }
      calm.delete(file);
    }
    let st: Stats | undefined;
    let link = false;
    try {
      // Watching: the link itself first (same call for a file), as a link's target changes unseen.
      st = follow && !calm ? statSync(file) : lstatSync(file);
      if (follow && st.isSymbolicLink()) {
        link = true;
        st = statSync(file);
      }
    } catch (e) {
      return { reason: (e as NodeJS.ErrnoException).code ?? String(e) };
    }
    if (!st.isFile()) return { reason: "not a regular file" };
    const status = statusOf(st);
    const known = this.entries.get(file);
    if (known && !known.placed && known.status === status) {
      this.used.add(file);
      if (follow) this.observed?.set(file, known.sha);
      calm?.add(file, link);
      return known.sha;
    }
    const lookedAt = Date.now();
    const sha = withBytes(file, follow ? FOLLOW : NO_FOLLOW, sha256);
    if (typeof sha !== "string") return sha;
    // Recorded only when the file sat unchanged while it was read, and had for a while before.
    const after = follow ? statSync(file, { throwIfNoEntry: false }) : lstatSync(file, { throwIfNoEntry: false });
    // A path with a line break cannot be written as a line: such a file is hashed every time.
    if (after && statusOf(after) === status && settledAt(st, lookedAt) && !file.includes("\n")) {
      this.entries.set(file, { status, sha });
      this.used.add(file);
      this.changed = true;
      if (follow) this.observed?.set(file, sha);
      calm?.add(file, link);
    }
    return sha;
  }

  /**
   * A file read by someone else (the writer): it held bytes with `sha` while its status was `before`
   * (taken before reading, `lookedAt`). Recorded as hash() records: when it had settled and its
   * status is still `before`, so the bytes read were those.
   */
  record(file: string, before: Stats, lookedAt: number, sha: string, follow: boolean): void {
    const status = statusOf(before);
    const after = follow ? statSync(file, { throwIfNoEntry: false }) : lstatSync(file, { throwIfNoEntry: false });
    const settled = settledAt(before, lookedAt);
    if (!before.isFile() || !after || statusOf(after) !== status || !settled || file.includes("\n")) return;
    const known = this.entries.get(file);
    this.used.add(file);
    if (known?.status === status && known.sha === sha && !known.placed) return;
    this.calm?.delete(file);
    this.entries.set(file, { status, sha });
    this.changed = true;
  }

  /**
   * The writer has just put bytes with `sha` in place at `file` (no link followed): the status the
   * file has now is kept with them, to tell a later run that the file is still as it was left.
   */
  placed(file: string, sha: string): void {
    this.calm?.delete(file);
    const st = lstatSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || file.includes("\n")) {
      if (this.entries.delete(file)) this.changed = true;
      return;
    }
    this.entries.set(file, { status: statusOf(st), sha, placed: true });
    this.used.add(file);
    this.changed = true;
  }

  /**
   * The writer left bytes other than those with `sha` at `file` and its status is still the one it
   * had then: the file holds those bytes, or bytes someone else wrote within that timestamp tick.
   * Either way it is to be written (ours), without reading it.
   */
  stale(file: string, sha: string): boolean {
    const known = this.entries.get(file);
    if (!known?.placed || known.sha === sha) return false;
    const st = lstatSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || statusOf(st) !== known.status) return false;
    this.used.add(file);
    return true;
  }

  /** Writes the entries this process used, when any was added or dropped. */
  save(): void {
    if (!this.file) return;
    const dropped = [...this.entries.keys()].some((k) => !this.used.has(k));
    if (!this.changed && !dropped) return;
    let body = "";
    for (const [file, e] of this.entries)
      if (this.used.has(file)) body += `${e.placed ? "~" : ""}${e.sha} ${e.status} ${file}\n`;
    const tmp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(tmp, `${MAGIC} ${sha256(body)}\n${body}`);
      renameSync(tmp, this.file);
    } catch {
      rmSync(tmp, { force: true });
    }
    this.changed = false;
  }
}

/**
 * One line an entry: the sha-256 (64 hex digits), the six status fields, then the path (which may
 * hold spaces, not line breaks); "~" first for an entry the writer placed. Read by position, not by a
 * regular expression: it runs on every check.
 */
function entryOf(text: string): [string, Entry] | undefined {
  const placed = text.charCodeAt(0) === 126;
  const line = placed ? text.slice(1) : text;
  if (line.length < 66 || line.charCodeAt(64) !== 32 || !/^[0-9a-f]{64}$/.test(line.slice(0, 64))) return undefined;
  let at = 64;
  for (let field = 0; field < 6; field++) {
    at = line.indexOf(" ", at + 1);
    if (at < 0) return undefined;
  }
  const file = line.slice(at + 1);
  if (file === "") return undefined;
  const entry: Entry = { status: line.slice(65, at), sha: line.slice(0, 64) };
  if (placed) entry.placed = true;
  return [file, entry];
}

function readIndex(file: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  try {
    const text = readFileSync(file, "utf8");
    const end = text.indexOf("\n");
    const [magic, sum] = text.slice(0, end).split(" ");
    const body = text.slice(end + 1);
    if (end < 0 || magic !== MAGIC || sum !== sha256(body)) return out;
    for (const line of body.split("\n")) {
      if (line === "") continue;
      const entry = entryOf(line);
      if (!entry) return new Map();
      out.set(entry[0], entry[1]);
    }
    return out;
  } catch {
    return new Map();
  }
}
