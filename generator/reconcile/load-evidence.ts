// Loads each configured evidence source through its adapter. An aws-sdk source whose package is
// not installed falls back to its recorded facts, when the config names them.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { diagnostic, StructgenError, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { CorpusConfig, SourceConfig } from "./config.js";
import type { Evidence, SourceInfo } from "./evidence.js";

const DESCRIBE: Record<string, string> = {
  botocore: "AWS's botocore service model",
  "boto3-docs": "boto3 documentation pages",
  "aws-sdk": "AWS SDK for JavaScript v3 type declarations",
  recorded: "responses recorded from a live service",
};

async function loadOne(config: CorpusConfig, s: SourceConfig, notes: Diagnostic[]): Promise<Evidence> {
  const info: SourceInfo = { id: s.id, kind: s.kind, description: s.description ?? `${DESCRIBE[s.kind]}${s.path ? ` (${s.path})` : s.package ? ` (${s.package})` : ""}` };
  const where = s.path ? path.join(config.base, s.path) : undefined;
  if (s.kind !== "aws-sdk" && (!where || !existsSync(where))) throw missing(s, `no file or folder at ${s.path ?? "(no path)"}`);
  switch (s.kind) {
    case "botocore": {
      const { loadBotocore } = await import("./sources/botocore.js");
      return loadBotocore(info, where!, s.path!);
    }
    case "boto3-docs": {
      const [{ loadBoto3Docs }, { readdir }] = await Promise.all([import("./sources/boto3-docs.js"), import("node:fs/promises")]);
      const files = (await readdir(where!)).filter((f) => f.endsWith(".txt")).sort();
      return loadBoto3Docs(info, files.map((f) => ({ path: path.join(where!, f), display: `${s.path}/${f}` })));
    }
    case "aws-sdk": {
      if (!s.package) throw missing(s, "no package named");
      let dir: string | undefined;
      try {
        dir = path.dirname(createRequire(path.join(path.resolve(config.base), "noop.js")).resolve(`${s.package}/package.json`));
      } catch {
        dir = undefined;
      }
      if (dir) {
        const { loadAwsSdk } = await import("./sources/aws-sdk.js");
        return loadAwsSdk(info, dir);
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

class Missing extends Error {
  constructor(readonly source: SourceConfig, readonly reason: string) {
    super(reason);
  }
}
const missing = (s: SourceConfig, reason: string) => new Missing(s, reason);

export async function loadEvidence(config: CorpusConfig): Promise<{ evidence: Evidence[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const evidence: Evidence[] = [];
  for (const s of config.sources) {
    try {
      evidence.push(await loadOne(config, s, diagnostics));
    } catch (e) {
      if (!(e instanceof Missing)) throw e;
      const d = diagnostic(s.optional ? "SOURCE_SKIPPED" : "SOURCE_MISSING", { id: s.id, reason: e.reason });
      if (!s.optional) throw new StructgenError([d]);
      diagnostics.push(d);
    }
  }
  return { evidence, diagnostics };
}
