// Watch trusts file events: an input or output that a look found as recorded and that no event has
// named since is not looked at again (cache/calm.ts). With real file changes: an output edited (size
// and mtime kept) or removed by someone else between runs is written again, as a cold build would;
// and an input edit no event reports (a write through a hard link outside the watched folders) is
// built by the run after the one that trusted it, once the digest taken after that run differs from
// the one before it.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { linkSync, utimesSync, writeFileSync } from "node:fs";
import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { generate } from "../../generator/run.js";
import { watch, type WatchRun, type Watching } from "../../generator/watch/index.js";
import { tidied } from "../../generator/write/atomic.js";
import { ROOT } from "../cli/helpers.js";
import { treeOf } from "../helpers/tree.js";

const FIXTURE = path.join(ROOT, "test", "fixtures", "reconcile-other");
const tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-calm-files-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// A clock well ahead: every file counts as settled when looked at, so calm from its first look.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + 60_000);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

let n = 0;
/** A watched copy of the fixture; `ran()` resolves with the next run. */
async function session() {
  const base = path.join(tmp, `p${n++}`);
  const dir = path.join(base, "project");
  cpSync(FIXTURE, dir, { recursive: true });
  vi.stubEnv("STRUCTGEN_CACHE_DIR", path.join(base, "cache"));
  const out = path.join(base, "gen");
  const runs: WatchRun[] = [];
  let waiting: ((run: WatchRun) => void) | undefined;
  const ran = () => new Promise<WatchRun>((resolve) => (waiting = resolve));
  const first = ran();
  const watching: Watching = await watch({
    cwd: dir,
    out,
    debounceMs: 20,
    onRun: (run) => {
      runs.push(run);
      waiting?.(run);
    },
  });
  expect((await first).ok).toBe(true);
  const outDir = () => path.join(out, readdirSync(out)[0]!);
  const cold = async () => {
    const coldOut = path.join(base, `cold${n++}`);
    await generate({ cwd: dir, out: coldOut, cache: false });
    return treeOf(path.join(coldOut, readdirSync(coldOut)[0]!));
  };
  const file = (name: string) => path.join(dir, "dynamodb-slice", `dynamodb-${name}-structure.json`);
  return { dir, runs, ran, watching, outDir, cold, file };
}

const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(file, change(readFileSync(file, "utf8")));

describe("watch trusts file events", () => {
  it.runIf(process.platform === "linux")(
    "outputs edited or removed by someone else between runs are written again",
    async () => {
      const s = await session();
      // A run that reads every output (each then calm), then one that trusts them.
      for (const word of ["TableName", "The TableName"]) {
        const next = s.ran();
        edit(s.file("table-name"), (t) => t.replace(`${word} schema`, `The ${word} schema`));
        expect((await next).ok).toBe(true);
      }
      const outDir = s.outDir();
      // Files the next edit does not change, in the output folder and below it.
      for (const edited of [path.join(outDir, "runtime.js"), path.join(outDir, "docs", "types", "Date_.md")]) {
        const was = readFileSync(edited);
        const { atime, mtime } = statSync(edited);
        writeFileSync(edited, Buffer.from(was.toString("latin1").replace(/[a-z]/, "X"), "latin1"));
        utimesSync(edited, atime, mtime);
      }
      rmSync(path.join(outDir, "schema.json"));
      const next = s.ran();
      edit(s.file("table-status"), (t) => t.replace("TableStatus schema", "The TableStatus schema"));
      expect((await next).ok).toBe(true);
      await s.watching.stop();
      expect(treeOf(outDir)).toEqual(await s.cold());
    },
    60_000,
  );

  it.runIf(process.platform === "linux")(
    "an input edit no event reports is built by the next run, once the digest after a run differs",
    async () => {
      const s = await session();
      const file = s.file("table-name");
      // A hard link outside the watched folders: a write through it reaches the file, and no event names it.
      const outside = path.join(tmp, `outside-${n++}.json`);
      linkSync(file, outside);
      let next = s.ran();
      edit(s.file("table-status"), (t) => t.replace("TableStatus schema", "A TableStatus schema"));
      expect((await next).ok).toBe(true);
      // Time for the digest after the run (a missed event is only possible once it has looked).
      await new Promise((resolve) => setTimeout(resolve, 500));
      next = s.ran();
      edit(outside, (t) => t.replace("TableName schema", "Another TableName schema"));
      // A change that is reported starts a run, which may trust the file as it was.
      edit(s.file("table-status"), (t) => t.replace("A TableStatus schema", "The TableStatus schema"));
      const cold = await s.cold();
      const built = () => {
        const tree = treeOf(s.outDir());
        return tree.size === cold.size && [...cold].every(([p, bytes]) => tree.get(p)?.equals(bytes));
      };
      // Runs until the output is what a cold build writes (a run that trusted the old text is followed by one).
      for (;;) {
        expect((await next).ok).toBe(true);
        next = s.ran();
        // Its staging folder gone (tidyLater), the folder holds the output alone.
        await tidied();
        if (built()) break;
      }
      await s.watching.stop();
      expect(treeOf(s.outDir())).toEqual(cold);
    },
    60_000,
  );
});

describe("regression: a write to a file an editor had saved by a rename went unseen", () => {
  // Node's recursive watcher on Linux watches each file, and a file renamed into place is not watched
  // again; watch now watches each folder on its own, which names every entry that changes.
  it("after a rename-save, an in-place write alone starts a run that builds it", async () => {
    const s = await session();
    const file = s.file("table-name");
    let next = s.ran();
    writeFileSync(`${file}.tmp`, readFileSync(file, "utf8").replace("TableName schema", "A TableName schema"));
    renameSync(`${file}.tmp`, file);
    expect((await next).ok).toBe(true);
    await tidied();
    next = s.ran();
    edit(file, (t) => t.replace("A TableName schema", "Another TableName schema"));
    expect((await next).ok).toBe(true);
    await tidied();
    await s.watching.stop();
    expect(treeOf(s.outDir())).toEqual(await s.cold());
  }, 60_000);

  it("a folder made after watching began is watched from the run its creation starts", async () => {
    const s = await session();
    const folder = path.join(s.dir, "dynamodb-slice", "more");
    let next = s.ran();
    mkdirSync(folder);
    cpSync(s.file("table-name"), path.join(folder, "copy.json"));
    expect((await next).ok).toBe(false); // the same type twice: an error, and watching goes on
    next = s.ran();
    edit(path.join(folder, "copy.json"), (t) => t.replace(/"TableName"/g, '"OtherTableName"'));
    expect((await next).ok).toBe(true);
    await tidied();
    await s.watching.stop();
    expect(treeOf(s.outDir())).toEqual(await s.cold());
  }, 60_000);
});
