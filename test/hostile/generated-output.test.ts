// Hostile names, values and prose that must GENERATE: the output parses, compiles under
// tsc --strict, exports exactly the expected names, imports without side effects, validates
// correctly, and its Markdown carries no raw HTML from the schemas.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runtimeJs } from "../../generator/emit/validators/runtime-text.js";
import { typecheck, type TypecheckResult } from "../helpers/typecheck.js";
import {
  cli,
  ensureBuilt,
  FIXTURES,
  globalsSnapshot,
  ROOT,
  markdownOutsideCode,
  STACK_LINE,
  syntaxErrors,
  tsShape,
} from "./helpers.js";
import { GENERATING } from "./corpora.js";

const CORPORA = GENERATING;
type Corpus = (typeof CORPORA)[number];

type Result = { valid: boolean; errors: { pointer: string; code: string; message: string }[]; drift: unknown[] };
type Validators = Record<string, unknown> & {
  validators: Record<string, (v: unknown, o?: { strict?: boolean }) => Result>;
  rootTypes: readonly string[];
};

let tmp: string;
let out: string;
const runs = new Map<Corpus, ReturnType<typeof cli>>();
let tsc: TypecheckResult;

const dir = (c: Corpus) => path.join(out, c);
const read = (c: Corpus, f: string) => readFileSync(path.join(dir(c), f), "utf8");
const generated = (c: Corpus) => runs.get(c)!.status === 0;
const tsFiles = (c: Corpus) =>
  readdirSync(dir(c))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir(c), f));

async function load(c: Corpus): Promise<Validators> {
  const before = globalsSnapshot();
  const mod = (await import(pathToFileURL(path.join(dir(c), "validators.js")).href)) as Validators;
  expect(globalsSnapshot(), "importing validators.js changed globals or Object.prototype").toBe(before);
  return mod;
}

/** Exports every validators.js has whatever its types, and the ones each type adds (from the one-type bom corpus). */
let baseExports: string[];
const perType = (t: string) => [`validate${t}`, `is${t}`, `assert${t}`];

