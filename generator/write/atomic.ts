// The one writer. It writes only what changed, removes only what it wrote before (the manifest
// says which), leaves everything else where it is, and survives a kill at any point: see
// transaction.ts. One writer per output folder at a time (lock.ts).
import { promises as fs } from "node:fs";
import path from "node:path";
import { diagnostic, StructgenError, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { OutputFile } from "../emit/files.js";
import type { Text } from "../joined.js";
import { asOutputError, displayPath } from "./io-errors.js";
import { acquireLock, type LockOptions } from "./lock.js";
import { MANIFEST } from "./manifest.js";
import { inLanes } from "../lanes.js";
import { Planner } from "./plan.js";
import type { OutputMemo } from "../cache/outputs.js";
import { syncFs } from "./sync-fs.js";
import type { HashIndex } from "../cache/hash-index.js";
import { LaterStager } from "./stage-later.js";
import { LARGE } from "./stage-worker.js";
import { commitPlan, recover, stageFile, type Tidy, type WriterFs } from "./transaction.js";

export { recover } from "./transaction.js";

export interface WriteOptions {
  /** The corpus name (for the banner that marks older output as structgen's); default: the folder's name. */
  corpus?: string;
  /** The inputs digest to record in the manifest (the cache's). */
  inputs?: string;
  lock?: LockOptions;
  /** The file-system calls to make (tests inject failures). */
  fs?: WriterFs;
  /** What earlier runs of this process saw in the folder (watch mode; cache/outputs.ts). */
  memo?: OutputMemo;
  /** Output hashes by file status, kept between processes (the cache's index). */
  index?: HashIndex;
  /** New files are opened on libuv's threads while emitting goes on (stage-later.ts); not with `fs`. */
  later?: boolean;
  /**
   * commit() returns once the new output stands (watch): the staging folder is removed and the lock
   * released on libuv's threads afterwards. The next openTree of the folder waits for that, and so
   * does `tidied()`. Not with `fs`.
   */
  tidyLater?: boolean;
}

/** Output folders whose committed staging folder is being removed (tidyLater), by folder. */
const tidying = new Map<string, Promise<void>>();

/** Resolves once every staging folder left to remove after a commit (tidyLater) is gone, and its lock released. */
export async function tidied(): Promise<void> {
  while (tidying.size > 0) await Promise.all(tidying.values());
}

export interface WriteResult {
  /** Files created or replaced ('/'-separated, sorted; the manifest is not counted). */
  written: string[];
  /** Files whose bytes were already right: not touched (same inode, same mtime). */
  unchanged: string[];
  /** Files structgen wrote before and no longer produces. */
  removed: string[];
  /** Warnings naming what structgen did not write and left in place. */
  diagnostics: Diagnostic[];
  /** The sha-256 of the manifest now in place. */
  manifest: string;
}

/**
 * An output folder being written: files are staged as they are emitted (add), and the output changes
 * only at commit. Until then the folder holds just this run's staging folder, which abort (or the next
 * run's recover) removes. A failed add or commit cleans up itself and throws the error, coded.
 */
export interface TreeWriter {
  /** Stages the files that differ from the folder; keeps only their paths and hashes. */
  add(files: readonly OutputFile[]): Promise<void>;
  commit(): Promise<WriteResult>;
  /** Drops what was staged and releases the folder (another corpus failed, say). */
  abort(): Promise<void>;
}

export async function writeTree(outDir: string, files: OutputFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const writer = await openTree(outDir, options);
  await writer.add(files);
  return writer.commit();
}

/** Takes the folder's lock, finishes what an interrupted run left, and reads the folder to plan against. */
export async function openTree(outDir: string, options: WriteOptions = {}): Promise<TreeWriter> {
  const io = options.fs ?? syncFs;
  // This process's last run into the folder may still be removing its staging folder (same name).
  await tidying.get(path.resolve(outDir));
  let created = false;
  try {
    created = await io.lstat(outDir).then(
      () => false,
      () => true,
    );
    await io.mkdir(outDir, { recursive: true });
  } catch (e) {
    throw asOutputError(e, outDir);
  }
  let release: (() => Promise<void>) | undefined;
  let closed = false;
  const later = options.later && !options.fs ? new LaterStager(outDir) : undefined;
  const letGo = async () => {
    await release?.().catch(() => undefined);
    // A folder this run created and left empty (it failed before writing) goes again.
    if (created) await io.rmdir(outDir).catch(() => undefined);
  };
  /** `tidy`: a committed run's staging folder, removed on libuv's threads before the lock is released. */
  const close = async (failed: boolean, tidy?: Tidy) => {
    if (closed) return;
    closed = true;
    // Nothing may still be writing into the staging folder when it is cleaned up.
    if (failed) await later?.settle().catch(() => undefined);
    // Whatever this run staged or changed goes back (the journal says what).
    if (failed && release) await recover(outDir, io).catch(() => undefined);
    if (tidy === undefined) return letGo();
    const key = path.resolve(outDir);
    const done: Promise<void> = tidy(fs)
      .then(letGo)
      .finally(() => {
        if (tidying.get(key) === done) tidying.delete(key);
      });
    tidying.set(key, done);
  };
  const failing = async (e: unknown): Promise<never> => {
    await close(true);
    throw asOutputError(e, outDir);
  };
  let planner: Planner;
  try {
    release = await acquireLock(outDir, options.lock);
    await recover(outDir, io);
    planner = await Planner.open(outDir, options.corpus ?? path.basename(outDir), options.memo, options.index);
  } catch (e) {
    return failing(e);
  }
  const made = new Map<string, Promise<unknown>>();
  let staged = false;
  return {
    async add(files) {
      if (closed) throw new Error("the output folder was already committed or aborted");
      try {
        // A few at a time: each file's bytes live only while it is compared and staged. Those the
        // memo knows unchanged first, with no promise each. With a memo, a file's text may be its
        // parts (OutputFile.joined), the same object while unchanged: not joined unless needed.
        const memo = options.memo;
        const given = (f: OutputFile): Text => (memo && f.joined) || f.content;
        const rest = memo ? files.filter((f) => !planner.addKnown(f.path, given(f))) : files;
        await inLanes(rest, async (f) => {
          const text = given(f);
          let content: Buffer | undefined;
          const bytes = () => (content ??= Buffer.from(f.content, "utf8"));
          // Watch: a large new text is hashed as it is staged, on the worker thread (stage-worker.ts).
          const large = later !== undefined && memo !== undefined && (typeof text !== "string" || text.length >= LARGE);
          if ((await planner.add(f.path, bytes, text, large)) !== "write") return;
          staged = true;
          const file = planner.fileOf(f.path);
          if (later && planner.awaitsSha(f.path)) {
            const { sha } = await later.stageHashed(f.path, text);
            planner.shaLater(f.path, sha);
            sha.then((v) => memo?.learnSha(file, text, v)).catch(() => undefined);
          } else if (later) await later.stage(f.path, f.content);
          else await stageFile(outDir, f.path, bytes(), io, made);
          memo?.wrote(file, text);
        });
        await later?.breathe();
      } catch (e) {
        await failing(e);
      }
    },
    async commit() {
      if (closed) throw new Error("the output folder was already committed or aborted");
      try {
        await later?.settle();
        const plan = await planner.finish(options.inputs ? { inputs: options.inputs } : {});
        if (plan.conflicts.length > 0) {
          throw new StructgenError(
            plan.conflicts.map((c) =>
              diagnostic("OUTPUT_PATH_TAKEN", {
                path: displayPath(path.join(outDir, c.path)),
                what: c.what,
                target: c.target,
              }),
            ),
          );
        }
        const background = options.tidyLater === true && !options.fs;
        const tidy =
          plan.write.length > 0 || plan.remove.length > 0
            ? await commitPlan(outDir, plan, io, staged, background)
            : undefined;
        for (const w of plan.write) {
          if (w.path === MANIFEST) continue;
          const file = planner.fileOf(w.path);
          options.memo?.placed(file);
          // The next process writes it over unread when its text changes again (hash-index.ts stale()).
          options.index?.placed(file, planner.shaOf(w.path)!);
        }
        // The new output stands: with tidyLater, what is left is clean-up, off this run's path.
        await close(false, background ? tidy : undefined);
        return {
          written: plan.write.map((w) => w.path).filter((p) => p !== MANIFEST),
          unchanged: plan.unchanged,
          removed: plan.remove,
          manifest: plan.manifest!,
          diagnostics: plan.foreign.map((f) =>
            diagnostic("OUTPUT_FOREIGN_FILE", { path: displayPath(path.join(outDir, f.path)), reason: f.reason }),
          ),
        };
      } catch (e) {
        return failing(e);
      }
    },
    abort: () => close(true),
  };
}
