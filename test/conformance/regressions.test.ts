// In-process regression tests for the crashes adversarial.test.ts found (each was exit 3,
// "internal error: Maximum call stack size exceeded"):
// - a reference chain of 2 000 object types overflowed ajv while compiling the validators (they
//   no longer come from ajv; the chain stays a test);
// - 1 200–1 500 nested objects overflowed the resolver (comparing inlined items with named
//   types) before the depth limit was reached, and deeper ones were reported as a JSON syntax error;
// - schemas nested within the old limit (400 pointer segments) overflowed prettier when generated.
import { describe, expect, it } from "vitest";
import { inMemorySource } from "../../generator/emit/validators/index.js";
import { parseJson } from "../../generator/load/parse-json.js";
import { corpusFromTexts, MAX_SCHEMA_NESTING } from "../../generator/load/read-corpus.js";
import { resolve } from "../../generator/resolve/index.js";
import { MAX_POINTER_DEPTH } from "../../generator/resolve/transform/index.js";
import type { ValidatorModule } from "../../generator/validators-module.js";

const model = (files: Record<string, string>) => {
  const loaded = corpusFromTexts("regression", files);
  expect(loaded.diagnostics).toEqual([]);
  return resolve(loaded.corpus);
};

function chainText(n: number): string {
  const defs: Record<string, object> = {};
  for (let i = 0; i < n; i++)
    defs[`T${i}`] = {
      type: "object",
      properties: {
        id: { type: "string" },
        ...(i + 1 < n ? { next: { type: { $ref: `#/definitions/T${i + 1}` } } } : {}),
      },
    };
  return JSON.stringify({ name: "Chain", $root: "#/definitions/T0", definitions: defs });
}

describe("reference chains", () => {
  it("a 2 000-type chain generates validators that work", async () => {
    const m = model({ "c.struct.json": chainText(2000) });
    const source = inMemorySource(m);
    const mod = (await import(
      `data:text/javascript;base64,${Buffer.from(source).toString("base64")}`
    )) as ValidatorModule;
    expect(mod.validators["T0"]!({ id: "a", next: { id: "b", next: { id: "c" } } }).valid).toBe(true);
    expect(mod.validators["T0"]!({ id: "a", next: { id: 2 } }).errors).toContainEqual(
      expect.objectContaining({ pointer: "/next/id", code: "INSTANCE_STRING_EXPECTED" }),
    );
  });
});

describe("schema nesting is bounded before parsing", () => {
  // The document's brace is level 1 and the examples bracket level 2.
  const PREFIX = '{"name":"N","type":"any","examples":[';
  const nested = (depth: number) => `${PREFIX}${"[".repeat(depth - 2)}${"]".repeat(depth - 2)}]}`;
  const codes = (text: string) =>
    corpusFromTexts("deep", { "d.struct.json": text }).diagnostics.map((d) => [d.code, d.at?.line, d.at?.column]);

  it(`accepts ${MAX_SCHEMA_NESTING} levels and refuses one more with SCHEMA_MAX_DEPTH_EXCEEDED`, () => {
    expect(codes(nested(MAX_SCHEMA_NESTING))).toEqual([]);
    // At the first bracket past the limit.
    expect(codes(nested(MAX_SCHEMA_NESTING + 1))).toEqual([
      ["SCHEMA_MAX_DEPTH_EXCEEDED", 1, PREFIX.length + MAX_SCHEMA_NESTING - 1],
    ]);
  });

  it("does not count brackets inside strings", () => {
    expect(
      codes(JSON.stringify({ name: "S", type: "string", description: "[".repeat(5000), examples: ['\\"{{{'] })),
    ).toEqual([]);
  });

  it("reports 1 300 nested objects as too deep instead of overflowing the resolver", () => {
    const text = `{"name":"Deep",${'"type":"object","properties":{"a":{'.repeat(1300)}"type":"string"${"}}".repeat(1300)}}`;
    expect(codes(text).map(([c]) => c)).toEqual(["SCHEMA_MAX_DEPTH_EXCEEDED"]);
  });

  it("leaves parseJson itself as it was (evidence files, configuration)", () => {
    expect(
      parseJson("deep.json", `${"[".repeat(MAX_SCHEMA_NESTING + 1)}${"]".repeat(MAX_SCHEMA_NESTING + 1)}`).ok,
    ).toBe(true);
  });
});

describe("the schema depth limit leaves room for the emitters", () => {
  const arrays = (depth: number) =>
    `{"name":"Deep",${'"type":"array","items":{'.repeat(depth)}"type":"string"${"}".repeat(depth)}}`;

  it(`refuses ${MAX_POINTER_DEPTH} nested arrays and accepts ${MAX_POINTER_DEPTH - 1}`, () => {
    expect(MAX_POINTER_DEPTH).toBeLessThanOrEqual(128);
    expect(
      model({ "d.struct.json": arrays(MAX_POINTER_DEPTH - 1) }).diagnostics.filter((d) => d.severity === "error"),
    ).toEqual([]);
    expect(model({ "d.struct.json": arrays(MAX_POINTER_DEPTH) }).diagnostics.map((d) => d.code)).toContain(
      "SCHEMA_MAX_DEPTH_EXCEEDED",
    );
  });
});
