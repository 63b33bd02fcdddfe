// Bidirectional controls (U+061C, U+200E/200F, U+202A–202E, U+2066–2069) reorder how text is shown:
// "Trojan source". Schema text holding them reaches generated TypeScript, JSDoc, Markdown, JSON
// Schema and validator code only as visible escapes, with its meaning kept.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as prettier from "prettier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  jsdocText,
  jsonStringEscapes,
  markdownCell,
  markdownCode,
  markdownText,
  mermaidLabel,
  propertyKey,
  stringLiteral,
} from "../../generator/emit/quote.js";
import { cli, ensureBuilt, FIXTURES, repoTemp } from "./helpers.js";

const CONTROLS = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map(
  (c) => String.fromCharCode(c),
);
const RAW = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(4, "0");
const PRETTIER = { printWidth: 120, proseWrap: "preserve", endOfLine: "lf", trailingComma: "all" } as const;

describe("regression: U+202E and other bidi controls pass raw into the output (quote.ts)", () => {
  it.each(CONTROLS.map((c) => [`U+${hex(c).toUpperCase()}`, c]))("%s is escaped by every quoting helper", (_, c) => {
    const text = `admin${c}txt.exe`;
    // Code: a \uXXXX escape inside the literal, which still evaluates to the same string.
    const literal = stringLiteral(text);
    expect(literal).not.toMatch(RAW);
    expect(literal).toContain(`\\u${hex(c)}`);
    expect(new Function(`return ${literal};`)()).toBe(text);
    expect(propertyKey(text)).toBe(literal);
    // JSON: the same escape, and JSON.parse gives the text back.
    const json = jsonStringEscapes(JSON.stringify({ [text]: [text] }));
    expect(json).not.toMatch(RAW);
    expect(JSON.parse(json)).toEqual({ [text]: [text] });
    // JSDoc: the escape as visible text.
    expect(jsdocText(text)).toBe(`admin\\u${hex(c)}txt.exe`);
    // Markdown: a character reference in text, the escape in code (where references are not read).
    expect(markdownText(text)).toBe(`admin&#x${hex(c).toUpperCase()};txt.exe`);
    expect(markdownCell(text)).toBe(markdownText(text));
    expect(markdownCode(text)).toBe(`\`admin\\u${hex(c)}txt.exe\``);
    expect(mermaidLabel(text)).not.toMatch(RAW);
  });

  it("prettier leaves the escaped forms as they are (Markdown, JSON, TypeScript)", async () => {
    const all = CONTROLS.join("");
    const md = `# T\n\n${markdownText(`a${all}b`)} and ${markdownCode(`c${all}d`)}\n`;
    expect(await prettier.format(md, { ...PRETTIER, parser: "markdown" })).toBe(md);
    const json = `${jsonStringEscapes(JSON.stringify({ description: `a${all}b` }, null, 2))}\n`;
    expect(await prettier.format(json, { ...PRETTIER, parser: "json" })).toBe(json);
    const ts = `/**\n * ${jsdocText(`a${all}b`)}\n */\nexport type T = ${stringLiteral(`a${all}b`)};\n`;
    expect(await prettier.format(ts, { ...PRETTIER, parser: "typescript" })).toBe(ts);
  });

  it("text without bidi controls is unchanged by the JSON escapes (besides U+2028/2029)", () => {
    const text = JSON.stringify({ a: "plain \u00e9 \ud83d\ude00 \u200b \u200d text", "\u2028": "\u2029" });
    expect(jsonStringEscapes(text)).toBe(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"));
  });
});

describe("regression: U+202E and other bidi controls pass raw into the output (generated files)", () => {
  let tmp: string;
  let out: string;
  const files: string[] = [];
  const read = (f: string) => readFileSync(path.join(out, f), "utf8");
  beforeAll(() => {
    ensureBuilt();
    tmp = repoTemp("bidi");
    const r = cli(["generate", "--schemas", path.join(FIXTURES, "bidi"), "--out", tmp]);
    expect(r.status, r.stderr).toBe(0);
    out = path.join(tmp, "bidi");
    files.push(
      ...(readdirSync(out, { recursive: true }) as string[]).filter((f) => /\.(ts|js|md|json)$/.test(f)).sort(),
    );
  });
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("no generated file holds a raw bidi control", () => {
    expect(files).toEqual(
      expect.arrayContaining(["docs/types/Trojan.md", "schema.json", "types.ts", "validators.d.ts", "validators.js"]),
    );
    for (const f of files) expect(read(f).match(RAW), f).toBeNull();
  });

  it("the escapes keep the meaning: types, schema and validators still speak of the same strings", async () => {
    expect(read("types.ts")).toContain('"na\\u202eme"');
    expect(read("types.ts")).toContain('"A\\u202ax"');
    expect(read("docs/types/Trojan.md")).toContain("&#x202E;root&#x202C;");
    const schema = JSON.parse(read("schema.json")) as {
      $defs: { Trojan: { properties: Record<string, { enum?: string[]; pattern?: string }> } };
    };
    expect(schema.$defs.Trojan.properties["na\u202eme"]!.pattern).toContain("^a\u202eb$");
    expect(schema.$defs.Trojan.properties["kind"]!.enum).toContain("A\u202ax");
    type Result = { valid: boolean };
    const v = (await import(pathToFileURL(path.join(out, "validators.js")).href)) as {
      validateTrojan: (x: unknown) => Result;
    };
    expect(v.validateTrojan({ "na\u202eme": "a\u202eb", kind: "A\u202ax" }).valid).toBe(true);
    expect(v.validateTrojan({ "na\u202eme": "ab", kind: "A\u202ax" }).valid).toBe(false); // the pattern needs U+202E
    expect(v.validateTrojan({ name: "a\u202eb", kind: "A\u202ax" }).valid).toBe(false); // and so does the key
  });
});
