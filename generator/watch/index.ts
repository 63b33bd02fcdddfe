// generate --watch: a first run, then one run per burst of changes to the config, the corpora or
// the evidence (fs.watch: each folder on its own on Linux, else recursive where the platform has it;
// debounced). Runs are incremental: parsed files, evidence and emitted fragments are kept in memory
// between runs, and a burst that leaves every input's digest as it was after a good run does not run
// at all. A failed run is reported and watching goes on; the next change that builds recovers.
import { readdirSync, watch as fsWatch, type FSWatcher } from "node:fs";
import path from "node:path";
import { Calm, EVENTS_COMPLETE, eventsDelivered } from "../cache/calm.js";
import type { HashIndex } from "../cache/hash-index.js";
import { inputsDigest } from "../cache/inputs.js";
import type { CorpusRef } from "../config/corpora.js";
import { findConfig } from "../config/find.js";
import { loadProject, type Project } from "../config/project.js";
import { confirmFresh, corporaOf, generateProject, openCache } from "../run.js";
import type { Cache, CorpusResult, GenerateOptions, Written } from "../run.js";
import { tidied } from "../write/atomic.js";
import { watchMemo, type WatchMemo } from "./memo.js";
import { watchTargets, type Target } from "./targets.js";

/** Quiet time after a run before the fragment packs are written. */
const SAVE_IDLE_MS = 1000;
/** After a run, how often the files it wrote are looked at until each has settled (cache/outputs.ts). */
const SETTLE_MS = 150;
/** Enough looks for whole-second timestamps (2 s); a file someone keeps changing is read by the next run. */
const SETTLE_TRIES = 20;

export type WatchRun = { ok: true; results: CorpusResult[]; ms: number } | { ok: false; error: unknown; ms: number };

export interface WatchOptions extends GenerateOptions {
  /** Quiet time after the last change before a run starts (default 80 ms). */
  debounceMs?: number;
  /**
   * Each run's outcome, as it ends: every output is in place. What is left then is off the run's path:
   * its staging folders are removed (write/atomic.ts tidied() resolves once they are), and its inputs
   * are digested again to record freshness for `check`; the next run starts after both.
   */
  onRun(run: WatchRun): void;
}

export interface Watching {
  /** Stops watching; resolves once a run in progress has finished (no staging folder or lock left). */
  stop(): Promise<void>;
}

/** `dir` and every folder below it. */
function foldersBelow(dir: string): string[] {
  const out = [dir];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isDirectory()) out.push(path.join(e.parentPath, e.name));
  }
  return out;
}

/** `work` with `index` observing (HashIndex observe(), forget()). */
async function observing<T>(index: HashIndex, work: () => Promise<T>): Promise<T> {
  index.observe();
  try {
    return await work();
  } finally {
    index.forget();
  }
}

/** Whether the watchers of `targets`, each a folder on its own, report every change to `file` (calm.ts). */
function coveredBy(targets: readonly Target[]): (file: string) => boolean {
  const folders = new Set(targets.filter((t) => !t.names).map((t) => t.dir));
  const named = new Set(targets.flatMap((t) => [...(t.names ?? [])].map((n) => path.join(t.dir, n))));
  return (file) => named.has(file) || folders.has(path.dirname(file));
}

/**
 * Where events are complete (Linux) each folder is watched on its own. Node's recursive watching there
 * is built in JavaScript from a watcher per file, and a file an editor saved by renaming a new one into
 * place is not watched again: later writes to it went unseen. A folder's own watch names every entry
 * that changes.
 */
const PER_FOLDER = EVENTS_COMPLETE;

/** A target watched whole: each folder below it (and it) on its own; a folder gone meanwhile, none. */
function eachFolder(t: Target): Target[] {
  if (!t.recursive) return [t];
  try {
    return foldersBelow(t.dir).map((dir) => ({ dir, recursive: false }));
  } catch {
    return [];
  }
}

/** A run that wrote its outputs, as confirmFresh takes it. */
interface Ran {
  project: Project;
  corpora: readonly CorpusRef[];
  cache: Cache;
  before: string | undefined;
  written: Written[];
}

