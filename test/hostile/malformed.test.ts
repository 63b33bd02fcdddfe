// Broken corpora through the real CLI: each fails with exit 1, a coded diagnostic naming the file
// and line:column, no stack trace, and the previous output left byte for byte as it was.
// Fixtures: test/fixtures/hostile/<case>/ (the folder name is the corpus name).
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERATING } from "./corpora.js";
import { cli, ensureBuilt, FIXTURES, plantPreviousOutput, snapshot, STACK_LINE } from "./helpers.js";

let tmp: string;
beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-hostile-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Expected {
  code: string;
  file: string;
  line: number;
  column: number;
  /** Words the message must hold. */
  message?: RegExp;
}

interface BrokenCase {
  test: string;
  corpus: string;
  expected: Expected[];
}

const cases: BrokenCase[] = [
  {
    test: "regression: truncated file",
    corpus: "truncated",
    expected: [{ code: "JSON_SYNTAX", file: "order.json", line: 7, column: 24, message: /unterminated string/ }],
  },
  {
    test: "regression: trailing comma",
    corpus: "trailing-comma",
    expected: [{ code: "JSON_SYNTAX", file: "order.json", line: 8, column: 3, message: /trailing comma/ }],
  },
  {
    test: "regression: duplicate keys",
    corpus: "duplicate-keys",
    expected: [{ code: "JSON_DUPLICATE_KEY", file: "order.json", line: 9, column: 7, message: /duplicate key "type"/ }],
  },
  {
    test: "regression: empty file (next to a good one)",
    corpus: "empty-file",
    expected: [{ code: "FILE_EMPTY", file: "empty.json", line: 1, column: 1 }],
  },
  {
    test: "regression: root that is an array",
    corpus: "root-array",
    expected: [{ code: "SCHEMA_INVALID_TYPE", file: "list.json", line: 1, column: 1, message: /not an array/ }],
  },
  {
    test: "regression: root that is a string",
    corpus: "root-string",
    expected: [{ code: "SCHEMA_INVALID_TYPE", file: "text.json", line: 1, column: 1, message: /not a string/ }],
  },
  {
    test: "regression: root that is null",
    corpus: "root-null",
    expected: [{ code: "SCHEMA_INVALID_TYPE", file: "nothing.json", line: 1, column: 1, message: /not null/ }],
  },
  {
    test: "regression: unknown type",
    corpus: "unknown-type",
    expected: [
      { code: "SCHEMA_TYPE_INVALID", file: "order.json", line: 7, column: 25, message: /unknown type "timestamp"/ },
    ],
  },
  {
    test: "regression: reference to a missing type shows the chain from a root",
    corpus: "missing-ref",
    expected: [
      {
        code: "SCHEMA_REF_NOT_FOUND",
        file: "shop.json",
        line: 15,
        column: 40,
        message: /#\/definitions\/Product \(reached by Order → Line → #\/definitions\/Product\)/,
      },
    ],
  },
  {
    test: "regression: an alias that is only itself",
    corpus: "self-alias",
    expected: [{ code: "SCHEMA_REF_CIRCULAR", file: "loop.json", line: 9, column: 13, message: /Loop → Loop/ }],
  },
  {
    test: "regression: two types with one name",
    corpus: "duplicate-names",
    expected: [
      {
        code: "SCHEMA_NAME_DUPLICATE",
        file: "b-thing.json",
        line: 3,
        column: 11,
        message: /"Thing" is defined twice: here and in a-thing\.json/,
      },
    ],
  },
  {
    test: "regression: type names with ':', '-', a space or a leading digit",
    corpus: "type-names-invalid",
    expected: [
      { code: "SCHEMA_NAME_INVALID", file: "defs.json", line: 9, column: 12, message: /"a:b"/ },
      { code: "SCHEMA_NAME_INVALID", file: "defs.json", line: 10, column: 12, message: /"a-b"/ },
      { code: "SCHEMA_NAME_INVALID", file: "defs.json", line: 11, column: 12, message: /"a b"/ },
      { code: "SCHEMA_NAME_INVALID", file: "defs.json", line: 12, column: 13, message: /"1abc"/ },
      { code: "SCHEMA_NAME_INVALID", file: "root.json", line: 3, column: 11, message: /"My Type"/ },
    ],
  },
  {
    test: "regression: invalid regular expression",
    corpus: "pattern-invalid",
    expected: [
      { code: "SCHEMA_PATTERN_INVALID", file: "code.json", line: 7, column: 44, message: /"\^\(\[A-Z\]\+\$"/ },
    ],
  },
  {
    test: "regression: patterns prone to catastrophic backtracking",
    corpus: "pattern-unsafe",
    expected: [
      { code: "SCHEMA_PATTERN_UNSAFE", file: "code.json", line: 7, column: 41, message: /"\(a\+\)\+\$"/ },
      { code: "SCHEMA_PATTERN_UNSAFE", file: "code.json", line: 8, column: 41, message: /\(\\\\w\*\)\*x/ },
    ],
  },
  {
    test: "regression: lone-CR line endings gave wrong positions (everything on line 1)",
    corpus: "lone-cr",
    expected: [
      // order.json ends every line with a lone CR; mixed.json mixes CR, LF and CR LF.
      { code: "SCHEMA_TYPE_INVALID", file: "order.json", line: 7, column: 25, message: /unknown type "timestamp"/ },
      { code: "SCHEMA_TYPE_INVALID", file: "mixed.json", line: 7, column: 25, message: /unknown type "timestamp"/ },
    ],
  },
  {
    test: 'regression: invalid UTF-8 is silently replaced ("O\\xC0\\xAFF" became "O��F" in an enum)',
    corpus: "invalid-utf8",
    expected: [{ code: "FILE_NOT_UTF8", file: "switch.json", line: 5, column: 20, message: /byte 0xC0 at offset 119/ }],
  },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  at?: { file: string; pointer: string; line: number; column: number };
}

