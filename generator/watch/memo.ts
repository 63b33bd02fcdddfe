// What watch mode keeps between runs: the project's cache (fragments, hash index) and the in-process
// memos, wired as generateProject takes them. Fragment packs and the hash index are written when save()
// is called (watch calls it once idle), not after every run: they only let the next process start warm.
// settle() checks what the last run wrote once it has settled, also when idle, so the next run need not
// read it.
import { buildMemos } from "../cache/build-memo.js";
import type { Cache, RunMemo } from "../run.js";

export interface WatchMemo {
  /** What to pass to generateProject. */
  run: RunMemo;
  /** Ends a run: what it did not use is forgotten. */
  prune(): void;
  /** Writes the fragment packs and the hash index, when changed. */
  save(): void;
  /** When idle: the outputs the last run wrote are checked once settled; true while some are not yet. */
  settle(): boolean;
  /** Stops watching the output folders. */
  close(): void;
}

/** `now`: the clock the writer's memo decides a file has settled by (tests move it on). */
export function watchMemo(opened: Cache, now?: () => number): WatchMemo {
  const store = opened.fragments;
  const fragments = store && { ...store, flush: store.endRun };
  const memos = buildMemos(opened.index, now);
  return {
    run: {
      cache: { ...opened, ...(fragments ? { fragments } : {}) },
      build: {
        parse: memos.parse,
        evidence: memos.evidence,
        types: memos.types,
        resolve: memos.resolve,
        reconcile: memos.reconcile,
      },
      output: memos.output,
    },
    prune: () => memos.prune(),
    save: () => {
      store?.save();
      opened.index.save();
    },
    settle: () => memos.output.settle(),
    close: () => memos.output.close(),
  };
}
