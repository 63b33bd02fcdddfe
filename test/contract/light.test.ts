// structgen/contract is light: a bundle of it holds nothing of the compiler (no pipeline, emitter,
// ajv or corpus), and importing it loads no corpus until a check asks for one.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, FIXTURES, ROOT } from "../cli/helpers.js";

/** What a structgen/contract bundle may hold: the contract and the error catalogue, nothing else of ours. */
const COMPILER =
  /pipeline|validators-module|\/(cli|config|emit|ir|load|resolve|reconcile|write|cache|diff)\/|ajv|generated\//;

let tmp: string;
beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(tmpdir(), "structgen-contract-light-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function bundle(contents: string): Promise<{ inputs: string[]; bytes: number }> {
  const r = await build({
    stdin: { contents, resolveDir: ROOT, loader: "js" },
    bundle: true,
    platform: "node",
    format: "esm",
    external: ["vitest"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return { inputs: Object.keys(r.metafile.inputs).sort(), bytes: r.outputFiles[0]!.contents.length };
}

describe("an esbuild bundle", () => {
  it("of `import { checkContract } from 'structgen/contract'`: no pipeline, emitter, ajv or corpus", async () => {
    const { inputs, bytes } = await bundle(
      'import { checkContract } from "structgen/contract";\ncheckContract({}, "X");',
    );
    expect(inputs).toEqual([
      "<stdin>",
      "dist/contract/bundled.js",
      "dist/contract/index.js",
      "dist/diagnostics/catalogue.js",
      "dist/diagnostics/diagnostic.js",
      "dist/diagnostics/suggest.js",
    ]);
    expect(inputs.filter((i) => COMPILER.test(i))).toEqual([]);
    expect(bytes).toBeLessThan(40_000);
  });

  it("of structgen/contract/vitest adds only the matcher module (vitest stays external)", async () => {
    const { inputs } = await bundle('import { useContract } from "structgen/contract/vitest";\nuseContract;');
    expect(inputs.filter((i) => COMPILER.test(i))).toEqual([]);
    expect(inputs).toContain("dist/contract/vitest.js");
  });
});

describe("importing structgen/contract", () => {
  it("loads no module of the compiler and no generated corpus (module hooks record every import)", () => {
    const log = path.join(tmp, "imports.log");
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        path.join(FIXTURES, "record-imports.mjs"),
        "--input-type=module",
        "-e",
        'await import("structgen/contract");',
      ],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, STRUCTGEN_IMPORT_LOG: log } },
    );
    expect(r.status, r.stderr).toBe(0);
    const root = pathToFileURL(ROOT).href;
    const loaded = [...new Set(readFileSync(log, "utf8").trim().split("\n"))].map((u) => u.replace(root, ""));
    expect(loaded).toContain("dist/contract/index.js");
    expect(loaded.filter((m) => COMPILER.test(m) || m.includes("node_modules"))).toEqual([]);
  });

  it("evaluates a bundled corpus only at the first check, once (a corpus that counts its evaluations)", () => {
    // A copy of the package whose one bundled corpus is a validators module that counts its loads.
    const pkg = path.join(tmp, "pkg");
    cpSync(path.join(ROOT, "dist"), path.join(pkg, "dist"), { recursive: true });
    writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "structgen-copy", type: "module" }));
    mkdirSync(path.join(pkg, "generated", "counted"), { recursive: true });
    writeFileSync(
      path.join(pkg, "generated", "counted", "validators.js"),
      [
        "globalThis.corpusLoads = (globalThis.corpusLoads ?? 0) + 1;",
        "const issue = { pointer: '', code: 'X', message: 'not 1' };",
        "const one = (v) => ({ valid: v === 1, errors: v === 1 ? [] : [issue], drift: [] });",
        "export const validators = Object.freeze({ __proto__: null, One: one });",
        "export const rootTypes = ['One'];",
        "export const sdkToWire = (v) => v;",
      ].join("\n"),
    );
    const entry = pathToFileURL(path.join(pkg, "dist", "contract", "index.js")).href;
    const script = [
      `const c = await import(${JSON.stringify(entry)});`,
      "const loads = () => globalThis.corpusLoads ?? 0;",
      "const seen = [loads()];",
      "seen.push(c.checkContract(1, 'One').valid, c.checkContract(2, 'One').valid, loads());",
      "seen.push((await c.bundledContract()) === (await c.bundledContract('counted')), loads());",
      "console.log(JSON.stringify(seen));",
    ].join("\n");
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([0, true, false, 1, true, 1]);
    expect(r.stderr).toBe("");
  });
});