beforeAll(async () => {
  ensureBuilt();
  tmp = await mkdtemp(path.join(os.tmpdir(), "structgen-hostile-out-"));
  out = path.join(tmp, "out");
  for (const c of CORPORA) runs.set(c, cli(["generate", "--schemas", path.join(FIXTURES, c), "--out", out]));
  // Consumers that use the recursive types as a person would (one tsc run for everything).
  writeFileSync(
    path.join(tmp, "recursive-consumer.mts"),
    [
      `import type { Node, Tree, Forest } from "./out/recursive/types.js";`,
      `import { isTree, validateNode } from "./out/recursive/validators.js";`,
      `export const list: Node = { value: 1, next: { value: 2, next: { value: 3 } } };`,
      `export const tree: Tree = { label: "root", children: [{ label: "a", children: [] }], byName: { b: { label: "b" } } };`,
      `export const forest: Forest = [tree, { label: "second" }];`,
      `declare const input: unknown;`,
      `if (isTree(input)) { const l: string = input.label; const kids: Tree[] | undefined = input.children; void l; void kids; }`,
      `export const ok: boolean = validateNode(list).valid;`,
      `// @ts-expect-error a Tree needs a label`,
      `export const bad: Tree = { children: [] };`,
      `// @ts-expect-error a Node's next is a Node, not a number`,
      `export const bad2: Node = { value: 1, next: 2 };`,
    ].join("\n"),
  );
  const files = CORPORA.filter(generated).flatMap(tsFiles);
  if (generated("recursive")) files.push(path.join(tmp, "recursive-consumer.mts"));
  tsc = typecheck(files);
  const bom = await import(pathToFileURL(path.join(dir("bom"), "validators.js")).href);
  baseExports = Object.keys(bom)
    .filter((k) => !perType("Order").includes(k))
    .sort();
}, 240_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** tsc errors in one corpus's files. */
const tscErrors = (c: Corpus): string[] =>
  tsc.output
    .split("\n")
    .filter((l) => l.includes(`${path.sep}out${path.sep}${c}${path.sep}`) || l.includes(`/out/${c}/`));

/** The generate run of a corpus that must succeed: exit 0, no stack, and every .ts file compiles. */
function expectGenerated(c: Corpus): void {
  const r = runs.get(c)!;
  expect(r.status, `${c}: ${r.stderr}`).toBe(0);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(tscErrors(c), tsc.output).toEqual([]);
  for (const f of tsFiles(c)) expect(syntaxErrors(f, readFileSync(f, "utf8")), f).toEqual([]);
  expect(syntaxErrors("validators.js", read(c, "validators.js"), ts.ScriptKind.JS)).toEqual([]);
}

/** types.ts exports exactly the given names and holds nothing but types. */
function expectTypesExport(c: Corpus, names: string[]): void {
  for (const f of ["types.ts", "types.strict.ts"]) {
    const shape = tsShape(f, read(c, f));
    expect(shape.unexpected, `${c}/${f}`).toEqual([]);
    expect([...shape.exports].sort(), `${c}/${f}`).toEqual([...names].sort());
  }
}

/** validators.js exports the fixed names and validate/is/assert per type, nothing else. */
async function expectModuleExports(c: Corpus, types: string[]): Promise<Validators> {
  const mod = await load(c);
  expect(Object.keys(mod).sort()).toEqual([...baseExports, ...types.flatMap(perType)].sort());
  expect(Object.keys(mod.validators).sort()).toEqual([...types].sort());
  const dts = tsShape("validators.d.ts", read(c, "validators.d.ts"));
  expect(dts.unexpected).toEqual([]);
  for (const name of Object.keys(mod)) expect(dts.exports, `validators.d.ts declares ${name}`).toContain(name);
  return mod;
}

function typeAlias(c: Corpus, name: string): ts.TypeNode {
  const sf = ts.createSourceFile("types.strict.ts", read(c, "types.strict.ts"), ts.ScriptTarget.Latest, true);
  for (const s of sf.statements) if (ts.isTypeAliasDeclaration(s) && s.name.text === name) return s.type;
  throw new Error(`no type ${name} in ${c}/types.strict.ts`);
}

function interfaceMembers(c: Corpus, name: string): Map<string, ts.PropertySignature> {
  const sf = ts.createSourceFile("types.ts", read(c, "types.ts"), ts.ScriptTarget.Latest, true);
  for (const s of sf.statements) {
    if (!ts.isInterfaceDeclaration(s) || s.name.text !== name) continue;
    const out = new Map<string, ts.PropertySignature>();
    for (const m of s.members) {
      if (!ts.isPropertySignature(m)) continue;
      const n = m.name;
      out.set(ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n) ? n.text : n.getText(sf), m);
    }
    return out;
  }
  throw new Error(`no interface ${name} in ${c}/types.ts`);
}

/** A TypeScript keyword (reserved or contextual), as the scanner reads it. */
function isKeyword(name: string): boolean {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true);
  scanner.setText(name);
  const kind = scanner.scan();
  return (
    kind >= ts.SyntaxKind.FirstKeyword && kind <= ts.SyntaxKind.LastKeyword && scanner.getTokenEnd() === name.length
  );
}

/** The literal values of a union of literal types (strings, numbers, negative numbers). */
function literals(node: ts.TypeNode): (string | number)[] {
  const parts = ts.isUnionTypeNode(node) ? node.types : [node];
  return parts.map((p) => {
    const t = ts.isParenthesizedTypeNode(p) ? p.type : p;
    if (!ts.isLiteralTypeNode(t)) throw new Error(`not a literal: ${ts.SyntaxKind[t.kind]}`);
    const l = t.literal;
    if (ts.isStringLiteral(l) || ts.isNoSubstitutionTemplateLiteral(l)) return l.text;
    if (ts.isNumericLiteral(l)) return Number(l.text);
    if (ts.isPrefixUnaryExpression(l) && ts.isNumericLiteral(l.operand)) return -Number(l.operand.text);
    throw new Error(`unexpected literal ${ts.SyntaxKind[l.kind]}`);
  });
}

const schema = (c: Corpus, file: string) =>
  JSON.parse(readFileSync(path.join(FIXTURES, c, file), "utf8").replace(/^\uFEFF/, ""));

