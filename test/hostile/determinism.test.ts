// The fast version of test/e2e/bundled.test.ts's determinism check, on the hostile fixture
// corpora: files created in another order on disk, another working folder, another path
// spelling, and the output is byte for byte the same.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, ensureBuilt, FIXTURES } from "./helpers.js";

const CORPORA = ["injection", "recursive", "type-names-reserved", "enum-collisions", "property-names", "bom"];

let tmp: string;
beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-determinism-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Copies the fixture corpora under `root`, creating folders and files in the given order. */
function layout(root: string, order: (names: string[]) => string[]): void {
  for (const c of order([...CORPORA].sort())) {
    mkdirSync(path.join(root, c), { recursive: true });
    for (const f of order(readdirSync(path.join(FIXTURES, c)).sort()))
      writeFileSync(path.join(root, c, f), readFileSync(path.join(FIXTURES, c, f)));
  }
}

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const full = path.join(dir, rel);
    try {
      out.set(rel.split(path.sep).join("/"), readFileSync(full).toString("base64"));
    } catch {
      // a folder
    }
  }
  return out;
}

describe("determinism", () => {
  it("regression: hostile corpora give byte-identical output across file order, working folder and path spelling", () => {
    const a = path.join(tmp, "a");
    layout(path.join(a, "schemas"), (xs) => xs);
    const ra = cli(["generate", "--schemas", "schemas", "--out", "out"], { cwd: a });
    expect(ra.status, ra.stderr).toBe(0);

    const b = path.join(tmp, "b", "deeper");
    layout(path.join(b, "in", "schemas"), (xs) => [...xs].reverse());
    const work = path.join(b, "work");
    mkdirSync(work, { recursive: true });
    const rb = cli(["generate", "--schemas", path.join("..", "in", ".", "schemas"), "--out", path.join(b, "result")], {
      cwd: work,
    });
    expect(rb.status, rb.stderr).toBe(0);

    const ta = tree(path.join(a, "out"));
    const tb = tree(path.join(b, "result"));
    expect(ta.size).toBeGreaterThan(30);
    expect([...tb.keys()]).toEqual([...ta.keys()]);
    expect([...ta].filter(([p, bytes]) => tb.get(p) !== bytes).map(([p]) => p)).toEqual([]);
    // No absolute path of either run leaked into the output.
    for (const [p, bytes] of ta) expect(Buffer.from(bytes, "base64").toString("utf8"), p).not.toContain(tmp);
  });
});
