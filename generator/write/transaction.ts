// Carrying a plan out so that a kill at any point costs nothing. New contents are staged in
// <out>/.structgen-tmp-<pid>/new; a journal names every change before the first one is made;
// each replaced or removed file is kept in …/old until the run commits. recover() rolls an
// uncommitted run back to exactly the previous output; every writer runs it first, under the lock.
import { promises as nodeFs } from "node:fs";
import path from "node:path";
import { inLanes } from "../lanes.js";
import { pidAlive } from "./lock.js";
import { STAGE_PREFIX, type Plan } from "./plan.js";

/** The file-system calls the writer makes: tests inject failures here (ENOSPC, EFBIG, …). */
export type WriterFs = Pick<
  typeof nodeFs,
  "writeFile" | "rename" | "link" | "copyFile" | "mkdir" | "rm" | "rmdir" | "unlink" | "readFile" | "readdir" | "lstat"
>;

interface Journal {
  format: 1;
  /** In order; `existed`: a previous file was replaced (kept in old/). */
  writes: { path: string; existed: boolean }[];
  removes: string[];
  /** Folders the run creates, parents first. */
  created: string[];
}

const JOURNAL = "journal.json";
const COMMITTED = "committed";
const native = (p: string) => p.split("/").join(path.sep);
const exists = (io: WriterFs, p: string) =>
  io.lstat(p).then(
    () => true,
    () => false,
  );

export function stageDir(outDir: string): string {
  return path.join(outDir, `${STAGE_PREFIX}${process.pid}`);
}

/** Where a file's new content is staged. */
export const stagedPath = (outDir: string, p: string): string => path.join(stageDir(outDir), "new", native(p));

/**
 * Writes one file's new content under the staging folder (not yet part of the output). `made`: the
 * staging folders made (or being made) by this run, so each is made once however many lanes write.
 */
export async function stageFile(
  outDir: string,
  p: string,
  content: Buffer,
  io: WriterFs = nodeFs,
  made = new Map<string, Promise<unknown>>(),
): Promise<void> {
  const staged = stagedPath(outDir, p);
  const dir = path.dirname(staged);
  let making = made.get(dir);
  if (!making) made.set(dir, (making = io.mkdir(dir, { recursive: true })));
  await making;
  await io.writeFile(staged, content).catch((e: unknown) => {
    // write(2) errors (ENOSPC, EFBIG) carry no path: name the file for the message.
    if (e instanceof Error && (e as NodeJS.ErrnoException).path === undefined)
      (e as NodeJS.ErrnoException).path = staged;
    throw e;
  });
}

/** Removes a committed run's staging folder; `io`: the calls to make (the writer's, or libuv's threads'). */
export type Tidy = (io: WriterFs) => Promise<void>;

/**
 * Carries a plan out. Writes with content are staged here; the others were staged before (stageFile),
 * and `staged` says so, keeping the staging folder this run filled. The staging folder is removed
 * before it returns, unless `tidyLater`: then the caller removes it with the function returned (the
 * new output stands either way; until then the folder is what a committed run leaves, see recover()).
 */
export async function commitPlan(
  outDir: string,
  plan: Plan,
  io: WriterFs = nodeFs,
  staged = false,
  tidyLater = false,
): Promise<Tidy> {
  const stage = stageDir(outDir);
  if (!staged) await io.rm(stage, { recursive: true, force: true });
  const newPath = (p: string) => path.join(stage, "new", native(p));
  const made = new Map<string, Promise<unknown>>();
  // Folders first, one by one (as before staging moved into stageFile): the calls come in a fixed order.
  for (const w of plan.write.filter((x) => x.content !== undefined)) {
    const dir = path.dirname(newPath(w.path));
    if (made.has(dir)) continue;
    await io.mkdir(dir, { recursive: true });
    made.set(dir, Promise.resolve());
  }
  await inLanes(
    plan.write.filter((w) => w.content !== undefined),
    (w) => stageFile(outDir, w.path, w.content!, io, made),
  );
  const journal: Journal = {
    format: 1,
    writes: plan.write.map((w) => ({ path: w.path, existed: w.existed })),
    removes: plan.remove,
    created: [],
  };
  for (const dir of new Set(plan.write.flatMap((w) => ancestors(w.path)))) {
    if (!(await exists(io, path.join(outDir, native(dir))))) journal.created.push(dir);
  }
  // The journal appears whole (renamed into place) before the output is touched.
  await io.writeFile(path.join(stage, `${JOURNAL}.tmp`), JSON.stringify(journal));
  await io.rename(path.join(stage, `${JOURNAL}.tmp`), path.join(stage, JOURNAL));

  for (const dir of journal.created) await io.mkdir(path.join(outDir, native(dir)), { recursive: true });
  const oldFolders = new Map<string, Promise<unknown>>();
  await inLanes(plan.write, async (w) => {
    const target = path.join(outDir, native(w.path));
    if (w.existed) await keep(io, target, path.join(stage, "old", native(w.path)), oldFolders);
    await io.rename(newPath(w.path), target);
  });
  for (const p of plan.remove) {
    const old = path.join(stage, "old", native(p));
    await io.mkdir(path.dirname(old), { recursive: true });
    await io.rename(path.join(outDir, native(p)), old);
  }
  // The commit point: from here the new output stands, and cleaning up may fail harmlessly
  // (recover() finishes it; check reports what is left until then).
  await io.writeFile(path.join(stage, COMMITTED), "");
  // Folders emptied by removals go too (a folder holding anything else stays).
  const emptied = [...new Set(plan.remove.flatMap((p) => ancestors(p)))].sort((a, b) => b.length - a.length);
  for (const dir of emptied) await io.rmdir(path.join(outDir, native(dir))).catch(() => undefined);
  // What the staging folder holds now: the replaced and removed files kept in old/, the folders made
  // for them and for the staged files (all renamed out of new/), the journal and the commit mark.
  const kept = [...plan.write.filter((w) => w.existed).map((w) => w.path), ...plan.remove];
  const folders = new Set<string>();
  for (const p of kept) for (const d of ancestors(p)) folders.add(`old/${d}`);
  for (const w of plan.write) for (const d of ancestors(w.path)) folders.add(`new/${d}`);
  if (kept.length > 0) folders.add("old");
  if (plan.write.length > 0) folders.add("new");
  const contents = {
    files: kept.map((p) => `old/${p}`),
    folders: [...folders].sort((a, b) => b.split("/").length - a.split("/").length),
  };
  const tidy: Tidy = (calls) => removeStage(stage, calls, contents).catch(() => undefined);
  if (!tidyLater) await tidy(io);
  return tidy;
}

