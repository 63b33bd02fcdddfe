import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../generator/diagnostics/diagnostic.js";
import { own, parseJson, type JsonValue, type ParsedJson } from "../../generator/load/parse-json.js";
import { parseValid } from "../../generator/load/parse-valid.js";
import { readCorpus } from "../../generator/load/read-corpus.js";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/load");
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), "utf8");

function parsed(file: string, text: string): ParsedJson {
  const r = parseJson(file, text);
  if (!r.ok) throw new Error(`expected ${file} to parse: ${r.diagnostics.map((d) => d.message).join("; ")}`);
  return r.doc;
}

function failed(file: string, text: string): Diagnostic[] {
  const r = parseJson(file, text);
  if (r.ok) throw new Error(`expected ${file} to fail`);
  return r.diagnostics;
}

describe("parseJson: positions", () => {
  const doc = parsed("positions.json", fixture("positions.json"));

  // Each pointer's location is where its value starts (1-based line:column).
  it.each([
    ["", 1, 1],
    ["/name", 2, 11],
    ["/definitions", 3, 18],
    ["/definitions/a~1b~0c", 4, 14],
    ["/definitions/a~1b~0c/type", 5, 15],
    ["/definitions/a~1b~0c/items", 6, 16],
    ["/definitions/a~1b~0c/items/0", 6, 17],
    ["/definitions/a~1b~0c/items/1", 6, 23],
    ["/definitions/a~1b~0c/items/1/x", 6, 29],
    ["/crlf", 9, 11],
  ])("%j is at %i:%i", (pointer, line, column) => {
    expect(doc.locate(pointer)).toEqual({ file: "positions.json", pointer, line, column });
  });

  it("a pointer that does not exist falls back to its nearest existing parent, keeping the pointer asked for", () => {
    expect(doc.locate("/definitions/nope/deeper")).toEqual({
      file: "positions.json",
      pointer: "/definitions/nope/deeper",
      line: 3,
      column: 18,
    });
    expect(doc.locate("/missing")).toEqual({ file: "positions.json", pointer: "/missing", line: 1, column: 1 });
  });

  it("decodes ~0 and ~1 in keys into the value it returns", () => {
    const defs = (doc.value as Record<string, JsonValue>)["definitions"] as Record<string, JsonValue>;
    expect(Object.keys(defs)).toEqual(["a/b~c"]);
  });

  it("counts lines of a CRLF file the same as LF", () => {
    const lf = parsed("lf.json", '{\n  "a": {\n    "b": 1\n  }\n}\n');
    const crlf = parsed("crlf.json", '{\r\n  "a": {\r\n    "b": 1\r\n  }\r\n}\r\n');
    expect(crlf.locate("/a/b")).toMatchObject({ line: 3, column: 10 });
    expect(crlf.locate("/a/b")).toMatchObject({ line: lf.locate("/a/b").line, column: lf.locate("/a/b").column });
  });
});

describe("parseJson: byte order mark", () => {
  it("accepts a leading BOM and does not count it as a column", () => {
    const text = fixture("bom.json");
    expect(text.charCodeAt(0)).toBe(0xfeff); // the fixture really starts with one
    const withBom = parsed("bom.json", text);
    const without = parsed("nobom.json", text.slice(1));
    expect(withBom.value).toEqual({ name: "Bom", type: "string" });
    expect(withBom.locate("/name")).toMatchObject({ line: 2, column: 11 });
    for (const p of ["", "/name", "/type"]) {
      expect({ ...withBom.locate(p), file: "" }).toEqual({ ...without.locate(p), file: "" });
    }
  });

  it("reads a BOM file through readCorpus too", async () => {
    const { corpus } = await readCorpus(FIXTURES, "load");
    const bom = corpus.documents.find((d) => d.file === "bom.json");
    expect(bom?.value).toEqual({ name: "Bom", type: "string" });
  });
});

