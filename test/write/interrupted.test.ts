// A write stopped at any point: every file-system call of a write is made to fail in turn.
// As a kill: nothing cleans up, and recover() (which the next run does first) must give back
// exactly the previous output, or exactly the new one once the run had committed. As an error:
// writeTree rolls back by itself. Foreign files are never touched either way.
import { spawnSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recover, writeTree } from "../../generator/write/atomic.js";
import { planTree } from "../../generator/write/plan.js";
import { commitPlan, stageDir } from "../../generator/write/transaction.js";
import { errno, faultyFs, file, snapshot } from "./helpers.js";

let root: string;
let n = 0;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "structgen-interrupted-"));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const previous = [
  file("types.ts", "export type A = string;\n"),
  file("docs/README.md", "# shop\n"),
  file("docs/types/A.md", "# A\n"),
  file("docs/types/Gone.md", "# Gone\n"),
  file("schema.json", "{}\n"),
];
// One file changed, one unchanged, one removed (and its folder kept), two new in a new folder.
const next = [
  file("types.ts", "export type A = number;\n"),
  file("docs/README.md", "# shop\n"),
  file("docs/types/A.md", "# A, changed\n"),
  file("docs/extra/B.md", "# B\n"),
  file("docs/extra/C.md", "# C\n"),
  file("schema.json", '{"changed":true}\n'),
];

/** A fresh output folder holding the previous output and a file of the user's. */
async function fresh(): Promise<string> {
  const out = path.join(root, `run${n++}`, "shop");
  await writeTree(out, previous);
  await fs.writeFile(path.join(out, "docs", "mine.txt"), "the user's");
  return out;
}

const io = (msg: string) => () => errno("EIO", "write", msg);

describe("a write stopped at each of its file-system calls", () => {
  it("regression: a kill at any point, then recover(), leaves exactly the previous or the new output", async () => {
    const probe = await fresh();
    const expectedBefore = await snapshot(probe);
    const counting = faultyFs(Infinity, io("never"));
    await commitPlan(probe, await planTree(probe, "shop", next), counting);
    const expectedAfter = await snapshot(probe);
    expect(expectedAfter).not.toEqual(expectedBefore);
    const total = counting.calls;
    expect(total).toBeGreaterThan(15);

    const seen = { before: 0, after: 0 };
    for (let k = 0; k < total; k++) {
      const out = await fresh();
      const plan = await planTree(out, "shop", next);
      const faulty = faultyFs(k, io(`kill at call ${k}`));
      const outcome = await commitPlan(out, plan, faulty).then(
        () => "finished",
        (e: Error) => e.message,
      );
      // Only cleaning up after the commit point may fail without failing the run.
      const committed = outcome === "finished" || existsSync(path.join(stageDir(out), "committed"));
      if (outcome !== "finished") expect(outcome).toMatch(/kill at call/);
      await recover(out);
      const state = await snapshot(out);
      expect(state, `killed at ${faulty.failed} (call ${k}), committed: ${committed}`).toEqual(
        committed ? expectedAfter : expectedBefore,
      );
      seen[committed ? "after" : "before"]++;
      expect((await fs.readdir(out)).filter((x) => x.startsWith(".structgen-tmp-"))).toEqual([]);
    }
    // Both outcomes happened: the kills fell before and after the commit point.
    expect(seen.before).toBeGreaterThan(10);
    expect(seen.after).toBeGreaterThan(0);
  });

  it("a kill at any call while a committed run's staging folder is removed leaves the new output", async () => {
    // Nothing runs after the kill (every later call fails too). The journal goes first: the folder
    // used to go in one recursive removal, in the order the file system lists it (here the commit
    // mark before the journal), and a kill between the two had recover() roll the committed run back.
    const probe = await fresh();
    const expectedBefore = await snapshot(probe);
    const counting = faultyFs(Infinity, io("never"));
    await commitPlan(probe, await planTree(probe, "shop", next), counting);
    const expectedAfter = await snapshot(probe);
    const mark = counting.targets.findIndex((t) => path.basename(t) === "committed");
    expect(counting.log[mark]).toBe("writeFile");
    // Removing the staging folder is a call per entry: the kills land between them.
    expect(counting.calls - mark).toBeGreaterThan(5);
    for (let k = 0; k <= counting.calls; k++) {
      const out = await fresh();
      const plan = await planTree(out, "shop", next);
      await commitPlan(out, plan, faultyFs(k, io(`kill at call ${k}`), true)).catch(() => undefined);
      await recover(out);
      expect(await snapshot(out), `killed at call ${k}`).toEqual(k > mark ? expectedAfter : expectedBefore);
      expect((await fs.readdir(out)).filter((x) => x.startsWith(".structgen-tmp-"))).toEqual([]);
    }
  });

  it("recover() is idempotent: a second kill during recovery changes nothing", async () => {
    const out = await fresh();
    const before = await snapshot(out);
    const plan = await planTree(out, "shop", next);
    // Stop halfway through the apply: several files replaced, others not yet.
    await expect(commitPlan(out, plan, faultyFs(14, io("kill")))).rejects.toThrow();
    for (let k = 0; k < 6; k++) await recover(out, faultyFs(k, io("kill again"))).catch(() => undefined);
    await recover(out);
    expect(await snapshot(out)).toEqual(before);
  });

  it("an error at any point: writeTree rolls itself back and says what failed", async () => {
    const probe = await fresh();
    const counting = faultyFs(Infinity, io("never"));
    await writeTree(probe, next, { fs: counting });
    for (let k = 0; k < counting.calls; k++) {
      const out = await fresh();
      const before = await snapshot(out);
      const faulty = faultyFs(k, (call, target) => errno("EIO", call, target));
      const e = await writeTree(out, next, { fs: faulty }).then(
        () => undefined,
        (x: unknown) => x,
      );
      if (e === undefined) {
        // The call failed only after the commit (cleaning up): the new output stands.
        expect(await snapshot(out)).toMatchObject({
          "types.ts": Buffer.from("export type A = number;\n").toString("base64"),
        });
        continue;
      }
      expect(e, `failing ${faulty.failed}`).toMatchObject({
        diagnostics: [{ code: "OUTPUT_WRITE_FAILED", params: { reason: "EIO" } }],
      });
      expect(await snapshot(out), `failing ${faulty.failed}`).toEqual(before);
    }
  });
});

describe("leftovers of the old whole-folder writer", () => {
  const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

  it("<out>.structgen-old comes back when <out> is missing, and goes when <out> is there", async () => {
    const out = await fresh();
    const before = await snapshot(out);
    await fs.rename(out, `${out}.structgen-old`);
    await recover(out);
    expect(await snapshot(out)).toEqual(before);
    await fs.mkdir(`${out}.structgen-old`);
    await recover(out);
    expect(existsSync(`${out}.structgen-old`)).toBe(false);
  });

  it("regression: a dead run's <out>.structgen-tmp-<pid> is removed, a live run's is left alone", async () => {
    const out = await fresh();
    const dead = `${out}.structgen-tmp-${deadPid()}`;
    const live = `${out}.structgen-tmp-${process.pid}`;
    await fs.mkdir(dead);
    await fs.mkdir(live);
    await fs.mkdir(path.join(path.dirname(out), "shopping"));
    await fs.mkdir(path.join(path.dirname(out), "other.structgen-tmp-1"));
    await recover(out);
    expect((await fs.readdir(path.dirname(out))).sort()).toEqual([
      "other.structgen-tmp-1",
      "shop",
      `shop.structgen-tmp-${process.pid}`,
      "shopping",
    ]);
  });
});
