// The TypeScript emitter refuses to return code that does not parse (a structgen bug, never output).
import { describe, expect, it } from "vitest";
import { assertParses } from "../../generator/emit/typescript/index.js";

describe("assertParses", () => {
  it.each([
    ["export interface A { x: string }", true],
    ["export type B = \"a\" | (string & {});", true],
    ["export interface { x: string }", false],
    ["export type C = ;", false],
    ["/** unterminated comment\nexport type D = string;", false],
  ])("%j parses: %s", (text, ok) => {
    if (ok) expect(() => assertParses(text)).not.toThrow();
    else expect(() => assertParses(text)).toThrow(/EMIT_TYPESCRIPT_SYNTAX/);
  });
});

describe("regression: a backslash before a quote, then `/**` in a later literal", () => {
  // ts-morph's code writer read `"…\\"` as an open string, then saw a comment in the next
  // literal and closed it with a stray `*/`: the emitted TypeScript did not parse.
  it.each([
    [["_\\", "a /** b"]],
    [["_\\", "a /** b", "c */ d", "e // f", "</script><!--", "x\\\""]],
  ])("enum %j: TypeScript parses, with the values intact", async (values) => {
    const { corpusFromTexts } = await import("../../generator/load/read-corpus.js");
    const { resolve } = await import("../../generator/resolve/index.js");
    const { typesSource } = await import("../../generator/emit/typescript/index.js");
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
    const ts = await import("typescript");
    const sf = ts.createSourceFile("t.ts", text, ts.ScriptTarget.ES2022, true);
    const literals: string[] = [];
    const visit = (n: import("typescript").Node): void => {
      if (ts.isStringLiteral(n)) literals.push(n.text);
      ts.forEachChild(n, visit);
    };
    visit(sf);
    expect(literals.sort()).toEqual([...values].sort());
  });
});