describe("parseJson: malformed JSON → JSON_SYNTAX at line:column", () => {
  it.each([
    // file, line, column, words the reason must contain
    ["truncated.json", 5, 15, /truncated/],
    ["trailing-comma-object.json", 4, 1, /trailing comma/],
    ["trailing-comma-array.json", 2, 21, /trailing comma/],
    ["line-comment.json", 2, 3, /comments are not allowed/],
    ["block-comment.json", 2, 24, /comments are not allowed/],
  ])("%s → %i:%i", (file, line, column, reason) => {
    const ds = failed(file, fixture(file));
    expect(ds.length).toBeGreaterThan(0);
    for (const d of ds) expect(d).toMatchObject({ code: "JSON_SYNTAX", severity: "error" });
    expect(ds[0]!.at).toEqual({ file, pointer: "", line, column });
    expect(ds[0]!.message).toMatch(reason);
    expect(ds[0]!.message.startsWith("invalid JSON: ")).toBe(true);
  });

  it.each([
    ["a bare word", '{\n  "a": nope\n}', 2, 8],
    ["a single-quoted string", "{'a': 1}", 1, 2],
    ["text after the value", '{"a": 1}\n{"b": 2}', 2, 1],
    ["an unterminated string", '{"a": "abc', 1, 7],
  ])("%s", (_, text, line, column) => {
    const ds = failed("x.json", text);
    expect(ds[0]).toMatchObject({ code: "JSON_SYNTAX", at: { file: "x.json", line, column } });
  });

  it("reports deep nesting as JSON_SYNTAX instead of crashing", () => {
    const depth = 200_000;
    const ds = failed("deep.json", "[".repeat(depth) + "]".repeat(depth));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "JSON_SYNTAX", at: { line: 1, column: 1 } });
    expect(ds[0]!.message).toMatch(/nesting too deep/);
  });
});

describe("parseJson: duplicate keys → JSON_DUPLICATE_KEY at the second key", () => {
  it.each([
    ["duplicate-key.json", '"x"', "/properties/x", 5, 5],
    ["duplicate-proto.json", '"__proto__"', "/__proto__", 4, 3],
  ])("%s", (file, key, pointer, line, column) => {
    const ds = failed(file, fixture(file));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      code: "JSON_DUPLICATE_KEY",
      severity: "error",
      message: `duplicate key ${key}`,
      params: { key },
      at: { file, pointer, line, column },
    });
  });

  it("does not mistake keys inherited from Object.prototype for duplicates", () => {
    const doc = parsed("inherited.json", '{"constructor": 1, "toString": 2, "hasOwnProperty": 3, "valueOf": 4}');
    expect(doc.value).toEqual({ constructor: 1, toString: 2, hasOwnProperty: 3, valueOf: 4 });
  });
});

describe("parseJson: empty files → FILE_EMPTY", () => {
  it.each([
    ["empty.json", fixture("empty.json")],
    ["whitespace-only.json", fixture("whitespace-only.json")],
    ["bom-only.json", "\ufeff"],
  ])("%s", (file, text) => {
    expect(failed(file, text)).toEqual([
      expect.objectContaining({ code: "FILE_EMPTY", severity: "error", at: { file, pointer: "", line: 1, column: 1 } }),
    ]);
  });
});

