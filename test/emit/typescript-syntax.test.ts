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
