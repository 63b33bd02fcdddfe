// Every primer sample (samples/core and samples/import, see SOURCE.md) goes through the real
// pipeline: `generate` writes it to a temp folder, the generated TypeScript compiles under
// `tsc --strict` (one tsc run for all samples), and the generated validators accept every
// example*.json of the sample for its root type. An import sample's corpus holds its own schema
// and the library files its $import/$importdefs name, at the same relative paths; the examples
// are never part of a corpus.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import type { ValidatorModule } from "../../generator/validators-module.js";
import { typecheck } from "../helpers/typecheck.js";
import { loadSamples, readJson, writeSampleCorpus, type Sample } from "./samples.js";

const samples = loadSamples();
let tmp: string;
/** Per sample: where it was generated, or why generation failed. */
const generated = new Map<string, { outDir: string } | { error: unknown }>();
/** tsc's output lines, by the sample whose file they name. */
const tscErrors = new Map<string, string[]>();
const passed = new Set<string>();
let tscOk = false;

const TS_FILES = ["types.ts", "types.strict.ts", "validators.d.ts"];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-primer-"));
  for (const s of samples) {
    // An import sample's files all sit in subfolders, which discovery would read as several
    // corpora; a structgen.config.json (no evidence sources) names the one corpus and its folder.
    const schemas = path.join(tmp, "schemas", s.corpus);
    writeSampleCorpus(s, path.join(schemas, "files"));
    const config = path.join(schemas, "structgen.config.json");
    writeFileSync(config, JSON.stringify({ schemas: ".", corpora: { [s.corpus]: { input: "files" } } }));
    try {
      const [result] = await generate({ config, out: path.join(tmp, "out") });
      generated.set(s.corpus, { outDir: result!.outDir });
    } catch (error) {
      generated.set(s.corpus, { error });
    }
  }
  const files = samples.flatMap((s) => {
    const g = generated.get(s.corpus);
    return g && "outDir" in g ? TS_FILES.map((f) => path.join(g.outDir, f)).filter((f) => existsSync(f)) : [];
  });
  const { ok, output } = typecheck(files);
  tscOk = ok;
  for (const line of output.split("\n").filter((l) => l.trim() !== "")) {
    const owner = samples.find((s) => line.includes(`${path.sep}${s.corpus}${path.sep}`));
    const key = owner?.corpus ?? "(unattributed)";
    tscErrors.set(key, [...(tscErrors.get(key) ?? []), line]);
  }
});

afterAll(() => {
  console.log(`primer samples: ${passed.size}/${samples.length} (generated, tsc --strict clean, examples valid)`);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function validatorsFor(s: Sample): Promise<ValidatorModule> {
  const g = generated.get(s.corpus)!;
  if ("error" in g) throw g.error;
  return (await import(pathToFileURL(path.join(g.outDir, "validators.js")).href)) as ValidatorModule;
}

describe("primer samples: generate, compile, validate the examples", () => {
  it("covers the core and import samples, including 10-discriminated-unions", () => {
    const ids = samples.map((s) => s.id);
    expect(ids.filter((id) => id.startsWith("core/"))).toHaveLength(12);
    expect(ids.filter((id) => id.startsWith("import/"))).toHaveLength(4);
    expect(ids).toContain("core/10-discriminated-unions");
  });

  it("tsc reports nothing it cannot attribute to a sample", () => {
    expect(tscErrors.get("(unattributed)") ?? []).toEqual([]);
    expect(tscOk || tscErrors.size > 0, "tsc failed without saying why").toBe(true);
  });

  for (const s of samples) {
    it(s.id, async () => {
      const g = generated.get(s.corpus)!;
      expect("error" in g ? String((g as { error: unknown }).error) : "").toBe("");
      expect(tscErrors.get(s.corpus) ?? [], "tsc --strict").toEqual([]);
      const mod = await validatorsFor(s);
      expect(mod.rootTypes).toContain(s.rootType);
      expect(s.examples.length).toBeGreaterThan(0);
      for (const example of s.examples) {
        const r = mod.validators[s.rootType]!(readJson(example));
        expect(r.errors, `${path.basename(example)} as ${s.rootType}`).toEqual([]);
        expect(r.valid).toBe(true);
      }
      passed.add(s.corpus);
    });
  }

  // The spec is right here and the reference SDK is not: an inline choice (selector + $extends
  // of an abstract base) must accept an object carrying the selector beside the option's members.
  it("core/10-discriminated-unions: tagged and inline choices both validate, and an unknown option does not", async () => {
    const s = samples.find((x) => x.id === "core/10-discriminated-unions")!;
    const mod = await validatorsFor(s);
    const example = readJson(s.examples[0]!) as Record<string, unknown>;
    expect(mod.validators[s.rootType]!(example).valid).toBe(true);
    const notification = example["notification"] as Record<string, unknown>;
    expect(notification["notificationType"]).toBe("email");
    expect(
      mod.validators[s.rootType]!({ ...example, notification: { ...notification, notificationType: "fax" } }).valid,
    ).toBe(false);
    expect(mod.validators[s.rootType]!({ ...example, paymentMethod: { crypto: {} } }).valid).toBe(false);
  });
});
