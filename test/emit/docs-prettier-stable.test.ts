// The docs emitter writes final Markdown: prettier 3 (markdown parser, the fixed options) leaves
// every page byte-for-byte unchanged, and two renders are identical. Checked on the bundled corpus,
// the golden corpus, the hostile fixtures, hand-made hostile models and random names and prose.
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { StructgenError } from "../../generator/diagnostics/diagnostic.js";
import { emitDocs } from "../../generator/emit/docs/index.js";
import type { OutputFile } from "../../generator/emit/files.js";
import type { EnumValue, Member, Model, NamedType, TypeNode } from "../../generator/ir/model.js";
import { buildModel, discoverCorpora } from "../../generator/pipeline.js";
import {
  arr,
  decision,
  enm,
  known,
  map,
  member,
  model,
  named,
  obj,
  prim,
  ref,
  sourcedEnum,
  union,
} from "../helpers/ir.js";
import { reconciled, shop } from "./docs-models.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const OPTIONS = {
  parser: "markdown",
  printWidth: 120,
  proseWrap: "preserve",
  endOfLine: "lf",
  trailingComma: "all",
} as const;

/** "path:line: ours | prettier's" for each page prettier would change; [] when none. */
async function changedByPrettier(files: OutputFile[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) {
    const formatted = await prettier.format(f.content, OPTIONS);
    if (formatted === f.content) continue;
    const ours = f.content.split("\n");
    const theirs = formatted.split("\n");
    const i = ours.findIndex((l, k) => l !== theirs[k]);
    const at = i === -1 ? ours.length : i;
    out.push(`${f.path}:${at + 1}: ${JSON.stringify(ours[at])} | prettier: ${JSON.stringify(theirs[at])}`);
  }
  return out;
}

async function expectFinal(m: Model): Promise<OutputFile[]> {
  const files = emitDocs(m);
  expect(files.every((f) => f.final === true && f.kind === "md")).toBe(true);
  expect(emitDocs(m)).toEqual(files);
  expect(await changedByPrettier(files)).toEqual([]);
  return files;
}

describe("docs pages are prettier-stable", () => {
  it("the bundled corpus (reconciled): every page", async () => {
    const corpora = await discoverCorpora(path.join(ROOT, "schemas"));
    expect(corpora.length).toBeGreaterThan(0);
    for (const c of corpora) {
      const files = await expectFinal(await buildModel(c));
      expect(files.length).toBeGreaterThan(500);
    }
  }, 120_000);

  it("the golden corpus", async () => {
    await expectFinal(await buildModel({ name: "cognito-idp", dir: path.join(ROOT, "test/fixtures/golden-corpus") }));
  });

  it("every hostile fixture that builds", async () => {
    const dir = path.join(ROOT, "test/fixtures/hostile");
    const built: string[] = [];
    for (const name of (await fs.readdir(dir)).sort()) {
      let m: Model;
      try {
        m = await buildModel({ name, dir: path.join(dir, name) });
      } catch (e) {
        if (e instanceof StructgenError) continue; // refused input: nothing to document
        throw e;
      }
      await expectFinal(m);
      built.push(name);
    }
    expect(built).toEqual(
      expect.arrayContaining([
        "bom",
        "enum-collisions",
        "injection",
        "property-names",
        "recursive",
        "type-names-reserved",
      ]),
    );
  });

  it.each([
    ["the shop model", shop],
    ["the reconciled model", reconciled],
  ])("%s of the docs tests", async (_, m) => {
    await expectFinal(m);
  });
});

