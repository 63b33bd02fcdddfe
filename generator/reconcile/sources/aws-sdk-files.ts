// The files an aws-sdk source reads, apart from the reader (and its scanner), so the cache can hash
// exactly these without loading it.
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
