// A corpus's reconciliation settings in structgen.config.json (`corpora`): reading, checking
// against structgen.config.schema.json, defaults, and what happens when a configured evidence
// source is not there. The file as a whole is tested in test/config/project.test.ts.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProject } from "../../generator/config/project.js";
import { StructgenError, type Diagnostic } from "../../generator/diagnostics/diagnostic.js";
import { DEFAULT_POLICIES, type CorpusConfig } from "../../generator/reconcile/config.js";
import { loadEvidence } from "../../generator/reconcile/load-evidence.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
let root: string;
let n = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "structgen-config-"));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** A fresh folder holding structgen.config.json with exactly `text`. */
async function folder(text: string): Promise<string> {
  const dir = path.join(root, `c${n++}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "structgen.config.json"), text);
  return dir;
}

/** The corpora a config in `dir` lists, read from that folder as the working folder. */
async function readCorpora(dir: string): Promise<CorpusConfig[] | undefined> {
  return (await loadProject({ cwd: dir })).corpora;
}

async function configError(text: string): Promise<Diagnostic[]> {
  const dir = await folder(text);
  try {
    await readCorpora(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(StructgenError);
    return (e as StructgenError).diagnostics;
  }
  throw new Error("loadProject accepted an invalid config");
}

const MINIMAL_BOTOCORE = JSON.stringify({
  metadata: { protocol: "json" },
  shapes: { Name: { type: "string", max: 10 } },
});

describe("corpora in structgen.config.json", () => {
  it("no corpora listed: undefined (every corpus under `schemas` is generated, without settings)", async () => {
    const dir = await folder(JSON.stringify({ schemas: "json" }));
    await expect(readCorpora(dir)).resolves.toBeUndefined();
  });

  it("reads a valid config: corpora sorted by name, paths from the config's folder, overrides located", async () => {
    const text = `{
  "$schema": "./node_modules/structgen/structgen.config.schema.json",
  "corpora": {
    "widgets": {
      "input": "json-structure/widgets",
      "sources": [
        { "id": "botocore", "kind": "botocore", "path": "sources/widgets/service-2.json" },
        { "id": "sdk", "kind": "aws-sdk", "package": "@aws-sdk/client-widgets", "optional": true, "description": "the SDK" }
      ],
      "authority": "botocore",
      "policies": { "enumMembers": "authority", "openEnums": false },
      "overrides": [
        { "subject": "Widget.Color", "fact": "knownValues", "value": ["RED", "BLUE"], "reason": "The console offers exactly these." }
      ]
    },
    "gadgets": {}
  }
}
`;
    const dir = await folder(text);
    const configs = (await readCorpora(dir))!;
    expect(configs.map((c) => c.name)).toEqual(["gadgets", "widgets"]);
    const [gadgets, widgets] = configs as [CorpusConfig, CorpusConfig];
    // Without `input`, a corpus is <schemas>/<name>; `schemas` defaults to "schemas".
    expect(gadgets).toEqual({
      name: "gadgets",
      input: path.join(dir, "schemas", "gadgets"),
      base: dir,
      sources: [],
      policies: DEFAULT_POLICIES,
      overrides: [],
    });
    expect(widgets.input).toBe(path.join(dir, "json-structure/widgets"));
    expect(widgets.base).toBe(dir);
    expect(widgets.authority).toBe("botocore");
    expect(widgets.sources).toEqual([
      { id: "botocore", kind: "botocore", path: "sources/widgets/service-2.json" },
      { id: "sdk", kind: "aws-sdk", package: "@aws-sdk/client-widgets", optional: true, description: "the SDK" },
    ]);
    expect(widgets.overrides).toEqual([
      {
        subject: "Widget.Color",
        fact: "knownValues",
        value: ["RED", "BLUE"],
        reason: "The console offers exactly these.",
        at: { file: "structgen.config.json", pointer: "/corpora/widgets/overrides/0", line: 13, column: 9 },
      },
    ]);
  });

  it("regression: an override's location names structgen.config.json alike from any working folder", async () => {
    const override = { subject: "A.b", fact: "required", value: true, reason: "Always sent by the service." };
    const dir = await folder(JSON.stringify({ corpora: { w: { overrides: [override] } } }));
    await mkdir(path.join(dir, "deep", "er"), { recursive: true });
    const from = async (cwd: string) => (await loadProject({ cwd })).corpora![0]!.overrides[0]!.at;
    expect(await from(path.join(dir, "deep", "er"))).toEqual(await from(dir));
    expect((await from(dir))!.file).toBe("structgen.config.json");
  });

  it("fills every policy the config leaves out with its default", async () => {
    const dir = await folder(
      JSON.stringify({ corpora: { w: { policies: { enumMembers: "authority", openEnums: false } } } }),
    );
    const [w] = (await readCorpora(dir))!;
    expect(w!.policies).toEqual({ ...DEFAULT_POLICIES, enumMembers: "authority", openEnums: false });
    expect(DEFAULT_POLICIES).toEqual({
      enumMembers: "union",
      openEnums: true,
      knownValuesFromProse: true,
      timestamps: "protocol",
      repairBooleanEnums: true,
      deprecatedFromProse: true,
      required: "authority",
      constraints: "authority",
      addMissingMembers: true,
      sensitive: "union",
    });
  });

  it("this repository's structgen.config.json lists cognito-idp, and every source path it names exists", async () => {
    const configs = (await readCorpora(ROOT))!;
    expect(configs.map((c) => c.name)).toEqual(["cognito-idp"]);
    const [cognito] = configs as [CorpusConfig];
    expect(cognito.input).toBe(path.join(ROOT, "schemas", "cognito-idp"));
    expect(cognito.authority).toBe("botocore");
    expect(cognito.sources.map((s) => s.kind)).toEqual(expect.arrayContaining(["botocore", "boto3-docs", "aws-sdk"]));
    const { existsSync } = await import("node:fs");
    for (const s of cognito.sources.filter((x) => x.path))
      expect(existsSync(path.join(cognito.base, s.path!)), s.path).toBe(true);
  });

  it.each([
    {
      name: "unknown policy key",
      text: `{
  "corpora": {
    "w": {
      "policies": { "enumMembers": "union", "mergeEverything": true }
    }
  }
}`,
      pointer: "/corpora/w/policies/mergeEverything",
      line: 4,
      column: 64,
      reason: /unknown setting "mergeEverything"/,
    },
    {
      name: "bad source kind",
      text: `{
  "corpora": {
    "w": {
      "sources": [
        { "id": "swagger", "kind": "openapi", "path": "x.json" }
      ]
    }
  }
}`,
      pointer: "/corpora/w/sources/0/kind",
      line: 5,
      column: 36,
      reason: /must be one of "botocore", "boto3-docs", "aws-sdk", "recorded"/,
    },
    {
      name: "override without a reason",
      text: `{
  "corpora": {
    "w": {
      "overrides": [
        { "subject": "A.B", "fact": "required", "value": true }
      ]
    }
  }
}`,
      pointer: "/corpora/w/overrides/0",
      line: 5,
      column: 9,
      reason: /must have required property 'reason'/,
    },
    {
      name: "a bad policy value",
      text: `{ "corpora": { "w": { "policies": { "timestamps": "iso" } } } }`,
      pointer: "/corpora/w/policies/timestamps",
      line: 1,
      column: 51,
      reason: /must be one of "protocol", "schema"/,
    },
  ])(
    "invalid: $name → CONFIG_INVALID at structgen.config.json line:column",
    async ({ text, pointer, line, column, reason }) => {
      const ds = await configError(text);
      expect(ds.length).toBeGreaterThan(0);
      for (const d of ds) expect(d).toMatchObject({ code: "CONFIG_INVALID", severity: "error" });
      const d = ds.find((x) => x.at?.pointer === pointer);
      expect(
        d,
        `a diagnostic at ${pointer}; got ${ds.map((x) => `${x.at?.pointer}: ${x.message}`).join("; ")}`,
      ).toBeDefined();
      expect(d!.at).toEqual({ file: "structgen.config.json", pointer, line, column });
      expect(d!.message).toMatch(reason);
      expect(d!.message).toMatch(new RegExp(`^structgen\\.config\\.json: ${pointer}: `));
    },
  );

  it("a structgen.config.json that is not JSON is reported with its position", async () => {
    const ds = await configError(`{ "corpora": { "w": { ] } }`);
    expect(ds[0]!.at).toMatchObject({ file: "structgen.config.json", line: 1 });
    expect(ds[0]!.severity).toBe("error");
  });
});

describe("loadEvidence: missing sources", () => {
  async function corpusConfig(sources: CorpusConfig["sources"]): Promise<CorpusConfig> {
    const dir = await folder(JSON.stringify({ corpora: { w: { sources } } }));
    await mkdir(path.join(dir, "sources"), { recursive: true });
    await writeFile(path.join(dir, "sources", "service-2.json"), MINIMAL_BOTOCORE);
    return (await readCorpora(dir))![0]!;
  }

  it("loads a present source", async () => {
    const config = await corpusConfig([{ id: "botocore", kind: "botocore", path: "sources/service-2.json" }]);
    const { evidence, diagnostics } = await loadEvidence(config);
    expect(diagnostics).toEqual([]);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.source).toMatchObject({ id: "botocore", kind: "botocore" });
    expect(evidence[0]!.shapes.get("Name")).toMatchObject({ kind: "string", max: 10 });
  });

  it("a missing non-optional source → SOURCE_MISSING (thrown)", async () => {
    const config = await corpusConfig([
      { id: "botocore", kind: "botocore", path: "sources/service-2.json" },
      { id: "docs", kind: "boto3-docs", path: "sources/nowhere" },
    ]);
    const err = await loadEvidence(config).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StructgenError);
    const ds = (err as StructgenError).diagnostics;
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "SOURCE_MISSING", severity: "error", params: { id: "docs" } });
    expect(ds[0]!.message).toContain("sources/nowhere");
  });

  it("a missing SDK package → SOURCE_MISSING naming the package", async () => {
    const config = await corpusConfig([{ id: "sdk", kind: "aws-sdk", package: "@aws-sdk/client-does-not-exist" }]);
    await expect(loadEvidence(config)).rejects.toMatchObject({
      diagnostics: [
        expect.objectContaining({
          code: "SOURCE_MISSING",
          message: expect.stringContaining("@aws-sdk/client-does-not-exist"),
        }),
      ],
    });
  });

  it("a missing optional source → SOURCE_SKIPPED warning, the others still load", async () => {
    const config = await corpusConfig([
      { id: "recorded", kind: "recorded", path: "recordings", optional: true },
      { id: "botocore", kind: "botocore", path: "sources/service-2.json" },
    ]);
    const { evidence, diagnostics } = await loadEvidence(config);
    expect(evidence.map((e) => e.source.id)).toEqual(["botocore"]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "SOURCE_SKIPPED", severity: "warning", params: { id: "recorded" } });
    expect(diagnostics[0]!.message).toContain("recordings");
  });
});
