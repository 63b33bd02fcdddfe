// The writer's use of the cache's hash index, which outlives a process: an output whose status is
// the one recorded with its sha-256 is not read; anything else is read and compared. A rebuild in a
// new process after an edit, or after someone else changed an output (size and mtime kept), writes
// what a cold build writes.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { HashIndex } from "../../generator/cache/hash-index.js";
import { sha256 } from "../../generator/cache/hash.js";
import { generate } from "../../generator/run.js";
import { ROOT } from "../cli/helpers.js";
import { treeOf } from "../helpers/tree.js";

const FIXTURE = path.join(ROOT, "test", "fixtures", "reconcile-other");
let tmp: string;
beforeAll(() => {
  tmp = path.join(os.tmpdir(), `structgen-writer-index-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

/** Every index file's entries that are still right (status and sha-256 of the file as it is now). */
function indexedOutputs(cache: string, out: string): string[] {
  const dir = path.join(cache, "hashes");
  const found: string[] = [];
  for (const f of readdirSync(dir)) {
    const index = HashIndex.open(path.join(dir, f));
    for (const [rel, bytes] of treeOf(out)) {
      const file = path.join(out, rel);
      if (index.known(file, false) === sha256(bytes)) found.push(rel);
    }
  }
  return found;
}

describe("the writer with the hash index", () => {
  it("records settled outputs, and a later process writes what a cold build writes", async () => {
    const dir = path.join(tmp, "project");
    cpSync(FIXTURE, dir, { recursive: true });
    const out = path.join(tmp, "gen");
    const cache = path.join(tmp, "cache");
    vi.stubEnv("STRUCTGEN_CACHE_DIR", cache);
    const run = () => generate({ cwd: dir, out, quiet: true });
    const cold = async (name: string) => {
      const coldOut = path.join(tmp, name);
      await generate({ cwd: dir, out: coldOut, cache: false });
      return treeOf(coldOut);
    };
    await run();
    // Later: every output has settled, so what the writer reads and finds right is recorded.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 60_000 });
    const [again] = await run();
    expect(again!.written).toBe(0);
    const corpusOut = path.join(out, "dynamodb-slice");
    const recorded = indexedOutputs(cache, corpusOut);
    expect(recorded).toContain("types.ts");

    // An edit: the outputs it changes are written, by the index's word or by reading them.
    const schema = path.join(dir, "dynamodb-slice", "dynamodb-table-name-structure.json");
    writeFileSync(schema, readFileSync(schema, "utf8").replace("TableName schema", "The TableName schema"));
    vi.setSystemTime(Date.now() + 60_000);
    const [edited] = await run();
    expect(edited!.written).toBeGreaterThan(0);
    expect(treeOf(out)).toEqual(await cold("cold-1"));

    // Someone else changes a recorded output, keeping its size and mtime: its ctime gives it away.
    vi.setSystemTime(Date.now() + 60_000);
    await run();
    const target = path.join(corpusOut, "types.ts");
    expect(indexedOutputs(cache, corpusOut)).toContain("types.ts");
    const was = readFileSync(target);
    const { atime, mtime } = statSync(target);
    writeFileSync(target, Buffer.from(was.toString("latin1").replace("export", "EXPORT"), "latin1"));
    utimesSync(target, atime, mtime);
    expect(statSync(target).size).toBe(was.length);
    await run();
    expect(readFileSync(target)).toEqual(was);
    expect(treeOf(out)).toEqual(await cold("cold-2"));
    vi.unstubAllEnvs();
  });

  it("outputs it wrote are recorded as left, and a later process writes what a cold build writes", async () => {
    const dir = path.join(tmp, "placed-project");
    cpSync(FIXTURE, dir, { recursive: true });
    const out = path.join(tmp, "placed-gen");
    const cache = path.join(tmp, "placed-cache");
    vi.stubEnv("STRUCTGEN_CACHE_DIR", cache);
    const run = () => generate({ cwd: dir, out, quiet: true });
    const schema = path.join(dir, "dynamodb-slice", "dynamodb-table-name-structure.json");
    const edit = (to: string) =>
      writeFileSync(schema, readFileSync(schema, "utf8").replace(/(The )*TableName schema/, to));
    const target = path.join(out, "dynamodb-slice", "types.ts");
    await run();
    edit("The TableName schema");
    const [edited] = await run();
    expect(edited!.written).toBeGreaterThan(0);
    const lines = readdirSync(path.join(cache, "hashes")).flatMap((f) =>
      readFileSync(path.join(cache, "hashes", f), "utf8").split("\n"),
    );
    expect(lines.some((l) => l.startsWith("~") && l.endsWith(target))).toBe(true);
    // Someone else changes it after: its status moved on, so it is read and written back.
    const was = readFileSync(target);
    writeFileSync(target, Buffer.from(was.toString("latin1").replace("export", "EXPORT"), "latin1"));
    const [again] = await run();
    expect(again!.written).toBe(1);
    expect(readFileSync(target)).toEqual(was);
    // Edited again: the outputs as left are written over, and equal a cold build's.
    edit("The The TableName schema");
    await run();
    const coldOut = path.join(tmp, "placed-cold");
    await generate({ cwd: dir, out: coldOut, cache: false });
    expect(treeOf(out)).toEqual(treeOf(coldOut));
    vi.unstubAllEnvs();
  });
});