describe('parseJson: a "__proto__" key', () => {
  const doc = parsed("proto-key.json", fixture("proto-key.json"));
  const value = doc.value as Record<string, JsonValue>;

  it("stays an own, enumerable property holding the parsed value", () => {
    expect(Object.prototype.hasOwnProperty.call(value, "__proto__")).toBe(true);
    expect(Object.keys(value)).toEqual(["name", "__proto__", "nested"]);
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toEqual({ polluted: true, type: "string" });
    expect(JSON.parse(JSON.stringify(value))).toEqual(JSON.parse(fixture("proto-key.json")));
  });

  it("does not change the object's prototype, nor Object.prototype", () => {
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
    expect((value as { type?: unknown }).type).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const nested = (value["nested"] as Record<string, JsonValue>[])[0]!;
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype); // a literal {"__proto__": null} would have none
    expect(Object.prototype.hasOwnProperty.call(nested, "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(nested, "__proto__")?.value).toBeNull();
  });

  it("can be located by pointer", () => {
    expect(doc.locate("/__proto__")).toMatchObject({ line: 3, column: 16 });
    expect(doc.locate("/__proto__/polluted")).toMatchObject({ line: 3, column: 29 });
  });
});

describe("readCorpus over the load fixtures", () => {
  it("keeps the good files, reports each bad one with its relative name, and sorts documents", async () => {
    const { corpus, diagnostics } = await readCorpus(FIXTURES, "load");
    expect(corpus.name).toBe("load");
    expect(corpus.documents.map((d) => d.file)).toEqual(["bom.json", "positions.json", "proto-key.json"]);
    const byFile = new Map<string, Set<string>>();
    for (const d of diagnostics) byFile.set(d.at!.file, new Set([...(byFile.get(d.at!.file) ?? []), d.code]));
    expect(Object.fromEntries([...byFile].map(([f, codes]) => [f, [...codes]]))).toEqual({
      "block-comment.json": ["JSON_SYNTAX"],
      "duplicate-key.json": ["JSON_DUPLICATE_KEY"],
      "duplicate-proto.json": ["JSON_DUPLICATE_KEY"],
      "empty.json": ["FILE_EMPTY"],
      "line-comment.json": ["JSON_SYNTAX"],
      "trailing-comma-array.json": ["JSON_SYNTAX"],
      "trailing-comma-object.json": ["JSON_SYNTAX"],
      "truncated.json": ["JSON_SYNTAX"],
      "whitespace-only.json": ["FILE_EMPTY"],
    });
  });
});

describe("parseJson: the JSON.parse path and the positional parser agree", () => {
  const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const jsonFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith(".json"))
      .map((e) => path.join(e.parentPath, e.name));
  const pointers = (v: JsonValue, p: string, out: string[]): string[] => {
    out.push(p, `${p}/missing`);
    if (v !== null && typeof v === "object")
      for (const [k, c] of Object.entries(v)) pointers(c, `${p}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`, out);
    return out;
  };
  const tricky = [
    '{"a":1,"a":2}',
    '{"a":{"b":1},"a":{"b":1}}',
    '{"__proto__":{"x":1},"__proto__":null}',
    '{"a\\u002fb~":[1,{"c\\"":true,"d":"x\\\\"}]}',
    ' {"x" : [ ] ,\r\n "y":{ } }\n',
    "\ufeff[-0, 1e400, 1.5E-3, null, false]",
    '{"a":1}\u00a0',
    "[".repeat(20000) + "]".repeat(20000),
  ];
  const texts = [
    ...[...jsonFiles(path.join(ROOT, "schemas")), ...jsonFiles(FIXTURES)].map((f) => [f, readFileSync(f, "utf8")]),
    ...tricky.map((t, i) => [`tricky-${i}.json`, t]),
  ];

  it("valid files take the JSON.parse path", () => {
    expect(parseValid('{"a":[1,{"b":"c"}]}')?.offsets.get("/a/1/b")).toBe(13);
    expect(parseValid('{"a":1,"a":2}')).toBeUndefined();
    expect(parseValid('{"a":1,}')).toBeUndefined();
  });

  it("same values, locations and diagnostics for every schema, load fixture and tricky text", () => {
    for (const [file, text] of texts) {
      const fast = parseJson(file!, text!);
      const slow = parseJson(file!, text!, { fast: false });
      expect(fast.ok, file).toBe(slow.ok);
      if (!fast.ok || !slow.ok) {
        expect(fast, file).toEqual(slow);
        continue;
      }
      expect(fast.doc.value, file).toStrictEqual(slow.doc.value);
      for (const p of pointers(slow.doc.value, "", [])) {
        expect(fast.doc.locate(p), `${file} ${p}`).toEqual(slow.doc.locate(p));
      }
    }
  });
});

describe("strings are copied out of the text", () => {
  const samples = ["", "a", "UserPoolId", "x".repeat(40), "caf\u00e9 na\u00efve \u00ff"];
  samples.push("it\u2019s \u{1f600}", "lone \ud800 surrogate");

  it("own() keeps every character (ASCII, Latin-1, wide, astral, a lone surrogate)", () => {
    for (const s of samples) expect(own(s)).toBe(s);
  });

  it("values and keys are the same from a narrow text and from one with a wide character", () => {
    const value = Object.fromEntries(samples.map((s, i) => [`${s}-${i}`, [s, { [s]: s }]]));
    for (const extra of ["", "\u2019"]) {
      const text = JSON.stringify({ ...value, extra });
      expect(parsed("f.json", text).value).toEqual(JSON.parse(text));
    }
  });
});
