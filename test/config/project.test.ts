// structgen.config.json as a whole: where it is found, what it says and what flags override,
// how a bad file is reported, and the refusal (with a translation) of an old schemas/structgen.json.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFIG_NAME, findConfig } from "../../generator/config/find.js";
import { OUTPUT_KINDS } from "../../generator/config/outputs.js";
import { loadProject } from "../../generator/config/project.js";
import { StructgenError, type Diagnostic } from "../../generator/diagnostics/diagnostic.js";
import { projectCorpora, renderModel, buildModel } from "../../generator/pipeline.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MINI = path.join(ROOT, "test/fixtures/cli/mini-corpus");
let root: string;
let n = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "structgen-project-"));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** A fresh project folder, with structgen.config.json holding `config` (JSON or raw text) when given. */
async function project(config?: unknown): Promise<string> {
  const dir = path.join(root, `p${n++}`);
  await mkdir(dir, { recursive: true });
  if (config !== undefined) {
    await writeFile(path.join(dir, CONFIG_NAME), typeof config === "string" ? config : JSON.stringify(config, null, 2));
  }
  return dir;
}

async function errorOf(p: Promise<unknown>): Promise<Diagnostic[]> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e, "expected a StructgenError").toBeInstanceOf(StructgenError);
  return (e as StructgenError).diagnostics;
}

describe("finding structgen.config.json", () => {
  it("is found from the working folder upward, the nearest first", async () => {
    const dir = await project({ out: "outer" });
    const inner = path.join(dir, "packages", "a");
    await mkdir(path.join(inner, "src", "deep"), { recursive: true });
    expect(findConfig(path.join(inner, "src", "deep"))).toBe(path.join(dir, CONFIG_NAME));
    await writeFile(path.join(inner, CONFIG_NAME), JSON.stringify({ out: "inner" }));
    expect(findConfig(path.join(inner, "src", "deep"))).toBe(path.join(inner, CONFIG_NAME));
    const p = await loadProject({ cwd: path.join(inner, "src") });
    expect(p.file).toBe(path.join(inner, CONFIG_NAME));
    // Paths in the file are relative to the file, not to the working folder.
    expect(p.out).toBe(path.join(inner, "inner"));
    expect(p.schemas).toBe(path.join(inner, "schemas"));
  });

  it("without one: defaults relative to the working folder, every output, js validators, house format", async () => {
    const dir = await project();
    // A folder with no config anywhere above it (the temp folder), so nothing is found.
    expect(findConfig(dir)).toBeUndefined();
    const p = await loadProject({ cwd: dir });
    expect(p).toEqual({
      cwd: dir,
      dir,
      schemas: path.join(dir, "schemas"),
      out: path.join(dir, "generated"),
      emit: [...OUTPUT_KINDS],
      flavour: "js",
      format: "house",
    });
  });

  it("--config names the file (relative to the working folder); a missing one is a usage error", async () => {
    const dir = await project();
    await mkdir(path.join(dir, "conf"));
    await writeFile(path.join(dir, "conf", "mine.json"), JSON.stringify({ schemas: "../json", out: "../dist-types" }));
    const p = await loadProject({ cwd: dir, config: "conf/mine.json" });
    expect(p.schemas).toBe(path.join(dir, "json"));
    expect(p.out).toBe(path.join(dir, "dist-types"));
    const ds = await errorOf(loadProject({ cwd: dir, config: "conf/nope.json" }));
    expect(ds).toMatchObject([
      { code: "USAGE_CONFIG_NOT_FOUND", params: { path: path.join("conf", "nope.json"), reason: "ENOENT" } },
    ]);
  });

  it("config: false reads no file even when one is there", async () => {
    const dir = await project({ out: "elsewhere" });
    expect((await loadProject({ cwd: dir, config: false })).out).toBe(path.join(dir, "generated"));
  });
});

