// Loads each configured evidence source through its adapter. An aws-sdk source whose package is
// not installed falls back to its recorded facts, when the config names them.
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { diagnostic, StructgenError, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { CorpusConfig, SourceConfig } from "./config.js";
import type { Evidence, SourceInfo } from "./evidence.js";
import { declarationFiles, MODELS, recordingFiles } from "./sources/files.js";

const DESCRIBE: Record<string, string> = {
  botocore: "AWS's botocore service model",
  "boto3-docs": "boto3 documentation pages",
  "aws-sdk": "AWS SDK for JavaScript v3 type declarations",
  recorded: "responses recorded from a live service",
};

/** Where a source's `path` points (absolute), when it has one. */
const sourcePath = (config: CorpusConfig, s: SourceConfig): string | undefined =>
  s.path ? path.join(config.base, s.path) : undefined;

/** The boto3 pages of a boto3-docs folder: its *.txt files, sorted. */
const boto3DocsFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort();

/** The installed package folder of an aws-sdk source, resolved from the config's folder; undefined when absent. */
function sdkPackageDir(config: CorpusConfig, s: SourceConfig): string | undefined {
  if (!s.package) return undefined;
  try {
    const pkg = createRequire(path.join(path.resolve(config.base), "noop.js")).resolve(`${s.package}/package.json`);
    // Node caches resolutions for the life of the process: a package removed since (watch mode) is gone.
    return existsSync(pkg) ? path.dirname(pkg) : undefined;
  } catch {
    return undefined;
  }
}

async function loadOne(config: CorpusConfig, s: SourceConfig, notes: Diagnostic[]): Promise<Evidence> {
  const info: SourceInfo = {
    id: s.id,
    kind: s.kind,
    description: s.description ?? `${DESCRIBE[s.kind]}${s.path ? ` (${s.path})` : s.package ? ` (${s.package})` : ""}`,
  };
  const where = sourcePath(config, s);
  if (s.kind !== "aws-sdk" && (!where || !existsSync(where)))
    throw missing(s, `no file or folder at ${s.path ?? "(no path)"}`);
  switch (s.kind) {
    case "botocore": {
      const { loadBotocore } = await import("./sources/botocore.js");
      return loadBotocore(info, where!, s.path!);
    }
    case "boto3-docs": {
      const { loadBoto3Docs } = await import("./sources/boto3-docs.js");
      const files = boto3DocsFiles(where!);
      return loadBoto3Docs(
        info,
        files.map((f) => ({ path: path.join(where!, f), display: `${s.path}/${f}` })),
      );
    }
    case "aws-sdk": {
      if (!s.package) throw missing(s, "no package named");
      const dir = sdkPackageDir(config, s);
      if (dir) {
        const { loadAwsSdk } = await import("./sources/aws-sdk.js");
        const recorded = s.facts ? { path: path.join(config.base, s.facts), display: s.facts } : undefined;
        return loadAwsSdk(info, dir, recorded);
      }
      const reason = `package ${s.package} is not installed`;
      const facts = s.facts ? path.join(config.base, s.facts) : undefined;
      if (!facts) throw missing(s, reason);
      if (!existsSync(facts)) throw missing(s, `${reason}, and its recorded facts ${s.facts} are missing`);
      const { readSdkFacts } = await import("./sources/aws-sdk-facts.js");
      const recorded = await readSdkFacts(info, facts, s.facts!, s.package);
      const { package: pkg, version } = recorded;
      notes.push(diagnostic("SOURCE_FACTS_USED", { id: s.id, reason, package: pkg, version, facts: s.facts! }));
      return recorded.evidence;
    }
    case "recorded": {
      const { loadRecorded } = await import("./sources/recorded.js");
      return loadRecorded(info, where!, s.path!);
    }
    default:
      throw missing(s, `unknown kind ${String(s.kind)}`);
  }
}

/** The files a source reads, named for the digest ('/'-separated, relative), with their absolute paths. */
export interface SourceFiles {
  /** How the source is read: "file", "folder", "package", "facts", "missing" (…and why). */
  state: string;
  files: { name: string; path: string }[];
}

/**
 * What loading a source would read, listed by the same functions the adapters use (so the cache's
 * digest covers exactly those files). Listing failures become part of `state`, never an error.
 */
export function sourceFiles(config: CorpusConfig, s: SourceConfig): SourceFiles {
  const where = sourcePath(config, s);
  const named = (dir: string, names: string[], prefix = "") =>
    names.map((n) => ({ name: `${prefix}${n.split(path.sep).join("/")}`, path: path.join(dir, n) }));
  try {
    if (s.kind === "aws-sdk") {
      const dir = sdkPackageDir(config, s);
      if (dir) {
        const models = named(path.join(dir, MODELS), declarationFiles(dir), `${MODELS}/`);
        // Recorded facts may stand in for scanning these files (aws-sdk.ts loadAwsSdk): they count too.
        const facts = s.facts ? path.join(config.base, s.facts) : undefined;
        const recorded = facts && existsSync(facts) ? [{ name: s.facts!, path: facts }] : [];
        const pkg = { name: "package.json", path: path.join(dir, "package.json") };
        return { state: "package", files: [pkg, ...models, ...recorded] };
      }
      const facts = s.facts ? path.join(config.base, s.facts) : undefined;
      return facts && existsSync(facts)
        ? { state: "facts", files: [{ name: s.facts!, path: facts }] }
        : { state: "missing", files: [] };
    }
    if (!where || !existsSync(where)) return { state: "missing", files: [] };
    if (s.kind === "boto3-docs") return { state: "folder", files: named(where, boto3DocsFiles(where)) };
    if (s.kind === "recorded") return { state: "folder", files: named(where, recordingFiles(where)) };
    return { state: "file", files: [{ name: s.path!, path: where }] };
  } catch (e) {
    return { state: `unlistable: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, files: [] };
  }
}

/** What one source contributed: its evidence and any notes (e.g. recorded facts stood in). */
export interface LoadedSource {
  evidence: Evidence;
  notes: Diagnostic[];
}

/** Reuses a source's evidence while its files are unchanged (watch mode; cache/evidence.ts). */
export interface EvidenceMemo {
  source(config: CorpusConfig, s: SourceConfig, load: () => Promise<LoadedSource>): Promise<LoadedSource>;
}

class Missing extends Error {
  constructor(
    readonly source: SourceConfig,
    readonly reason: string,
  ) {
    super(reason);
  }
}
const missing = (s: SourceConfig, reason: string) => new Missing(s, reason);

export async function loadEvidence(
  config: CorpusConfig,
  memo?: EvidenceMemo,
): Promise<{ evidence: Evidence[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const evidence: Evidence[] = [];
  for (const s of config.sources) {
    try {
      const load = async (): Promise<LoadedSource> => {
        const notes: Diagnostic[] = [];
        return { evidence: await loadOne(config, s, notes), notes };
      };
      const loaded = memo ? await memo.source(config, s, load) : await load();
      evidence.push(loaded.evidence);
      diagnostics.push(...loaded.notes);
    } catch (e) {
      if (!(e instanceof Missing)) throw e;
      const d = diagnostic(s.optional ? "SOURCE_SKIPPED" : "SOURCE_MISSING", { id: s.id, reason: e.reason });
      if (!s.optional) throw new StructgenError([d]);
      diagnostics.push(d);
    }
  }
  return { evidence, diagnostics };
}
