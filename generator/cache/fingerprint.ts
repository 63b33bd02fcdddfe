// What makes two runs of structgen produce the same output from the same inputs: its own code.
// The version in package.json does not change while structgen is developed, so the fingerprint
// hashes the files of structgen itself (the built generator plus package.json), once per process.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/** sha-256 over every file of the generator's own code, in sorted order (path and bytes). */
export function generatorFingerprint(): string {
  if (cached) return cached;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(here, "..");
  const hash = createHash("sha256");
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.(js|ts|json)$/.test(e.name) && !e.name.endsWith(".d.ts")) files.push(p);
    }
  };
  walk(root);
  files.sort();
  for (const f of files) hash.update(`${path.relative(root, f)}\0`).update(readFileSync(f)).update("\0");
  hash.update(readFileSync(path.join(root, "..", "package.json")));
  cached = hash.digest("hex");
  return cached;
}
