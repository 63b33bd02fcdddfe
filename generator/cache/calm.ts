// Files known unchanged since they were last looked at, because a file watcher reports every change
// to them and has named none (watch mode). A file becomes calm when a look (a stat) finds it as
// recorded, and only when its changes reach the watcher: it lies in a watched folder, neither it nor
// a folder on its path is a link (a link's target changes elsewhere), and the watcher already
// watched it before that look. Any event naming it, or a folder above it, makes it doubtful again,
// and so does any watcher error. What trusts a calm file looks at it no more (hash-index.ts).
import { realpathSync } from "node:fs";
import path from "node:path";

/**
 * Where a folder's watch reports each change to its entries at once, as it is made (inotify): only there
 * is anything taken as calm. Elsewhere every file is looked at.
 */
export const EVENTS_COMPLETE = process.platform === "linux";

/** One full turn of the event loop (a poll phase between): file events already queued are delivered. */
export const eventsDelivered = async (): Promise<void> => {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
};

export class Calm {
  private readonly known = new Set<string>();
  /** Folder → whether its path holds no link (realpath is itself). */
  private readonly real = new Map<string, boolean>();

  /** `watched(file)`: the watcher reports every change to `file` (it lies in a folder watched whole). */
  constructor(private readonly watched: (file: string) => boolean) {}

  has(file: string): boolean {
    return this.known.has(file);
  }

  /** A look just found `file` as recorded; `link`: the path itself is a symbolic link. */
  add(file: string, link: boolean): void {
    if (link || !this.watched(file)) return;
    const dir = file.slice(0, file.lastIndexOf(path.sep)) || path.sep;
    let real = this.real.get(dir);
    if (real === undefined) {
      try {
        real = realpathSync.native(dir) === dir;
      } catch {
        real = false;
      }
      this.real.set(dir, real);
    }
    if (real) this.known.add(file);
  }

  /** The calm files. */
  files(): IterableIterator<string> {
    return this.known.values();
  }

  delete(file: string): void {
    this.known.delete(file);
  }

  /** An event named `entry` (a file or a folder: all below it too); without one, anything may have changed. */
  stir(entry?: string): void {
    if (entry === undefined) {
      this.known.clear();
      this.real.clear();
      return;
    }
    this.real.delete(entry);
    // A calm file has nothing below it: the walk over every calm file is for folders.
    if (this.known.delete(entry)) return;
    const below = entry + path.sep;
    for (const f of this.known) if (f.startsWith(below)) this.known.delete(f);
    for (const d of this.real.keys()) if (d.startsWith(below)) this.real.delete(d);
  }
}
