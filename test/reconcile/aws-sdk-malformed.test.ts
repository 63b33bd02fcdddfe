// Malformed or unexpected declaration syntax: a coded diagnostic (SDK_DECLARATION_SYNTAX) with the
// file and line:column, for every broken file in one run, and never a crash or a hang, whatever
// the text (fast-check mutates the real SDK's declarations).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StructgenError } from "../../generator/diagnostics/diagnostic.js";
import type { SourceInfo } from "../../generator/reconcile/evidence.js";
import { loadAwsSdk, readSdkDeclarations } from "../../generator/reconcile/sources/aws-sdk.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MALFORMED = path.join(ROOT, "test/fixtures/aws-sdk/malformed");
const MODELS = path.join(ROOT, "node_modules/@aws-sdk/client-cognito-identity-provider/dist-types/models");
const SOURCE: SourceInfo = { id: "aws-sdk", kind: "aws-sdk", description: "malformed" };

interface Expected {
  file: string;
  line: number;
  column: number;
  reason: string;
}

describe("malformed SDK declarations", () => {
  it("each broken file gives one SDK_DECLARATION_SYNTAX error at its line:column, all in one run", async () => {
    const expected = (
      JSON.parse(readFileSync(path.join(MALFORMED, "expected.json"), "utf8")) as { diagnostics: Expected[] }
    ).diagnostics;
    const err = await loadAwsSdk(SOURCE, MALFORMED).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StructgenError);
    const got = (err as StructgenError).diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      file: d.at!.file,
      line: d.at!.line,
      column: d.at!.column,
      message: d.message,
    }));
    expect(got).toEqual(
      expected.map((e) => ({
        code: "SDK_DECLARATION_SYNTAX",
        severity: "error",
        file: `@fixture/client-malformed/dist-types/models/${e.file}`,
        line: e.line,
        column: e.column,
        message: `cannot read the SDK's declarations: ${e.reason}`,
      })),
    );
  });

  it("mutated and truncated SDK text: Evidence or coded diagnostics inside the text, never another failure", () => {
    const texts = ["enums.d.ts", "errors.d.ts"].map((f) => readFileSync(path.join(MODELS, f), "utf8"));
    const pieces = [
      "{",
      "}",
      "(",
      ")",
      "[",
      "]",
      "<",
      ">",
      '"',
      "'",
      "`",
      "${",
      "/*",
      "*/",
      "//",
      "/**",
      "\\",
      "\n",
      "\r",
      "@",
      "|",
      "=>",
      "?",
      ";",
      ":",
      "#",
      "\u2028",
      "\uD800",
    ];
    const mutation = fc.record({
      file: fc.nat({ max: texts.length - 1 }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      cut: fc.nat({ max: 40 }),
      insert: fc.array(fc.constantFrom(...pieces), { maxLength: 4 }),
      truncate: fc.boolean(),
    });
    fc.assert(
      fc.property(mutation, (m) => {
        const text = texts[m.file]!;
        const at = Math.floor(m.at * text.length);
        const mutated = m.truncate ? text.slice(0, at) : text.slice(0, at) + m.insert.join("") + text.slice(at + m.cut);
        try {
          readSdkDeclarations(SOURCE, [{ display: "x.d.ts", text: mutated }]);
        } catch (e) {
          if (!(e instanceof StructgenError)) throw e;
          const lines = mutated.split(/\r\n|[\r\n\u2028\u2029]/).length;
          for (const d of e.diagnostics) {
            expect(d.code).toBe("SDK_DECLARATION_SYNTAX");
            expect(d.at!.line).toBeGreaterThanOrEqual(1);
            expect(d.at!.line).toBeLessThanOrEqual(lines);
            expect(d.at!.column).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("deep nesting is refused with a diagnostic, not a stack overflow", () => {
    for (const open of ["(", "{ a: ", "keyof ", "Array<", "`${"]) {
      const close = { "(": ")", "{ a: ": " }", "keyof ": "", "Array<": ">", "`${": "}`" }[open]!;
      const text = `export type Deep = ${open.repeat(20_000)}string${close.repeat(20_000)};\n`;
      const err = (() => {
        try {
          readSdkDeclarations(SOURCE, [{ display: "deep.d.ts", text }]);
          return undefined;
        } catch (e) {
          return e;
        }
      })();
      expect(err, open).toBeInstanceOf(StructgenError);
      expect((err as StructgenError).diagnostics[0]!.message, open).toContain("nested deeper than 256 levels");
    }
    // Tuples are skipped whole (the reader never looks inside), so their depth costs no recursion.
    const tuples = `export type Deep = ${"[".repeat(20_000)}string${"]".repeat(20_000)};\n`;
    expect(readSdkDeclarations(SOURCE, [{ display: "deep.d.ts", text: tuples }]).shapes.size).toBe(0);
  });
});
