import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every regular file below `dir` ('/'-separated relative path → bytes). */
export function treeOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(e.parentPath, e.name);
    if (e.isFile()) out.set(path.relative(dir, full).split(path.sep).join("/"), readFileSync(full));
  }
  return out;
}
