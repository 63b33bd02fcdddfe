// Bytes and line breaks: invalid UTF-8 is an error at its place (never U+FFFD in the output), and
// CR, LF and CR LF each end a line wherever a position is computed.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StructgenError } from "../../generator/diagnostics/diagnostic.js";
import type { SourceInfo } from "../../generator/reconcile/evidence.js";
import { loadBoto3Docs } from "../../generator/reconcile/sources/boto3-docs.js";
import { loadBotocore } from "../../generator/reconcile/sources/botocore.js";
import { readRecordings } from "../../generator/reconcile/sources/recorded.js";
import { repoTemp } from "./helpers.js";
import { corpusFromTexts } from "../../generator/load/read-corpus.js";
import { parseJson, type ParsedJson } from "../../generator/load/parse-json.js";
import { decodeUtf8, invalidUtf8Offset } from "../../generator/load/utf8.js";
import { resolve } from "../../generator/resolve/index.js";

const FATAL = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const bytes = (...b: number[]) => Uint8Array.from(b);
const ascii = (s: string) => [...Buffer.from(s, "latin1")];

describe("regression: invalid UTF-8 is silently replaced", () => {
  it.each([
    ["an overlong '/' (C0 AF)", [0xc0, 0xaf]],
    ["a lone continuation byte", [0x80]],
    ["a truncated three-byte sequence", [0xe2, 0x82]],
    ["a UTF-16 surrogate (ED A0 80)", [0xed, 0xa0, 0x80]],
    ["an overlong three-byte form (E0 80 AF)", [0xe0, 0x80, 0xaf]],
    ["a code point above U+10FFFF (F4 90 80 80)", [0xf4, 0x90, 0x80, 0x80]],
    ["a byte never used (FF)", [0xff]],
  ])("%s is FILE_NOT_UTF8 at the byte's line:column", (_, bad) => {
    // Line 3, after "é" (two bytes, one column) and two spaces: column 5 in UTF-16 units.
    const prefix = [...ascii('{\n"a": 1,\r\n  '), 0xc3, 0xa9];
    const r = decodeUtf8("x.json", bytes(...prefix, ...bad, ...ascii(' "b"}')));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostic).toMatchObject({
      code: "FILE_NOT_UTF8",
      severity: "error",
      at: { file: "x.json", line: 3, column: 4 },
    });
    expect(r.diagnostic.message).toContain(`at offset ${prefix.length}`);
    expect(r.diagnostic.message).toContain(`byte 0x${bad[0]!.toString(16).toUpperCase().padStart(2, "0")}`);
  });

  it("keeps a BOM for the parser and counts columns from after it", () => {
    const ok = decodeUtf8("x.json", bytes(0xef, 0xbb, 0xbf, ...Buffer.from('{"a": "\u00e9"}', "utf8")));
    expect(ok).toEqual({ ok: true, text: '\ufeff{"a": "\u00e9"}' });
    const bad = decodeUtf8("x.json", bytes(0xef, 0xbb, 0xbf, ...ascii('{"a"'), 0xc0));
    expect(bad.ok === false && bad.diagnostic.at).toMatchObject({ line: 1, column: 5 });
  });

  it("finds the first invalid byte exactly where a fatal TextDecoder fails (random bytes)", () => {
    // Bytes biased towards UTF-8 lead and continuation bytes, so most inputs are near-valid.
    const byte = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0xbf }),
      fc.integer({ min: 0xc0, max: 0xff }),
    );
    const valid = fc.string({ unit: "grapheme", maxLength: 6 }).map((s) => [...Buffer.from(s, "utf8")]);
    const input = fc
      .array(
        fc.oneof(
          byte.map((b) => [b]),
          valid,
        ),
        { maxLength: 12 },
      )
      .map((parts) => Uint8Array.from(parts.flat()));
    fc.assert(
      fc.property(input, (b) => {
        const at = invalidUtf8Offset(b);
        let decodes = true;
        try {
          FATAL.decode(b);
        } catch {
          decodes = false;
        }
        expect(at === -1).toBe(decodes);
        if (at >= 0) {
          expect(() => FATAL.decode(b.subarray(0, at))).not.toThrow(); // everything before it is valid
          expect(() => FATAL.decode(b.subarray(0, at + 4))).toThrow(); // and the sequence there is not
        }
      }),
      { numRuns: 4_000 },
    );
  });

  it("a corpus never carries U+FFFD that the file did not hold", () => {
    const r = decodeUtf8("x.json", bytes(...ascii('{"enum": ["O'), 0xc0, 0xaf, ...ascii('F"]}')));
    expect(r.ok).toBe(false);
    const honest = decodeUtf8("x.json", Buffer.from('{"enum": ["O\ufffdF"]}', "utf8"));
    expect(honest).toEqual({ ok: true, text: '{"enum": ["O\ufffdF"]}' }); // a real U+FFFD is kept
  });
});

