// Emitters write final text: prettier (the fixed options) must leave every file byte-for-byte as it
// is, rendering twice must give the same bytes, and every .ts must parse. Covered: the bundled
// corpus (reconciled, so all four TypeScript views), the golden sub-corpus, the hostile and
// odd-name fixtures that generate, and the conformance samples (tuples, choices, composition).
import fc from "fast-check";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import type { Emitter, FileKind, OutputFile } from "../../generator/emit/files.js";
import { jsonText } from "../../generator/emit/json-text.js";
import { stringWidth as textWidth } from "../../generator/emit/width.js";
import { emitContract } from "../../generator/emit/contract/index.js";
import { emitJsonSchema } from "../../generator/emit/json-schema/index.js";
import { emitReport } from "../../generator/emit/report/index.js";
import { emitTypeScript } from "../../generator/emit/typescript/index.js";
import type { Model } from "../../generator/ir/model.js";
import { corpusFromTexts } from "../../generator/load/read-corpus.js";
import { buildModel, discoverCorpora } from "../../generator/pipeline.js";
import { resolve } from "../../generator/resolve/index.js";
import { loadSamples, sampleTexts } from "../conformance/samples.js";
import { GENERATING } from "../hostile/corpora.js";
import { randomModel } from "./random-ir.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const HOSTILE = GENERATING;

/** Both flavours of the contract: contract.js + contract.d.ts, and contract.ts. */
const emitContracts: Emitter = (m) => [...emitContract(m), ...emitContract(m, { flavour: "ts" })];

/** The emitters whose output is final, and the kinds checked (docs and validators join later). */
const EMITTERS: Emitter[] = [emitTypeScript, emitJsonSchema, emitReport, emitContracts];
const CHECKED: FileKind[] = ["ts", "json", "js"];
const PARSER: Record<FileKind, string> = { ts: "typescript", js: "babel", md: "markdown", json: "json" };
const OPTIONS = { printWidth: 120, proseWrap: "preserve", endOfLine: "lf", trailingComma: "all" } as const;

const render = (m: Model): OutputFile[] => EMITTERS.flatMap((e) => e(m)).filter((f) => CHECKED.includes(f.kind));

const models: Model[] = [];
/** Each model's files, rendered once. */
const rendered = new Map<Model, OutputFile[]>();

beforeAll(async () => {
  const [bundled] = await discoverCorpora(path.join(ROOT, "schemas"));
  models.push(await buildModel(bundled!));
  models.push(await buildModel({ name: "golden", dir: path.join(ROOT, "test/fixtures/golden-corpus") }));
  for (const h of HOSTILE) models.push(await buildModel({ name: h, dir: path.join(ROOT, "test/fixtures/hostile", h) }));
  for (const s of loadSamples()) models.push(resolve(corpusFromTexts(s.corpus, sampleTexts(s)).corpus));
  for (const m of models) rendered.set(m, render(m));
});

/** A short unified view of the first differing line, for the failure message. */
function firstDifference(a: string, b: string): string {
  const x = a.split("\n");
  const y = b.split("\n");
  const i = x.findIndex((l, k) => l !== y[k]);
  const show = (ls: string[]) => ls.slice(i, i + 4).map((l) => l.slice(0, 200));
  return `line ${i + 1}:\n- ${show(x).join("\n- ")}\n+ ${show(y).join("\n+ ")}`;
}

describe("final output", () => {
  it("covers every corpus, all four views of the bundled one, and only files marked final", () => {
    expect(models.length).toBe(2 + HOSTILE.length + loadSamples().length);
    const bundled = rendered.get(models[0]!)!.map((f) => f.path);
    expect(bundled).toEqual(
      expect.arrayContaining([
        "types.ts",
        "types.strict.ts",
        "sdk.ts",
        "sdk.strict.ts",
        "schema.json",
        "reconciliation.json",
        "contract.d.ts",
        "contract.js",
        "contract.ts",
      ]),
    );
    for (const [m, files] of rendered) for (const f of files) expect(f.final, `${m.name}/${f.path}`).toBe(true);
  });

  it("prettier with the fixed options changes no byte of any file", async () => {
    const changed: string[] = [];
    let first = "";
    for (const [m, files] of rendered) {
      for (const f of files) {
        const formatted = await prettier.format(f.content, {
          ...OPTIONS,
          parser: PARSER[f.kind],
          filepath: `x.${f.kind}`,
        });
        if (formatted === f.content) continue;
        changed.push(`${m.name}/${f.path}`);
        first ||= `${m.name}/${f.path} ${firstDifference(f.content, formatted)}`;
      }
    }
    expect(changed, first).toEqual([]);
  });

  it("renders byte-identical text twice", () => {
    for (const [m, files] of rendered) expect(render(m), m.name).toEqual(files);
  });

  it("every .ts parses without a syntax diagnostic", () => {
    const broken: string[] = [];
    for (const [m, files] of rendered) {
      for (const f of files.filter((x) => x.kind === "ts")) {
        const sf = ts.createSourceFile(f.path, f.content, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
        const diags = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
        for (const d of diags)
          broken.push(`${m.name}/${f.path}@${d.start}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("random models and values (the layout engine against prettier)", () => {
  it("prettier changes no byte of the TypeScript for random IR, and it parses", async () => {
    await fc.assert(
      fc.asyncProperty(randomModel, async (m) => {
        for (const f of emitTypeScript(m)) {
          const formatted = await prettier.format(f.content, { ...OPTIONS, parser: "typescript", filepath: "x.ts" });
          expect(f.content, firstDifference(f.content, formatted)).toBe(formatted);
          const sf = ts.createSourceFile(f.path, f.content, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
          expect((sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("textWidth measures text as prettier does: every code point alone, and random grapheme strings", () => {
    const differ: string[] = [];
    for (let cp = 0; cp <= 0x3ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (textWidth(c) !== prettier.util.getStringWidth(c)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(textWidth(text)).toBe(prettier.util.getStringWidth(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("prettier changes no byte of jsonText for random JSON, which reads back as the same value", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (v) => {
        const text = jsonText(v);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
        expect(text).toBe(await prettier.format(text, { ...OPTIONS, parser: "json", filepath: "x.json" }));
      }),
      { numRuns: 300 },
    );
  });
});
