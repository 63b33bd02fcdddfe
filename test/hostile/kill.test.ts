// Nothing lost: `generate` killed with SIGKILL while it writes never costs the previous output.
//
// What generator/write/atomic.ts guarantees: files are written to <out>/<corpus>.structgen-tmp-<pid>,
// then <out>/<corpus> is renamed to <corpus>.structgen-old, the temporary folder is renamed to
// <corpus>, and the old one is removed. A kill therefore leaves one of three states:
//   1. before the first rename: <corpus> is the previous output, untouched (a temporary folder remains);
//   2. between the renames: <corpus> is missing and <corpus>.structgen-old is the previous output;
//   3. after the second rename: <corpus> is the complete new output.
// recover(), which every generate runs first, turns 1 and 2 back into exactly the previous output
// and 3 into exactly the new one, with nothing left beside it.
import { existsSync, mkdtempSync, readdirSync, rmSync, watch, type FSWatcher } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recover } from "../../generator/write/atomic.js";
import { cliAsync, ensureBuilt, plantPreviousOutput, ROOT, snapshot } from "./helpers.js";

const CORPUS = path.join(ROOT, "schemas", "cognito-idp");

let tmp: string;
beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-kill-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("generate killed in the middle", () => {
  it("regression: SIGKILL while writing the bundled-size corpus leaves the previous output (or recover() restores it)", async () => {
    const out = path.join(tmp, "out");
    const target = path.join(out, "cognito-idp");
    const before = plantPreviousOutput(target);
    const isTemp = (n: string) => n.startsWith("cognito-idp.structgen-tmp-");

    const t0 = performance.now();
    const { child, done } = cliAsync(["generate", "--schemas", CORPUS, "--out", out]);
    let killedAt: number | undefined;
    // Kill once the temporary folder holds its first entries (or at once if it is already gone).
    let seen: string | undefined;
    const killOnTemp = (): void => {
      if (killedAt !== undefined || child.exitCode !== null) return;
      seen ??= readdirSync(out).find(isTemp);
      if (seen === undefined) return;
      let entries = 0;
      try {
        entries = readdirSync(path.join(out, seen)).length;
      } catch {
        entries = Infinity;
      }
      if (entries > 0) {
        child.kill("SIGKILL");
        killedAt = performance.now() - t0;
      }
    };
    // inotify tells us the moment the temporary folder appears; polling is the fallback.
    let watcher: FSWatcher | undefined;
    try {
      watcher = watch(out, () => killOnTemp());
    } catch {
      watcher = undefined;
    }
    const poll = setInterval(killOnTemp, 2);
    const r = await done;
    clearInterval(poll);
    watcher?.close();
    console.log(`[hostile] generate ${killedAt === undefined ? `finished (exit ${r.status})` : `killed ${Math.round(killedAt)} ms after start`}`);
    expect(killedAt, `generate finished before its temporary folder was seen: ${r.stderr}`).toBeDefined();
    expect(r.signal).toBe("SIGKILL");

    // The state the kill left.
    const siblings = readdirSync(out).sort();
    const old = `${target}.structgen-old`;
    let state: "untouched" | "between renames" | "new output";
    if (existsSync(target) && JSON.stringify(snapshot(target)) === JSON.stringify(before)) state = "untouched";
    else if (!existsSync(target) && existsSync(old)) state = "between renames";
    else state = "new output";
    const beside = siblings.filter((n) => n !== "cognito-idp").map((n) => `${n} (${Object.keys(snapshot(path.join(out, n))).length} entries)`);
    console.log(`[hostile] after the kill: ${state}; beside it: ${beside.join(", ") || "nothing"}`);
    if (state === "between renames") expect(snapshot(old)).toEqual(before);
    if (state === "untouched") expect(siblings.filter((n) => n !== "cognito-idp").every((n) => isTemp(n))).toBe(true);

    // What the next generate does first.
    await recover(target);
    expect(readdirSync(out)).toEqual(["cognito-idp"]);
    if (state === "new output") {
      // A complete new output: every type page and the validators are there.
      expect(existsSync(path.join(target, "validators.js"))).toBe(true);
      expect(readdirSync(path.join(target, "docs", "types")).length).toBeGreaterThan(400);
    } else {
      expect(snapshot(target)).toEqual(before);
    }
  }, 180_000);
});
