// Shared by the CLI tests: the real command line, `node bin/structgen.js …`, in a clean environment.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = path.join(ROOT, "bin", "structgen.js");
export const FIXTURES = path.join(ROOT, "test", "fixtures", "cli");
export const MINI = path.join(FIXTURES, "mini-corpus");
export const BROKEN = path.join(FIXTURES, "broken-corpus");

/** The CLI runs from dist/; build it once when a test file runs before `npm run build`. */
export function ensureBuilt(): void {
  if (existsSync(path.join(ROOT, "dist", "cli", "main.js"))) return;
  const b = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
  if (b.status !== 0) throw new Error(`npm run build failed:\n${b.stdout}\n${b.stderr}`);
}

export interface CliOptions {
  cwd: string;
  input?: string;
  /** Added to (or, when undefined, removed from) a colourless, debug-free environment. */
  env?: Record<string, string | undefined>;
  nodeArgs?: string[];
  /** Another copy of bin/structgen.js to run (default: this checkout's). */
  bin?: string;
}

export function runCli(args: string[], opts: CliOptions): SpawnSyncReturns<string> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: "1",
    FORCE_COLOR: undefined,
    STRUCTGEN_DEBUG: undefined,
    STRUCTGEN_TEST_PROGRESS: undefined,
    ...opts.env,
  };
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), opts.bin ?? BIN, ...args], {
    cwd: opts.cwd,
    input: opts.input ?? "",
    encoding: "utf8",
    env,
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return r;
}
