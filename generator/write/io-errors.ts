// A failed write is the user's to fix (a file in the way, a read-only folder, a full disk, a
// file-size limit), not a structgen bug: each gets a code, the path and a hint.
import path from "node:path";
import type { Code } from "../diagnostics/catalogue.js";
import { diagnostic, StructgenError } from "../diagnostics/diagnostic.js";
import { STAGE_PREFIX } from "./plan.js";

const CODES: Record<string, Code> = {
  ENOTDIR: "OUTPUT_NOT_A_FOLDER",
  EEXIST: "OUTPUT_NOT_A_FOLDER",
  EACCES: "OUTPUT_NOT_WRITABLE",
  EPERM: "OUTPUT_NOT_WRITABLE",
  EROFS: "OUTPUT_NOT_WRITABLE",
  ENOSPC: "OUTPUT_DISK_FULL",
  EDQUOT: "OUTPUT_DISK_FULL",
  EFBIG: "OUTPUT_FILE_TOO_LARGE",
};

/** A path for people: a staged file is shown at the place it was going to, other staging files as the folder. */
export function displayPath(p: string, cwd = process.cwd()): string {
  const stage = new RegExp(`[\\\\/]${STAGE_PREFIX}\\d+(?:[\\\\/](new|old)(?=[\\\\/]))?.*$`);
  const shown = p.replace(stage, (m, part: string | undefined) =>
    part ? m.replace(/^[\\/][^\\/]+[\\/](?:new|old)/, "") : "",
  );
  const rel = path.relative(cwd, shown);
  return rel === "" ? "." : rel.startsWith("..") || path.isAbsolute(rel) ? shown : rel;
}

/** The coded error for a file-system failure, or the error itself when it is not one. */
export function asOutputError(e: unknown, fallbackPath: string): unknown {
  if (e instanceof StructgenError) return e;
  const err = e as NodeJS.ErrnoException | undefined;
  if (!err || typeof err.code !== "string" || !/^E[A-Z0-9]+$/.test(err.code)) return e;
  const code = CODES[err.code] ?? "OUTPUT_WRITE_FAILED";
  const where = displayPath(typeof err.path === "string" ? err.path : fallbackPath);
  return new StructgenError([diagnostic(code, { path: where, reason: err.code })]);
}
