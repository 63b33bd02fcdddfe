// An interface member that fits on its line is written flat without a document (declaration.ts); one
// that does not is laid out as prettier would. The risky cases are at the edge: a line of exactly 120
// columns, the `;` that follows, keys and literals with wide characters. prettier is the oracle.
import prettier from "prettier";
import { describe, expect, it } from "vitest";
import { typesSource } from "../../generator/emit/typescript/index.js";
import { corpusFromTexts } from "../../generator/load/read-corpus.js";
import { resolve } from "../../generator/resolve/index.js";

const OPTIONS = { printWidth: 120, parser: "typescript", filepath: "x.ts", trailingComma: "all" } as const;

/** Members whose lines run from well inside the width to past it, one column at a time. */
function edgeSchema(c: string): object {
  const properties: Record<string, object> = {};
  for (let n = 60; n <= 118; n++) {
    const filler = "x".repeat(n);
    properties[`${c}-${filler}`] = { type: "string", enum: ["p", "q"] };
    properties[`o${n}`] = { type: "string", enum: [`${c}${filler.slice(8)}`, "b"] };
    properties[`l${n}`] = { type: "array", items: { type: "string", enum: [`${c}${filler.slice(12)}`, "c"] } };
    properties[`m${n}`] = { type: "map", values: { type: "string", enum: [`${c}${filler.slice(20)}`, "d"] } };
  }
  const required = Object.keys(properties).filter((k, i) => i % 3 === 0);
  return {
    $schema: "https://json-structure.org/meta/core/v0/#",
    $id: "edge",
    name: "Edge",
    type: "object",
    properties,
    required,
    additionalProperties: true,
  };
}

describe("interface members at the edge of the width", () => {
  it.each(["a", "語", "😀", "é"])("members built from %j print as prettier prints them", async (c) => {
    const model = resolve(corpusFromTexts("edge", { "edge.json": JSON.stringify(edgeSchema(c)) }).corpus);
    expect(model.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const text = typesSource(model);
    expect(text).toContain("export interface Edge {");
    expect(text).toBe(await prettier.format(text, OPTIONS));
  });
});
