// Recorded facts of the aws-sdk source: the committed snapshot is exactly what the reader finds in
// the installed package (a stale snapshot fails here), and loadEvidence reads it, saying so, when
// the package cannot be resolved. Re-record with
// `STRUCTGEN_RECORD=1 npx vitest run test/reconcile/aws-sdk-facts.test.ts`.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StructgenError, type Diagnostic } from "../../generator/diagnostics/diagnostic.js";
import { loadProject } from "../../generator/config/project.js";
import type { CorpusConfig, SourceConfig } from "../../generator/reconcile/config.js";
import type { Evidence } from "../../generator/reconcile/evidence.js";
import { loadEvidence } from "../../generator/reconcile/load-evidence.js";
import {
  declarationsDigest,
  loadAwsSdk,
  readDeclarations,
  sdkPackage,
} from "../../generator/reconcile/sources/aws-sdk.js";
import { readSdkFacts, sdkFactsText } from "../../generator/reconcile/sources/aws-sdk-facts.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CONFIG = path.join(ROOT, "structgen.config.json");

/** The corpora a config file lists, with their settings. */
const configured = async (config: string): Promise<CorpusConfig[]> => (await loadProject({ config })).corpora ?? [];
const RECORD = process.env["STRUCTGEN_RECORD"] === "1";

/** The bundled config's aws-sdk sources that name recorded facts. */
async function bundledSdkSources(): Promise<{ corpus: CorpusConfig; source: SourceConfig }[]> {
  const corpora = await configured(CONFIG);
  return corpora.flatMap((corpus) =>
    corpus.sources.filter((s) => s.kind === "aws-sdk" && s.facts).map((source) => ({ corpus, source })),
  );
}

describe("the bundled corpus's recorded SDK facts", () => {
  it("name a facts file for every aws-sdk source", async () => {
    const corpora = await configured(CONFIG);
    const sdk = corpora.flatMap((c) => c.sources.filter((s) => s.kind === "aws-sdk"));
    expect(sdk.length).toBeGreaterThan(0);
    expect(sdk.filter((s) => !s.facts)).toEqual([]);
  });

  it("are exactly a fresh reading of the installed package (else: re-record them)", async () => {
    for (const { corpus, source } of await bundledSdkSources()) {
      const dir = path.dirname(
        createRequire(path.join(corpus.base, "noop.js")).resolve(`${source.package}/package.json`),
      );
      const info = { id: source.id, kind: source.kind, description: "fresh" };
      const fresh = await loadAwsSdk(info, dir);
      const text = sdkFactsText(fresh, await sdkPackage(dir), declarationsDigest(await readDeclarations(dir)));
      const file = path.join(corpus.base, source.facts!);
      if (RECORD) await writeFile(file, text);
      const committed = await readFile(file, "utf8");
      expect(
        committed === text,
        `${source.facts} is stale: run STRUCTGEN_RECORD=1 npx vitest run test/reconcile/aws-sdk-facts.test.ts`,
      ).toBe(true);
      const read = await readSdkFacts(info, file, source.facts!);
      expect(read.package).toBe(source.package);
      expect(ordered(read.evidence)).toStrictEqual(ordered(fresh));
    }
  });
});

