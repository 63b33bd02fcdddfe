// Inputs huge in one dimension: load and resolve take time (and memory) linear in the input,
// or stop early with a coded error naming the limit; nothing overflows the stack or hangs.
// Nothing here asserts a time: each case runs a size the old quadratic code could not finish within the
// test's timeout, checks the result, and prints the n-vs-8n ratio for a person to read (linear ≈ 8).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markdownCode, stringLiteral } from "../../generator/emit/quote.js";
import { parseProse, summary } from "../../generator/emit/prose.js";
import { corpusFromTexts, MAX_FILE_BYTES, readCorpus } from "../../generator/load/read-corpus.js";
import { MAX_EXTENDS_DEPTH, resolve } from "../../generator/resolve/index.js";
import { ensureBuilt, repoTemp, ROOT } from "./helpers.js";

const S = "https://json-structure.org/meta/core/v0/#";

let tmp: string;
beforeAll(() => {
  tmp = repoTemp("scale");
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The fastest of `runs` timings of `fn`, in ms. */
function timed(fn: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const aliasChain = (n: number, last: object = { type: "string" }) => {
  const definitions: Record<string, object> = {};
  for (let i = 0; i < n; i++) definitions[`A${i}`] = i === n - 1 ? last : { type: { $ref: `#/definitions/A${i + 1}` } };
  const root = {
    $schema: S,
    name: "Root",
    type: "object",
    properties: { a: { type: { $ref: "#/definitions/A0" } } },
    definitions,
  };
  return corpusFromTexts("chain", { "chain.json": JSON.stringify(root) }).corpus;
};

describe("regression: an alias chain of 5,000 types hangs", () => {
  it("resolves in linear time", () => {
    const small = aliasChain(625);
    const large = aliasChain(5_000);
    expect(resolve(large).diagnostics).toEqual([]);
    const ratio = timed(() => resolve(large)) / timed(() => resolve(small));
    console.log(`[scale] alias chain 5,000 vs 625 types: resolve ×${ratio.toFixed(1)}`);
  });

  it("a cycle of 5,000 aliases: each type reported once, each message short", () => {
    const model = resolve(aliasChain(5_000, { type: { $ref: "#/definitions/A0" } }));
    const cycles = model.diagnostics.filter((d) => d.code === "SCHEMA_REF_CIRCULAR");
    expect(cycles).toHaveLength(5_000);
    expect(cycles[0]!.message).toMatch(/^circular alias: A\d+ → .* → … \(4989 more\) → .* → A\d+$/);
    for (const d of cycles) expect(d.message.length).toBeLessThan(200);
  });

  it("a missing reference 5,000 aliases down names the root, the nearest types and the count between", () => {
    const model = resolve(aliasChain(5_000, { type: { $ref: "#/definitions/Nope" } }));
    expect(model.diagnostics.map((d) => d.message)).toEqual([
      "$ref target does not exist: #/definitions/Nope (reached by Root → … (4988 more) → " +
        "A4988 → A4989 → A4990 → A4991 → A4992 → A4993 → A4994 → A4995 → A4996 → A4997 → A4998 → A4999 → " +
        "#/definitions/Nope)",
    ]);
  });
});

describe("$extends chains (each level copies every inherited member)", () => {
  const extendsChain = (n: number) => {
    const definitions: Record<string, object> = {};
    for (let i = 0; i < n; i++) {
      definitions[`E${i}`] = {
        type: "object",
        properties: { [`m${i}`]: { type: "string" } },
        ...(i > 0 ? { $extends: `#/definitions/E${i - 1}` } : {}),
      };
    }
    return corpusFromTexts("ext", { "ext.json": JSON.stringify({ $schema: S, definitions }) }).corpus;
  };

  it(`a chain of ${MAX_EXTENDS_DEPTH} types is flattened`, () => {
    const model = resolve(extendsChain(MAX_EXTENDS_DEPTH));
    expect(model.diagnostics).toEqual([]);
    const last = model.types.find((t) => t.name === `E${MAX_EXTENDS_DEPTH - 1}`)!;
    expect(last.node.kind === "object" && last.node.members).toHaveLength(MAX_EXTENDS_DEPTH);
  });

  it("regression: a chain of 12,000 overflowed the stack (5,000 took 39 s): SCHEMA_EXTENDS_TOO_DEEP", () => {
    const model = resolve(extendsChain(12_000));
    expect(model.diagnostics.length).toBeGreaterThan(0);
    for (const d of model.diagnostics)
      expect(d).toMatchObject({ code: "SCHEMA_EXTENDS_TOO_DEEP", at: { file: "ext.json" } });
    expect(model.diagnostics[0]!.message).toMatch(
      /^\$extends chains more than 100 types: E\d+ → .* → … \(\d+ more\) → /,
    );
  });
});

describe("regression: a 50 MB description crashes emit/prose.ts summary()", () => {
  // 12 MB: above the 10 MB where the lazy regular expression overflowed, and fast on a busy machine.
  it("summary() of 12 MB returns (the lazy regular expression overflowed above 10 MB)", () => {
    const text = "Lorem ipsum dolor sit amet consectetur ".repeat(310_000);
    expect(text.length).toBeGreaterThan(12_000_000);
    expect(summary(text)).toBe(text.trim());
    expect(summary(`${text}end. More`)).toBe(`${text}end.`);
    expect(summary("Short. A first sentence of twenty characters. Then more.")).toBe(
      "Short. A first sentence of twenty characters.",
    );
  });

  it('unclosed tags cost linear time, not quadratic ("<a" × n)', () => {
    const ratio = timed(() => parseProse("<a".repeat(400_000))) / timed(() => parseProse("<a".repeat(50_000)));
    console.log(`[scale] parseProse "<a" × 400,000 vs 50,000: ×${ratio.toFixed(1)}`);
  });

  it("quoting megabytes: stringLiteral is linear, markdownCode takes millions of backtick runs", () => {
    const ratio =
      timed(() => stringLiteral('a/*b\\"\u202e'.repeat(400_000))) /
      timed(() => stringLiteral('a/*b\\"\u202e'.repeat(50_000)));
    console.log(`[scale] stringLiteral 400,000 vs 50,000 repeats: ×${ratio.toFixed(1)}`);
    expect(markdownCode("`a".repeat(1_000_000))).toMatch(/^`` `a`a/); // Math.max(...runs) overflowed the stack
  });
});

describe("regression: 10,000 small files (load and resolve)", () => {
  const files = (n: number, name: (i: number) => string) => {
    const out: Record<string, string> = {};
    for (let i = 0; i < n; i++)
      out[`t${String(i).padStart(5, "0")}.json`] = JSON.stringify({
        $schema: S,
        name: name(i),
        type: "object",
        properties: { a: { type: "string" } },
      });
    return out;
  };

  it("load from disk and resolve in linear time", async () => {
    const write = (n: number) => {
      const dir = path.join(tmp, `files-${n}`);
      mkdirSync(dir);
      for (const [f, text] of Object.entries(files(n, (i) => `T${i}`))) writeFileSync(path.join(dir, f), text);
      return dir;
    };
    const small = write(1_250);
    const large = write(10_000);
    const run = async (dir: string) => {
      const t0 = performance.now();
      const loaded = await readCorpus(dir);
      const model = resolve(loaded.corpus);
      return {
        ms: performance.now() - t0,
        diagnostics: [...loaded.diagnostics, ...model.diagnostics],
        types: model.types.length,
      };
    };
    const a = await run(small);
    const b = await run(large);
    expect(b.diagnostics).toEqual([]);
    expect(b.types).toBe(10_000);
    console.log(
      `[scale] 10,000 files: load + resolve ${Math.round(b.ms)} ms, ×${(b.ms / a.ms).toFixed(1)} the time of 1,250`,
    );
  });

  it("10,000 types wanting one name get their suffixes in linear time (typeIdentifier resumed)", () => {
    const corpus = (n: number) =>
      corpusFromTexts(
        "same",
        files(n, () => "Item"),
      ).corpus;
    const small = corpus(1_250);
    const large = corpus(10_000);
    const model = resolve(large);
    expect(model.types.map((t) => t.name)).toContain("Item_10000");
    expect(model.diagnostics.filter((d) => d.code === "SCHEMA_NAME_DUPLICATE")).toHaveLength(9_999);
    const ratio = timed(() => resolve(large)) / timed(() => resolve(small));
    console.log(`[scale] 10,000 roots named Item vs 1,250: resolve ×${ratio.toFixed(1)}`);
  });
});

describe("regression: a 100,000-value enum takes 47 s and 3.2 GB", () => {
  it("loads and resolves in time and retained memory linear in its size", () => {
    ensureBuilt();
    // A fresh process with --expose-gc measures the memory the model keeps, n and 8n in one run.
    const dist = (m: string) => pathToFileURL(path.join(ROOT, "dist", m)).href;
    const script = `
      const { corpusFromTexts } = await import(${JSON.stringify(dist("load/read-corpus.js"))});
      const { resolve } = await import(${JSON.stringify(dist("resolve/index.js"))});
      const values = (n) => Array.from({ length: n }, (_, i) => "VALUE_" + i);
      const text = (n) => JSON.stringify({ $schema: "${S}", name: "E", type: "string", enum: values(n) });
      const measure = (n) => {
        const t = text(n);
        gc();
        const heap = process.memoryUsage().heapUsed;
        const t0 = performance.now();
        const model = resolve(corpusFromTexts("e", { "e.json": t }).corpus);
        const ms = performance.now() - t0;
        gc();
        const bytes = process.memoryUsage().heapUsed - heap;
        if (model.types[0].node.members.length !== n || model.diagnostics.length) throw new Error("bad model");
        return { ms, bytes };
      };
      measure(12500);
      const a = measure(12500), b = measure(100000);
      console.log(JSON.stringify({ a, b }));`;
    const r = spawnSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const { a, b } = JSON.parse(r.stdout) as Record<"a" | "b", { ms: number; bytes: number }>;
    console.log(
      `[scale] enum of 100,000: load + resolve ${Math.round(b.ms)} ms, ${(b.bytes / 1e6).toFixed(0)} MB kept; ` +
        `×${(b.ms / a.ms).toFixed(1)} time and ×${(b.bytes / a.bytes).toFixed(1)} memory of 12,500`,
    );
    expect(b.bytes / a.bytes).toBeLessThan(12);
    expect(b.bytes / 100_000).toBeLessThan(2_000); // bytes per enum value, with its location and fact
  });
});

describe("regression: 50 MB spread over 250 types", () => {
  it("loads and resolves in seconds", async () => {
    const dir = path.join(tmp, "spread");
    mkdirSync(dir);
    const words = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ";
    let bytes = 0;
    for (let i = 0; i < 250; i++) {
      const description = `${words.repeat(1_180)}(${i})`;
      const properties = { a: { type: "string", description }, b: { type: "int32", description } };
      const text = JSON.stringify({ $schema: S, name: `T${i}`, type: "object", description, properties });
      bytes += text.length;
      writeFileSync(path.join(dir, `t${i}.json`), text);
    }
    expect(bytes).toBeGreaterThan(50_000_000);
    const t0 = performance.now();
    const loaded = await readCorpus(dir);
    const model = resolve(loaded.corpus);
    const ms = performance.now() - t0;
    console.log(`[scale] ${(bytes / 1e6).toFixed(0)} MB over 250 types: load + resolve ${Math.round(ms)} ms`);
    expect([...loaded.diagnostics, ...model.diagnostics]).toEqual([]);
    expect(model.types).toHaveLength(250);
  });
});

describe("a schema file over the size limit", () => {
  it("is FILE_TOO_LARGE before a byte of it is read", async () => {
    const dir = path.join(tmp, "huge");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "ok.json"), JSON.stringify({ $schema: S, name: "Ok", type: "string" }));
    writeFileSync(path.join(dir, "huge.json"), "");
    truncateSync(path.join(dir, "huge.json"), MAX_FILE_BYTES + 1); // sparse: no disk, no time
    const { corpus, diagnostics } = await readCorpus(dir);
    expect(corpus.documents.map((d) => d.file)).toEqual(["ok.json"]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: "FILE_TOO_LARGE",
        severity: "error",
        message:
          `huge.json is ${MAX_FILE_BYTES + 1} bytes, ` +
          `over the limit of ${MAX_FILE_BYTES} bytes for one schema file`,
        at: { file: "huge.json", pointer: "", line: 1, column: 1 },
      }),
    ]);
  });
});
