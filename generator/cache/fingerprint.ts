// What makes two runs of structgen produce the same output from the same inputs: its own code and
// what that code runs on. The version in package.json does not change while structgen is developed,
// so the fingerprint hashes the files of structgen itself (the built generator, package.json, the
// config's JSON Schema), the Node.js version, and the installed version of each runtime dependency.
// No absolute path enters it: a copy of the package elsewhere has the same fingerprint.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Digest } from "./hash.js";
import { HashIndex } from "./hash-index.js";

let cached: string | undefined;

/**
 * sha-256 over structgen's own code (path and bytes, sorted), its runtime and its dependencies'
 * versions; computed once per process. `index` spares reading files whose status is unchanged.
 */
export function generatorFingerprint(index: HashIndex = HashIndex.open()): string {
  if (cached) return cached;
  // dist/cache/fingerprint.js (or generator/cache/fingerprint.ts under the tests): the code is one folder up.
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const pkgRoot = path.dirname(root);
  const digest = new Digest().add("structgen-fingerprint/1", process.version);
  // Names are built by hand: path.join per file costs more than the walk itself on a cold start.
  const files: [rel: string, abs: string][] = [];
  const walk = (dir: string, rel: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = `${dir}${path.sep}${e.name}`;
      if (e.isDirectory()) walk(abs, `${rel}${e.name}/`);
      else if (e.isFile() && /\.(js|ts|json)$/.test(e.name) && !e.name.endsWith(".d.ts"))
        files.push([rel + e.name, abs]);
    }
  };
  walk(root, "");
  files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [name, abs] of files) {
    const sha = index.hash(abs, true);
    digest.add(name, typeof sha === "string" ? sha : `unreadable ${sha.reason}`);
  }
  const pkgText = readFileSync(path.join(pkgRoot, "package.json"));
  digest.add("package.json", pkgText);
  digest.add("structgen.config.schema.json", readOr(path.join(pkgRoot, "structgen.config.schema.json")));
  const pkg = JSON.parse(pkgText.toString("utf8")) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(pkg.dependencies ?? {}).sort()) digest.add(dep, installedVersion(pkgRoot, dep));
  cached = digest.hex();
  return cached;
}

/** The version in node_modules/<dep>/package.json, looked up from `from` upward as Node resolves it. */
function installedVersion(from: string, dep: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const text = readFileSync(path.join(dir, "node_modules", dep, "package.json"), "utf8");
      return String((JSON.parse(text) as { version?: unknown }).version);
    } catch {
      if (path.dirname(dir) === dir) return "not installed";
    }
  }
}

function readOr(file: string): Buffer | string {
  try {
    return readFileSync(file);
  } catch {
    return "missing";
  }
}
