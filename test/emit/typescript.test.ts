import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { emitTypeScript, typesSource } from "../../generator/emit/typescript/index.js";
import { viewFiles } from "../../generator/emit/typescript/view.js";
import { bannerText } from "../../generator/emit/banner.js";
import type { Model } from "../../generator/ir/model.js";
import { randomModel } from "./random-ir.js";
import { arr, enm, map, member, model, named, obj, prim, ref, set, union } from "../helpers/ir.js";

const INJECTION = "*/ export const pwned = 1; /*";

/** What the TypeScript compiler sees in a source text. */
function parse(source: string): ts.SourceFile {
  const sf = ts.createSourceFile("types.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const diags = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  expect(diags.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  return sf;
}

const isExported = (s: ts.Statement): boolean =>
  ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Every exported declaration: [kind, name]. */
function exportsOf(sf: ts.SourceFile): [string, string][] {
  const out: [string, string][] = [];
  for (const s of sf.statements) {
    if (ts.isInterfaceDeclaration(s) && isExported(s)) out.push(["interface", s.name.text]);
    else if (ts.isTypeAliasDeclaration(s) && isExported(s)) out.push(["type", s.name.text]);
    else if (ts.isVariableStatement(s) && isExported(s))
      for (const d of s.declarationList.declarations) out.push(["const", d.name.getText(sf)]);
    else if (isExported(s) || ts.isExportDeclaration(s) || ts.isExportAssignment(s))
      out.push([ts.SyntaxKind[s.kind], s.getText(sf)]);
  }
  return out;
}

/** Every statement that is not an exported interface or type alias (there should be none). */
const otherStatements = (sf: ts.SourceFile): string[] =>
  sf.statements
    .filter((s) => !((ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && isExported(s)))
    .map((s) => s.getText(sf));

function declaration(sf: ts.SourceFile, name: string): ts.InterfaceDeclaration | ts.TypeAliasDeclaration {
  const d = sf.statements.find(
    (s) => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === name,
  );
  if (!d) throw new Error(`no declaration ${name}`);
  return d as ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
}

function propertiesOf(sf: ts.SourceFile, name: string): Map<string, ts.PropertySignature> {
  const d = declaration(sf, name);
  const members = ts.isInterfaceDeclaration(d) ? d.members : ts.isTypeLiteralNode(d.type) ? d.type.members : [];
  const out = new Map<string, ts.PropertySignature>();
  for (const m of members) {
    if (!ts.isPropertySignature(m)) continue;
    const n = m.name;
    out.set(ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : n.getText(sf), m);
  }
  return out;
}

/** The JSDoc blocks attached to a node, as the compiler reads them. */
const jsDocs = (node: ts.Node): ts.JSDoc[] => (node as unknown as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
const docComment = (node: ts.Node): string =>
  jsDocs(node)
    .map((d) => ts.getTextOfJSDocComment(d.comment) ?? "")
    .join("\n");
const docTags = (node: ts.Node): [string, string][] =>
  jsDocs(node).flatMap((d) =>
    (d.tags ?? []).map((t) => [t.tagName.text, ts.getTextOfJSDocComment(t.comment) ?? ""] as [string, string]),
  );

const sample: Model = model("sample", [
  named(
    "Person",
    obj(
      [
        member("name", prim("string"), true, { doc: "The person's name." }),
        member("age", prim("int32")),
        member("status", ref("Status"), true),
        member("tags", map(prim("string"))),
        member("codes", set(prim("int64"))),
        member("nickname", union(prim("string"), prim("null"))),
      ],
      false,
    ),
    { doc: "A person.", root: true },
  ),
  named("Status", enm(["pending", "Active", "active", "b", "A"])),
  named("Id", prim("uuid")),
  named("People", arr(ref("Person"))),
  named("Choice", union(ref("Person"), ref("Id"))),
  named("Weights", map(prim("double"))),
  named("Big", prim("int64")),
  named("Err", obj([member("message", prim("string"))]), { role: "error" }),
]);

describe("typesSource", () => {
  const source = typesSource(sample);
  const sf = parse(source);

  it("exports an interface per object type and a type alias for everything else, nothing more", () => {
    expect(exportsOf(sf).sort()).toEqual(
      [
        ["interface", "Person"],
        ["interface", "Err"],
        ["type", "Status"],
        ["type", "Id"],
        ["type", "People"],
        ["type", "Choice"],
        ["type", "Weights"],
        ["type", "Big"],
      ].sort(),
    );
    expect(otherStatements(sf)).toEqual([]);
  });

  it("marks non-required members optional and required ones not", () => {
    const props = propertiesOf(sf, "Person");
    expect([...props.keys()]).toEqual(["name", "age", "status", "tags", "codes", "nickname"]);
    const optional = [...props].filter(([, p]) => p.questionToken !== undefined).map(([n]) => n);
    expect(optional).toEqual(["age", "tags", "codes", "nickname"]);
  });

  it("writes member types from the IR", () => {
    const props = propertiesOf(sf, "Person");
    const typeOf = (n: string) => props.get(n)!.type!.getText(sf);
    expect(typeOf("name")).toBe("string");
    expect(typeOf("age")).toBe("number");
    expect(typeOf("status")).toBe("Status");
    expect(typeOf("tags")).toBe("Record<string, string>");
    expect(typeOf("codes")).toBe("string[]"); // int64 is a string on the wire
    expect(typeOf("nickname")).toBe("string | null");
    const alias = (n: string) => (declaration(sf, n) as ts.TypeAliasDeclaration).type.getText(sf);
    expect(alias("Id")).toBe("string");
    expect(alias("People")).toBe("Person[]");
    expect(alias("Choice")).toBe("Person | Id");
    expect(alias("Weights")).toBe("Record<string, number>");
  });

  it("writes string enums as a union of literals sorted by code unit", () => {
    const t = (declaration(sf, "Status") as ts.TypeAliasDeclaration).type;
    expect(ts.isUnionTypeNode(t)).toBe(true);
    const literals = (t as ts.UnionTypeNode).types.map((x) => {
      expect(ts.isLiteralTypeNode(x) && ts.isStringLiteral(x.literal)).toBe(true);
      return ((x as ts.LiteralTypeNode).literal as ts.StringLiteral).text;
    });
    expect(literals).toEqual(["A", "Active", "active", "b", "pending"]);
  });

  it("puts descriptions into JSDoc and marks error shapes", () => {
    expect(docComment(declaration(sf, "Person"))).toBe("A person.");
    expect(docComment(propertiesOf(sf, "Person").get("name")!)).toBe("The person's name.");
    expect(docTags(declaration(sf, "Err"))).toContainEqual(["remarks", "Error shape."]);
    expect(docTags(declaration(sf, "Big"))).toContainEqual(["format", "int64 as a decimal string"]);
  });

  it("is what emitTypeScript writes, one final file per view, types.ts among them", () => {
    const views = viewFiles(sample);
    expect(views.map((v) => v.path)).toContain("types.ts");
    const written = emitTypeScript(sample);
    expect(written).toEqual(
      views.map((v) => ({ path: v.path, kind: "ts", content: typesSource(sample, v.view, v.title), final: true })),
    );
    const types = written.find((f) => f.path === "types.ts")!;
    // The banner, then the view's title; the default view differs only by that title line.
    expect(types.content.startsWith(`// ${bannerText("sample")}\n// Wire view: `)).toBe(true);
    expect(types.content.replace(/^(\/\/ [^\n]*\n)\/\/ [^\n]*\n/, "$1")).toBe(source);
  });

  it("each view's file is that view computed alone (open and strict share only text that reads nothing open)", () => {
    fc.assert(
      fc.property(randomModel, (m) => {
        const written = emitTypeScript(m).map((f) => f.content);
        expect(written).toEqual(viewFiles(m).map((v) => typesSource(m, v.view, v.title)));
      }),
      { numRuns: 60 },
    );
  });

  it("writes one blank line between declarations and ends with a line break", () => {
    expect(source).not.toMatch(/\n\n\n/);
    expect(source).toMatch(/^}\n\n\/\*\*$/m);
    expect(source.endsWith(";\n") || source.endsWith("}\n")).toBe(true);
  });

  it("exports nothing for an empty model but is still a module", () => {
    const empty = parse(typesSource(model("empty", [])));
    expect(empty.statements.map((s) => s.getText(empty))).toEqual(["export {};"]);
  });
});

describe("typesSource: hostile text", () => {
  const hostile: Model = model("hostile", [
    named(
      "Account",
      obj([
        member("password", prim("string", { pattern: { source: "^.*/$", unicode: false } }), true, {
          doc: `The password. ${INJECTION}`,
        }),
        member("old", prim("string"), false, { deprecated: `use password ${INJECTION}` }),
        member("secret", prim("string"), false, { sensitive: true, doc: "A secret." }),
        member("gone", prim("string"), false, { deprecated: "" }),
      ]),
      { doc: `Line one ${INJECTION}\n@internal forged tag` },
    ),
    named("Rows", arr(obj([member("cell", prim("string"), true, { doc: INJECTION })]))),
    named("Note", prim("string"), {
      doc: `<p>${INJECTION}</p>`,
      attrs: { deprecated: "old", sensitive: true, facts: [] },
    }),
  ]);
  const source = typesSource(hostile);
  const sf = parse(source);

  it("a description containing */ cannot end the comment and export code", () => {
    expect(
      exportsOf(sf)
        .map(([, n]) => n)
        .sort(),
    ).toEqual(["Account", "Note", "Rows"]);
    expect(otherStatements(sf)).toEqual([]);
    expect(source).not.toMatch(/^\s*export const/m);
    // The text is still there, inside the comment.
    expect(docComment(propertiesOf(sf, "Account").get("password")!)).toContain("export const pwned = 1;");
    expect(docComment(declaration(sf, "Account"))).toContain("export const pwned = 1;");
  });

  it("escapes */ in tag text (deprecated reason, pattern) and in inline object members", () => {
    const props = propertiesOf(sf, "Account");
    expect(docTags(props.get("old")!).map(([t]) => t)).toEqual(["deprecated"]);
    expect(docTags(props.get("old")!)[0]![1]).toContain("export const pwned = 1;");
    expect(docTags(props.get("password")!).map(([t]) => t)).toEqual(["pattern"]);
    const rows = (declaration(sf, "Rows") as ts.TypeAliasDeclaration).type;
    expect(ts.isArrayTypeNode(rows) && ts.isTypeLiteralNode(rows.elementType)).toBe(true);
    const cell = ((rows as ts.ArrayTypeNode).elementType as ts.TypeLiteralNode).members[0]!;
    expect(docComment(cell)).toContain("export const pwned = 1;");
  });

  it("an @ after white space in a description or tag text does not forge a tag", () => {
    expect(docTags(declaration(sf, "Account")).map(([t]) => t)).not.toContain("internal");
    expect(docComment(declaration(sf, "Account"))).toContain("@internal forged tag");
    const m = model("at", [
      named(
        "T",
        obj([member("a", prim("string"), false, { doc: "Ask @admin first.", deprecated: "since v2 @see Other" })]),
        { doc: "@beta at the start" },
      ),
    ]);
    const tsf = parse(typesSource(m));
    expect(docTags(declaration(tsf, "T"))).toEqual([]);
    expect(docComment(declaration(tsf, "T"))).toContain("@beta at the start");
    const a = propertiesOf(tsf, "T").get("a")!;
    expect(docTags(a).map(([t]) => t)).toEqual(["deprecated"]);
    expect(docComment(a)).toContain("Ask \\@admin first.");
  });

  it("writes @sensitive and @deprecated tags", () => {
    const props = propertiesOf(sf, "Account");
    expect(docTags(props.get("secret")!)).toEqual([
      ["sensitive", "Holds a secret or personal value; keep it out of logs."],
    ]);
    expect(docComment(props.get("secret")!)).toBe("A secret.");
    expect(docTags(props.get("gone")!)).toEqual([["deprecated", ""]]);
    expect(docTags(props.get("password")!).map(([t]) => t)).not.toContain("deprecated");
    const note = docTags(declaration(sf, "Note"));
    expect(note).toContainEqual(["sensitive", "Holds a secret or personal value; keep it out of logs."]);
    expect(note).toContainEqual(["deprecated", "old"]);
    // The compiler itself sees the deprecation.
    expect(ts.getJSDocDeprecatedTag(props.get("gone")!)).toBeDefined();
    expect(ts.getJSDocDeprecatedTag(props.get("secret")!)).toBeUndefined();
  });
});

describe("typesSource: property names", () => {
  const names = [
    "plain",
    "_under",
    "$dollar",
    "with-dash",
    "with space",
    "1starts",
    "",
    'quote"d',
    "back\\slash",
    "ünïcode",
    "line\u2028sep",
    "__proto__",
    "constructor",
    "*/x",
  ];
  const m = model("names", [named("Odd", obj(names.map((n) => member(n, prim("string"), true))))]);
  const source = typesSource(m);
  const sf = parse(source);

  it("keeps every wire name exactly, quoting those that are not identifiers", () => {
    const props = propertiesOf(sf, "Odd");
    expect([...props.keys()]).toEqual(names);
    for (const [n, p] of props) {
      const quoted = ts.isStringLiteral(p.name);
      expect(quoted, n).toBe(!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(n));
    }
    expect(exportsOf(sf)).toEqual([["interface", "Odd"]]);
  });
});

describe("typesSource: layout (what prettier would print)", () => {
  const long = Array.from({ length: 12 }, (_, i) => `VALUE_NUMBER_${i}`);
  const m = model("layout", [
    named("Long", enm(long)),
    named("Short", enm(["a", "b"])),
    named(
      "Holder",
      obj([
        member("many", arr(enm(long)), true),
        member("byKey", map(union(...long.map((v) => ({ kind: "const" as const, value: v, attrs: { facts: [] } }))))),
        member("say", enm(['say "hi"', "it's"])),
        member("ünïcode", prim("string"), true),
      ]),
    ),
  ]);
  const text = typesSource(m);

  it("a union longer than the line breaks before each member, after the =", () => {
    expect(text).toContain(
      `export type Long =\n${[...long]
        .sort()
        .map((v) => `  | "${v}"`)
        .join("\n")};\n`,
    );
    expect(text).toContain(`export type Short = "a" | "b";\n`);
  });

  it("inside an array it breaks in parentheses; as a type argument, without indenting", () => {
    expect(text).toContain(
      `  many: (\n${[...long]
        .sort()
        .map((v) => `    | "${v}"`)
        .join("\n")}\n  )[];\n`,
    );
    expect(text).toContain(`  byKey?: Record<\n    string,\n${long.map((v) => `    | "${v}"`).join("\n")}\n  >;\n`);
  });

  it("strings take the quotes that need fewer escapes; a non-ASCII key stays quoted, escaped", () => {
    expect(text).toContain(`  say?: "it's" | 'say "hi"';\n`);
    expect(text).toContain(`  "\\u00fcn\\u00efcode": string;\n`);
    const props = propertiesOf(parse(text), "Holder");
    expect([...props.keys()]).toEqual(["many", "byKey", "say", "ünïcode"]);
  });
});
