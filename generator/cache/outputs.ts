// The writer's in-process memo (watch mode): for each output file, the text it was last seen to
// hold, with its status then (device, inode, size, mode, mtime, ctime), and the sha-256 of that text.
// A file whose status is still the recorded one holds that text, so the plan need not read it; any
// write since (ours or anyone's) changes its ctime. As in hash-index.ts, a status is recorded only
// for a file last changed well before it was looked at, so an edit within the same timestamp tick
// cannot pass for the recorded state. The files a run wrote are checked once they have settled, when
// watch is idle (settle), so the next run need not read them. Until then, the status a file had right
// after the writer put it in place says only that the file still differs from any other text (stale):
// a write by someone else within that tick is written over, which is right whatever it wrote.
// On Linux the memo also watches the output folders (watch()): a file a look found as recorded and
// that no event has named since is calm (calm.ts), taken as recorded without a look. Each event is
// delivered before a run trusts anything (the writer awaits watch()), so an output deleted or edited
// before the run started is looked at. Edits no folder watch reports (through a hard link made from
// outside the folder, through a shared mapping) are seen by the look each calm file gets when watch
// is idle (settle), and by check, which goes by status.
import { lstatSync, watch as fsWatch, type FSWatcher, type Stats } from "node:fs";
import path from "node:path";
import { Calm, EVENTS_COMPLETE, eventsDelivered } from "./calm.js";
import { NO_FOLLOW, RACY_MS, statusOf, withBytes } from "./hash-index.js";
import { sha256 } from "./hash.js";
import { textOf, type Text } from "../joined.js";

/** Sub-second timestamps tick with the kernel's clock (≤ 10 ms); whole seconds may be 2 s apart (FAT). */
const FINE_RACY_MS = 100;

/** Whether a file with this status, looked at `at`, had settled: no edit can share its timestamps. */
export function settled(st: Stats, at: number): boolean {
  const changed = Math.max(st.mtimeMs, st.ctimeMs);
  const fine = st.mtimeMs % 1000 !== 0 || st.ctimeMs % 1000 !== 0;
  return changed < at - (fine ? FINE_RACY_MS : RACY_MS);
}

export interface OutputMemo {
  /** The text the file at `file` holds when its status is the one recorded with that text. */
  textOf(file: string): Text | undefined;
  /** The file's status now (opaque), to pass to `seen` after reading it; undefined when it is not a file. */
  status(file: string): string | undefined;
  /** The file had `status` and held `text` when read: recorded when it had settled and is still so. */
  seen(file: string, status: string | undefined, text: Text): void;
  /** The sha-256 of an output's text (remembered by path while the text is the same). */
  sha(file: string, text: Text): string;
  /** sha() when it is remembered, else undefined (nothing computed). */
  knownSha(file: string, text: Text): string | undefined;
  /** `sha` is the sha-256 of `text`, computed elsewhere (write/stage-worker.ts), for sha(). */
  learnSha(file: string, text: Text, sha: string): void;
  /** The writer staged `text` for `file` this run. */
  wrote(file: string, text: Text): void;
  /** The staged file is now in place at `file` (its status now is recorded with its text). */
  placed(file: string): void;
  /**
   * The last run put a text other than `text` at `file`, and the file's status is still the one it had
   * then: the file is to be written (reading it cannot show it holds `text`, except after a write by
   * someone else within that timestamp tick, which it is right to write over).
   */
  stale(file: string, text: Text): boolean;
  /**
   * Between runs: each file the last run wrote that has settled is read, and recorded when it holds
   * what was written and its status did not change meanwhile. True while some have yet to settle.
   */
  settle(): boolean;
  /** Ends a run: files it did not look at are forgotten. */
  prune(): void;
  /**
   * Watches `folders` (an output folder and those below it) from now on, where events report every
   * change (Linux); resolves once the events of changes made before the call are delivered.
   */
  watch(folders: readonly string[]): Promise<void>;
  /** Stops watching. */
  close(): void;
}

