// The writer's memo trusts a recorded status only for a file that had settled when it was read: a
// file written just now may be written again within the same timestamp tick, unseen by its status.
// Watching the output folders (Linux), a file a look found as recorded is calm: taken as recorded
// unread until an event in its folder names it (delivered before a run trusts anything), and looked
// at once while idle, for what no folder watch reports.
import { linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { outputMemo } from "../../generator/cache/outputs.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-outputs-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("outputMemo", () => {
  it("does not record a file changed just before it was read", () => {
    const file = path.join(tmp, "fresh.txt");
    writeFileSync(file, "a");
    const memo = outputMemo();
    memo.seen(file, memo.status(file), "a");
    expect(memo.textOf(file)).toBeUndefined();
  });

  it("records a settled file, and forgets it once its status changes", () => {
    const file = path.join(tmp, "settled.txt");
    writeFileSync(file, "a");
    const memo = outputMemo(() => Date.now() + 60_000);
    memo.seen(file, memo.status(file), "a");
    expect(memo.textOf(file)).toBe("a");
    writeFileSync(file, "b");
    expect(memo.textOf(file)).toBeUndefined();
  });

  it("does not record a file whose status changed while it was read", () => {
    const file = path.join(tmp, "moving.txt");
    writeFileSync(file, "a");
    const memo = outputMemo(() => Date.now() + 60_000);
    const status = memo.status(file);
    writeFileSync(file, "bb");
    memo.seen(file, status, "a");
    expect(memo.textOf(file)).toBeUndefined();
  });

  it("records what the writer wrote once it has settled, and only when the file still holds it", () => {
    let later = 0;
    const memo = outputMemo(() => Date.now() + later);
    const mine = path.join(tmp, "mine.txt");
    const theirs = path.join(tmp, "theirs.txt");
    for (const file of [mine, theirs]) {
      writeFileSync(file, "a");
      memo.wrote(file, "a");
      memo.placed(file);
    }
    memo.prune();
    // Just written: not settled, so not read yet.
    expect(memo.settle()).toBe(true);
    expect(memo.textOf(mine)).toBeUndefined();
    writeFileSync(theirs, "b");
    later = 60_000;
    expect(memo.settle()).toBe(false);
    expect(memo.textOf(mine)).toBe("a");
    expect(memo.textOf(theirs)).toBeUndefined();
    writeFileSync(mine, "c");
    expect(memo.textOf(mine)).toBeUndefined();
  });

  it("says a file it just wrote is stale for another text, until someone else changes it", () => {
    const memo = outputMemo();
    const file = path.join(tmp, "placed.txt");
    writeFileSync(file, "a");
    memo.wrote(file, "a");
    memo.placed(file);
    memo.prune();
    expect(memo.stale(file, "b")).toBe(true);
    // The same text: only reading it (once settled) can say it is unchanged.
    expect(memo.stale(file, "a")).toBe(false);
    writeFileSync(file, "bb");
    expect(memo.stale(file, "b")).toBe(false);
    // Staged but never put in place (a failed commit): nothing is known.
    const other = path.join(tmp, "unplaced.txt");
    writeFileSync(other, "a");
    memo.wrote(other, "a");
    memo.prune();
    expect(memo.stale(other, "b")).toBe(false);
  });

  it("keeps an output's sha-256 while its text is the same", () => {
    const memo = outputMemo();
    const sha = memo.sha("x", "text");
    expect(memo.sha("x", "text")).toBe(sha);
    expect(memo.sha("x", "other")).not.toBe(sha);
  });

  it.runIf(process.platform === "linux")(
    "watching its folders: a calm output is not looked at; an event in its folder, or the idle look, ends that",
    async () => {
      const dir = path.join(tmp, "watched");
      const elsewhere = path.join(tmp, "elsewhere");
      mkdirSync(dir);
      mkdirSync(elsewhere);
      const memo = outputMemo(() => Date.now() + 60_000);
      await memo.watch([dir]);
      const [edited, removed, linked] = ["edited.txt", "removed.txt", "linked.txt"].map((f) => path.join(dir, f));
      for (const file of [edited, removed, linked]) {
        writeFileSync(file, "a");
        memo.seen(file, memo.status(file), "a");
      }
      // Changed through a hard link in another folder: no event in this one, so the file is still calm.
      linkSync(linked, path.join(elsewhere, "link.txt"));
      writeFileSync(path.join(elsewhere, "link.txt"), "b");
      expect(memo.textOf(linked)).toBe("a");
      writeFileSync(edited, "b");
      rmSync(removed);
      // The run's writer awaits watch(): the events of changes made before it are in.
      await memo.watch([dir]);
      expect(memo.textOf(edited)).toBeUndefined();
      expect(memo.textOf(removed)).toBeUndefined();
      // While idle, each calm file is looked at once.
      memo.prune();
      memo.settle();
      expect(memo.textOf(linked)).toBeUndefined();
      memo.close();
    },
  );
});
