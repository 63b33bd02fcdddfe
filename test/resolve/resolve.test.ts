import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Code } from "../../generator/diagnostics/catalogue.js";
import type { Diagnostic } from "../../generator/diagnostics/diagnostic.js";
import type { Member, Model, NamedType, TypeNode } from "../../generator/ir/model.js";
import { corpusFromTexts } from "../../generator/load/read-corpus.js";
import { resolve } from "../../generator/resolve/index.js";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/resolve");

/** Every file of test/fixtures/resolve/<name>/, by file name. */
function fixture(name: string): Record<string, string> {
  const dir = path.join(FIXTURES, name);
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f), "utf8")]),
  );
}

const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

function build(files: Record<string, string>): Model {
  const { corpus, diagnostics } = corpusFromTexts("test", files);
  expect(diagnostics).toEqual([]);
  return resolve(corpus);
}

function type(model: Model, name: string): NamedType {
  const t = model.types.find((x) => x.name === name);
  if (!t) throw new Error(`no type ${name}; have ${model.types.map((x) => x.name).join(", ")}`);
  return t;
}

function members(t: NamedType): Map<string, Member> {
  if (t.node.kind !== "object") throw new Error(`${t.name} is a ${t.node.kind}, not an object`);
  return new Map(t.node.members.map((m) => [m.name, m]));
}

function member(t: NamedType, name: string): Member {
  const m = members(t).get(name);
  if (!m) throw new Error(`${t.name} has no member ${name}`);
  return m;
}

/** The node without attributes and facts, to compare shapes. */
function shape(node: TypeNode): unknown {
  return JSON.parse(JSON.stringify(node, (k, v: unknown) => (k === "attrs" ? undefined : v)));
}

const codes = (model: Model): string[] => model.diagnostics.map((d) => d.code).sort();
const only = (model: Model, code: Code): Diagnostic[] => model.diagnostics.filter((d) => d.code === code);

interface Case {
  name: string;
  files: Record<string, string>;
  /** Every diagnostic code the resolver reports, as a sorted multiset. */
  codes: Code[];
  check(model: Model): void;
}

const S = "https://json-structure.org/meta/core/v0/#";