function markdownFiles(c: Corpus): string[] {
  return readdirSync(path.join(dir(c), "docs"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join(dir(c), "docs", f));
}

describe("hostile names", () => {
  it("regression: property names default, class, __proto__, constructor, then, toString, with ':', '-', spaces, a leading digit, empty", async () => {
    expectGenerated("property-names");
    expectTypesExport("property-names", ["Open", "Weird"]);
    const declared = Object.keys(schema("property-names", "weird.json").properties);
    const members = interfaceMembers("property-names", "Weird");
    expect([...members.keys()].sort()).toEqual([...declared].sort());
    for (const [name, m] of members) {
      // Identifiers may stay bare; everything else is a quoted key.
      if (!/^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u.test(name))
        expect(ts.isStringLiteral(m.name), name).toBe(true);
      expect(m.questionToken === undefined, name).toBe(["__proto__", "constructor", "a:b"].includes(name));
    }

    const mod = await expectModuleExports("property-names", ["Open", "Weird"]);
    const weird = mod.validators["Weird"]!;
    const open = mod.validators["Open"]!;
    const before = globalsSnapshot();
    const ok = JSON.parse('{"__proto__":"x","constructor":1,"a:b":"y"}');
    expect(weird(ok)).toEqual({ valid: true, errors: [], drift: [] });
    expect(weird(ok, { strict: true }).valid).toBe(true);
    const all = JSON.parse(
      '{"__proto__":"x","constructor":1,"a:b":"y","default":"d","class":"c","then":true,"toString":"t","hasOwnProperty":"h","a-b":"","a b":"","1abc":"","":"","$x":"","ünï":""}',
    );
    expect(weird(all).errors).toEqual([]);
    // Required members are own members: the inherited constructor and __proto__ do not count.
    const missing = weird({});
    expect(missing.valid).toBe(false);
    expect(missing.errors.map((e) => [e.pointer, e.code]).sort()).toEqual([
      ["/__proto__", "INSTANCE_REQUIRED_PROPERTY_MISSING"],
      ["/a:b", "INSTANCE_REQUIRED_PROPERTY_MISSING"],
      ["/constructor", "INSTANCE_REQUIRED_PROPERTY_MISSING"],
    ]);
    // A member named like an Object.prototype member is checked like any other.
    expect(weird(JSON.parse('{"__proto__":5,"constructor":1,"a:b":"y"}')).errors.map((e) => e.pointer)).toEqual([
      "/__proto__",
    ]);
    expect(weird({ ...ok, toString: 5 }).errors.map((e) => e.pointer)).toEqual(["/toString"]);
    expect(weird(JSON.parse('{"__proto__":"x","constructor":"1","a:b":"y"}')).errors.map((e) => e.pointer)).toEqual([
      "/constructor",
    ]);
    expect(weird({ ...JSON.parse('{"__proto__":"x"}'), constructor: 1, "a:b": "y", zzz: 1 }).errors).toEqual([
      expect.objectContaining({ pointer: "/zzz", code: "INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED" }),
    ]);
    expect(open({})).toEqual({ valid: true, errors: [], drift: [] });
    expect(open(JSON.parse('{"__proto__":1,"constructor":"c","toString":"t","valueOf":true,"other":null}')).valid).toBe(
      true,
    );
    expect(open(JSON.parse('{"__proto__":"one"}')).errors.map((e) => e.pointer)).toEqual(["/__proto__"]);
    expect(open({ valueOf: "no" }).errors.map((e) => e.pointer)).toEqual(["/valueOf"]);
    expect(globalsSnapshot()).toBe(before);
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
  });

  /** Either a coded SCHEMA_NAME_INVALID, or safe identifiers: distinct, not keywords, TS compiles, module imports. */
  async function expectNamesHandled(c: Corpus, count: number): Promise<void> {
    const r = runs.get(c)!;
    if (r.status === 1) {
      expect(r.stderr).toContain("SCHEMA_NAME_INVALID");
      expect(r.stderr).not.toMatch(STACK_LINE);
      return;
    }
    expectGenerated(c);
    const names = tsShape("types.ts", read(c, "types.ts")).exports;
    expect(new Set(names).size).toBe(count);
    for (const n of names) {
      expect(n).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      expect(isKeyword(n), `${n} is a keyword`).toBe(false);
      expect(["then", "constructor", "__proto__", "Object", "default"]).not.toContain(n);
    }
    expectTypesExport(c, names);
    const mod = await expectModuleExports(c, names);
    expect(typeof mod["then"]).toBe("undefined"); // a module namespace with `then` would be thenable
  }

  it("regression: type names default, class, __proto__, constructor, then, Object (and then_ beside then)", async () => {
    await expectNamesHandled("type-names-reserved", 8);
    if (!generated("type-names-reserved")) return;
    const mod = await load("type-names-reserved");
    // Each renamed type still validates its own schema.
    const find = (prefix: string) => Object.keys(mod.validators).filter((n) => n.startsWith(prefix));
    expect(find("then")).toHaveLength(2);
    const proto = mod.validators[find("__proto__")[0]!]!;
    expect(proto(true).valid).toBe(true);
    expect(proto("true").valid).toBe(false);
    const ctor = mod.validators[find("constructor")[0]!]!;
    expect(ctor("x").valid).toBe(true);
    expect(ctor("z").valid).toBe(false);
    const root = mod.validators["Root"]!;
    expect(root({ a: "s", b: 1, c: false, d: "y", e: { then: "t" }, f: ["o"] }).errors).toEqual([]);
    expect(root({ a: "s", b: 1, c: false, d: "y", e: { then: 1 }, f: ["o"] }).errors.map((e) => e.pointer)).toEqual([
      "/e/then",
    ]);
  });

  it("regression: type names that the validators module itself uses (Time → isTime, Drift, ValidationError, …)", async () => {
    await expectNamesHandled("type-names-runtime", 14);
    if (!generated("type-names-runtime")) return;
    const mod = await load("type-names-runtime");
    const time = Object.keys(mod.validators).find((n) => n.startsWith("Time"))!;
    expect(mod.validators[time]!("12:00").valid).toBe(true);
    expect(mod.validators[time]!(12).valid).toBe(false);
    // The format checks the module uses internally still work.
    const root = mod.validators["Root"]!;
    expect(root({ time: "x", dateTime: 1 }).valid).toBe(true);
    expect(root({ dateTime: 1 }).valid).toBe(false);
  });

  it("regression: every name the validators module declares itself (from runtime.js and validators.d.ts) is safe as a type name", async () => {
    // validate<T>, is<T> and assert<T> must not repeat a name the module imports from its runtime
    // (no runtime name has those prefixes); <T> must not be one of validators.d.ts's own declarations.
    const runtime = ts.createSourceFile("runtime.js", runtimeJs(), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    const declared: string[] = [];
    for (const st of runtime.statements) {
      if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name) declared.push(st.name.text);
      if (ts.isVariableStatement(st))
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) declared.push(d.name.text);
    }
    expect(declared.filter((n) => /^(?:validate|is|assert)[A-Za-z0-9_$]/.test(n))).toEqual([]);
    const own = tsShape("validators.d.ts", read("bom", "validators.d.ts")).exports.filter(
      (n) => !/^(?:validate|is|assert)/.test(n),
    );
    const names = [...new Set([...declared, ...own, ...baseExports])]
      .filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n))
      .sort();
    expect(declared).toEqual(expect.arrayContaining(["fail", "run", "table", "hasOwn", "fmtTime"]));
    expect(own).toEqual(expect.arrayContaining(["Drift", "ValidationError", "ValidationResult"]));

    const definitions = Object.fromEntries(names.map((n) => [n, { type: "string" }]));
    const corpusDir = path.join(tmp, "schemas", "module-names");
    mkdirSync(corpusDir, { recursive: true });
    writeFileSync(
      path.join(corpusDir, "names.json"),
      JSON.stringify({
        $schema: "https://json-structure.org/meta/core/v0/#",
        $root: "#/definitions/Root",
        definitions: {
          Root: { type: "object", properties: { a: { type: { $ref: `#/definitions/${names[0]}` } } } },
          ...definitions,
        },
      }),
    );
    const r = cli(["generate", "--schemas", corpusDir, "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const dir = path.join(out, "module-names");
    const mod = (await import(pathToFileURL(path.join(dir, "validators.js")).href)) as Validators;
    expect(Object.keys(mod.validators)).toHaveLength(names.length + 1);
    for (const v of Object.values(mod.validators)) expect(v("x").errors.length === 0 || v({}).valid).toBe(true);
    const check = typecheck(
      readdirSync(dir)
        .filter((f) => f.endsWith(".ts"))
        .map((f) => path.join(dir, f)),
    );
    expect(check.output).toBe("");
  });
});

