// Checks of command-line paths before any work starts: an argument that cannot be read is a usage error (exit 2).
import { readdir } from "node:fs/promises";
import { usageError } from "./args.js";

/** Throws USAGE_UNREADABLE_ARGUMENT unless `dir` (given as `option`) is a folder structgen can list. */
export async function readableFolder(dir: string, option: string): Promise<void> {
  try {
    await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    const reason = code === "ENOTDIR" ? "not a folder (ENOTDIR)" : code;
    throw usageError("USAGE_UNREADABLE_ARGUMENT", { argument: `${option} ${dir}`, reason, expected: "folder" });
  }
}
