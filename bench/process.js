// Whole-process timing for `npm run bench`: wall time from spawn to exit, and peak memory from the
// preloaded rss-hook. Commands run in turn (A B A B …) so a drifting machine moves both alike.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const HOOK = fileURLToPath(new URL("./rss-hook.mjs", import.meta.url));
const scratch = mkdtempSync(path.join(os.tmpdir(), "structgen-bench-rss-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
let n = 0;

/** Runs `node ...args` once; returns wall ms and peak RSS in MiB. Throws when it fails (unless allowed). */
export function runNode(args, { cwd, env = {}, allowFail = false, before } = {}) {
  before?.();
  const rssFile = path.join(scratch, `rss-${n++}`);
  const t = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env, NODE_OPTIONS: `--import=${HOOK}`, BENCH_RSS_FILE: rssFile, NO_COLOR: "1" },
  });
  const wall = performance.now() - t;
  if (!allowFail && r.status !== 0)
    throw new Error(`node ${args.join(" ")} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  // Worker threads share the process: the file holds one line, the process's own peak.
  const rss = Math.max(...readFileSync(rssFile, "utf8").trim().split("\n").map(Number)) / 1024;
  return { wall, rss, status: r.status, stdout: r.stdout };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs each command `runs` times in turn after one warm-up each; medians of wall ms and peak MiB. */
export function compare(commands, runs = 5) {
  for (const c of commands) runNode(c.args, c);
  const samples = commands.map(() => ({ wall: [], rss: [] }));
  for (let i = 0; i < runs; i++) {
    commands.forEach((c, k) => {
      const r = runNode(c.args, c);
      samples[k].wall.push(r.wall);
      samples[k].rss.push(r.rss);
    });
  }
  return samples.map((s) => ({ wall: median(s.wall), rss: median(s.rss) }));
}