const cases: Case[] = [
  {
    name: "dialect allOf member → ref keeping the member's description; bare $ref → ref",
    files: fixture("dialect"),
    codes: [],
    check(model) {
      const user = type(model, "User");
      expect(user.root).toBe(true);
      expect(user.attrs.doc).toBe("A user.");
      const name = member(user, "Name");
      expect(shape(name.type)).toEqual({ kind: "ref", name: "NameType" });
      expect(name.attrs.doc).toBe("The user's <b>name</b>.");
      expect(name.required).toBe(true);
      // The referenced type keeps its own description; the member's does not overwrite it.
      expect(type(model, "NameType").attrs.doc).toBe("NameType schema");
      expect(member(user, "Secret")).toMatchObject({ required: false, attrs: { doc: "The password." } });
      expect(shape(member(user, "Labels").type)).toEqual({ kind: "ref", name: "LabelMap" });
      expect(member(user, "Labels").attrs.doc).toBeUndefined();
    },
  },
  {
    name: "object with only additionalProperties (bare $ref) → map; with properties it stays an object",
    files: fixture("dialect"),
    codes: [],
    check(model) {
      expect(shape(type(model, "LabelMap").node)).toEqual({ kind: "map", values: { kind: "ref", name: "NameType" } });
      const extra = type(model, "ExtraType").node;
      expect(extra.kind).toBe("object");
      expect(shape(extra)).toMatchObject({ additional: { kind: "ref", name: "NameType" } });
    },
  },
  {
    name: "format password → sensitive",
    files: fixture("dialect"),
    codes: [],
    check(model) {
      const pw = type(model, "PasswordType");
      expect(pw.attrs.sensitive).toBe(true);
      expect(pw.attrs.facts).toContainEqual(expect.objectContaining({ about: "sensitive", claim: "format: password" }));
      expect(shape(pw.node)).toEqual({ kind: "primitive", primitive: "string", constraints: {} });
      expect(type(model, "NameType").attrs.sensitive).toBeUndefined();
      expect(type(model, "User").attrs.sensitive).toBeUndefined();
    },
  },
  {
    name: "inlined items identical to a named type → ref to it (others stay inline)",
    files: fixture("inlined-items"),
    codes: ["SCHEMA_ITEMS_MATCH_NAMED"],
    check(model) {
      const list = type(model, "UserList");
      expect(shape(member(list, "Users").type)).toEqual({
        kind: "array",
        items: { kind: "ref", name: "UserType" },
        constraints: {},
      });
      const others = member(list, "Others").type;
      expect(others.kind === "array" && others.items.kind).toBe("object");
      expect(shape(member(list, "Ids").type)).toEqual({
        kind: "array",
        items: { kind: "primitive", primitive: "string", constraints: {} },
        constraints: {},
      });
      const [d] = only(model, "SCHEMA_ITEMS_MATCH_NAMED");
      expect(d).toMatchObject({
        severity: "info",
        params: { name: "UserType" },
        at: { file: "list.json", pointer: "/properties/Users/items" },
      });
    },
  },
  {
    name: "typeless document in a components-dialect corpus → error object with an optional message",
    files: fixture("error-shape"),
    codes: ["SCHEMA_TYPELESS_ERROR_SHAPE"],
    check(model) {
      const err = type(model, "NotFoundException");
      expect(err.role).toBe("error");
      expect(err.attrs.doc).toBe("The resource was not found.");
      expect(shape(err.node)).toEqual({
        kind: "object",
        members: [
          { name: "message", type: { kind: "primitive", primitive: "string", constraints: {} }, required: false },
        ],
        additional: true,
      });
      expect(type(model, "GetThingResponse").role).toBe("shape");
      expect(only(model, "SCHEMA_TYPELESS_ERROR_SHAPE")[0]).toMatchObject({
        severity: "info",
        at: { file: "not-found.json", pointer: "" },
      });
    },
  },
  {
    name: "typeless document outside the dialect is an error, not an error shape",
    files: { "e.json": json({ $schema: S, name: "Oops", description: "no type" }) },
    codes: ["SCHEMA_ROOT_MISSING_TYPE"],
    check(model) {
      expect(model.types).toEqual([]);
      expect(model.diagnostics[0]).toMatchObject({
        severity: "error",
        at: { file: "e.json", pointer: "", line: 1, column: 1 },
      });
    },
  },
  {
    name: "boolean members in a string enum → warning, members kept in source order",
    files: fixture("enum-mismatch"),
    codes: ["SCHEMA_ENUM_MEMBER_TYPE_MISMATCH", "SCHEMA_ENUM_MEMBER_TYPE_MISMATCH"],
    check(model) {
      const t = type(model, "ToggleType").node;
      expect(t.kind).toBe("enum");
      if (t.kind !== "enum") return;
      expect(t.base).toBe("string");
      expect(t.members.map((m) => m.value)).toEqual(["ON", true, false, "AUTO"]);
      const ds = only(model, "SCHEMA_ENUM_MEMBER_TYPE_MISMATCH");
      expect(ds.map((d) => d.severity)).toEqual(["warning", "warning"]);
      expect(ds.map((d) => d.at?.pointer)).toEqual(["/enum/1", "/enum/2"]);
      expect(ds[0]!.message).toBe("enum member true is a boolean, but the enum's type is string");
      expect(ds[0]!.at).toMatchObject({ file: "toggle.json", line: 7, column: 5 });
    },
  },
  {
    name: "core JSON Structure: definitions, namespaces, type {$ref}, $root marks the root",
    files: fixture("core-namespaces"),
    codes: [],
    check(model) {
      expect(model.types.map((t) => [t.name, t.sourceName, t.root])).toEqual([
        ["Billing_Address", "Billing/Address", false],
        ["Line", "Shop/Line", false],
        ["Order", "Shop/Order", true],
        ["Shop_Address", "Shop/Address", false],
      ]);
      const order = type(model, "Order");
      expect(order.attrs.doc).toBe("An order.");
      expect(shape(member(order, "ship").type)).toEqual({ kind: "ref", name: "Shop_Address" });
      expect(member(order, "ship").attrs.doc).toBe("Where it goes.");
      expect(shape(member(order, "bill").type)).toEqual({ kind: "ref", name: "Billing_Address" });
      expect(shape(member(order, "lines").type)).toEqual({
        kind: "array",
        items: { kind: "ref", name: "Line" },
        constraints: {},
      });
      expect(shape(member(order, "id").type)).toEqual({ kind: "primitive", primitive: "uuid", constraints: {} });
      expect([...members(order).values()].filter((m) => m.required).map((m) => m.name)).toEqual(["id", "lines"]);
      expect(order.attrs.at).toMatchObject({ file: "shop.json", pointer: "/definitions/Shop/Order" });
    },
  },
  {
    name: "a missing ref reports the chain from a root",
    files: fixture("missing-ref"),
    codes: ["SCHEMA_REF_NOT_FOUND"],
    check(model) {
      const [d] = only(model, "SCHEMA_REF_NOT_FOUND");
      expect(d!.severity).toBe("error");
      expect(d!.message).toBe(
        "$ref target does not exist: #/definitions/Product (reached by Order → Line → #/definitions/Product)",
      );
      expect(d!.at).toEqual({
        file: "shop.json",
        pointer: "/definitions/Line/properties/product/type/$ref",
        line: 23,
        column: 21,
      });
    },
  },
  {
    name: "a missing dialect ref names its document",
    files: {
      "a.json": json({
        $schema: S,
        name: "A",
        type: "object",
        properties: { b: { allOf: [{ $ref: "#/components/schemas/Gone" }, { description: "b" }] } },
      }),
    },
    codes: ["SCHEMA_REF_NOT_FOUND"],
    check(model) {
      expect(model.diagnostics[0]!.message).toBe(
        "$ref target does not exist: #/components/schemas/Gone (reached by A → #/components/schemas/Gone)",
      );
      expect(model.diagnostics[0]!.at).toMatchObject({ file: "a.json", pointer: "/properties/b/allOf/0/$ref" });
    },
  },
  {
    name: "alias cycle → SCHEMA_REF_CIRCULAR; recursion through an object is fine",
    files: fixture("alias-cycle"),
    codes: ["SCHEMA_REF_CIRCULAR", "SCHEMA_REF_CIRCULAR"],
    check(model) {
      const ds = only(model, "SCHEMA_REF_CIRCULAR");
      expect(ds.map((d) => d.message)).toEqual(["circular alias: P → Q → P", "circular alias: Q → P → Q"]);
      expect(ds.map((d) => d.at?.pointer)).toEqual(["/definitions/P", "/definitions/Q"]);
      expect(ds.every((d) => d.severity === "error")).toBe(true);
      expect(shape(type(model, "TreeAlias").node)).toEqual({ kind: "ref", name: "Tree" });
    },
  },
  {
    name: "an alias of itself → SCHEMA_REF_CIRCULAR",
    files: {
      "self.json": json({
        $schema: S,
        $root: "#/definitions/Me",
        definitions: { Me: { type: { $ref: "#/definitions/Me" } } },
      }),
    },
    codes: ["SCHEMA_REF_CIRCULAR"],
    check(model) {
      expect(model.diagnostics[0]!.message).toBe("circular alias: Me → Me");
    },
  },
  {
    name: "namespace collision → qualified names",
    files: fixture("core-namespaces"),
    codes: [],
    check(model) {
      const names = model.types.map((t) => t.name);
      expect(names).toContain("Shop_Address");
      expect(names).toContain("Billing_Address");
      expect(names).not.toContain("Address");
      // A unique name keeps its short form.
      expect(names).toContain("Line");
    },
  },
  {
    name: "a qualified namespace name never takes a name a document declares",
    files: {
      ...fixture("core-namespaces"),
      "z-root.json": json({ $schema: S, name: "Shop_Address", type: "boolean" }),
    },
    codes: [],
    check(model) {
      expect(model.types.find((t) => t.sourceName === "Shop_Address")?.name).toBe("Shop_Address");
      const qualified = model.types.find((t) => t.sourceName === "Shop/Address")!;
      expect(qualified.name).not.toBe("Shop_Address");
      // References follow the renamed type.
      expect(shape(member(type(model, "Order"), "ship").type)).toEqual({ kind: "ref", name: qualified.name });
    },
  },
  {
    name: "duplicate document names → SCHEMA_NAME_DUPLICATE at the second document's name",
    files: fixture("duplicate-names"),
    codes: ["SCHEMA_NAME_DUPLICATE"],
    check(model) {
      expect(model.diagnostics[0]).toMatchObject({
        severity: "error",
        message: 'type "Thing" is defined twice: here and in a-first.json',
        at: { file: "b-second.json", pointer: "/name", line: 3, column: 11 },
      });
      // Both still get distinct identifiers, so nothing downstream collides.
      expect(new Set(model.types.map((t) => t.name)).size).toBe(2);
    },
  },
  {
    name: "constraint errors: invalid pattern, min > max, required name not in properties",
    files: fixture("constraints"),
    codes: [
      "SCHEMA_MIN_GREATER_THAN_MAX",
      "SCHEMA_MIN_GREATER_THAN_MAX",
      "SCHEMA_MIN_GREATER_THAN_MAX",
      "SCHEMA_PATTERN_INVALID",
      "SCHEMA_REQUIRED_PROPERTY_NOT_DEFINED",
    ],
    check(model) {
      const pattern = only(model, "SCHEMA_PATTERN_INVALID")[0]!;
      expect(pattern.at).toEqual({ file: "bad.json", pointer: "/properties/code/pattern", line: 8, column: 18 });
      expect(pattern.message).toMatch(/^pattern is not a valid regular expression: "\(\[A-Z" \(/);
      expect(only(model, "SCHEMA_MIN_GREATER_THAN_MAX").map((d) => [d.at?.pointer, d.message])).toEqual([
        ["/properties/name/minLength", "minLength cannot be greater than maxLength"],
        ["/properties/tags/minItems", "minItems cannot be greater than maxItems"],
        ["/properties/age/minimum", "minimum cannot be greater than maximum"],
      ]);
      const req = only(model, "SCHEMA_REQUIRED_PROPERTY_NOT_DEFINED")[0]!;
      expect(req).toMatchObject({
        message: 'required property "nickname" is not defined in properties',
        at: { pointer: "/required/1" },
      });
      // The valid constraints next to them are kept; the invalid pattern is dropped.
      const bad = type(model, "Bad");
      expect(shape(member(bad, "ok").type)).toEqual({
        kind: "primitive",
        primitive: "string",
        constraints: { minLength: 2, maxLength: 2, pattern: { source: "^\\p{L}+$", unicode: true } },
      });
      expect(member(bad, "code").type).toMatchObject({ constraints: {} });
      expect(member(bad, "code").required).toBe(true);
    },
  },
];

describe("resolve", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const model = build(c.files);
    expect(codes(model)).toEqual([...c.codes].sort());
    c.check(model);
  });

  it("every diagnostic carries file, pointer, line and column, and the pointer exists in that file", () => {
    let seen = 0;
    for (const c of cases) {
      const model = build(c.files);
      for (const d of model.diagnostics) {
        seen++;
        const at = d.at;
        expect(at, `${c.name}: ${d.code}`).toBeDefined();
        expect(Object.keys(at!).sort()).toEqual(["column", "file", "line", "pointer"]);
        const text = c.files[at!.file];
        expect(text, `${d.code} names a file of the corpus`).toBeDefined();
        expect(typeof at!.pointer).toBe("string");
        // The pointer resolves in the document (checked with JSON.parse, not the loader's own index).
        let v: unknown = JSON.parse(text!);
        for (const tok of at!.pointer
          .split("/")
          .slice(1)
          .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))) {
          expect(
            v !== null && typeof v === "object" && Object.prototype.hasOwnProperty.call(v, tok),
            `${d.code} ${at!.pointer}`,
          ).toBe(true);
          v = (v as Record<string, unknown>)[tok];
        }
        const lines = text!.split("\n");
        expect(Number.isInteger(at!.line) && at!.line >= 1 && at!.line <= lines.length).toBe(true);
        expect(Number.isInteger(at!.column) && at!.column >= 1 && at!.column <= lines[at!.line - 1]!.length + 1).toBe(
          true,
        );
      }
    }
    expect(seen).toBeGreaterThanOrEqual(15);
  });

  it("is deterministic: the same corpus in any key order gives the same model", () => {
    const files = fixture("core-namespaces");
    const reversed = Object.fromEntries(Object.entries({ ...files, ...fixture("dialect") }).reverse());
    const a = build({ ...files, ...fixture("dialect") });
    const b = build(reversed);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
