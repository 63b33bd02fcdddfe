// Fixture corpora for the diff tests: a side is a list of layers under test/fixtures/diff/<dialect>/,
// copied in order into one temp folder (a later layer's file replaces an earlier one's).
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildModel, discoverCorpora } from "../../generator/pipeline.js";
import type { Model } from "../../generator/ir/model.js";
import { compareModels } from "../../generator/diff/compare.js";
import type { Change } from "../../generator/diff/change.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const FIXTURES = path.join(ROOT, "test", "fixtures", "diff");

const made: string[] = [];
const cache = new Map<string, Promise<Model>>();

/** The reconciled model of `layers` (e.g. ["base", "member-removed"]) of one dialect's fixtures. */
export function layered(dialect: string, layers: readonly string[]): Promise<Model> {
  const key = `${dialect}:${layers.join("+")}`;
  let m = cache.get(key);
  if (!m) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "structgen-diff-test-"));
    made.push(dir);
    for (const l of layers) cpSync(path.join(FIXTURES, dialect, l), dir, { recursive: true });
    const config = path.join(dir, "structgen.config.json");
    m = discoverCorpora(dir, { config: existsSync(config) ? config : false }).then(([c]) => buildModel(c!));
    cache.set(key, m);
  }
  return m;
}

export async function changesBetween(
  dialect: string,
  old: readonly string[],
  next: readonly string[],
): Promise<Change[]> {
  return compareModels(await layered(dialect, old), await layered(dialect, next));
}

export function removeLayered(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}
