// The one writer. It writes only what changed, removes only what it wrote before (the manifest
// says which), leaves everything else where it is, and survives a kill at any point: see
// transaction.ts. One writer per output folder at a time (lock.ts).
import { promises as nodeFs } from "node:fs";
import path from "node:path";
import { diagnostic, StructgenError, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { OutputFile } from "../emit/files.js";
import { asOutputError, displayPath } from "./io-errors.js";
import { acquireLock, type LockOptions } from "./lock.js";
import { MANIFEST } from "./manifest.js";
import { planTree } from "./plan.js";
import type { OutputMemo } from "../cache/outputs.js";
import { commitPlan, recover, type WriterFs } from "./transaction.js";

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
}

export async function writeTree(outDir: string, files: OutputFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const io = options.fs ?? nodeFs;
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
  try {
    release = await acquireLock(outDir, options.lock);
    await recover(outDir, io);
    const plan = await planTree(
      outDir,
      options.corpus ?? path.basename(outDir),
      files,
      { ...(options.inputs ? { inputs: options.inputs } : {}), ...(options.memo ? { memo: options.memo } : {}) },
    );
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
    if (plan.write.length > 0 || plan.remove.length > 0) await commitPlan(outDir, plan, io);
    return {
      written: plan.write.map((w) => w.path).filter((p) => p !== MANIFEST),
      unchanged: plan.unchanged,
      removed: plan.remove,
      diagnostics: plan.foreign.map((f) =>
        diagnostic("OUTPUT_FOREIGN_FILE", { path: displayPath(path.join(outDir, f.path)), reason: f.reason }),
      ),
    };
  } catch (e) {
    // Whatever this run changed goes back (the journal says what); then the error, coded.
    if (release) await recover(outDir, io).catch(() => undefined);
    throw asOutputError(e, outDir);
  } finally {
    await release?.().catch(() => undefined);
    // A folder this run created and left empty (it failed before writing) goes again.
    if (created) await io.rmdir(outDir).catch(() => undefined);
  }
}
