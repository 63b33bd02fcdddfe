// Watch writes its cache (fragment packs and the hash index) when idle, not after every run; a run
// without a long-lived caller's cache (the CLI's generate) writes its hash index as it ends.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { projectCorpora } from "../../generator/config/corpora.js";
import { loadProject } from "../../generator/config/project.js";
import { generate, openCache } from "../../generator/run.js";
import { watchMemo } from "../../generator/watch/memo.js";
import { ROOT } from "../cli/helpers.js";

const FIXTURE = path.join(ROOT, "test", "fixtures", "reconcile-other");
const tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-memo-save-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const indexLines = (cache: string): string[] => {
  const dir = path.join(cache, "hashes");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => readFileSync(path.join(dir, f), "utf8").split("\n").slice(1, -1));
};

describe("saving the cache", () => {
  it("watch writes the hash index when idle (save), not as each run ends", async () => {
    const dir = path.join(tmp, "watch", "project");
    cpSync(FIXTURE, dir, { recursive: true });
    const cache = path.join(tmp, "watch", "cache");
    vi.stubEnv("STRUCTGEN_CACHE_DIR", cache);
    const options = { cwd: dir, out: path.join(tmp, "watch", "gen"), quiet: true };
    const project = await loadProject(options);
    const memo = watchMemo(await openCache(project, await projectCorpora(project), true));
    await generate(options, memo.run);
    memo.prune();
    expect(indexLines(cache)).toEqual([]);
    memo.save();
    // Each output the run put in place is recorded as it left it.
    expect(indexLines(cache).filter((l) => l.startsWith("~")).length).toBeGreaterThan(0);
  });

  it("a run that opened its own cache writes the hash index as it ends", async () => {
    const dir = path.join(tmp, "cli", "project");
    cpSync(FIXTURE, dir, { recursive: true });
    const cache = path.join(tmp, "cli", "cache");
    vi.stubEnv("STRUCTGEN_CACHE_DIR", cache);
    await generate({ cwd: dir, out: path.join(tmp, "cli", "gen"), quiet: true });
    expect(indexLines(cache).filter((l) => l.startsWith("~")).length).toBeGreaterThan(0);
  });
});