describe("loadAwsSdk: recorded facts stand in for scanning only the files they were read from", () => {
  it("the same digest reads the facts; any other scans the package", async () => {
    const [{ corpus, source }] = await bundledSdkSources();
    const dir = path.dirname(
      createRequire(path.join(corpus!.base, "noop.js")).resolve(`${source!.package}/package.json`),
    );
    const info = { id: source!.id, kind: source!.kind, description: "x" };
    const scanned = await loadAwsSdk(info, dir);
    // A marked copy of the facts: a result that carries the mark came from the facts.
    const doc = JSON.parse(await readFile(path.join(ROOT, source!.facts!), "utf8")) as {
      declarations: string;
      shapes: { doc?: string }[];
    };
    doc.shapes[0]!.doc = "MARK";
    const tmp = await mkdtemp(path.join(tmpdir(), "structgen-facts-digest-"));
    const file = path.join(tmp, "facts.json");
    const load = async (declarations: string): Promise<Evidence> => {
      await writeFile(file, `${JSON.stringify({ ...doc, declarations }, null, 2)}\n`);
      return loadAwsSdk(info, dir, { path: file, display: "facts.json" });
    };
    try {
      const first = (e: Evidence) => [...e.shapes.values()][0]!.doc;
      expect(doc.declarations).toBe(declarationsDigest(await readDeclarations(dir)));
      expect(first(await load(doc.declarations))).toBe("MARK");
      const other = await load("0".repeat(64));
      expect(first(other)).not.toBe("MARK");
      expect(ordered(other)).toStrictEqual(ordered(scanned));
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});

/** Shapes and members as entry lists, so equality also checks their order. */
function ordered(e: Evidence): unknown {
  const walk = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(walk) : v && typeof v === "object" ? Object.entries(v).map(([k, x]) => [k, walk(x)]) : v;
  return [e.source, [...e.shapes].map(([k, s]) => [k, walk(s)])];
}

describe("loadEvidence: an aws-sdk source whose package cannot be resolved", () => {
  let root: string;
  let n = 0;
  let facts: string;
  beforeAll(async () => {
    // Outside the repository, so no node_modules above it resolves the package.
    root = await mkdtemp(path.join(tmpdir(), "structgen-facts-"));
    const [{ source }] = await bundledSdkSources();
    facts = await readFile(path.join(ROOT, source!.facts!), "utf8");
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function config(source: Partial<SourceConfig>, factsText?: string): Promise<CorpusConfig> {
    const dir = path.join(root, `c${n++}`);
    await mkdir(path.join(dir, "sources"), { recursive: true });
    const s = { id: "aws-sdk", kind: "aws-sdk", package: "@aws-sdk/client-cognito-identity-provider", ...source };
    const file = path.join(dir, "structgen.config.json");
    await writeFile(file, JSON.stringify({ schemas: ".", corpora: { w: { sources: [s] } } }));
    if (factsText !== undefined) await writeFile(path.join(dir, "sources", "sdk.facts.json"), factsText);
    return (await configured(file))[0]!;
  }
  const failure = (p: Promise<unknown>): Promise<Diagnostic[]> =>
    p.then(
      () => {
        throw new Error("expected a StructgenError");
      },
      (e: unknown) => {
        expect(e).toBeInstanceOf(StructgenError);
        return (e as StructgenError).diagnostics;
      },
    );

  it("reads the recorded facts, and says which source, package, version and file", async () => {
    const c = await config({ facts: "sources/sdk.facts.json" }, facts);
    expect(existsSync(path.join(c.base, "node_modules"))).toBe(false);
    const { evidence, diagnostics } = await loadEvidence(c);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.source).toMatchObject({
      id: "aws-sdk",
      kind: "aws-sdk",
      description: expect.stringContaining("@aws-sdk/client-cognito-identity-provider"),
    });
    expect(evidence[0]!.shapes.size).toBeGreaterThan(400);
    expect(diagnostics).toHaveLength(1);
    const version = (JSON.parse(facts) as { version: string }).version;
    expect(diagnostics[0]).toMatchObject({ code: "SOURCE_FACTS_USED", severity: "warning" });
    expect(diagnostics[0]!.message).toBe(
      `evidence source aws-sdk: package @aws-sdk/client-cognito-identity-provider is not installed; ` +
        `using the facts recorded from @aws-sdk/client-cognito-identity-provider ${version} in sources/sdk.facts.json`,
    );
  });

  it("without facts: SOURCE_MISSING, or SOURCE_SKIPPED when optional, naming the package", async () => {
    const missing = await failure(loadEvidence(await config({})));
    expect(missing).toMatchObject([{ code: "SOURCE_MISSING", params: { id: "aws-sdk" } }]);
    expect(missing[0]!.message).toContain("package @aws-sdk/client-cognito-identity-provider is not installed");
    const { evidence, diagnostics } = await loadEvidence(await config({ optional: true }));
    expect(evidence).toEqual([]);
    expect(diagnostics).toMatchObject([{ code: "SOURCE_SKIPPED", params: { id: "aws-sdk" } }]);
  });

  it("facts named but absent: the message says both are missing", async () => {
    const ds = await failure(loadEvidence(await config({ facts: "sources/sdk.facts.json" })));
    expect(ds).toMatchObject([{ code: "SOURCE_MISSING" }]);
    expect(ds[0]!.message).toContain("is not installed, and its recorded facts sources/sdk.facts.json are missing");
  });

  it("malformed facts: SOURCE_FACTS_INVALID at the offending value, or JSON_SYNTAX", async () => {
    const doc = JSON.parse(facts) as { shapes: { members?: Record<string, { required?: unknown }> }[] };
    const i = doc.shapes.findIndex((s) => s.members && Object.keys(s.members).length > 0);
    const member = Object.keys(doc.shapes[i]!.members!)[0]!;
    doc.shapes[i]!.members![member]!.required = "yes";
    const text = JSON.stringify(doc, null, 2);
    const ds = await failure(loadEvidence(await config({ facts: "sources/sdk.facts.json" }, text)));
    expect(ds).toHaveLength(1);
    const pointer = `/shapes/${i}/members/${member}/required`;
    expect(ds[0]).toMatchObject({ code: "SOURCE_FACTS_INVALID", at: { file: "sources/sdk.facts.json", pointer } });
    const line = text.slice(0, text.indexOf('"required": "yes"')).split("\n").length;
    expect(ds[0]!.at!.line).toBe(line);
    expect(ds[0]!.message).toContain(`${pointer} has the wrong type`);

    const syntax = await failure(loadEvidence(await config({ facts: "sources/sdk.facts.json" }, facts.slice(0, 200))));
    expect(syntax[0]).toMatchObject({ code: "JSON_SYNTAX", at: { file: "sources/sdk.facts.json" } });
  });

  it("facts recorded from another package are refused", async () => {
    const ds = await failure(
      loadEvidence(await config({ package: "@aws-sdk/client-other", facts: "sources/sdk.facts.json" }, facts)),
    );
    expect(ds).toMatchObject([{ code: "SOURCE_FACTS_INVALID", at: { pointer: "/package" } }]);
    expect(ds[0]!.message).toContain("@aws-sdk/client-other");
  });
});