describe("regression: invalid UTF-8 is silently replaced (evidence files)", () => {
  it("a botocore model, a recording and a boto3 page with a bad byte are FILE_NOT_UTF8", async () => {
    const dir = repoTemp("utf8-evidence");
    try {
      const bad = bytes(
        ...ascii('{\n  "shapes": {"A": {"type": "string", "documentation": "O'),
        0xc0,
        0xaf,
        ...ascii('F"}}\n}\n'),
      );
      writeFileSync(path.join(dir, "model.json"), bad);
      mkdirSync(path.join(dir, "rec"));
      writeFileSync(path.join(dir, "rec", "r.json"), bad);
      writeFileSync(
        path.join(dir, "page.txt"),
        bytes(...ascii("CognitoIdentityProvider / Client / get_user\r\n"), 0xff),
      );
      const source = (kind: SourceInfo["kind"]): SourceInfo => ({ id: kind, kind, description: kind });
      const codes = async (p: Promise<unknown>) => {
        const e = await p.then(
          () => undefined,
          (x: unknown) => x,
        );
        expect(e).toBeInstanceOf(StructgenError);
        return (e as StructgenError).diagnostics.map((d) => [d.code, d.at?.file, d.at?.line, d.at?.column]);
      };
      expect(await codes(loadBotocore(source("botocore"), path.join(dir, "model.json"), "model.json"))).toEqual([
        ["FILE_NOT_UTF8", "model.json", 2, 57],
      ]);
      expect(await codes(readRecordings(path.join(dir, "rec"), "rec"))).toEqual([
        ["FILE_NOT_UTF8", "rec/r.json", 2, 57],
      ]);
      const page = { path: path.join(dir, "page.txt"), display: "page.txt" };
      expect(await codes(loadBoto3Docs(source("boto3-docs"), [page]))).toEqual([["FILE_NOT_UTF8", "page.txt", 2, 1]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("regression: lone-CR line endings give wrong positions", () => {
  const lines = [
    "{",
    '  "name": "T",',
    '  "type": "object",',
    '  "properties": {',
    '    "a": { "type": "nope" }',
    "  }",
    "}",
  ];
  const withEnds = (ends: string[]) => lines.map((l, i) => l + ends[i % ends.length]).join("");
  const doc = (text: string): ParsedJson => {
    const r = parseJson("t.json", text);
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    return r.doc;
  };

  it.each([
    ["LF", ["\n"]],
    ["CR", ["\r"]],
    ["CR LF", ["\r\n"]],
    ["CR, LF and CR LF mixed", ["\r", "\n", "\r\n"]],
    ["CR LF then lone CRs", ["\r\n", "\r", "\r"]],
  ])("%s: every pointer is at the same line:column", (_, ends) => {
    const d = doc(withEnds(ends));
    expect(d.locate("/name")).toMatchObject({ line: 2, column: 11 });
    expect(d.locate("/properties/a/type")).toMatchObject({ line: 5, column: 20 });
    expect(d.locate("")).toMatchObject({ line: 1, column: 1 });
  });

  it("JSON syntax errors after lone CRs are on their line", () => {
    const r = parseJson("t.json", '{\r\r  "a": nope\r}');
    expect(r.ok === false && r.diagnostics[0]!.at).toMatchObject({ line: 3, column: 8 });
  });

  it("resolve diagnostics (through the pointer locations) and the depth limit count CR too", () => {
    const { corpus } = corpusFromTexts("cr", { "t.json": withEnds(["\r"]) });
    const model = resolve(corpus);
    expect(model.diagnostics).toContainEqual(
      expect.objectContaining({ code: "SCHEMA_TYPE_INVALID", at: expect.objectContaining({ line: 5, column: 20 }) }),
    );
    const deep = corpusFromTexts("cr", { "deep.json": `{\r"a":\r${"[".repeat(1_001)}${"]".repeat(1_001)}}` });
    expect(deep.diagnostics).toEqual([
      expect.objectContaining({
        code: "SCHEMA_MAX_DEPTH_EXCEEDED",
        at: expect.objectContaining({ line: 3, column: 1_000 }),
      }),
    ]);
  });

  it("invalid UTF-8 after lone CRs is on its line", () => {
    const r = decodeUtf8("t.json", bytes(...ascii('{\r\r"a": "'), 0xff, ...ascii('"}')));
    expect(r.ok === false && r.diagnostic.at).toMatchObject({ line: 3, column: 7 });
  });
});