describe("what the file says, and what flags override", () => {
  const full = {
    $schema: "./node_modules/structgen/structgen.config.schema.json",
    schemas: "api/json-structure",
    out: "src/generated",
    emit: ["validators", "types", "docs"],
    validators: { flavour: "ts" },
    format: "prettier",
    corpora: { shop: {}, billing: { input: "vendor/billing" } },
  };

  it("reads every setting; emit keeps the canonical order; listed corpora come sorted", async () => {
    const dir = await project(full);
    const p = await loadProject({ cwd: dir });
    expect(p).toMatchObject({
      file: path.join(dir, CONFIG_NAME),
      dir,
      schemas: path.join(dir, "api/json-structure"),
      out: path.join(dir, "src/generated"),
      emit: ["types", "validators", "docs"],
      flavour: "ts",
      format: "prettier",
    });
    expect(p.corpora!.map((c) => [c.name, c.input])).toEqual([
      ["billing", path.join(dir, "vendor/billing")],
      ["shop", path.join(dir, "api/json-structure/shop")],
    ]);
  });

  it("flags override the file: schemas, out, emit, flavour and format", async () => {
    const dir = await project(full);
    const p = await loadProject({ cwd: dir, out: "o", emit: ["jsonSchema"], flavour: "js", format: "house" });
    expect(p).toMatchObject({ out: path.join(dir, "o"), emit: ["jsonSchema"], flavour: "js", format: "house" });
    // The listed corpora describe the configured folder: --schemas elsewhere reads that folder alone.
    const elsewhere = await loadProject({ cwd: dir, schemas: "other" });
    expect(elsewhere.schemas).toBe(path.join(dir, "other"));
    expect(elsewhere.corpora).toBeUndefined();
    // Naming the configured folder itself keeps them.
    expect((await loadProject({ cwd: dir, schemas: "api/json-structure" })).corpora).toHaveLength(2);
  });

  it("emit without types but with validators is refused: their declarations import ./types.js", async () => {
    const dir = await project(`{\n  "emit": ["validators", "docs"]\n}\n`);
    const ds = await errorOf(loadProject({ cwd: dir }));
    expect(ds).toMatchObject([
      { code: "CONFIG_INVALID", at: { file: CONFIG_NAME, pointer: "/emit", line: 2, column: 11 } },
    ]);
    expect(ds[0]!.message).toContain('"validators" needs "types"');
    const flag = await errorOf(loadProject({ cwd: dir, emit: ["validators"] }));
    expect(flag).toMatchObject([{ code: "USAGE_BAD_ARGUMENT" }]);
  });

  it.each([
    ["an unknown top-level setting", `{\n  "output": "generated"\n}`, "/output", 2, 13, /unknown setting "output"/],
    [
      "an unknown output",
      `{\n  "emit": ["types", "typings"]\n}`,
      "/emit/1",
      2,
      21,
      /must be one of "types", "strictTypes"/,
    ],
    ["a repeated output", `{ "emit": ["docs", "docs"] }`, "/emit", 1, 11, /duplicate items/],
    [
      "a bad flavour",
      `{ "validators": { "flavour": "mjs" } }`,
      "/validators/flavour",
      1,
      30,
      /must be one of "js", "ts"/,
    ],
    ["a bad format", `{\n  "format": "biome"\n}`, "/format", 2, 13, /must be one of "house", "prettier"/],
    ["an empty out", `{ "out": "" }`, "/out", 1, 10, /fewer than 1 characters/],
    [
      "a corpus name with a slash",
      `{ "corpora": { "a/b": {} } }`,
      "/corpora",
      1,
      14,
      /the name "a\/b" must match pattern/,
    ],
  ])("%s → CONFIG_INVALID at its pointer and line:column", async (_label, text, pointer, line, column, reason) => {
    const dir = await project(text);
    const ds = await errorOf(loadProject({ cwd: dir }));
    const d = ds.find((x) => x.at?.pointer === pointer);
    expect(d, ds.map((x) => `${x.at?.pointer}: ${x.message}`).join("; ")).toBeDefined();
    expect(d).toMatchObject({
      code: "CONFIG_INVALID",
      severity: "error",
      at: { file: CONFIG_NAME, pointer, line, column },
    });
    expect(d!.message).toMatch(reason);
  });

  it("the file is named relative to the working folder in diagnostics", async () => {
    const dir = await project(`{ "format": 1 }`);
    await mkdir(path.join(dir, "sub"));
    const ds = await errorOf(loadProject({ cwd: path.join(dir, "sub") }));
    expect(ds[0]!.at!.file).toBe(path.join("..", CONFIG_NAME));
    expect(ds[0]!.message.startsWith(`${path.join("..", CONFIG_NAME)}: /format: `)).toBe(true);
  });
});

