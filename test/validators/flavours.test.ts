// Both output flavours type-check in a consumer: the JavaScript one (validators.js, runtime.js and
// their .d.ts) under checkJs and strict, the TypeScript one (validators.ts, runtime.ts) under strict
// with plain tsc and outDir, whose output then runs. Corpora: the golden one and conformance
// samples with unions, choices, tuples, sets and maps.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTypeScript } from "../../generator/emit/typescript/index.js";
import { emitValidators } from "../../generator/emit/validators/index.js";
import type { Model } from "../../generator/ir/model.js";
import { corpusFromTexts } from "../../generator/load/read-corpus.js";
import { buildModel } from "../../generator/pipeline.js";
import { resolve } from "../../generator/resolve/index.js";
import { loadSamples, sampleTexts } from "../conformance/samples.js";

let tmp: string;
const corpora: { name: string; model: Model; root: string }[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-flavours-"));
  corpora.push({
    name: "golden",
    model: await buildModel({ name: "golden", dir: "test/fixtures/golden-corpus" }),
    root: "AdminGetUserResponse",
  });
  for (const s of loadSamples().filter((x) =>
    /07-unions|10-discriminated|06-tuples|11-sets|09-extensions/.test(x.id),
  )) {
    corpora.push({
      name: s.corpus,
      model: resolve(corpusFromTexts(s.corpus, sampleTexts(s)).corpus),
      root: s.rootType,
    });
  }
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Writes types.ts and the flavour's validator files into dir/<corpus>/, plus a consumer. */
function write(dir: string, flavour: "js" | "ts"): string[] {
  const files: string[] = [];
  for (const c of corpora) {
    const out = path.join(dir, c.name);
    mkdirSync(out, { recursive: true });
    for (const f of [...emitTypeScript(c.model), ...emitValidators(c.model, { flavour })]) {
      if (f.path !== "types.ts" && !/^(validators|runtime)\./.test(f.path)) continue;
      writeFileSync(path.join(out, f.path), f.content);
      if (!f.path.endsWith(".d.ts")) files.push(path.join(out, f.path));
    }
    const consumer = path.join(out, "consumer.ts");
    writeFileSync(
      consumer,
      [
        `import type { ${c.root} } from "./types.js";`,
        `import { assert${c.root}, is${c.root}, validate${c.root}, validators, ValidationError } from "./validators.js";`,
        `import type { ValidationResult, ValidationIssue, Drift } from "./validators.js";`,
        `export const results: ValidationResult[] = [];`,
        `export const firstIssue = (r: ValidationResult): ValidationIssue | Drift | undefined => r.errors[0] ?? r.drift[0];`,
        `export function use(input: unknown): ${c.root} | string {`,
        `  if (is${c.root}(input)) return input;`,
        `  const r = validate${c.root}(input, { strict: true, maxErrors: 5 });`,
        `  const first: string = r.errors[0]?.code ?? "";`,
        `  const omitted: number = r.omitted ?? 0;`,
        `  try {`,
        `    assert${c.root}(input);`,
        `    const checked: ${c.root} = input;`,
        `    void checked;`,
        `  } catch (e) {`,
        `    if (e instanceof ValidationError) return e.errors.map((x) => x.pointer).join(",");`,
        `  }`,
        `  return first + String(omitted) + String(Object.keys(validators).length);`,
        `}`,
      ].join("\n"),
    );
    files.push(consumer);
  }
  return files;
}

function diagnostics(program: ts.Program): string {
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => tmp,
    getNewLine: () => "\n",
  };
  return ts.formatDiagnostics(ts.getPreEmitDiagnostics(program), host);
}

const BASE: ts.CompilerOptions = {
  strict: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  types: [],
  skipLibCheck: false,
};

describe("output flavours in a consumer", () => {
  it("js: validators.js and runtime.js type-check under checkJs and strict, beside their .d.ts", () => {
    const dir = path.join(tmp, "js");
    const files = write(dir, "js");
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
    const program = ts.createProgram(files, { ...BASE, allowJs: true, checkJs: true, noEmit: true });
    expect(diagnostics(program)).toBe("");
  }, 120_000);

  it("ts: validators.ts and runtime.ts build with plain tsc into outDir, and the output runs", async () => {
    const dir = path.join(tmp, "ts");
    const files = write(dir, "ts");
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
    const outDir = path.join(dir, "dist");
    const program = ts.createProgram(files, { ...BASE, outDir, rootDir: dir, declaration: true });
    expect(diagnostics(program)).toBe("");
    const emitted = program.emit();
    expect(emitted.emitSkipped).toBe(false);
    const golden = (await import(pathToFileURL(path.join(outDir, "golden", "validators.js")).href)) as Record<
      string,
      (v: unknown, o?: unknown) => unknown
    >;
    expect(golden["isAdminGetUserResponse"]!({ Username: "alice" })).toBe(true);
    expect(golden["validateAdminGetUserResponse"]!({ Username: 1 })).toMatchObject({
      valid: false,
      errors: [{ pointer: "/Username", code: "INSTANCE_STRING_EXPECTED" }],
    });
  }, 120_000);
});