describe("hostile enum values", () => {
  it("regression: enum values Etc/GMT+1 and Etc/GMT-1", async () => {
    expectGenerated("enum-collisions");
    expectTypesExport("enum-collisions", ["TimeZone", "Zone"]);
    const doc = schema("enum-collisions", "zone.json");
    const values: string[] = doc.definitions.TimeZone.enum;
    expect(literals(typeAlias("enum-collisions", "TimeZone")).sort()).toEqual([...values].sort());
    const zone = interfaceMembers("enum-collisions", "Zone");
    expect(literals(zone.get("inline")!.type!).sort()).toEqual([...doc.definitions.Zone.properties.inline.enum].sort());
    expect(literals(zone.get("numbers")!.type!).sort()).toEqual([-1, 0, 1]);

    const mod = await expectModuleExports("enum-collisions", ["TimeZone", "Zone"]);
    const tz = mod.validators["TimeZone"]!;
    for (const v of values) expect(tz(v).valid, JSON.stringify(v)).toBe(true);
    for (const v of ["Etc/GMT 1", "Etc/GMT_1", "Etc_GMT_1", "a.b", "A_B", "a  b", " ", "_", "01", 1, null])
      expect(tz(v).valid, JSON.stringify(v)).toBe(false);
    const z = mod.validators["Zone"]!;
    for (const v of doc.definitions.Zone.properties.inline.enum as string[])
      expect(z({ tz: "", inline: v }).valid, JSON.stringify(v)).toBe(true);
    for (const v of ["a__b", "ab", "a", "b"]) expect(z({ tz: "", inline: v }).valid, JSON.stringify(v)).toBe(false);
    expect(z({ tz: "", numbers: -1 }).valid).toBe(true);
    expect(z({ tz: "", numbers: 2 }).valid).toBe(false);

    const json = JSON.parse(read("enum-collisions", "schema.json"));
    expect([...json.$defs.TimeZone.enum].sort()).toEqual([...values].sort());
    // The docs list each value once, distinctly, as code.
    const page = read("enum-collisions", "docs/types/TimeZone.md");
    for (const v of values) expect(page, JSON.stringify(v)).toContain(`| \`${JSON.stringify(v)}\``);
  });

  it("regression: enum values 'a b' and 'a-b', the empty string, '__proto__' and 'constructor'", async () => {
    expectGenerated("enum-collisions");
    const mod = await load("enum-collisions");
    const tz = mod.validators["TimeZone"]!;
    expect(tz("").valid).toBe(true);
    expect(tz("a b").valid && tz("a-b").valid && tz("a_b").valid).toBe(true);
    expect(tz("__proto__").valid && tz("constructor").valid).toBe(true);
    expect(tz("toString").valid || tz("hasOwnProperty").valid).toBe(false);
    expect(tz("__proto__", { strict: true }).valid).toBe(true);
  });
});

