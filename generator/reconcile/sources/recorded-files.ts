// The files a recorded source reads, apart from the reader, so the cache can hash exactly these.
import { readdirSync } from "node:fs";

/** The recording files under `dir` (native relative paths, sorted): the ones readRecordings reads. */
export function recordingFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".json"))
    .sort();
}
