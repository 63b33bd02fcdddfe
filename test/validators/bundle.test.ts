// Small and tree-shakable: the bundled corpus's validator code stays within 1 MB, and a bundle
// (esbuild, minified) of a file that imports only validateAdminGetUserResponse ships what that type
// reaches, under 30 KB, and works.
import { build } from "esbuild";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutputFile } from "../../generator/emit/files.js";
import { emitValidators } from "../../generator/emit/validators/index.js";
import { buildModel, discoverCorpora } from "../../generator/pipeline.js";
import { dataUrl } from "../helpers/runtime.js";

let tmp: string;
let files: OutputFile[];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-bundle-"));
  const [corpus] = await discoverCorpora("schemas");
  files = emitValidators(await buildModel(corpus!));
  for (const f of files) writeFileSync(path.join(tmp, f.path), f.content);
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const bytes = (p: string) => Buffer.byteLength(files.find((f) => f.path === p)!.content);

describe("validator code size", () => {
  it("is at most 1 MB for the bundled corpus (validators.js and runtime.js)", () => {
    expect(bytes("validators.js") + bytes("runtime.js")).toBeLessThanOrEqual(1_000_000);
  });

  /** An esbuild bundle (minified ES module) of a file that re-exports `name` from the validators. */
  async function bundle(file: string, name: string): Promise<string> {
    const entry = path.join(tmp, file);
    writeFileSync(entry, `export { ${name} } from "./validators.js";\n`);
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "esm",
      write: false,
      logLevel: "silent",
    });
    return out.outputFiles[0]!.text;
  }

  it("an esbuild bundle importing only validateAdminGetUserResponse is under 30 KB minified, and works", async () => {
    const text = await bundle("entry.js", "validateAdminGetUserResponse");
    expect(Buffer.byteLength(text)).toBeLessThan(30_000);
    // Types AdminGetUserResponse does not reach are not in it.
    expect(text).not.toContain("CreateUserPool");
    const mod = (await import(dataUrl(text))) as {
      validateAdminGetUserResponse(v: unknown): { valid: boolean; errors: { pointer: string }[] };
    };
    expect(mod.validateAdminGetUserResponse({ Username: "alice" }).valid).toBe(true);
    expect(mod.validateAdminGetUserResponse({ Username: 7 }).errors.map((e) => e.pointer)).toEqual(["/Username"]);
  });

  it("an unused module keeps nothing: importing only ValidationError does not pull in the validators", async () => {
    expect(Buffer.byteLength(await bundle("only-error.js", "ValidationError"))).toBeLessThan(5_000);
  });
});
