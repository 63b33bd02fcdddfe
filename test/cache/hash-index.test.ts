// The hash index remembers a file's hash by its status only once the file has settled (changed
// more than RACY_MS before it was looked at), so an edit in the same timestamp tick is never missed;
// a damaged index is empty.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { HashIndex, RACY_MS } from "../../generator/cache/hash-index.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-hash-index-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const indexFile = path.join(tmp, "index");
const recorded = () => {
  try {
    return readFileSync(indexFile, "utf8");
  } catch {
    return "";
  }
};

describe("HashIndex", () => {
  it("hashes a file it has not seen settle every time, and records it once it has", async () => {
    const f = path.join(tmp, "a.txt");
    writeFileSync(f, "one");
    const index = HashIndex.open(indexFile);
    expect(index.hash(f, true)).toBe(sha("one"));
    index.save();
    expect(recorded()).not.toContain(f);
    // Rewritten within the racy window, same size: read again, so never the old hash.
    writeFileSync(f, "two");
    expect(HashIndex.open(indexFile).hash(f, true)).toBe(sha("two"));
    await new Promise((r) => setTimeout(r, RACY_MS + 200));
    const settled = HashIndex.open(indexFile);
    expect(settled.hash(f, true)).toBe(sha("two"));
    settled.save();
    expect(recorded()).toContain(f);
    expect(HashIndex.open(indexFile).hash(f, true)).toBe(sha("two"));
    writeFileSync(f, "six");
    expect(HashIndex.open(indexFile).hash(f, true)).toBe(sha("six"));
  });

  it("says why there is no hash: missing, a folder, a link not followed", () => {
    const index = HashIndex.open();
    expect(index.hash(path.join(tmp, "missing"), true)).toEqual({ reason: "ENOENT" });
    expect(index.hash(tmp, true)).toEqual({ reason: "not a regular file" });
    const target = path.join(tmp, "target");
    const link = path.join(tmp, "link");
    writeFileSync(target, "t");
    symlinkSync(target, link);
    expect(index.hash(link, false)).toEqual({ reason: "not a regular file" });
    expect(index.hash(link, true)).toBe(sha("t"));
  });

  it("a damaged or foreign index is empty, never an error", () => {
    for (const text of ["", "garbage", `structgen-hash-index/3 ${"0".repeat(64)}\nx`, "structgen-hash-index/3 abc"]) {
      writeFileSync(indexFile, text);
      const f = path.join(tmp, "b.txt");
      writeFileSync(f, "b");
      expect(HashIndex.open(indexFile).hash(f, true)).toBe(sha("b"));
    }
  });

  it("an output the writer placed proves nothing of its bytes, only that it is still as it was left", () => {
    const f = path.join(tmp, "placed.txt");
    writeFileSync(f, "mine");
    const index = HashIndex.open(indexFile);
    index.placed(f, sha("mine"));
    index.save();
    const later = HashIndex.open(indexFile);
    // Never taken as the file's hash: someone may have written it within that tick.
    expect(later.known(f, false)).toBeUndefined();
    expect(later.hash(f, false)).toBe(sha("mine"));
    // Still as left: another text is known to differ; the same text is not proven there.
    expect(later.stale(f, sha("yours"))).toBe(true);
    expect(later.stale(f, sha("mine"))).toBe(false);
    // Changed since (a new status): nothing is known, the file is read.
    writeFileSync(f, "elsewhere");
    expect(later.stale(f, sha("yours"))).toBe(false);
    expect(later.hash(f, false)).toBe(sha("elsewhere"));
  });

  it("seen(): while observing, a file hash() found settled is as hash() saw it; otherwise looked at now", () => {
    const settledFile = path.join(tmp, "settled.txt");
    const fresh = path.join(tmp, "fresh.txt");
    writeFileSync(settledFile, "old");
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      // A clock well ahead: the file counts as settled when hashed.
      vi.setSystemTime(Date.now() + 60_000);
      const index = HashIndex.open();
      index.observe();
      expect(index.hash(settledFile, true)).toBe(sha("old"));
      vi.useRealTimers();
      writeFileSync(fresh, "new");
      expect(index.hash(fresh, true)).toBe(sha("new"));
      // Changed after the look: seen() goes by that look, known() looks now.
      writeFileSync(settledFile, "changed since");
      expect(index.seen(settledFile, true)).toBe(sha("old"));
      expect(index.known(settledFile, true)).toBeUndefined();
      // Not settled when hashed: nothing to go by, as known().
      expect(index.seen(fresh, true)).toBeUndefined();
      // Links not followed are not observed.
      expect(index.seen(settledFile, false)).toBeUndefined();
      index.forget();
      expect(index.seen(settledFile, true)).toBeUndefined();
      // Not observing: hash() leaves nothing for seen().
      const other = HashIndex.open();
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Date.now() + 60_000);
      expect(other.hash(settledFile, true)).toBe(sha("changed since"));
      writeFileSync(settledFile, "and again");
      expect(other.seen(settledFile, true)).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
