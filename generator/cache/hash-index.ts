// File hashes remembered by file status, as git's index does: a file whose device, inode, size,
// mode, modification time and change time are what they were when it was hashed still has that
// hash. Writing a file changes its change time, which no user can set back, so any edit since is
// seen; copies are other inodes. Entries are recorded only for files last changed well before
// they were looked at (RACY_MS), so an edit within the same timestamp tick cannot be mistaken for
// the recorded state. Anything doubtful is read and hashed again.
//
// Saved whole under a temporary name and renamed into place, with a checksum line first: a
// truncated, corrupt or foreign index is empty, never an error.
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from "node:fs";
import path from "node:path";
import { sha256 } from "./hash.js";
import { FOLLOW, NO_FOLLOW, withBytes } from "./read.js";

const MAGIC = "structgen-hash-index/2";
/** Files changed less than this long before they were looked at are hashed every time. */
export const RACY_MS = 2000;

/** What a file's status says, as one text: device, inode, size, mode, mtime and ctime (ms, fractional). */
const statusOf = (st: Stats): string => `${st.dev} ${st.ino} ${st.size} ${st.mode} ${st.mtimeMs} ${st.ctimeMs}`;

/** An entry: the status the file had, and the sha-256 of its bytes then. */
interface Entry {
  status: string;
  sha: string;
}

export class HashIndex {
  private readonly used = new Set<string>();
  private changed = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** The index saved at `file` (empty when missing or damaged); without a file, an index in memory. */
  static open(file?: string): HashIndex {
    return new HashIndex(file, file ? readIndex(file) : new Map());
  }

  /**
   * The sha-256 of the regular file at `file` (links followed when `follow`), or why there is none
   * ("ENOENT", "not a regular file", …).
   */
  hash(file: string, follow: boolean): string | { reason: string } {
    let st: Stats | undefined;
    try {
      st = follow ? statSync(file) : lstatSync(file);
    } catch (e) {
      return { reason: (e as NodeJS.ErrnoException).code ?? String(e) };
    }
    if (!st.isFile()) return { reason: "not a regular file" };
    const status = statusOf(st);
    const known = this.entries.get(file);
    if (known && known.status === status) {
      this.used.add(file);
      return known.sha;
    }
    const lookedAt = Date.now();
    const sha = withBytes(file, follow ? FOLLOW : NO_FOLLOW, sha256);
    if (typeof sha !== "string") return sha;
    // Recorded only when the file sat unchanged while it was read, and had for a while before.
    const after = follow ? statSync(file, { throwIfNoEntry: false }) : lstatSync(file, { throwIfNoEntry: false });
    const settled = Math.max(st.mtimeMs, st.ctimeMs) < lookedAt - RACY_MS;
    // A path with a line break cannot be written as a line: such a file is hashed every time.
    if (after && statusOf(after) === status && settled && !file.includes("\n")) {
      this.entries.set(file, { status, sha });
      this.used.add(file);
      this.changed = true;
    }
    return sha;
  }

  /** Writes the entries this process used, when any was added or dropped. */
  save(): void {
    if (!this.file) return;
    const dropped = [...this.entries.keys()].some((k) => !this.used.has(k));
    if (!this.changed && !dropped) return;
    let body = "";
    for (const [file, e] of this.entries) if (this.used.has(file)) body += `${e.sha} ${e.status} ${file}\n`;
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

/** One line an entry: sha, the six status fields, then the path (which may hold spaces; not newlines). */
const LINE = /^([0-9a-f]{64}) ((?:\S+ ){5}\S+) (.+)$/;

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
      const m = LINE.exec(line);
      if (!m) return new Map();
      out.set(m[3]!, { status: m[2]!, sha: m[1]! });
    }
    return out;
  } catch {
    return new Map();
  }
}
