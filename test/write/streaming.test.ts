// openTree: files are staged as each emitter's batch is added, and the output changes only at commit.
// A failure while adding (or an abort, as when a later corpus fails to build) leaves the previous
// output exactly as it was, with no staging folder and nothing half-written.
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTree, tidied, writeTree } from "../../generator/write/atomic.js";
import { LOCK } from "../../generator/write/lock.js";
import { STAGE_PREFIX } from "../../generator/write/plan.js";
import { errno, faultyFs, file, snapshot } from "./helpers.js";

let root: string;
let n = 0;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "structgen-streaming-"));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const previous = [file("types.ts", "export type A = string;\n"), file("docs/types/A.md", "# A\n")];
const batches = [
  [file("types.ts", "export type A = number;\n")],
  [file("docs/types/A.md", "# A, changed\n"), file("docs/types/B.md", "# B\n")],
  [file("schema.json", "{}\n")],
];

async function fresh(): Promise<string> {
  const out = path.join(root, `run${n++}`, "shop");
  await writeTree(out, previous);
  await fs.writeFile(path.join(out, "mine.txt"), "the user's");
  return out;
}
const staging = async (out: string) => (await fs.readdir(out)).filter((e) => e.startsWith(STAGE_PREFIX));

describe("openTree", () => {
  it.each([
    ["", false],
    [", with files opened in the background (later)", true],
  ])("batch by batch gives what writeTree gives for all the files at once%s", async (_label, later) => {
    const a = await fresh();
    const b = await fresh();
    const writer = await openTree(a, { later });
    for (const batch of batches) await writer.add(batch);
    // Staged, not yet part of the output.
    expect(await fs.readFile(path.join(a, "types.ts"), "utf8")).toBe("export type A = string;\n");
    const r = await writer.commit();
    const whole = await writeTree(b, batches.flat());
    expect({ ...r, diagnostics: r.diagnostics.length }).toEqual({ ...whole, diagnostics: whole.diagnostics.length });
    expect(await snapshot(a)).toEqual(await snapshot(b));
    expect(await staging(a)).toEqual([]);
  });

  it("abort after some batches: the previous output stands, nothing staged is left", async () => {
    const out = await fresh();
    const before = await snapshot(out);
    const writer = await openTree(out);
    await writer.add(batches[0]!);
    await writer.add(batches[1]!);
    expect(await staging(out)).toHaveLength(1);
    await writer.abort();
    expect(await snapshot(out)).toEqual(before);
    await expect(writer.add(batches[2]!)).rejects.toThrow();
  });

  it("a failing call while staging a later batch: coded error, previous output intact", async () => {
    const probe = await fresh();
    const counting = faultyFs(Infinity, () => errno("EIO", "write", "never"));
    const w = await openTree(probe, { fs: counting });
    await w.add(batches[0]!);
    const afterFirst = counting.calls;
    for (const batch of batches.slice(1)) await w.add(batch);
    await w.commit();
    for (let k = afterFirst; k < counting.calls; k++) {
      const out = await fresh();
      const before = await snapshot(out);
      const faulty = faultyFs(k, (call, target) => errno("ENOSPC", call, target));
      const writer = await openTree(out, { fs: faulty });
      const e = await (async () => {
        for (const batch of batches) await writer.add(batch);
        await writer.commit();
      })().then(
        () => undefined,
        (x: unknown) => x,
      );
      if (e === undefined) continue; // failed while cleaning up after the commit
      expect(e, `failing ${faulty.failed}`).toMatchObject({ diagnostics: [{ code: "OUTPUT_DISK_FULL" }] });
      expect(await snapshot(out), `failing ${faulty.failed}`).toEqual(before);
      await writer.abort(); // harmless once closed
    }
  });

  it("later: a staged file that cannot be created fails the commit, coded; the previous output stands", async () => {
    const out = await fresh();
    const before = await snapshot(out);
    const writer = await openTree(out, { later: true });
    // "d" is staged as a folder first, so opening it as a file fails in the background (EISDIR).
    await writer.add([file("d/e.md", "# e\n")]);
    await writer.add([file("d", "d\n")]);
    await expect(writer.commit()).rejects.toMatchObject({ diagnostics: [{ code: "OUTPUT_WRITE_FAILED" }] });
    expect(await snapshot(out)).toEqual(before);
    expect(await staging(out)).toEqual([]);
  });

  it("tidyLater: commit returns once the output stands; the staging folder and the lock go after it", async () => {
    const a = await fresh();
    const b = await fresh();
    const writer = await openTree(a, { later: true, tidyLater: true });
    for (const batch of batches) await writer.add(batch);
    const r = await writer.commit();
    expect(await fs.readFile(path.join(a, "types.ts"), "utf8")).toBe("export type A = number;\n");
    await writer.abort(); // harmless once committed: nothing is rolled back
    // The folder's next writer in this process waits for the clean-up (its staging folder has the same name).
    const next = await openTree(a, { later: true, tidyLater: true });
    await next.add(batches.flat());
    expect((await next.commit()).written).toEqual([]);
    await tidied();
    expect(await staging(a)).toEqual([]);
    expect(existsSync(path.join(a, LOCK))).toBe(false);
    const whole = await writeTree(b, batches.flat());
    expect({ ...r, diagnostics: r.diagnostics.length }).toEqual({ ...whole, diagnostics: whole.diagnostics.length });
    expect(await snapshot(a)).toEqual(await snapshot(b));
  });

  it("a new folder aborted before its commit goes again", async () => {
    const out = path.join(root, `run${n++}`, "shop");
    const writer = await openTree(out);
    await writer.add(batches[0]!);
    await writer.abort();
    await expect(fs.lstat(out)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
