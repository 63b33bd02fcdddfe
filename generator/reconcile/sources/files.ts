// The files the aws-sdk and recorded sources read, listed apart from their readers, so the cache can
// hash exactly these without loading the readers (reconcile/load-evidence.ts sourceFiles).
import { readdirSync } from "node:fs";
import path from "node:path";

/** Where an AWS SDK v3 client keeps its model declarations, in its package folder. */
export const MODELS = "dist-types/models";

/** The declaration files loadAwsSdk reads: names in MODELS, sorted. Synchronous: one folder, listed fast. */
export function declarationFiles(packageDir: string): string[] {
  return readdirSync(path.join(packageDir, MODELS))
    .filter((f) => f.endsWith(".d.ts"))
    .sort();
}

/** The recording files under `dir` (native relative paths, sorted): the ones readRecordings reads. */
export function recordingFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".json"))
    .sort();
}
