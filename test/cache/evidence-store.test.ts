// Evidence kept between processes is what loading gives: a later process with the same files, settings
// and structgen gets it back without loading; an edited evidence file, another structgen, a damaged or
// foreign store file is a miss; evidence that V8's clone would change is never kept. A generate whose
// evidence comes from the store writes what a cold build writes, before and after an evidence edit; a
// cache folder's first run writes none.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { evidenceStore } from "../../generator/cache/evidence-store.js";
import { HashIndex } from "../../generator/cache/hash-index.js";
import { projectCorpora } from "../../generator/config/corpora.js";
import { loadProject } from "../../generator/config/project.js";
import { loadEvidence, type LoadedSource } from "../../generator/reconcile/load-evidence.js";
import { generate } from "../../generator/run.js";
import { treeOf } from "../helpers/tree.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURE = path.join(ROOT, "test", "fixtures", "reconcile-other");
const tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-evidence-store-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function corpusOf(dir: string) {
  const [c] = await projectCorpora(await loadProject({ cwd: dir }));
  return c!.config!;
}

describe("the evidence store", () => {
  it("gives back what loading gave while the files are the same, and loads again after an edit", async () => {
    const dir = path.join(tmp, "unit");
    cpSync(FIXTURE, dir, { recursive: true });
    const config = await corpusOf(dir);
    const source = config.sources[0]!;
    const store = (fingerprint = "f1") =>
      evidenceStore({ dir: path.join(tmp, "unit-store"), fingerprint, index: HashIndex.open() });
    let loads = 0;
    const load = async (): Promise<LoadedSource> => {
      loads++;
      const { evidence, diagnostics } = await loadEvidence(config);
      return { evidence: evidence[0]!, notes: diagnostics };
    };
    const first = await store().source(config, source, load);
    const again = await store().source(config, source, load);
    expect(loads).toBe(1);
    expect(again).toEqual(first);
    expect(again.evidence.shapes).toBeInstanceOf(Map);

    // Another structgen (fingerprint): loaded again.
    await store("f2").source(config, source, load);
    expect(loads).toBe(2);

    // The evidence file edited: loaded again, and the edit shows.
    const model = path.join(dir, "sources", "botocore", "service-2.json");
    const text = readFileSync(model, "utf8");
    const json = JSON.parse(text) as { shapes: Record<string, unknown> };
    json.shapes["AddedForTheTest"] = { type: "string" };
    writeFileSync(model, JSON.stringify(json));
    const edited = await store("f2").source(config, source, load);
    expect(loads).toBe(3);
    expect(edited.evidence.shapes.has("AddedForTheTest")).toBe(true);
    expect((await store("f2").source(config, source, load)).evidence.shapes.has("AddedForTheTest")).toBe(true);
    expect(loads).toBe(3);
  });

  it("regression: two corpora's sources with the same id each keep their own evidence", async () => {
    const dir = path.join(tmp, "two");
    cpSync(FIXTURE, dir, { recursive: true });
    const config = await corpusOf(dir);
    const first = config.sources[0]!;
    const model = path.join(dir, "sources", "botocore", "service-2.json");
    const json = JSON.parse(readFileSync(model, "utf8")) as { shapes: Record<string, unknown> };
    json.shapes["OnlyInTheOther"] = { type: "string" };
    writeFileSync(path.join(dir, "sources", "botocore", "other.json"), JSON.stringify(json));
    const second = { ...first, path: "sources/botocore/other.json" };
    const store = () => evidenceStore({ dir: path.join(tmp, "two-store"), fingerprint: "f", index: HashIndex.open() });
    let loads = 0;
    const loadOf = (s: typeof first) => async (): Promise<LoadedSource> => {
      loads++;
      const { evidence } = await loadEvidence({ ...config, sources: [s] });
      return { evidence: evidence[0]!, notes: [] };
    };
    for (let round = 0; round < 2; round++) {
      expect((await store().source(config, first, loadOf(first))).evidence.shapes.has("OnlyInTheOther")).toBe(false);
      expect((await store().source(config, second, loadOf(second))).evidence.shapes.has("OnlyInTheOther")).toBe(true);
    }
    expect(loads).toBe(2);
  });

  it("a damaged store file is a miss, and evidence a clone would change is not kept", async () => {
    const dir = path.join(tmp, "damaged");
    cpSync(FIXTURE, dir, { recursive: true });
    const config = await corpusOf(dir);
    const source = config.sources[0]!;
    const storeDir = path.join(tmp, "damaged-store");
    const store = () => evidenceStore({ dir: storeDir, fingerprint: "f", index: HashIndex.open() });
    let loads = 0;
    const load = async (): Promise<LoadedSource> => {
      loads++;
      const { evidence } = await loadEvidence(config);
      return { evidence: evidence[0]!, notes: [] };
    };
    await store().source(config, source, load);
    const [file] = readdirSync(storeDir);
    const bytes = readFileSync(path.join(storeDir, file!));
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(path.join(storeDir, file!), bytes);
    await store().source(config, source, load);
    expect(loads).toBe(2);
    await store().source(config, source, load);
    expect(loads).toBe(2);

    // A class instance would come back as a plain object: nothing is written for it.
    class Shape {
      constructor(readonly name: string) {}
    }
    const odd = async (): Promise<LoadedSource> => {
      loads++;
      const { evidence } = await loadEvidence(config);
      const shapes = new Map([...evidence[0]!.shapes].map(([k, v]) => [k, Object.assign(new Shape(k), v)]));
      return { evidence: { ...evidence[0]!, shapes }, notes: [] };
    };
    const otherDir = path.join(tmp, "odd-store");
    await evidenceStore({ dir: otherDir, fingerprint: "f", index: HashIndex.open() }).source(config, source, odd);
    expect(() => statSync(otherDir)).toThrow();
  });

  it("generate with stored evidence writes what a cold build writes, before and after an evidence edit", async () => {
    const dir = path.join(tmp, "project");
    cpSync(FIXTURE, dir, { recursive: true });
    const cache = path.join(tmp, "cache");
    vi.stubEnv("STRUCTGEN_CACHE_DIR", cache);
    const out = path.join(tmp, "gen");
    const cold = async (name: string) => {
      await generate({ cwd: dir, out: path.join(tmp, name), cache: false });
      return treeOf(path.join(tmp, name));
    };
    // A cache folder's first run keeps no evidence (a one-off run would never read it); the next does.
    await generate({ cwd: dir, out });
    expect(existsSync(path.join(cache, "evidence"))).toBe(false);
    await generate({ cwd: dir, out });
    expect(readdirSync(path.join(cache, "evidence", readdirSync(path.join(cache, "evidence"))[0]!))).toHaveLength(1);
    rmSync(out, { recursive: true });
    await generate({ cwd: dir, out });
    expect(treeOf(out)).toEqual(await cold("cold-1"));

    const model = path.join(dir, "sources", "botocore", "service-2.json");
    // Every description of the model: some reach the output (members the corpus lacks, the report).
    const edit = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(edit)
        : v !== null && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === "documentation" ? "Edited." : edit(x)]))
          : v;
    writeFileSync(model, JSON.stringify(edit(JSON.parse(readFileSync(model, "utf8")))));
    await generate({ cwd: dir, out });
    const edited = await cold("cold-2");
    expect(edited).not.toEqual(treeOf(path.join(tmp, "cold-1")));
    expect(treeOf(out)).toEqual(edited);
    vi.unstubAllEnvs();
  });
});