export function outputMemo(now: () => number = Date.now): OutputMemo {
  let texts = new Map<string, { status: string; text: Text }>();
  let shas = new Map<string, { text: Text; sha: string }>();
  let usedTexts = new Map<string, { status: string; text: Text }>();
  let usedShas = new Map<string, { text: Text; sha: string }>();
  // Staged this run; put in place this run and the last (text, status right after); not yet checked.
  let staged = new Map<string, Text>();
  let placed = new Map<string, { status: string; text: Text }>();
  let lastPlaced = new Map<string, { status: string; text: Text }>();
  let settling = new Map<string, { status: string; text: Text }>();
  /** The folders watched (each watched before any look that makes a file in it calm). */
  const watchers = new Map<string, FSWatcher>();
  const calm = new Calm((file) => watchers.has(path.dirname(file)));
  /** Calm files not looked at since the last run (settle() looks at each once). */
  let unchecked = false;
  const unwatch = (dir: string) => {
    watchers.get(dir)?.close();
    watchers.delete(dir);
    calm.stir(dir);
  };
  const stat = (file: string) => {
    try {
      const st = lstatSync(file);
      return st.isFile() ? st : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    textOf(file) {
      const known = usedTexts.get(file) ?? texts.get(file);
      if (known === undefined) return undefined;
      if (!calm.has(file)) {
        const st = stat(file);
        if (st === undefined || statusOf(st) !== known.status) return undefined;
        calm.add(file, false);
      }
      usedTexts.set(file, known);
      return known.text;
    },
    status(file) {
      const st = stat(file);
      return st && statusOf(st);
    },
    seen(file, status, text) {
      const at = now();
      const st = stat(file);
      if (status === undefined || st === undefined || statusOf(st) !== status || !settled(st, at)) {
        usedTexts.delete(file);
        texts.delete(file);
        calm.delete(file);
        return;
      }
      usedTexts.set(file, { status, text });
      calm.add(file, false);
    },
    sha(file, text) {
      const known = usedShas.get(file) ?? shas.get(file);
      if (known?.text === text) {
        usedShas.set(file, known);
        return known.sha;
      }
      const sha = sha256(textOf(text));
      usedShas.set(file, { text, sha });
      return sha;
    },
    knownSha(file, text) {
      const known = usedShas.get(file) ?? shas.get(file);
      if (known?.text !== text) return undefined;
      usedShas.set(file, known);
      return known.sha;
    },
    learnSha(file, text, sha) {
      usedShas.set(file, { text, sha });
    },
    wrote(file, text) {
      staged.set(file, text);
    },
    placed(file) {
      calm.delete(file);
      const text = staged.get(file);
      const st = stat(file);
      if (text !== undefined && st !== undefined) placed.set(file, { status: statusOf(st), text });
    },
    stale(file, text) {
      const mine = lastPlaced.get(file);
      if (mine === undefined || mine.text === text) return false;
      const st = stat(file);
      return st !== undefined && statusOf(st) === mine.status;
    },
    settle() {
      // Calm files, looked at once while idle: what no event reported is found here.
      if (unchecked) {
        unchecked = false;
        for (const [file, { status }] of texts) {
          if (!calm.has(file)) continue;
          const st = stat(file);
          if (st === undefined || statusOf(st) !== status) calm.delete(file);
        }
      }
      for (const [file, { text }] of settling) {
        const st = stat(file);
        if (st !== undefined && !settled(st, now())) continue;
        settling.delete(file);
        if (st === undefined) continue;
        const same = withBytes(file, NO_FOLLOW, (bytes) => bytes.equals(Buffer.from(textOf(text), "utf8")));
        const after = stat(file);
        if (same === true && after !== undefined && statusOf(after) === statusOf(st)) {
          texts.set(file, { status: statusOf(st), text });
          calm.add(file, false);
        }
      }
      return settling.size > 0;
    },
    prune() {
      settling = new Map(placed);
      lastPlaced = placed;
      placed = new Map();
      staged = new Map();
      texts = usedTexts;
      shas = usedShas;
      usedTexts = new Map();
      usedShas = new Map();
      for (const file of calm.files()) if (!texts.has(file)) calm.delete(file);
      unchecked = true;
    },
    async watch(folders) {
      if (!EVENTS_COMPLETE) return;
      for (const dir of folders) {
        if (watchers.has(dir)) continue;
        try {
          const w = fsWatch(dir, { persistent: false }, (_event, name) => {
            // The folder itself (gone, moved, renamed) or an event without a name: nothing in it is calm.
            if (name === null || name === "" || name === path.basename(dir)) unwatch(dir);
            else calm.stir(path.join(dir, String(name)));
          });
          w.on("error", () => unwatch(dir));
          watchers.set(dir, w);
        } catch {
          // Not watched: its files are looked at.
        }
      }
      await eventsDelivered();
    },
    close() {
      for (const dir of [...watchers.keys()]) unwatch(dir);
    },
  };
}
