// Nothing lost: `generate` killed with SIGKILL while it writes never costs the previous output,
// and never leaves a half-written file in it.
//
// What generator/write/transaction.ts guarantees: new contents are staged in
// <out>/<corpus>/.structgen-tmp-<pid>/new; a journal (renamed into place whole) lists every change
// before the first one is made; each replaced or removed file is kept in …/old until the run
// writes its commit marker. Every change to the output itself is a rename of a complete file. A
// kill therefore leaves either the untouched previous output (killed while staging) or a mix of
// complete old and complete new files with a journal (killed while applying). The next run takes
// over the dead run's lock and recover() rolls an uncommitted run back to exactly the previous
// output (a committed one forward), with nothing left beside it. test/write/interrupted.test.ts
// stops a write at every one of its file-system calls; this test kills the real CLI.
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  watch,
  writeFileSync,
  type FSWatcher,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bannerText } from "../../generator/emit/banner.js";
import { acquireLock, LOCK } from "../../generator/write/lock.js";
import { MANIFEST, manifestText, sha256 } from "../../generator/write/manifest.js";
import { recover } from "../../generator/write/transaction.js";
import { cliAsync, ensureBuilt, plantPreviousOutput, ROOT, snapshot } from "./helpers.js";

const CORPUS = path.join(ROOT, "schemas", "cognito-idp");
const FOREIGN = "NOTES.md";
const SLOW_RENAME = pathToFileURL(path.join(ROOT, "test", "fixtures", "hooks", "slow-rename.mjs")).href;

let tmp: string;
beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-kill-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A previous output that structgen wrote (its manifest lists it), plus a file of the user's. */
function plantOwnedOutput(dir: string): Record<string, string> {
  const planted = Object.keys(plantPreviousOutput(dir)).filter((p) => !p.endsWith("/"));
  const files = Object.fromEntries(planted.sort().map((p) => [p, sha256(readFileSync(path.join(dir, p)))]));
  writeFileSync(path.join(dir, MANIFEST), manifestText({ format: 1, corpus: "cognito-idp", files }));
  writeFileSync(path.join(dir, FOREIGN), "# the user's notes: never touched\n");
  return snapshot(dir);
}

const isStage = (n: string) => n.startsWith(".structgen-tmp-");
const withoutOwn = (s: Record<string, string>) =>
  Object.fromEntries(Object.entries(s).filter(([p]) => !isStage(p) && p !== LOCK));

/** Runs generate and kills it once `ready(target)` says so; returns when it is dead. */
async function killWhen(
  out: string,
  target: string,
  ready: (target: string) => boolean,
  nodeArgs: string[] = [],
): Promise<{ killedAt?: number; stderr: string }> {
  const t0 = performance.now();
  const { child, done } = cliAsync(["generate", "--schemas", CORPUS, "--out", out], { nodeArgs });
  let killedAt: number | undefined;
  const tryKill = (): void => {
    if (killedAt !== undefined || child.exitCode !== null) return;
    let go = false;
    try {
      go = ready(target);
    } catch {
      go = false;
    }
    if (go) {
      child.kill("SIGKILL");
      killedAt = performance.now() - t0;
    }
  };
  // inotify tells us the moment something appears; polling is the fallback.
  const watchers: FSWatcher[] = [];
  try {
    watchers.push(watch(target, { recursive: true }, () => tryKill()));
  } catch {
    // no recursive watch here: polling alone
  }
  const poll = setInterval(tryKill, 1);
  const r = await done;
  clearInterval(poll);
  for (const w of watchers) w.close();
  expect(killedAt, `generate finished before the kill point: ${r.stderr}`).toBeDefined();
  expect(r.signal).toBe("SIGKILL");
  return { killedAt, stderr: r.stderr };
}

const stageOf = (target: string) => readdirSync(target).find(isStage);

/** What the next generate does first: take over the dead run's lock, recover, let go. */
async function nextRunRecovers(target: string): Promise<void> {
  const release = await acquireLock(target, { timeoutMs: 5_000 });
  await recover(target);
  await release();
}

/** A complete file, not a prefix of one: the banner, and a whole JSON document or a final newline. */
function complete(p: string, bytes: Buffer): boolean {
  const text = bytes.toString("utf8");
  if (!text.includes(bannerText("cognito-idp")) && p !== MANIFEST) return false;
  if (p.endsWith(".json")) {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  }
  return text.endsWith("\n");
}

describe("generate killed in the middle", () => {
  it("regression: SIGKILL while staging leaves the previous output untouched; the next run cleans up", async () => {
    const out = path.join(tmp, "staging");
    const target = path.join(out, "cognito-idp");
    const before = plantOwnedOutput(target);
    // Kill once the staging folder holds its first new files.
    const { killedAt } = await killWhen(out, target, (t) => {
      const s = stageOf(t);
      return s !== undefined && readdirSync(path.join(t, s, "new")).length > 0;
    });
    console.log(`[hostile] generate killed ${Math.round(killedAt!)} ms after start, while staging`);
    const after = snapshot(target);
    expect(withoutOwn(after)).toEqual(before);
    // The leftovers are structgen's own, at the top of the folder (check reports them).
    expect(
      Object.keys(after)
        .filter((p) => !(p in before))
        .every((p) => isStage(p) || p === LOCK),
    ).toBe(true);
    expect(readdirSync(out)).toEqual(["cognito-idp"]);

    await nextRunRecovers(target);
    expect(snapshot(target)).toEqual(before);
  }, 240_000);

  it("regression: SIGKILL while applying leaves only complete files; recovery gives back exactly the previous output", async () => {
    const out = path.join(tmp, "applying");
    const target = path.join(out, "cognito-idp");
    const before = plantOwnedOutput(target);
    // Kill the moment the journal is in place: the run is about to change (or changing) the output.
    // Applying is a rename per file, over in a blink once everything is staged: slowed renames give
    // the kill a window to land inside it (regression: it landed after the commit, or never).
    const { killedAt } = await killWhen(
      out,
      target,
      (t) => {
        const s = stageOf(t);
        return s !== undefined && existsSync(path.join(t, s, "journal.json"));
      },
      ["--import", SLOW_RENAME],
    );
    const after = snapshot(target);
    const stage = stageOf(target);
    // The kill lands a moment after the journal was seen: the run may have committed by then, and even
    // removed its staging folder (only a commit removes it once the journal is there).
    const committed = stage === undefined || existsSync(path.join(target, stage, "committed"));
    const changed = Object.keys(withoutOwn(after)).filter((p) => !p.endsWith("/") && after[p] !== before[p]);
    console.log(
      `[hostile] generate killed ${Math.round(killedAt!)} ms after start, while applying: ` +
        `${changed.length} files already new, ${committed ? "committed" : "not committed"}`,
    );
    // Whatever the moment: every file in the output is a previous one or a complete new one.
    const partial = changed.filter((p) => !complete(p, readFileSync(path.join(target, p))));
    expect(partial).toEqual([]);
    expect(after[FOREIGN]).toBe(before[FOREIGN]);

    await nextRunRecovers(target);
    const recovered = snapshot(target);
    if (committed) {
      expect(recovered[FOREIGN]).toBe(before[FOREIGN]);
      expect(readdirSync(path.join(target, "docs", "types")).length).toBeGreaterThan(400);
      expect(Object.keys(recovered).some(isStage)).toBe(false);
    } else {
      expect(recovered).toEqual(before);
    }
    expect(readdirSync(out)).toEqual(["cognito-idp"]);
  }, 240_000);
});