describe("regressions: text prettier rewrote", () => {
  // Each text goes into a type name, a member name and description, an enum value, a pattern,
  // a deprecation reason and a reconciliation claim.
  it.each([
    ["U+0000 (prettier's parser makes it U+FFFD)", "a\u0000b"],
    ["a blank name (an empty heading loses its space)", " "],
    ["a code span around U+2028 between spaces (CommonMark strips the spaces)", " \u2028 "],
    ["a pipe after one backslash (prettier splits the cell, GitHub does not)", "^a\\|b$"],
    ["backtick runs of one and three (the shortest free fence is two)", "a`b```c"],
    ["double spaces and tabs", "a  b\t\tc"],
    ["a description ending in an empty <code>", "a <code> </code>"],
    ["block markers at the start of a description", "<p>- x</p><p>1. y</p><p>2) z</p><ul><li>- w</li></ul>"],
    ["a list right after a paragraph", "intro<ul><li>one</li><li>two</li></ul>"],
    ["wide characters, emoji and combining marks", "名前 👨‍👩‍👧 🇯🇵 #️⃣ e\u0301 ｱ"],
  ])("%s", async (_, text) => {
    const body = obj([
      member(text, prim("string", { pattern: { source: text, unicode: false } }), true, {
        doc: text,
        deprecated: text,
      }),
    ]);
    const m = model(text, [named(text, body, { doc: text }), named("E", enm([text, "x"]), { doc: text })], {
      sources: [{ id: text, kind: text, description: text }],
      authority: text,
      decisions: [decision(`${text}.${text}`, text, [[text, text]], text, text, { reason: text })],
    });
    await expectFinal(m);
  });
});

// ---------------------------------------------------------------------------------------------
// Random names, descriptions, values and reconciliation text.

