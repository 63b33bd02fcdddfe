// Never destroy: generate refuses (exit 2, USAGE_*) an output folder that is, contains or lies
// inside an input (the schemas folder, a corpus folder, an evidence source), that is the working
// folder itself, or that is a file, before anything is written.
import { promises as fs, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StructgenError } from "../../generator/diagnostics/diagnostic.js";
import { generate } from "../../generator/index.js";
import { snapshot } from "./helpers.js";

const MINI = path.resolve(import.meta.dirname, "../fixtures/cli/mini-corpus");
let root: string;
let n = 0;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "structgen-guard-"));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** A project: schemas/shop (the mini corpus), evidence/recorded, and a config naming both. */
async function project(): Promise<string> {
  const dir = path.join(root, `p${n++}`);
  await fs.mkdir(path.join(dir, "schemas", "shop"), { recursive: true });
  for (const f of readdirSync(MINI))
    await fs.writeFile(path.join(dir, "schemas", "shop", f), readFileSync(path.join(MINI, f)));
  await fs.mkdir(path.join(dir, "evidence", "recorded"), { recursive: true });
  const source = { id: "recorded", kind: "recorded", path: "evidence/recorded", optional: true };
  await fs.writeFile(
    path.join(dir, "structgen.config.json"),
    JSON.stringify({ corpora: { shop: { sources: [source] } } }),
  );
  return dir;
}

async function refused(dir: string, out: string, cwd = dir): Promise<{ code: string; message: string }[]> {
  const before = await snapshot(dir);
  const e = await generate({ cwd, out }).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e, `--out ${out} was accepted`).toBeInstanceOf(StructgenError);
  // Nothing was written or removed anywhere in the project.
  expect(await snapshot(dir)).toEqual(before);
  return (e as StructgenError).diagnostics.map((d) => ({ code: d.code, message: d.message }));
}

describe("generate refuses an output folder that would touch the inputs", () => {
  it("regression: --out at the schemas folder (it deleted the user's schemas and exited 0)", async () => {
    const dir = await project();
    expect(await refused(dir, "schemas")).toEqual([
      { code: "USAGE_OUT_OVERLAPS_INPUT", message: "the output folder schemas is the input schemas" },
      {
        code: "USAGE_OUT_OVERLAPS_INPUT",
        message: `the output folder schemas contains the input ${path.join("schemas", "shop")}`,
      },
    ]);
  });

  it("regression: --out . (the working folder itself)", async () => {
    const dir = await project();
    const ds = await refused(dir, ".");
    expect(ds[0]).toEqual({
      code: "USAGE_OUT_IS_WORKING_FOLDER",
      message: "the output folder . is the working folder itself",
    });
    expect(ds.map((d) => d.code)).toContain("USAGE_OUT_OVERLAPS_INPUT");
  });

  it("--out inside a corpus folder, and inside an evidence source", async () => {
    const dir = await project();
    expect((await refused(dir, "schemas/shop/out")).map((d) => d.message)).toContain(
      `the output folder ${path.join("schemas", "shop", "out")} lies inside the input ${path.join("schemas", "shop")}`,
    );
    expect((await refused(dir, "evidence/recorded/x")).map((d) => d.message)).toEqual([
      `the output folder ${path.join("evidence", "recorded", "x")} lies inside the input ${path.join("evidence", "recorded")}`,
    ]);
  });

  it("--out at a folder above the project, and through a symbolic link to the schemas", async () => {
    const dir = await project();
    expect((await refused(dir, "..")).every((d) => d.code === "USAGE_OUT_OVERLAPS_INPUT")).toBe(true);
    await fs.symlink(path.join(dir, "schemas"), path.join(dir, "link"));
    expect((await refused(dir, "link"))[0]!.message).toBe("the output folder link is the input schemas");
  });

  it("regression: --out at a file (it was an internal error, exit 3)", async () => {
    const dir = await project();
    await fs.writeFile(path.join(dir, "notes.txt"), "keep me");
    expect(await refused(dir, "notes.txt")).toEqual([
      { code: "USAGE_OUT_IS_FILE", message: "the output folder notes.txt is a file" },
    ]);
    // A file where the corpus's own folder goes.
    await fs.mkdir(path.join(dir, "out"));
    await fs.writeFile(path.join(dir, "out", "shop"), "keep me too");
    expect(await refused(dir, "out")).toEqual([
      { code: "USAGE_OUT_IS_FILE", message: `the output folder ${path.join("out", "shop")} is a file` },
    ]);
  });

  it("an output folder apart from the inputs is fine, from a subfolder too", async () => {
    const dir = await project();
    await fs.mkdir(path.join(dir, "src"));
    const [r] = await generate({ cwd: path.join(dir, "src"), out: "../generated" });
    expect(r).toMatchObject({ corpus: "shop", types: 3, removed: 0, unchanged: 0 });
    expect(r!.written).toBe(r!.files);
    expect(readdirSync(path.join(dir, "generated", "shop"))).toContain("types.ts");
  });
});
