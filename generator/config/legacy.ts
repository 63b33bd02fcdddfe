// The old schemas/structgen.json is refused with its settings translated for structgen.config.json,
// rather than read (two files would each describe half a project) or ignored (reconciliation
// would silently stop).
import { readFileSync } from "node:fs";
import path from "node:path";
import { diagnostic, StructgenError } from "../diagnostics/diagnostic.js";

export const LEGACY_NAME = "structgen.json";

interface LegacyCorpus {
  input?: string;
  sources?: { path?: string }[];
  [key: string]: unknown;
}

/** Throws CONFIG_LEGACY_FILE when `<schemas>/structgen.json` exists. `root` is where structgen.config.json goes. */
export async function refuseLegacyConfig(schemas: string, root: string, cwd: string): Promise<void> {
  const file = path.join(schemas, LEGACY_NAME);
  let text: string;
  try {
    // Synchronous: read before every run (watch too), and almost always missing; a trip through the
    // thread pool to learn that costs more than the call.
    text = readFileSync(file, "utf8");
  } catch {
    return;
  }
  const prefix = path.relative(root, schemas).split(path.sep).join("/") || ".";
  const migration =
    translateLegacy(text, prefix) ??
    `{"schemas": "${prefix}", "corpora": <its "corpora", input and source paths prefixed ${prefix}/>}`;
  throw new StructgenError([diagnostic("CONFIG_LEGACY_FILE", { path: path.relative(cwd, file) || file, migration })]);
}

/**
 * An old structgen.json's settings as structgen.config.json text, for a config written `prefix` above
 * the schemas folder (`structgen diff` reads old revisions through it); undefined when it is not JSON.
 */
export function translateLegacy(text: string, prefix: string): string | undefined {
  const join = (p: string) => path.posix.normalize(`${prefix}/${p}`);
  try {
    const old = JSON.parse(text) as { corpora?: Record<string, LegacyCorpus> };
    const corpora = Object.fromEntries(Object.entries(old.corpora ?? {}).map(([name, c]) => [name, moved(c, join)]));
    return JSON.stringify({ schemas: prefix, corpora });
  } catch {
    return undefined;
  }
}

/** A corpus's settings with its paths made relative to structgen.config.json, keys in their order. */
function moved(c: LegacyCorpus, join: (p: string) => string): LegacyCorpus {
  const sourcePath = (s: { path?: string }) => (s.path !== undefined ? { ...s, path: join(s.path) } : s);
  return Object.fromEntries(
    Object.entries(c).map(([key, v]) => {
      if (key === "input" && typeof v === "string") return [key, join(v)];
      if (key === "sources" && Array.isArray(v)) return [key, (v as { path?: string }[]).map(sourcePath)];
      return [key, v];
    }),
  );
}