describe("hostile prose and values: quotes, backslashes, newlines, */, ${…}, backticks, </script>", () => {
  it("regression: injection through descriptions, enum values, member names, patterns and defaults", async () => {
    expectGenerated("injection");
    expectTypesExport("injection", ["Evil", "EvilValues"]);
    const evil = schema("injection", "evil.json");
    const values: string[] = schema("injection", "evil-values.json").enum;
    // Values survive exactly, as distinct literal members.
    expect(literals(typeAlias("injection", "EvilValues")).sort()).toEqual([...values].sort());
    const members = interfaceMembers("injection", "Evil");
    expect([...members.keys()].sort()).toEqual(Object.keys(evil.properties).sort());
    expect(literals(members.get("v")!.type!).sort()).toEqual([...evil.properties.v.enum].sort());
    // Prose cannot forge a JSDoc tag (the descriptions say "@deprecated").
    for (const f of ["types.ts", "types.strict.ts", "validators.d.ts"]) {
      const tags = [...tsShape(f, read("injection", f)).tags];
      expect(
        tags.filter((t) => !["remarks", "pattern", "format", "default", "example", "see"].includes(t)),
        f,
      ).toEqual([]);
    }

    const before = globalsSnapshot();
    const mod = await expectModuleExports("injection", ["Evil", "EvilValues"]);
    expect((globalThis as Record<string, unknown>)["pwned"]).toBeUndefined();
    const ev = mod.validators["EvilValues"]!;
    for (const v of values) expect(ev(v).valid, JSON.stringify(v)).toBe(true);
    for (const v of ["", "x", "\u2028\u2029", "`'", "\\\\", "${x}"]) expect(ev(v).valid, JSON.stringify(v)).toBe(false);
    const e = mod.validators["Evil"]!;
    // The pattern ^[a-z]*/\*`$ (a slash, a star, a backtick) is kept as written.
    expect(e({ v: "`", w: "abc/*`" }).errors).toEqual([]);
    expect(e({ v: "`", w: "/*`" }).errors).toEqual([]);
    for (const w of ["abc*/", "abc/*", "ABC/*`", "abc/*`\n"]) expect(e({ v: "`", w }).valid, w).toBe(false);
    expect(
      e({ v: "`", "*/ export const y = 1; /*": "s", "</script><script>alert(7)</script>": 1, "`${x}`": true }).errors,
    ).toEqual([]);
    expect(e({ v: "nope" }).valid).toBe(false);
    expect(globalsSnapshot()).toBe(before);

    const json = JSON.parse(read("injection", "schema.json"));
    expect(json.$defs.EvilValues.enum.sort()).toEqual([...values].sort());

    for (const f of markdownFiles("injection")) {
      const text = markdownOutsideCode(readFileSync(f, "utf8"));
      expect(text, f).not.toMatch(/<script/i);
      expect(text, f).not.toMatch(/<\/?[a-z][^>]*>/i); // no raw HTML at all
      expect(text, f).not.toMatch(/\]\(javascript:/i);
    }
  });

  it("the Markdown of every hostile corpus holds no raw <script outside code spans", () => {
    for (const c of CORPORA.filter(generated)) {
      for (const f of markdownFiles(c)) expect(markdownOutsideCode(readFileSync(f, "utf8")), f).not.toMatch(/<script/i);
    }
  });
});

