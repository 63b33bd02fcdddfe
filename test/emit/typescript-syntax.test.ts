// Generated TypeScript must parse: the emitter writes text, so the tests hold it to the compiler's
// parser (test/emit/prettier-stable.test.ts parses every .ts of the corpora and of random models).
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { typesSource } from "../../generator/emit/typescript/index.js";
import { corpusFromTexts } from "../../generator/load/read-corpus.js";
import { resolve } from "../../generator/resolve/index.js";

describe("regression: a backslash before a quote, then `/**` in a later literal", () => {
  // ts-morph's code writer read `"…\\"` as an open string, then saw a comment in the next
  // literal and closed it with a stray `*/`: the emitted TypeScript did not parse.
  it.each([
    [["_\\", "a /** b"]],
    [["_\\", "a /** b", "c */ d", "e // f", "</script><!--", 'x\\"']],
    [['"', '""', "'", '"\'"', "a\\'b"]],
  ])("enum %j: TypeScript parses, with the values intact", (values) => {
    const schema = {
      $schema: "https://json-structure.org/meta/core/v0/#",
      $id: "x",
      name: "T",
      type: "object",
      properties: {
        a: { type: "string", enum: values },
        b: { type: "string", description: "[x](javascript:alert(1)) <!--\u0000" },
      },
    };
    const model = resolve(corpusFromTexts("x", { "t.json": JSON.stringify(schema) }).corpus);
    const text = typesSource(model);
    const sf = ts.createSourceFile("t.ts", text, ts.ScriptTarget.ES2022, true);
    expect((sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics).toEqual([]);
    const literals: string[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isStringLiteral(n)) literals.push(n.text);
      ts.forEachChild(n, visit);
    };
    visit(sf);
    expect(literals.sort()).toEqual([...values].sort());
  });
});