describe("renderModel emits only the selected outputs", () => {
  it("types and JSON Schema only", async () => {
    const model = await buildModel({ name: "mini", dir: MINI });
    const files = await renderModel(model, { emit: ["types", "jsonSchema"] });
    expect(files.map((f) => f.path)).toEqual(["schema.json", "types.ts"]);
    const all = (await renderModel(model)).map((f) => f.path);
    expect(all).toEqual(
      expect.arrayContaining(["types.ts", "types.strict.ts", "validators.js", "validators.d.ts", "docs/README.md"]),
    );
  });

  it("docs alone", async () => {
    const model = await buildModel({ name: "mini", dir: MINI });
    const files = await renderModel(model, { emit: ["docs"] });
    expect(files.length).toBeGreaterThan(1);
    expect(files.every((f) => f.path.startsWith("docs/"))).toBe(true);
  });
});

describe("migration from schemas/structgen.json", () => {
  it("an old schemas/structgen.json is refused with the structgen.config.json to write, which then works", async () => {
    const dir = await project();
    const schemas = path.join(dir, "schemas");
    await mkdir(path.join(schemas, "shop"), { recursive: true });
    for (const f of readdirSync(MINI)) await writeFile(path.join(schemas, "shop", f), readFileSync(path.join(MINI, f)));
    await mkdir(path.join(schemas, "sources"), { recursive: true });
    await writeFile(
      path.join(schemas, "sources", "service-2.json"),
      JSON.stringify({ metadata: { protocol: "json" }, shapes: {} }),
    );
    const old = {
      $schema: "./structgen.schema.json",
      corpora: {
        shop: {
          sources: [{ id: "botocore", kind: "botocore", path: "sources/service-2.json" }],
          authority: "botocore",
        },
      },
    };
    await writeFile(path.join(schemas, "structgen.json"), JSON.stringify(old));

    const ds = await errorOf(loadProject({ cwd: dir }).then((p) => projectCorpora(p)));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      code: "CONFIG_LEGACY_FILE",
      severity: "error",
      params: { path: path.join("schemas", "structgen.json") },
    });
    const migration = JSON.parse(String(ds[0]!.params["migration"])) as Record<string, unknown>;
    expect(migration).toEqual({
      schemas: "schemas",
      corpora: {
        shop: {
          sources: [{ id: "botocore", kind: "botocore", path: "schemas/sources/service-2.json" }],
          authority: "botocore",
        },
      },
    });
    expect(ds[0]!.message).toContain(JSON.stringify(migration));

    // Do as it says: the suggested file describes the same corpus and sources.
    await writeFile(path.join(dir, CONFIG_NAME), JSON.stringify(migration));
    await rm(path.join(schemas, "structgen.json"));
    const [shop] = await projectCorpora(await loadProject({ cwd: dir }));
    expect(shop).toMatchObject({
      name: "shop",
      dir: path.join(schemas, "shop"),
      config: { authority: "botocore", base: dir },
    });
    expect(existsSync(path.join(dir, shop!.config!.sources[0]!.path!))).toBe(true);
  });

  it("regression: no fixture still carries a structgen.json (each moved to structgen.config.json)", () => {
    const fixtures = path.join(ROOT, "test", "fixtures");
    const stale = readdirSync(fixtures, { recursive: true })
      .map(String)
      .filter((f) => path.basename(f) === "structgen.json");
    expect(stale).toEqual([]);
    expect(existsSync(path.join(ROOT, "schemas", "structgen.json"))).toBe(false);
  });

  it("the JSON Schema ships in the package and this repository's config points its $schema at it", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toContain("structgen.config.schema.json");
    const config = JSON.parse(readFileSync(path.join(ROOT, CONFIG_NAME), "utf8")) as { $schema: string };
    expect(path.resolve(ROOT, config.$schema)).toBe(path.join(ROOT, "structgen.config.schema.json"));
  });
});