describe("recursive types", () => {
  it("regression: legal recursive types generate, compile and validate recursive data", async () => {
    expectGenerated("recursive");
    expectTypesExport("recursive", ["Forest", "Node", "Tree"]);
    expect(tsc.output.split("\n").filter((l) => l.includes("recursive-consumer"))).toEqual([]);
    const mod = await expectModuleExports("recursive", ["Forest", "Node", "Tree"]);
    const node = mod.validators["Node"]!;
    const tree = mod.validators["Tree"]!;

    let list: Record<string, unknown> = { value: 0 };
    for (let i = 1; i < 100; i++) list = { value: i, next: list };
    expect(node(list)).toEqual({ valid: true, errors: [], drift: [] });
    let bad: Record<string, unknown> = { value: "zero" };
    for (let i = 1; i < 20; i++) bad = { value: i, next: bad };
    expect(node(bad).errors).toEqual([
      expect.objectContaining({ pointer: `${"/next".repeat(19)}/value`, code: "INSTANCE_INTEGER_EXPECTED" }),
    ]);

    const grow = (depth: number, leaf: Record<string, unknown>): Record<string, unknown> =>
      depth === 0
        ? leaf
        : {
            label: `d${depth}`,
            children: [{ label: "sibling" }, grow(depth - 1, leaf)],
            byName: { x: { label: "x" } },
          };
    expect(tree(grow(30, { label: "leaf" })).errors).toEqual([]);
    expect(tree(grow(3, { label: "" })).errors).toEqual([
      expect.objectContaining({
        pointer: "/children/1/children/1/children/1/label",
        code: "INSTANCE_STRING_MIN_LENGTH",
      }),
    ]);
    expect(tree(grow(2, { label: "leaf", extra: 1 })).errors).toEqual([
      expect.objectContaining({
        pointer: "/children/1/children/1/extra",
        code: "INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED",
      }),
    ]);
    expect(mod.validators["Forest"]!([grow(5, { label: "l" }), { label: "m" }]).valid).toBe(true);

    // Data far deeper than any schema: an answer, never a throw.
    let deep: Record<string, unknown> = { value: 0 };
    for (let i = 1; i < 20_000; i++) deep = { value: i, next: deep };
    const r = node(deep);
    expect(typeof r.valid).toBe("boolean");
    expect(Array.isArray(r.errors)).toBe(true);
    const cyclic: Record<string, unknown> = { value: 1 };
    cyclic["next"] = cyclic;
    const rc = node(cyclic);
    expect(typeof rc.valid).toBe("boolean");
  });
});