export async function watch(options: WatchOptions): Promise<Watching> {
  const debounce = options.debounceMs ?? 80;
  let project: Project | undefined;
  let configChanged = false;
  let cache: { cache: Cache; memo: WatchMemo; dir: string } | undefined;
  let saveTimer: NodeJS.Timeout | undefined;
  let settleTimer: NodeJS.Timeout | undefined;
  let lastGood: string | undefined;
  let watchers: { key: string; handles: FSWatcher[] } = { key: "", handles: [] };
  // The targets the folders were last listed for, and whether an event may have added or removed one.
  let listedFor = "";
  let relist = true;
  // Inputs no event named since they were last looked at (only where inotify reports every change).
  let calm: Calm | undefined;
  /** Runs started since the last file event because the digest after a run differed (a few at most). */
  let rechecks = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let pending = false;
  let stopped = false;

  const configPath = () =>
    typeof options.config === "string"
      ? path.resolve(options.cwd ?? process.cwd(), options.config)
      : options.config === false
        ? undefined
        : findConfig(options.cwd ?? process.cwd());

  // An event about the watched folder itself (gone, moved): nothing is calm, and the next run watches anew.
  const unsettled = () => {
    calm?.stir();
    calm = undefined;
    watchers.key = "";
    relist = true;
  };

  const onEvent = (target: Target) => (event: string, name: string | Buffer | null) => {
    const entry = name === null ? undefined : String(name);
    // An entry created, removed or renamed may be a folder: the next run lists the folders again.
    if (event === "rename") relist = true;
    if (!entry || entry === path.basename(target.dir)) unsettled();
    if (target.names && (entry === undefined || !target.names.has(entry))) return;
    const file = entry === undefined ? target.dir : path.join(target.dir, entry);
    calm?.stir(file);
    rechecks = 0;
    if (file === (project?.file ?? configPath())) configChanged = true;
    schedule();
  };

  const rewatch = (project: Project | undefined, corpora: readonly CorpusRef[]) => {
    const found = watchTargets(project, corpora, configPath());
    const foundKey = JSON.stringify(found.map((t) => [t.dir, t.recursive, [...(t.names ?? [])]]));
    if (foundKey === listedFor && !relist) return;
    relist = false;
    const targets = PER_FOLDER ? found.flatMap(eachFolder) : found;
    listedFor = foundKey;
    const key = JSON.stringify(targets.map((t) => [t.dir, t.recursive, [...(t.names ?? [])]]));
    if (key === watchers.key) return;
    for (const h of watchers.handles) h.close();
    const handles: FSWatcher[] = [];
    // Inputs are trusted calm only where every change is reported, each folder watched on its own.
    let complete = EVENTS_COMPLETE;
    const add = (t: Target) => {
      try {
        const onError = () => {
          unsettled();
          schedule();
        };
        handles.push(fsWatch(t.dir, { recursive: t.recursive, persistent: true }, onEvent(t)).on("error", onError));
      } catch (e) {
        complete = false;
        // Without recursive watching on this platform: each folder on its own (new ones on the next run).
        if ((e as NodeJS.ErrnoException).code === "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM") eachFolder(t).forEach(add);
        // Otherwise a folder that vanished between listing and watching: the next change lists again.
      }
    };
    calm?.stir();
    for (const t of targets) add(t);
    watchers = { key, handles };
    calm = complete ? new Calm(coveredBy(targets)) : undefined;
  };

  // Before a run: calm files from the index alone (confirm's digests after it look at every file).
  const digests = async (p: Project, corpora: readonly CorpusRef[], c: Cache) => {
    await eventsDelivered();
    c.index.calm = calm;
    const all = await Promise.all(corpora.map((corpus) => inputsDigest(p, corpus, c.index, true)));
    return new Map(corpora.map((corpus, i) => [corpus.name, all[i]]));
  };
  const keyOf = (p: Project, corpora: readonly CorpusRef[], digests: ReadonlyMap<string, string | undefined>) => {
    const all = corpora.map((c) => digests.get(c.name));
    return all.includes(undefined) ? undefined : JSON.stringify([p.out, ...corpora.map((c) => c.name), ...all]);
  };

  const run = async (): Promise<void> => {
    const t0 = performance.now();
    const ms = () => Math.round(performance.now() - t0);
    let corpora: CorpusRef[] = [];
    let ran: Ran | undefined;
    try {
      if (!project || configChanged) {
        configChanged = false;
        project = undefined;
        project = await loadProject(options);
      }
      ({ corpora } = await corporaOf(project));
      rewatch(project, corpora);
      const dir = `${project.dir}\0${project.out}`;
      if (!cache || cache.dir !== dir) {
        cache?.memo.save();
        cache?.memo.close();
        const opened = await openCache(project, corpora, options.cache !== false);
        cache = { cache: opened, memo: watchMemo(opened), dir };
      }
      const [p, c] = [project, cache];
      // The run reads each input these digests found unchanged as they saw it (HashIndex seen()).
      const done = await observing(c.cache.index, async () => {
        const inputs = { before: await digests(p, corpora, c.cache), written: [] as Written[] };
        const before = keyOf(p, corpora, inputs.before);
        if (before !== undefined && before === lastGood) return undefined;
        lastGood = undefined;
        // The run takes these digests as its own; the staging folders go once each output stands.
        const results = await generateProject(p, options, { ...c.memo.run, inputs, tidyLater: true });
        return { results, before, written: inputs.written };
      });
      if (!done) return;
      c.memo.prune();
      options.onRun({ ok: true, results: done.results, ms: ms() });
      ran = { project: p, corpora, cache: c.cache, before: done.before, written: done.written };
    } catch (error) {
      // What the failed run trusted is looked at again.
      calm?.stir();
      rewatch(project, corpora);
      options.onRun({ ok: false, error, ms: ms() });
    }
    if (ran) await confirm(ran);
  };

  // Once a run is reported: its inputs digested again. As generate records freshness, only when they
  // were the same before they were read and once the outputs stood; and only then is a burst that
  // leaves them so skipped.
  const confirm = async (r: Ran) => {
    try {
      const after = await confirmFresh(r.project, r.corpora, r.cache, r.written);
      const same = keyOf(r.project, r.corpora, after) === r.before;
      lastGood = r.before !== undefined && same ? r.before : undefined;
      // An input changed since the digests before the run (its event, if one comes, does the same): built
      // again; a few times at most without an event (a digest that never settles is not chased).
      if (r.before !== undefined && !same && rechecks++ < 3) schedule();
    } catch {
      lastGood = undefined;
    }
  };

  const kick = () => {
    timer = undefined;
    if (stopped) return;
    if (running) {
      pending = true;
      return;
    }
    if (saveTimer) clearTimeout(saveTimer);
    if (settleTimer) clearTimeout(settleTimer);
    running = run().finally(() => {
      running = undefined;
      saveLater();
      settleLater();
      if (pending && !stopped) {
        pending = false;
        schedule();
      }
    });
  };

  // The packs let the next process start warm; writing them after each run would cost every rebuild.
  function saveLater(): void {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      if (!running) cache?.memo.save();
    }, SAVE_IDLE_MS);
    saveTimer.unref();
  }

  // Off the next run's path: it finds what this run wrote already checked.
  function settleLater(tries = SETTLE_TRIES): void {
    settleTimer = setTimeout(() => {
      settleTimer = undefined;
      if (!running && !stopped && cache?.memo.settle() && tries > 1) settleLater(tries - 1);
    }, SETTLE_MS);
    settleTimer.unref();
  }

  function schedule(): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(kick, debounce);
  }

  kick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const h of watchers.handles) h.close();
      await running;
      // No staging folder or lock left behind.
      await tidied();
      if (saveTimer) clearTimeout(saveTimer);
      if (settleTimer) clearTimeout(settleTimer);
      cache?.memo.save();
      cache?.memo.close();
    },
  };
}