// prettier-ignore
const PIECES = [
  // wide, emoji, combining, invisible
  "名", "ｱ", "한", "👍", "👍🏽", "👨‍👩‍👧", "🇯🇵", "#️⃣", "©", "☺",
  "\u0301", "\u20e3", "\u200b", "\u00a0", "\u3000", "\ufeff", "\u202e",
  // Markdown and HTML syntax
  "|", "\\|", "\\", "`", "``", "*", "**", "_", "__", "<", ">", "&", "&lt;", "&#124;", "&nbsp;", "[", "]", "(", ")",
  "!", "#", "+", "-", "~", "=", "==", "---", "***", "1.", "2)", "> ", "$", "{", "}", ":", '"', "'",
  "<br>", "<b>", "</b>", "<!--", "-->",
  "<script>", "[x](javascript:alert(1))", "http://a.b/c_d", "a_b_c", "_x_", "*y*",
  // prose tags prose.ts reads
  "<p>", "</p>", "<ul>", "<li>", "</li>", "</ul>", "<code>", "</code>", "<a href='x'>",
  // white space and controls
  " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u0000", "\u0007", "\f", "\v", "\u2028",
];
const text = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
    { weight: 4, arbitrary: fc.constantFrom("a", "Z", "0", "word", " ") },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 14,
});
const nonEmpty = text.filter((s) => s !== "");
const enumValue: fc.Arbitrary<EnumValue> = fc.oneof(
  { weight: 4, arbitrary: text },
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

/** A member type drawn from what a page renders differently: refs, patterns, enums, known values, inline objects. */
const memberType = (names: string[]): fc.Arbitrary<TypeNode> =>
  fc.oneof(
    fc.constant(prim("string")),
    text.map((source) => prim("string", { pattern: { source, unicode: false }, maxLength: 8 })),
    fc.constantFrom(...names).map(ref),
    fc.uniqueArray(enumValue, { minLength: 1, maxLength: 4 }).map((vs) => enm(vs)),
    fc.tuple(text, text, text).map(([v, s, c]) =>
      known([
        [
          v,
          [
            [s, "lists"],
            ["botocore", c],
          ],
        ],
      ]),
    ),
    fc.tuple(nonEmpty, text).map(([n, d]) => arr(obj([member(n, prim("int32"), true, { doc: d })]))),
    fc.tuple(fc.constantFrom(...names), text).map(([n, d]) => union(ref(n), prim("string", {}, { default: d }))),
    fc.constantFrom(...names).map((n) => map(ref(n))),
  );

const typeArb = (name: string, names: string[]): fc.Arbitrary<NamedType> =>
  fc
    .record({
      doc: text,
      deprecated: fc.option(text, { nil: undefined }),
      sourceName: fc.option(text, { nil: undefined }),
      root: fc.boolean(),
      error: fc.boolean(),
      body: fc.oneof(
        fc
          .uniqueArray(
            fc.record({
              name: nonEmpty,
              doc: text,
              required: fc.boolean(),
              deprecated: fc.option(text, { nil: undefined }),
              type: memberType(names),
            }),
            { minLength: 0, maxLength: 4, selector: (m) => m.name },
          )
          .map((ms): TypeNode =>
            obj(
              ms.map((m): Member =>
                member(m.name, m.type, m.required, {
                  doc: m.doc,
                  ...(m.deprecated !== undefined ? { deprecated: m.deprecated } : {}),
                }),
              ),
              false,
            ),
          ),
        fc
          .uniqueArray(fc.tuple(enumValue, text, text), { minLength: 1, maxLength: 5, selector: (v) => v[0] })
          .map(([...vs]) => sourcedEnum(vs.map(([v, s, c]) => [v, [[s, c]]]))),
        memberType(names),
      ),
    })
    .map((t) =>
      named(name, t.body, {
        doc: t.doc,
        root: t.root,
        role: t.error ? "error" : "shape",
        ...(t.sourceName !== undefined ? { sourceName: t.sourceName } : {}),
        attrs: { facts: [], ...(t.deprecated !== undefined ? { deprecated: t.deprecated } : {}) },
      }),
    );

const modelArb: fc.Arbitrary<Model> = fc
  .tuple(nonEmpty, fc.uniqueArray(nonEmpty, { minLength: 1, maxLength: 3 }))
  .chain(([corpus, names]) =>
    fc
      .tuple(
        fc.tuple(...names.map((n) => typeArb(n, names))),
        fc.option(
          fc.record({
            sources: fc.uniqueArray(fc.record({ id: nonEmpty, kind: text, description: text }), {
              minLength: 1,
              maxLength: 3,
              selector: (s) => s.id,
            }),
            decisions: fc.array(
              fc.tuple(
                fc.constantFrom(...names),
                text,
                text,
                fc.array(fc.tuple(text, text), { maxLength: 3 }),
                text,
                text,
                fc.option(text, { nil: undefined }),
              ),
              { maxLength: 4 },
            ),
          }),
          { nil: undefined },
        ),
      )
      .map(([types, rec]) =>
        model(
          corpus,
          types,
          rec && {
            sources: rec.sources,
            authority: rec.sources[0]!.id,
            decisions: rec.decisions.map(([t, m, kind, claims, decided, rule, reason]) =>
              decision(m ? `${t}.${m}` : t, kind, claims, decided, rule, reason !== undefined ? { reason } : {}),
            ),
          },
        ),
      ),
  );

/**
 * fast-check prints invisible characters as they are: DOCS_FUZZ_DUMP=file keeps the last failing
 * model there with every non-ASCII character escaped. DOCS_FUZZ_RUNS=n runs more cases.
 */
async function dump(m: Model): Promise<void> {
  const file = process.env["DOCS_FUZZ_DUMP"];
  const ascii = JSON.stringify(m).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  if (file) await fs.writeFile(file, ascii);
}

const RUNS = Number(process.env["DOCS_FUZZ_RUNS"] ?? 150);

describe("random names, descriptions and values", () => {
  it(
    "give pages prettier leaves unchanged, the same on every render",
    async () => {
      await fc.assert(
        fc.asyncProperty(modelArb, async (m) => {
          const files = emitDocs(m);
          expect(emitDocs(m)).toEqual(files);
          const changed = await changedByPrettier(files);
          if (changed.length > 0) await dump(m);
          expect(changed).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    60_000 + RUNS * 200,
  );
});
