// One writer per output folder: concurrent writers wait for each other instead of deleting each
// other's staging files (issue #13 item 11); a lock whose process is gone is taken over.
import { spawn, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTree } from "../../generator/write/atomic.js";
import { acquireLock, LOCK } from "../../generator/write/lock.js";
import { cliAsync, ensureBuilt, ROOT } from "../hostile/helpers.js";
import { file, snapshot } from "./helpers.js";

let root: string;
let n = 0;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "structgen-lock-"));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const folder = async () => {
  const dir = path.join(root, `l${n++}`, "shop");
  await fs.mkdir(dir, { recursive: true });
  return dir;
};
const many = (tag: string) => Array.from({ length: 40 }, (_, i) => file(`docs/types/T${i}.md`, `# T${i} ${tag}\n`));
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

/** Another process holding the lock of `dir` for `ms`; resolves once it holds it. */
async function holdLock(dir: string, ms: number): Promise<{ done: Promise<number | null> }> {
  const lockModule = pathToFileURL(path.join(ROOT, "dist", "write", "lock.js")).href;
  const script = `const { acquireLock } = await import(${JSON.stringify(lockModule)});
const release = await acquireLock(${JSON.stringify(dir)});
console.log("held");
setTimeout(async () => { await release(); process.exit(0); }, ${ms});`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  return { done: new Promise((resolve) => child.on("close", resolve)) };
}

describe("the output folder's lock", () => {
  it("regression: two concurrent writers do not delete each other's temp files; both finish, one after the other", async () => {
    const out = await folder();
    // Writer A is slow (each file-system call waits), so B starts while A is staging.
    const slow = {
      ...fs,
      writeFile: async (...a: Parameters<typeof fs.writeFile>) => (await sleep(5), fs.writeFile(...a)),
    };
    const order: string[] = [];
    const a = writeTree(out, many("A"), { fs: slow }).then((r) => (order.push("A"), r));
    await sleep(30);
    const b = writeTree(out, many("B")).then((r) => (order.push("B"), r));
    const [ra, rb] = await Promise.all([a, b]);
    expect(order).toEqual(["A", "B"]);
    expect(ra.written).toHaveLength(40);
    expect(rb.written).toHaveLength(40);
    expect(await fs.readFile(path.join(out, "docs/types/T7.md"), "utf8")).toBe("# T7 B\n");
    expect(
      (await fs.readdir(out)).filter((x) => x.startsWith(".structgen-") && x !== ".structgen-manifest.json"),
    ).toEqual([]);
  });

  it("regression: two concurrent `generate` processes into one folder both succeed and leave no temp files", async () => {
    ensureBuilt();
    const out = path.join(root, "two-processes");
    const corpus = path.join(ROOT, "test", "fixtures", "cli", "mini-corpus");
    const runs = [0, 1].map(() => cliAsync(["generate", "--schemas", corpus, "--out", out], { cwd: root }));
    const results = await Promise.all(runs.map((r) => r.done));
    for (const r of results) expect(r.status, r.stderr).toBe(0);
    const entries = await fs.readdir(path.join(out, "mini-corpus"));
    expect(entries.filter((x) => x.startsWith(".structgen-")).sort()).toEqual([".structgen-manifest.json"]);
    expect((await fs.readdir(out)).sort()).toEqual(["mini-corpus"]);
  }, 120_000);

  it("waits for a lock another live process holds, then writes", async () => {
    ensureBuilt();
    const out = await folder();
    const holder = await holdLock(out, 800);
    const t0 = performance.now();
    await writeTree(out, many("after"));
    expect(performance.now() - t0).toBeGreaterThan(500);
    expect(await holder.done).toBe(0);
    expect(await fs.readFile(path.join(out, "docs/types/T0.md"), "utf8")).toBe("# T0 after\n");
  }, 30_000);

  it("gives up with OUTPUT_LOCKED (naming the holder and the lock file) when the wait is too long", async () => {
    ensureBuilt();
    const out = await folder();
    const holder = await holdLock(out, 3_000);
    const before = await snapshot(out);
    await expect(writeTree(out, many("x"), { lock: { timeoutMs: 300 } })).rejects.toMatchObject({
      diagnostics: [
        {
          code: "OUTPUT_LOCKED",
          params: { holder: expect.stringMatching(/^pid \d+ on /), lock: path.join(out, LOCK) },
        },
      ],
    });
    expect(await snapshot(out)).toEqual(before);
    await holder.done;
  }, 30_000);

  it("regression: a lock left by a killed run (its process is gone) is taken over at once", async () => {
    const out = await folder();
    await fs.writeFile(path.join(out, LOCK), JSON.stringify({ pid: deadPid(), host: os.hostname(), token: "dead" }));
    const t0 = performance.now();
    await writeTree(out, many("x"), { lock: { timeoutMs: 2_000 } });
    expect(performance.now() - t0).toBeLessThan(1_500);
    expect((await fs.readdir(out)).includes(LOCK)).toBe(false);
  });

  it("an empty lock file (killed between creating and filling it) is stale once old enough", async () => {
    const out = await folder();
    await fs.writeFile(path.join(out, LOCK), "");
    await expect(acquireLock(out, { timeoutMs: 200, emptyStaleMs: 60_000 })).rejects.toMatchObject({
      diagnostics: [{ code: "OUTPUT_LOCKED" }],
    });
    const release = await acquireLock(out, { timeoutMs: 2_000, emptyStaleMs: 0 });
    await release();
    expect((await fs.readdir(out)).includes(LOCK)).toBe(false);
  });

  it("release removes only its own lock", async () => {
    const out = await folder();
    const release = await acquireLock(out);
    const theirs = JSON.stringify({ pid: process.pid, host: os.hostname(), token: "someone-else" });
    await fs.writeFile(path.join(out, LOCK), theirs);
    await release();
    expect(await fs.readFile(path.join(out, LOCK), "utf8")).toBe(theirs);
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
