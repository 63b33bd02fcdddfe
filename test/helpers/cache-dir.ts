// Global setup: the tests' generation cache lives in a temporary folder of this run, never in the
// shared node_modules/.cache; spawned CLIs inherit it. Removed at the end.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), "structgen-test-cache-"));
  process.env["STRUCTGEN_CACHE_DIR"] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
