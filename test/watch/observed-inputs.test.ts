// In watch, a run reads each input the digests just before it found settled and unchanged as those
// digests saw it (HashIndex observe(), seen()), without looking at the file again. An input changed
// between the digest and the run is then built as it was: no freshness is recorded for that run (the
// digest taken after it differs), and the next run builds the change, as a cold build does.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { projectCorpora } from "../../generator/config/corpora.js";
import { loadProject } from "../../generator/config/project.js";
import { freshFromHashes } from "../../generator/cache/fresh.js";
import { inputsDigest } from "../../generator/cache/inputs.js";
import { confirmFresh, generate, generateProject, openCache, type Written } from "../../generator/run.js";
import { watchMemo } from "../../generator/watch/memo.js";
import { tidied } from "../../generator/write/atomic.js";
import { ROOT } from "../cli/helpers.js";
import { treeOf } from "../helpers/tree.js";

const FIXTURE = path.join(ROOT, "test", "fixtures", "reconcile-other");
let tmp: string;
beforeAll(() => {
  tmp = path.join(os.tmpdir(), `structgen-observed-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe("inputs as the digest before the run saw them", () => {
  it("an input changed between the digest and the run: built as it was, no freshness; the next run builds it", async () => {
    const dir = path.join(tmp, "project");
    cpSync(FIXTURE, dir, { recursive: true });
    const cacheDir = path.join(tmp, "cache");
    vi.stubEnv("STRUCTGEN_CACHE_DIR", cacheDir);
    const out = path.join(tmp, "gen");
    const project = await loadProject({ cwd: dir, out, quiet: true });
    const corpora = await projectCorpora(project);
    const cache = await openCache(project, corpora, true);
    const memo = watchMemo(cache);
    // A clock well ahead: every input counts as settled when the digests look at it.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 60_000);
    /** A watch run: digests (observing), the run, then the digests again and freshness. */
    const run = async (between?: () => void) => {
      cache.index.observe();
      const before = new Map(
        await Promise.all(corpora.map(async (c) => [c.name, await inputsDigest(project, c, cache.index)] as const)),
      );
      between?.();
      const inputs = { before, written: [] as Written[] };
      try {
        await generateProject(project, {}, { ...memo.run, inputs, tidyLater: true });
      } finally {
        cache.index.forget();
      }
      memo.prune();
      await tidied();
      const after = await confirmFresh(project, corpora, cache, inputs.written);
      return { before, after };
    };
    await run();
    const [c] = corpora;
    const outDir = path.join(out, c!.name);
    const built = treeOf(outDir);

    const edited = path.join(dir, "dynamodb-slice", "dynamodb-table-name-structure.json");
    const first = await run(() =>
      writeFileSync(edited, readFileSync(edited, "utf8").replace("TableName schema", "The TableName schema")),
    );
    // Built as the digest saw the file: the output did not change, and nothing is proven fresh.
    expect(treeOf(outDir)).toEqual(built);
    expect(first.after.get(c!.name)).not.toBe(first.before.get(c!.name));
    const now = await inputsDigest(project, c!, cache.index);
    expect(await freshFromHashes(cacheDir, outDir, c!.name, now!, cache.index)).toBeUndefined();

    // The next run (the change's own event) builds it: what a cold build writes, and fresh.
    const second = await run();
    expect(second.after.get(c!.name)).toBe(second.before.get(c!.name));
    vi.useRealTimers();
    const cold = path.join(tmp, "cold");
    await generate({ cwd: dir, out: cold, cache: false });
    expect(treeOf(outDir)).toEqual(treeOf(path.join(cold, c!.name)));
    expect(treeOf(outDir)).not.toEqual(built);
    const digest = await inputsDigest(project, c!, cache.index);
    expect((await freshFromHashes(cacheDir, outDir, c!.name, digest!, cache.index))?.differences).toEqual([]);
  }, 60_000);
});