describe("broken corpora through `structgen generate`", () => {
  it.each(cases.map((c) => [c.test, c] as const))("%s", (_, c) => {
    const out = path.join(tmp, `${c.corpus}-out`);
    const previous = path.join(out, c.corpus);
    const before = plantPreviousOutput(previous);

    const r = cli(["generate", "--schemas", path.join(FIXTURES, c.corpus), "--out", out]);
    expect(r.status, r.stderr).toBe(1);
    for (const e of c.expected) {
      // file:line:column (pointer): error CODE: message
      const line = new RegExp(
        `^${escape(e.file)}:${e.line}:${e.column}(?: \\([^\\n]*\\))?: error ${e.code}: (.*)$`,
        "m",
      );
      const m = line.exec(r.stderr);
      expect(m, `stderr lacks ${e.file}:${e.line}:${e.column} ${e.code}:\n${r.stderr}`).not.toBeNull();
      if (e.message) expect(m![1]).toMatch(e.message);
    }
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout).not.toMatch(STACK_LINE);
    expect(r.stderr).not.toContain("internal error");
    // Nothing written, nothing half-written, nothing left beside it.
    expect(snapshot(previous)).toEqual(before);
    expect(readdirSync(out)).toEqual([c.corpus]);

    // --json: the same diagnostics, machine-readable.
    const j = cli(["generate", "--json", "--schemas", path.join(FIXTURES, c.corpus), "--out", out]);
    expect(j.status).toBe(1);
    const parsed = JSON.parse(j.stdout) as { diagnostics: JsonDiagnostic[] };
    expect(Array.isArray(parsed.diagnostics)).toBe(true);
    for (const e of c.expected) {
      expect(parsed.diagnostics).toContainEqual(
        expect.objectContaining({
          code: e.code,
          severity: "error",
          at: expect.objectContaining({ file: e.file, line: e.line, column: e.column }),
        }),
      );
    }
    for (const d of parsed.diagnostics) {
      expect(typeof d.message).toBe("string");
      expect(d.at, `${d.code} has a location`).toBeDefined();
    }
    expect(j.stderr).not.toMatch(STACK_LINE);
    expect(snapshot(previous)).toEqual(before);
  });

  it("regression: BOM (accepted)", () => {
    const out = path.join(tmp, "bom-out");
    const r = cli(["generate", "--schemas", path.join(FIXTURES, "bom"), "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    // No diagnostic at all; a run over a second also prints plain progress lines ("structgen: bom: emit [1.2 s]").
    expect(r.stderr.split("\n").filter((l) => l && !/^structgen: bom: \w+ \[/.test(l))).toEqual([]);
    expect(existsSync(path.join(out, "bom", "types.ts"))).toBe(true);
    // Locations count from after the BOM: a check of the same corpus is clean.
    const c = cli(["check", "--schemas", path.join(FIXTURES, "bom"), "--out", out]);
    expect(c.status, c.stdout).toBe(0);
  });

  it("every fixture corpus under test/fixtures/hostile is covered by a test", () => {
    const generating = ["bidi", ...GENERATING];
    const covered = new Set([...cases.map((c) => c.corpus), ...generating]);
    expect(readdirSync(FIXTURES).filter((d) => !covered.has(d))).toEqual([]);
  });
});
