// An independent oracle for the TypeScript emitter: json-schema-to-typescript compiles structgen's
// own schema.json, and the compiler must find its types and structgen's wire types (types.ts)
// assignable both ways, for every root type of the bundled corpus and of the conformance samples.
// Where JSON Schema (or json-schema-to-typescript) cannot say what the IR says, the exception is
// listed below by name, with its reason; the list must be exact (a fixed exception fails too).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "json-schema-to-typescript";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toJsonSchema } from "../../generator/emit/json-schema/index.js";
import { emitTypeScript } from "../../generator/emit/typescript/index.js";
import { openNames } from "../../generator/emit/typescript/view.js";
import type { Model } from "../../generator/ir/model.js";
import { corpusFromTexts } from "../../generator/load/read-corpus.js";
import { buildModel, discoverCorpora } from "../../generator/pipeline.js";
import { resolve } from "../../generator/resolve/index.js";
import { loadSamples, sampleTexts } from "../conformance/samples.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ORACLE_ROOT = "StructgenOracleRoot";

type Direction = "wire-to-schema" | "schema-to-wire";

/** `corpus/Type` (both directions) or `corpus/Type direction` → why JSON Schema cannot say it. */
const EXCEPTIONS: Record<string, string> = {
  "core-01-basic-person/Person wire-to-schema":
    "profileData is `any` (the schema {}: any JSON value); json-schema-to-typescript types {} as an object " +
    "({ [k: string]: unknown }), structgen as unknown, so a string there is valid JSON but not assignable to its type",
  "core-06-tuples/DataSet":
    "tuples are 2020-12 prefixItems with items: false; json-schema-to-typescript 16 reads neither " +
    "and types them never[]",
  "core-10-discriminated-unions/PaymentTransaction schema-to-wire":
    "choices: a tagged choice is 'exactly one of these members' (minProperties/maxProperties 1) and an inline one " +
    "'the named option's members' (if/then on the selector); json-schema-to-typescript reads neither, so its types " +
    "allow no member at all or a selector without its option's members",
};

interface Check {
  corpus: string;
  type: string;
  /** The wire type's name in types.ts: an open enum's open alias, else the type itself. */
  wire: string;
}

let tmp: string;
const checks: Check[] = [];
/** `corpus/Type direction` for every check the compiler rejected. */
const failing = new Set<string>();
/** Diagnostics outside the checks (a types.ts or a compiled schema that does not type-check). */
const otherErrors: string[] = [];

/** The schema with a root object whose required members are the roots, for json-schema-to-typescript. */
function oracleInput(m: Model, roots: string[]): Record<string, unknown> {
  const schema = toJsonSchema(m);
  return {
    ...schema,
    title: ORACLE_ROOT,
    type: "object",
    additionalProperties: false,
    required: roots,
    properties: Object.fromEntries(roots.map((r) => [r, { $ref: `#/$defs/${r}` }])),
  };
}

async function prepare(m: Model, dir: string): Promise<string[]> {
  const roots = m.types.filter((t) => t.root).map((t) => t.name);
  const open = openNames(m);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "types.ts"), emitTypeScript(m).find((f) => f.path === "types.ts")!.content);
  // Objects without additionalProperties get no index signature: structgen writes none either
  // (undeclared members are drift, reported by the validators, not part of the type). Array
  // lengths are run-time constraints in structgen's types, not tuples.
  const theirs = await compile(oracleInput(m, roots) as never, ORACLE_ROOT, {
    bannerComment: "",
    format: false,
    additionalProperties: false,
    unknownAny: true,
    ignoreMinAndMaxItems: true,
  });
  writeFileSync(path.join(dir, "schema-types.ts"), theirs);
  const lines = [
    `import type * as S from "./types.js";`,
    `import type { ${ORACLE_ROOT} as J } from "./schema-types.js";`,
    `type Sub<A, B> = [A] extends [B] ? true : false;`,
  ];
  for (const r of roots) {
    const wire = open.get(r) ?? r;
    checks.push({ corpus: m.name, type: r, wire });
    lines.push(`export const ${r}__wire_to_schema: Sub<S.${wire}, J[${JSON.stringify(r)}]> = true;`);
    lines.push(`export const ${r}__schema_to_wire: Sub<J[${JSON.stringify(r)}], S.${wire}> = true;`);
  }
  writeFileSync(path.join(dir, "check.ts"), `${lines.join("\n")}\n`);
  return [path.join(dir, "types.ts"), path.join(dir, "schema-types.ts"), path.join(dir, "check.ts")];
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(ROOT, ".structgen-oracle-"));
  const models: Model[] = [];
  const [bundled] = await discoverCorpora(path.join(ROOT, "schemas"));
  models.push(await buildModel(bundled!));
  for (const s of loadSamples()) models.push(resolve(corpusFromTexts(s.corpus, sampleTexts(s)).corpus));
  const files: string[] = [];
  for (const m of models) files.push(...(await prepare(m, path.join(tmp, m.name))));
  // A control that must fail, so a checker that accepts everything cannot pass.
  writeFileSync(
    path.join(tmp, "control.ts"),
    "type Sub<A, B> = [A] extends [B] ? true : false;\n" +
      "export const control: Sub<{ a: string }, { a: number }> = true;\n",
  );
  files.push(path.join(tmp, "control.ts"));

  // One program for every check.
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    lib: ["lib.es2022.d.ts"],
  });
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file ? path.relative(tmp, d.file.fileName) : "";
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    const name = d.file && d.start !== undefined ? /export const (\w+)__(\w+):/.exec(lineAt(d.file, d.start)) : null;
    if (file === "control.ts") failing.add("control");
    else if (name && path.basename(file) === "check.ts")
      failing.add(`${path.dirname(file)}/${name[1]} ${name[2]!.replaceAll("_", "-")}`);
    else otherErrors.push(`${file}: ${message.split("\n")[0]}`);
  }
}, 120_000);

function lineAt(sf: ts.SourceFile, pos: number): string {
  const { line } = sf.getLineAndCharacterOfPosition(pos);
  return sf.text.split("\n")[line] ?? "";
}

afterAll(() => {
  if (tmp && !process.env.KEEP_ORACLE) rmSync(tmp, { recursive: true, force: true });
});

describe("json-schema-to-typescript over structgen's schema.json agrees with types.ts", () => {
  it("checks every root type of the bundled corpus and of each conformance sample", () => {
    const byCorpus = new Map<string, number>();
    for (const c of checks) byCorpus.set(c.corpus, (byCorpus.get(c.corpus) ?? 0) + 1);
    expect(byCorpus.get("cognito-idp")).toBeGreaterThanOrEqual(424);
    for (const s of loadSamples())
      expect(
        checks.some((c) => c.corpus === s.corpus && c.type === s.rootType),
        s.corpus,
      ).toBe(true);
  });

  it("the checker rejects a control pair that is not assignable", () => {
    expect(failing.has("control")).toBe(true);
  });

  it("both files type-check on their own", () => {
    expect(otherErrors).toEqual([]);
  });

  it("every root type is assignable both ways, except the listed ones", () => {
    const expected = new Set<string>();
    for (const key of Object.keys(EXCEPTIONS)) {
      if (/ (wire-to-schema|schema-to-wire)$/.test(key)) expected.add(key);
      else for (const d of ["wire-to-schema", "schema-to-wire"] as Direction[]) expected.add(`${key} ${d}`);
    }
    const actual = [...failing].filter((f) => f !== "control").sort();
    expect(actual).toEqual([...expected].sort());
  });
});
