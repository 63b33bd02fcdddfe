// Where structgen.config.json is: named with --config, or the nearest one from the working folder up.
import { statSync } from "node:fs";
import path from "node:path";

export const CONFIG_NAME = "structgen.config.json";

const isFile = (p: string): boolean => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/** The nearest structgen.config.json in `from` or a folder above it; undefined when there is none. */
export function findConfig(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_NAME);
    if (isFile(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}
