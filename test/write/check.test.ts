// check: what generate would change, without changing anything. Issue #13 item 11: what an
// interrupted run left inside the output tree is reported; a FIFO or a symlinked folder where an
// output belongs is reported (never opened, never followed, never exit 3).
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTree } from "../../generator/write/atomic.js";
import { checkTree } from "../../generator/write/check.js";
import { LOCK } from "../../generator/write/lock.js";
import { MANIFEST } from "../../generator/write/manifest.js";
import { readRegular } from "../../generator/write/tree.js";
import { file, snapshot } from "./helpers.js";

let root: string;
let n = 0;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "structgen-check-"));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const files = [
  file("types.ts", "export type A = string;\n"),
  file("docs/README.md", "# shop\n"),
  file("docs/types/A.md", "# A\n"),
];

async function written(): Promise<string> {
  const out = path.join(root, `c${n++}`, "shop");
  await writeTree(out, files);
  return out;
}
const mkfifo = (p: string) => expect(spawnSync("mkfifo", [p]).status).toBe(0);
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

describe("checkTree", () => {
  it("fresh right after a write, and writes nothing itself", async () => {
    const out = await written();
    const before = await snapshot(out, true);
    expect(await checkTree(out, "shop", files)).toEqual({ differences: [], foreign: [] });
    expect(await snapshot(out, true)).toEqual(before);
  });

  it("missing, changed and extra (a file structgen wrote and no longer produces), sorted", async () => {
    const out = await written();
    await fs.appendFile(path.join(out, "docs/types/A.md"), "edit");
    await fs.rm(path.join(out, "types.ts"));
    const fewer = [...files.filter((f) => f.path !== "docs/README.md"), file("schema.json", "{}")];
    expect((await checkTree(out, "shop", fewer)).differences).toEqual([
      { path: MANIFEST, change: "changed" },
      { path: "docs/README.md", change: "extra" },
      { path: "docs/types/A.md", change: "changed" },
      { path: "schema.json", change: "missing" },
      { path: "types.ts", change: "missing" },
    ]);
  });

  it("a file structgen did not write is not a difference (generate leaves it), but is listed", async () => {
    const out = await written();
    await fs.writeFile(path.join(out, "notes.txt"), "mine");
    expect(await checkTree(out, "shop", files)).toEqual({ differences: [], foreign: ["notes.txt"] });
  });

  it("a missing output folder: every file (and the manifest) missing", async () => {
    const { differences } = await checkTree(path.join(root, "nowhere", "shop"), "shop", files);
    expect(differences.map((d) => d.change)).toEqual(["missing", "missing", "missing", "missing"]);
  });

  it("regression: temp files a killed write left inside the output tree are reported (check is not fresh)", async () => {
    const out = await written();
    const stage = `.structgen-tmp-${deadPid()}`;
    await fs.mkdir(path.join(out, stage, "new", "docs"), { recursive: true });
    await fs.writeFile(path.join(out, stage, "new", "docs", "README.md"), "half");
    await fs.writeFile(path.join(out, LOCK), JSON.stringify({ pid: deadPid(), host: os.hostname(), token: "t" }));
    // And the old whole-folder writer's leftovers beside it.
    const old = `${out}.structgen-tmp-${deadPid()}`;
    await fs.mkdir(old);
    const { differences } = await checkTree(out, "shop", files);
    expect(differences).toEqual([
      { path: `../${path.basename(old)}`, change: "extra", detail: "left by an interrupted run of an older structgen" },
      { path: LOCK, change: "extra", detail: "lock left by a structgen run that was killed" },
      { path: stage, change: "extra", detail: "staging folder of an interrupted structgen run" },
    ]);
  });

  it("regression: a FIFO in place of an output does not hang check: it is reported, never opened for reading", async () => {
    const out = await written();
    await fs.rm(path.join(out, "types.ts"));
    mkfifo(path.join(out, "types.ts"));
    mkfifo(path.join(out, "docs", "pipe"));
    const t0 = performance.now();
    const r = await checkTree(out, "shop", files);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(r.differences).toEqual([
      { path: "types.ts", change: "changed", detail: "a FIFO where generate writes types.ts" },
    ]);
    expect(r.foreign).toEqual(["docs/pipe"]);
    expect(await readRegular(path.join(out, "types.ts"))).toBeUndefined();
    // Nor does a FIFO planted where structgen keeps its lock.
    mkfifo(path.join(out, LOCK));
    const locked = await checkTree(out, "shop", files);
    expect(locked.differences.map((d) => d.path)).toContain(LOCK);
  }, 10_000);

  it("regression: a symlink to a folder in place of an output is reported, not followed and not a crash", async () => {
    const out = await written();
    const folder = path.join(root, `target${n++}`);
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, "README.md"), "# shop\n");
    await fs.rm(path.join(out, "types.ts"));
    await fs.symlink(folder, path.join(out, "types.ts"));
    // A symlinked folder where an output folder belongs, holding exactly the expected file.
    await fs.rm(path.join(out, "docs"), { recursive: true });
    await fs.symlink(folder, path.join(out, "docs"));
    const { differences } = await checkTree(out, "shop", files);
    expect(differences).toEqual([
      { path: "docs", change: "changed", detail: "a symbolic link where generate writes the folder of docs/README.md" },
      { path: "types.ts", change: "changed", detail: "a symbolic link where generate writes types.ts" },
    ]);
  });

  it("a hand-edited manifest is a difference; its `inputs` digest is not", async () => {
    const out = await written();
    const text = await fs.readFile(path.join(out, MANIFEST), "utf8");
    const json = JSON.parse(text) as { inputs?: string; files: Record<string, string> };
    await fs.writeFile(path.join(out, MANIFEST), JSON.stringify({ ...json, inputs: "from-the-cache" }, null, 2));
    // Only the serialisation differs (key order): the manifest is compared as text.
    const keyOrder = (await checkTree(out, "shop", files)).differences;
    expect(keyOrder.map((d) => d.path)).toEqual([MANIFEST]);
    await writeTree(out, files, { inputs: "from-the-cache" });
    expect((await checkTree(out, "shop", files)).differences).toEqual([]);
    json.files["types.ts"] = "0".repeat(64);
    await fs.writeFile(path.join(out, MANIFEST), JSON.stringify(json, null, 2));
    expect((await checkTree(out, "shop", files)).differences).toEqual([{ path: MANIFEST, change: "changed" }]);
  });
});