/** A removal that finds nothing to remove is done. */
const unlessGone = (removal: Promise<unknown>): Promise<unknown> =>
  removal.catch((e: NodeJS.ErrnoException) => {
    if (e.code !== "ENOENT") throw e;
  });

/**
 * Removes a staging folder. The journal goes first: from then on no recovery rolls anything back,
 * whatever else is left, so the rest may go in any order (a kill between removing the commit mark and
 * the kept files would otherwise roll a committed run back in part). `contents` ('/'-separated, below
 * the folder): what it is known to hold, each removed with one call; anything else there, or any
 * failure, and the folder is removed whole.
 */
async function removeStage(
  stage: string,
  io: WriterFs,
  contents?: { files: readonly string[]; folders: readonly string[] },
): Promise<void> {
  await unlessGone(io.unlink(path.join(stage, JOURNAL)));
  if (contents) {
    try {
      for (const f of contents.files) await unlessGone(io.unlink(path.join(stage, native(f))));
      for (const d of contents.folders) await unlessGone(io.rmdir(path.join(stage, native(d))));
      await unlessGone(io.unlink(path.join(stage, COMMITTED)));
      await unlessGone(io.rmdir(stage));
      return;
    } catch {
      // Something else is there (or a call failed): the whole folder, as below.
    }
  }
  await io.rm(stage, { recursive: true, force: true });
}

/**
 * A copy of the file about to be replaced, sharing its inode where the file system allows. `made`: the
 * folders of old/ made (or being made), each once.
 */
async function keep(io: WriterFs, file: string, to: string, made: Map<string, Promise<unknown>>): Promise<void> {
  const dir = path.dirname(to);
  let making = made.get(dir);
  if (!making) made.set(dir, (making = io.mkdir(dir, { recursive: true })));
  await making;
  try {
    await io.link(file, to);
  } catch {
    await io.copyFile(file, to);
  }
}

/** "a/b/c.md" → ["a", "a/b"]. */
function ancestors(p: string): string[] {
  const parts = p.split("/");
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join("/"));
}

/**
 * Undoes what interrupted runs left: an uncommitted run is rolled back to the previous output, a
 * committed one's staging folder removed. Also repairs the old whole-folder writer's leftovers.
 * Call it holding the output folder's lock.
 */
export async function recover(outDir: string, io: WriterFs = nodeFs): Promise<void> {
  await recoverLegacy(outDir, io);
  const entries = await io.readdir(outDir).catch(() => [] as string[]);
  for (const name of entries.filter((n) => n.startsWith(STAGE_PREFIX)).sort()) {
    const stage = path.join(outDir, name);
    if (!(await exists(io, path.join(stage, COMMITTED)))) {
      const journal = await io.readFile(path.join(stage, JOURNAL), "utf8").then(
        (t) => JSON.parse(t) as Journal,
        () => undefined,
      );
      if (journal) await rollBack(outDir, stage, journal, io);
    }
    await removeStage(stage, io);
  }
}

async function rollBack(outDir: string, stage: string, journal: Journal, io: WriterFs): Promise<void> {
  for (const w of [...journal.writes].reverse()) {
    const target = path.join(outDir, native(w.path));
    const old = path.join(stage, "old", native(w.path));
    if (await exists(io, old)) await io.rename(old, target);
    else if (!w.existed) await io.rm(target, { force: true });
  }
  for (const p of journal.removes) {
    const old = path.join(stage, "old", native(p));
    if (await exists(io, old)) await io.rename(old, path.join(outDir, native(p)));
  }
  // A folder the run created goes again; one that is gone, or that holds a file of the user's, is
  // fine. Any other failure stops here, so the journal stays for the next recovery.
  for (const dir of [...journal.created].reverse()) {
    await io.rmdir(path.join(outDir, native(dir))).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "ENOENT" && e.code !== "ENOTEMPTY" && e.code !== "EEXIST") throw e;
    });
  }
}

/** The previous writer swapped whole folders: <out>.structgen-old and <out>.structgen-tmp-<pid>. */
async function recoverLegacy(outDir: string, io: WriterFs): Promise<void> {
  const old = `${outDir}.structgen-old`;
  if (await exists(io, old)) {
    if (await exists(io, outDir)) await io.rm(old, { recursive: true, force: true });
    else await io.rename(old, outDir);
  }
  const prefix = `${path.basename(outDir)}.structgen-tmp-`;
  for (const name of await io.readdir(path.dirname(outDir)).catch(() => [] as string[])) {
    // Only a dead run's folder: a live old-style writer still needs its own.
    const pid = Number(name.slice(prefix.length));
    if (name.startsWith(prefix) && !(Number.isInteger(pid) && pid > 0 && pidAlive(pid))) {
      await io.rm(path.join(path.dirname(outDir), name), { recursive: true, force: true });
    }
  }
}
