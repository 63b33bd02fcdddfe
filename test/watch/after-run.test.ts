// What watch does once a run is reported, off the run's path: the run's staging folder is removed (the
// output already stands), and the inputs are digested again to record freshness for `check`. stop()
// waits for both, so nothing is left behind and `check` answers from hashes.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { freshFromHashes } from "../../generator/cache/fresh.js";
import { HashIndex } from "../../generator/cache/hash-index.js";
import { inputsDigest } from "../../generator/cache/inputs.js";
import { projectCorpora } from "../../generator/config/corpora.js";
import { loadProject } from "../../generator/config/project.js";
import { generate } from "../../generator/run.js";
import { watch, type WatchRun } from "../../generator/watch/index.js";
import { tidied } from "../../generator/write/atomic.js";
import { ROOT } from "../cli/helpers.js";
import { treeOf } from "../helpers/tree.js";

const FIXTURE = path.join(ROOT, "test", "fixtures", "reconcile-other");
const tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-after-run-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

/** structgen's own entries in a folder, but for the manifest (a staging folder, a lock). */
const own = (dir: string) =>
  readdirSync(dir).filter((f) => f.startsWith(".structgen-") && f !== ".structgen-manifest.json");

describe("after a watch run", () => {
  it("the staging folder goes, the inputs are confirmed unchanged, and check answers from hashes", async () => {
    const dir = path.join(tmp, "p", "project");
    cpSync(FIXTURE, dir, { recursive: true });
    const cache = path.join(tmp, "p", "cache");
    vi.stubEnv("STRUCTGEN_CACHE_DIR", cache);
    const out = path.join(tmp, "p", "gen");
    const runs: WatchRun[] = [];
    let next: () => void = () => undefined;
    const ran = () => new Promise<void>((resolve) => (next = resolve));
    let first = ran();
    const watching = await watch({
      cwd: dir,
      out,
      debounceMs: 20,
      onRun: (run) => {
        runs.push(run);
        next();
      },
    });
    await first;
    const [corpus] = readdirSync(out);
    const outDir = path.join(out, corpus!);
    // The run's staging folder goes just after it reports (with the lock).
    await tidied();
    expect(own(outDir)).toEqual([]);

    // An edit: a second run, whose output is what a cold build writes.
    const edited = path.join(dir, "dynamodb-slice", "dynamodb-table-description-structure.json");
    first = ran();
    writeFileSync(edited, readFileSync(edited, "utf8").replace(/"description": "/, '"description": "Edited. '));
    await first;
    await watching.stop();
    expect(runs.map((r) => r.ok)).toEqual([true, true]);
    expect(own(outDir)).toEqual([]);
    const cold = path.join(tmp, "p", "cold");
    await generate({ cwd: dir, out: cold, cache: false });
    expect(treeOf(outDir)).toEqual(treeOf(path.join(cold, corpus!)));

    // Freshness was recorded for the second run's inputs, once its output stood.
    const project = await loadProject({ cwd: dir, out });
    const [c] = await projectCorpora(project);
    const index = HashIndex.open();
    const digest = await inputsDigest(project, c!, index);
    const proven = await freshFromHashes(cache, outDir, c!.name, digest!, index);
    expect(proven?.differences).toEqual([]);
  }, 60_000);
});
