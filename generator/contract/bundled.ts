// The corpora shipped with structgen (its own generated/ folder): found on request, and loaded only
// when a check needs one. Nothing here runs at import time.
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { diagnostic, StructgenError } from "../diagnostics/diagnostic.js";

/** The package's own generated/ folder (beside dist/ and generator/). */
export const bundledRoot = fileURLToPath(new URL("../../generated/", import.meta.url));

/** The bundled corpora that have validators, sorted. */
export function bundledCorpora(root = bundledRoot): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(root, e.name, "validators.js")))
    .map((e) => e.name)
    .sort();
}

/** The named bundled corpus, or the only one; a coded error names the choices otherwise. */
export function bundledValidators(corpus?: string): { name: string; file: string } {
  const names = bundledCorpora();
  const name = corpus ?? (names.length === 1 ? names[0] : undefined);
  if (name === undefined || !names.includes(name)) {
    const reason =
      names.length === 0
        ? "structgen's generated/ folder holds no validators"
        : corpus === undefined
          ? `name one of ${names.join(", ")}`
          : `${JSON.stringify(corpus)} is not one of ${names.join(", ")}`;
    throw new StructgenError([diagnostic("CONTRACT_NO_BUNDLED_CORPUS", { reason })]);
  }
  return { name, file: path.join(bundledRoot, name, "validators.js") };
}

export const importModule = async (file: string): Promise<unknown> => import(pathToFileURL(file).href);

const requireModule = createRequire(import.meta.url);

/**
 * Loads an ES module synchronously (Node's require of ES modules, on by default from 20.19): the
 * plain checkContract export must stay synchronous without loading anything at import time.
 */
export const loadModuleSync = (file: string): unknown => requireModule(file);
