// Watch's digest before a run takes a calm input (a look found it as recorded, and no file event has
// named it since) from the hash index without looking at it; any event naming it, or a folder above
// it, makes it looked at again. A link, a file below a linked folder or outside the watched folders
// is never calm: its changes need not reach the watcher.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Calm } from "../../generator/cache/calm.js";
import { HashIndex } from "../../generator/cache/hash-index.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-calm-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// A clock well ahead: every file counts as settled when it is looked at.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + 60_000);
});
afterEach(() => vi.useRealTimers());
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

let n = 0;
/** A watched folder (everything below it) and an index whose calm files lie in it. */
function setup() {
  const dir = path.join(tmp, `w${n++}`);
  mkdirSync(dir, { recursive: true });
  const calm = new Calm((file) => file.startsWith(dir + path.sep));
  const index = HashIndex.open();
  index.calm = calm;
  return { dir, calm, index };
}

describe("calm inputs", () => {
  it("a calm file is taken as recorded without a look, until an event names it or a folder above it", () => {
    const { dir, calm, index } = setup();
    const a = path.join(dir, "a.json");
    writeFileSync(a, "one");
    expect(index.hash(a, true)).toBe(sha("one"));
    // Changed with no event: trusted, not looked at; a look (not trusting) sees the change.
    writeFileSync(a, "two");
    expect(index.hash(a, true, true)).toBe(sha("one"));
    expect(index.hash(a, true)).toBe(sha("two"));
    expect(index.hash(a, true, true)).toBe(sha("two"));
    writeFileSync(a, "three");
    calm.stir(a);
    expect(index.hash(a, true, true)).toBe(sha("three"));

    const b = path.join(dir, "sub", "b.json");
    mkdirSync(path.dirname(b));
    writeFileSync(b, "one");
    expect(index.hash(b, true)).toBe(sha("one"));
    writeFileSync(b, "two");
    calm.stir(path.dirname(b));
    expect(index.hash(b, true, true)).toBe(sha("two"));
    writeFileSync(b, "three");
    writeFileSync(a, "four");
    calm.stir();
    expect(index.hash(b, true, true)).toBe(sha("three"));
    expect(index.hash(a, true, true)).toBe(sha("four"));
  });

  it("a link, a file below a linked folder and a file outside the watched folders are looked at each time", () => {
    const { dir, index } = setup();
    const outside = path.join(tmp, `outside${n++}`);
    mkdirSync(path.join(outside, "real"), { recursive: true });
    const target = path.join(outside, "target.json");
    const link = path.join(dir, "link.json");
    writeFileSync(target, "one");
    symlinkSync(target, link);
    symlinkSync(path.join(outside, "real"), path.join(dir, "linked"));
    const below = path.join(dir, "linked", "c.json");
    writeFileSync(below, "one");
    const plain = path.join(outside, "plain.json");
    writeFileSync(plain, "one");
    for (const file of [link, below, plain]) {
      expect(index.hash(file, true)).toBe(sha("one"));
      writeFileSync(file, "two");
      expect(index.hash(file, true, true), file).toBe(sha("two"));
    }
  });
});
