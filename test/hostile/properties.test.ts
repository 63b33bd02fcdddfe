// Property-based tests with fast-check:
//   1. generated validators never throw and never pollute, whatever they are given;
//   2. random schemas from the supported subset generate TypeScript that compiles and validators
//      that accept values drawn from the schema and reject mutated ones;
//   3. random prose, member names and enum values give TypeScript that parses and exports only
//      the expected names, a validators module that exports only what it should, and safe Markdown.
// Runs are few (each generates a corpus); a failure prints fast-check's seed to replay it.
import fc from "fast-check";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasErrors } from "../../generator/diagnostics/diagnostic.js";
import { corpusFromTexts } from "../../generator/load/read-corpus.js";
import { buildModel, renderModel } from "../../generator/pipeline.js";
import { resolve } from "../../generator/resolve/index.js";
import { writeTree } from "../../generator/write/atomic.js";
import type { OutputFile } from "../../generator/emit/files.js";
import { inMemorySource } from "../../generator/emit/validators/index.js";
import { typecheck } from "../helpers/typecheck.js";
import { globalsSnapshot, markdownOutsideCode, ROOT, syntaxErrors, tsShape } from "./helpers.js";

const S = "https://json-structure.org/meta/core/v0/#";

type Issue = { pointer: string; code: string; message: string };
type Result = { valid: boolean; errors: Issue[]; drift: unknown[] };
type Module = Record<string, unknown> & {
  validators: Record<string, (v: unknown, o?: { strict?: boolean }) => Result>;
};

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "structgen-props-"));
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const importText = async (text: string): Promise<Module> =>
  (await import(`data:text/javascript;base64,${Buffer.from(text).toString("base64")}`)) as Module;

function expectResult(r: unknown, where: string): asserts r is Result {
  expect(r, where).toBeTypeOf("object");
  const x = r as Result;
  expect(typeof x.valid, where).toBe("boolean");
  expect(Array.isArray(x.errors), where).toBe(true);
  for (const e of x.errors) {
    expect(typeof e.pointer, where).toBe("string");
    expect(typeof e.code, where).toBe("string");
    expect(typeof e.message, where).toBe("string");
  }
  if (x.valid) expect(x.errors, where).toEqual([]);
  else expect(x.errors.length, where).toBeGreaterThan(0);
}

// ---------------------------------------------------------------------------------------------
// 1. The bundled Cognito validators against anything at all.

const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "$schema"];
const COGNITO_KEYS = [
  "Username",
  "UserAttributes",
  "Name",
  "Value",
  "UserStatus",
  "Enabled",
  "UserCreateDate",
  "MFAOptions",
  "Users",
  "UserPool",
  "Policies",
];

const key = fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_KEYS, ...COGNITO_KEYS));

function throwingGetter(base: unknown, k: string): unknown {
  const o: Record<string, unknown> =
    base !== null && typeof base === "object" && !Array.isArray(base) ? { ...(base as object) } : {};
  Object.defineProperty(o, k, {
    enumerable: true,
    configurable: true,
    get: () => {
      throw new Error(`getter ${k} throws`);
    },
  });
  return o;
}

const trapAll = (): unknown =>
  new Proxy(
    {},
    Object.fromEntries(
      [
        "get",
        "has",
        "ownKeys",
        "getOwnPropertyDescriptor",
        "getPrototypeOf",
        "defineProperty",
        "set",
        "deleteProperty",
        "isExtensible",
        "preventExtensions",
        "setPrototypeOf",
      ].map((t) => [
        t,
        () => {
          throw new Error(`proxy trap ${t} throws`);
        },
      ]),
    ),
  );

function cyclic(base: unknown): unknown {
  const o: Record<string, unknown> = { Username: "u", UserAttributes: [] as unknown[], Enabled: true };
  (o["UserAttributes"] as unknown[]).push(o, { Name: "n", Value: o });
  o["self"] = o;
  o["Users"] = [o];
  o["extra"] = base;
  const a: unknown[] = [];
  a.push(a, o);
  o["array"] = a;
  return o;
}

function deep(depth: number, asArrays: boolean): unknown {
  let v: unknown = { Username: "leaf" };
  // One reference per level: a chain, not a DAG that would fan out.
  for (let i = 0; i < depth; i++)
    v = asArrays
      ? [v]
      : i % 2
        ? { Username: "x", UserAttributes: [{ Name: "n", Value: "v", nested: v }] }
        : { Users: [v] };
  return v;
}

const pollutingJson = fc.constantFrom(
  '{"__proto__":{"polluted":true,"Username":"p"},"constructor":{"prototype":{"polluted":true}},"Username":"x"}',
  '{"UserAttributes":[{"__proto__":{"Name":"p"},"Name":"a"}],"Username":"x"}',
  '{"Username":"x","UserAttributes":[],"__proto__":null}',
  '{"Users":[{"__proto__":{"Attributes":[]}}],"$schema":"https://example.com/x"}',
);

/**
 * A value built only inside the property: fast-check looks into the values it generates (and
 * prints them), which would already trip a throwing proxy or getter.
 */
interface Lazy {
  build(): unknown;
  [fc.toStringMethod](): string;
}
const lazy = (label: string, build: () => unknown): Lazy => ({ build, [fc.toStringMethod]: () => label });
const plain = <T>(arb: fc.Arbitrary<T>, label: string, f: (v: T) => unknown = (v) => v): fc.Arbitrary<Lazy> =>
  arb.map((v) => lazy(`${label}: ${fc.stringify(v)}`, () => f(v)));

const anyValue: fc.Arbitrary<Lazy> = fc.oneof(
  { weight: 3, arbitrary: plain(fc.jsonValue(), "json") },
  {
    weight: 3,
    arbitrary: plain(
      fc.anything({
        key,
        maxDepth: 4,
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withObjectString: true,
        withTypedArray: true,
        withSparseArray: true,
        stringUnit: "binary",
      }),
      "anything",
    ),
  },
  {
    weight: 1,
    arbitrary: plain(
      fc.tuple(fc.jsonValue(), fc.constantFrom(...HOSTILE_KEYS, ...COGNITO_KEYS)),
      "throwing getter",
      ([v, k]) => throwingGetter(v, k),
    ),
  },
  { weight: 1, arbitrary: fc.constant(lazy("proxy whose every trap throws", trapAll)) },
  { weight: 1, arbitrary: plain(fc.jsonValue(), "cyclic", cyclic) },
  {
    weight: 1,
    arbitrary: plain(fc.tuple(fc.integer({ min: 1_000, max: 20_000 }), fc.boolean()), "deep", ([d, a]) => deep(d, a)),
  },
  { weight: 1, arbitrary: plain(pollutingJson, "JSON.parse", (t) => JSON.parse(t) as unknown) },
  {
    weight: 1,
    arbitrary: plain(
      fc.tuple(fc.jsonValue(), fc.constantFrom(...COGNITO_KEYS)),
      "valid-looking shell with a throwing member",
      ([v, k]) => {
        const shell: Record<string, unknown> = {
          Username: "alice",
          UserAttributes: [{ Name: "email", Value: "a@example.com" }],
          Enabled: true,
        };
        return throwingGetter({ ...shell, nested: v }, k);
      },
    ),
  },
);

describe("1. generated Cognito validators never throw and never pollute", () => {
  it("regression: validate/is/assert on arbitrary values (JSON, anything, __proto__ keys, throwing getters, proxies, cycles, deep nesting)", async () => {
    const mod = (await import(
      pathToFileURL(path.join(ROOT, "generated", "cognito-idp", "validators.js")).href
    )) as Module;
    const wanted = [
      "AdminGetUserResponse",
      "GetUserResponse",
      "UserType",
      "AttributeType",
      "UserStatusType",
      "ListUsersResponse",
      "UserPoolType",
      "CreateUserPoolRequest",
    ];
    const names = wanted.filter((n) => Object.prototype.hasOwnProperty.call(mod.validators, n));
    expect(names.length).toBeGreaterThanOrEqual(6);
    const before = globalsSnapshot();
    fc.assert(
      fc.property(anyValue, (l) => {
        const v = l.build();
        for (const n of names) {
          for (const options of [undefined, { strict: true }, { strict: false }])
            expectResult(mod.validators[n]!(v, options), `validate${n}`);
          expect(typeof (mod[`is${n}`] as (v: unknown) => unknown)(v)).toBe("boolean");
          try {
            (mod[`assert${n}`] as (v: unknown) => void)(v);
          } catch (e) {
            expect((e as Error).name, `assert${n} throws only ValidationError`).toBe("ValidationError");
          }
        }
        expect(globalsSnapshot()).toBe(before);
        expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
        expect(({} as Record<string, unknown>)["Username"]).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Random schemas from the supported subset.

type Shape =
  | { kind: "string"; minLength?: number; maxLength?: number; pattern?: string }
  | { kind: "int32"; minimum?: number; maximum?: number }
  | { kind: "boolean" }
  | { kind: "enum"; values: string[] }
  | { kind: "array"; items: Shape; minItems?: number; maxItems?: number }
  | { kind: "map"; values: Shape }
  | { kind: "object"; members: { name: string; type: Shape; required: boolean }[]; additional: boolean };

/** Patterns fast-check can draw strings for (stringMatching), and that are safe and anchored. */
const PATTERNS = ["^[a-z]+$", "^[A-Z][a-z0-9]{0,5}$", "^\\d{3}-\\d{4}$", "^(?:red|green|blue)$", "^[^\\s]{1,8}$"];

const memberName = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,6}$/) },
  // Not "constructor" or "toString": TypeScript reads an object literal without them as having
  // Object's, so no literal fits an optional member of that name (a TypeScript limit, not ours).
  { weight: 1, arbitrary: fc.constantFrom("a b", "a-b", "x:y", "ünï", "default", "class", "then", "1st", "") },
);

const shape: fc.Arbitrary<Shape> = fc.letrec<{ shape: Shape; leaf: Shape; object: Shape }>((tie) => ({
  leaf: fc.oneof(
    fc.oneof(
      fc.record({ kind: fc.constant("string" as const) }),
      fc
        .tuple(fc.nat(3), fc.nat(6))
        .map(([min, extra]) => ({ kind: "string" as const, minLength: min, maxLength: min + extra })),
      fc.constantFrom(...PATTERNS).map((pattern) => ({ kind: "string" as const, pattern })),
    ),
    fc.oneof(
      fc.record({ kind: fc.constant("int32" as const) }),
      fc
        .tuple(fc.integer({ min: -1000, max: 1000 }), fc.nat(2000))
        .map(([min, extra]) => ({ kind: "int32" as const, minimum: min, maximum: min + extra })),
    ),
    fc.record({ kind: fc.constant("boolean" as const) }),
    fc
      .uniqueArray(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 5 })
      .map((values) => ({ kind: "enum" as const, values })),
  ),
  shape: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("leaf"),
    tie("leaf"),
    fc
      .tuple(tie("shape"), fc.nat(2), fc.nat(3))
      .map(([items, min, extra]) => ({ kind: "array" as const, items, minItems: min, maxItems: min + extra })),
    tie("shape").map((values) => ({ kind: "map" as const, values })),
    tie("object"),
  ),
  object: fc
    .tuple(
      fc.uniqueArray(fc.tuple(memberName, tie("shape"), fc.boolean()), {
        minLength: 1,
        maxLength: 5,
        selector: ([n]) => n,
      }),
      fc.boolean(),
    )
    .map(([ms, additional]) => ({
      kind: "object" as const,
      members: ms.map(([name, type, required]) => ({ name, type, required })),
      additional,
    })),
})).object;

function schemaOf(s: Shape): Record<string, unknown> {
  switch (s.kind) {
    case "string":
      return {
        type: "string",
        ...(s.minLength !== undefined ? { minLength: s.minLength, maxLength: s.maxLength } : {}),
        ...(s.pattern ? { pattern: s.pattern } : {}),
      };
    case "int32":
      return { type: "int32", ...(s.minimum !== undefined ? { minimum: s.minimum, maximum: s.maximum } : {}) };
    case "boolean":
      return { type: "boolean" };
    case "enum":
      return { type: "string", enum: s.values };
    case "array":
      return { type: "array", items: schemaOf(s.items), minItems: s.minItems, maxItems: s.maxItems };
    case "map":
      return { type: "map", values: schemaOf(s.values) };
    case "object": {
      const properties: Record<string, unknown> = {};
      for (const m of s.members)
        Object.defineProperty(properties, m.name, { value: schemaOf(m.type), enumerable: true });
      return {
        type: "object",
        properties,
        required: s.members.filter((m) => m.required).map((m) => m.name),
        additionalProperties: s.additional,
      };
    }
  }
}

/** Values the schema accepts. */
function valuesOf(s: Shape): fc.Arbitrary<unknown> {
  switch (s.kind) {
    case "string":
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
      return fc.string({ minLength: s.minLength ?? 0, maxLength: s.maxLength ?? 8 });
    case "int32":
      return fc.integer({ min: s.minimum ?? -(2 ** 31), max: s.maximum ?? 2 ** 31 - 1 });
    case "boolean":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...s.values);
    case "array":
      return fc.array(valuesOf(s.items), { minLength: s.minItems ?? 0, maxLength: s.maxItems ?? 3 });
    case "map":
      return fc.dictionary(
        fc.string({ maxLength: 4 }).filter((k) => k !== "__proto__"),
        valuesOf(s.values),
        { maxKeys: 3 },
      );
    case "object": {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const m of s.members) Object.defineProperty(model, m.name, { value: valuesOf(m.type), enumerable: true });
      return fc.record(model, { requiredKeys: s.members.filter((m) => m.required).map((m) => m.name) });
    }
  }
}

/** A JSON value of another type than the shape's. */
function wrongType(s: Shape): unknown {
  switch (s.kind) {
    case "string":
    case "enum":
      return 12345;
    case "int32":
      return "12";
    case "boolean":
      return "true";
    case "array":
      return {};
    case "map":
      return [];
    case "object":
      return "an object";
  }
}

const pointerTo = (name: string) => `/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;

describe("2. random schemas from the supported subset", () => {
  it("regression: generate, compile under tsc --strict, accept values from the schema, reject mutated ones", async () => {
    const out = path.join(tmp, "random-out");
    const consumers: string[] = [];
    const tsFiles: string[] = [];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(shape, fc.context(), async (root, ctx) => {
        if (root.kind !== "object") return;
        const name = `random${run++}`;
        const dir = path.join(tmp, "random-schemas", name);
        mkdirSync(dir, { recursive: true });
        const doc = { $schema: S, $uses: ["JSONStructureValidation"], name: "Root", ...schemaOf(root) };
        writeFileSync(path.join(dir, "root.json"), JSON.stringify(doc, null, 2));
        ctx.log(JSON.stringify(doc));
        const model = await buildModel({ name, dir });
        await writeTree(path.join(out, name), await renderModel(model));
        const mod = (await import(pathToFileURL(path.join(out, name, "validators.js")).href)) as Module;
        const validate = mod.validators["Root"]!;

        const samples = fc.sample(valuesOf(root), { numRuns: 8 });
        for (const v of samples) {
          const r = validate(v);
          expect(r.errors, `valid sample ${JSON.stringify(v)}`).toEqual([]);
          expect(validate(v, { strict: true }).valid, `strict: ${JSON.stringify(v)}`).toBe(true);
        }
        for (const v of samples) {
          const obj = v as Record<string, unknown>;
          for (const m of root.members.filter((m) => m.required)) {
            const missing = { ...obj };
            delete missing[m.name];
            expect(validate(missing).errors, `missing ${m.name}`).toContainEqual(
              expect.objectContaining({ pointer: pointerTo(m.name), code: "INSTANCE_REQUIRED_PROPERTY_MISSING" }),
            );
            const wrong = { ...obj };
            Object.defineProperty(wrong, m.name, {
              value: wrongType(m.type),
              enumerable: true,
              writable: true,
              configurable: true,
            });
            const r = validate(wrong);
            expect(r.valid, `wrong type for ${m.name}: ${JSON.stringify(wrong)}`).toBe(false);
            expect(r.errors.some((e) => e.pointer === pointerTo(m.name))).toBe(true);
          }
          if (!root.additional) {
            const extra = { ...obj, "zz extra": 1 };
            expect(validate(extra).errors).toContainEqual(
              expect.objectContaining({ pointer: "/zz extra", code: "INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED" }),
            );
          }
        }
        expect(validate([]).valid).toBe(false);
        expect(validate("Root").valid).toBe(false);

        // For the one tsc run below: the generated files, and a consumer assigning the samples.
        for (const f of readdirSync(path.join(out, name)).filter((f) => f.endsWith(".ts")))
          tsFiles.push(path.join(out, name, f));
        const consumer = path.join(tmp, `${name}-consumer.mts`);
        writeFileSync(
          consumer,
          [
            `import type { Root } from "./random-out/${name}/types.js";`,
            `import type { Root as StrictRoot } from "./random-out/${name}/types.strict.js";`,
            ...samples.map(
              (v, i) =>
                `export const v${i}: Root = ${JSON.stringify(v)};\nexport const s${i}: StrictRoot = ${JSON.stringify(v)};`,
            ),
          ].join("\n"),
        );
        consumers.push(consumer);
      }),
      { numRuns: 20, endOnFailure: true },
    );
    expect(consumers.length).toBeGreaterThan(5);
    const t = typecheck([...tsFiles, ...consumers]);
    expect(t.output, "tsc --strict over every generated corpus and its consumer").toBe("");
    expect(t.ok).toBe(true);
  }, 180_000);
});

// ---------------------------------------------------------------------------------------------
// 3. Random prose, member names and enum values.

const PIECES = [
  "*/",
  "/*",
  "/**",
  "'",
  '"',
  "`",
  "\\",
  "\n",
  "\r\n",
  "\r",
  "\u2028",
  "\u2029",
  "${",
  "}",
  "</script>",
  "<script>",
  "<!--",
  "-->",
  "@deprecated",
  " @see x",
  "&lt;",
  "&",
  "|",
  "#",
  "[x](javascript:alert(1))",
  "<b>",
  "\u0000",
  "\uFEFF",
  "export const pwned = 1;",
];
const hostileText = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
    { weight: 5, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
    { weight: 3, arbitrary: fc.constantFrom("a", "Z", " ", "0", "_") },
  ),
  maxLength: 12,
});
const typeName = fc.oneof(
  fc.constantFrom(
    "Root",
    "default",
    "class",
    "then",
    "then_",
    "constructor",
    "__proto__",
    "Object",
    "Time",
    "Drift",
    "ValidationError",
    "With",
    "Valid",
    "Uri",
  ),
  fc.stringMatching(/^[A-Z][A-Za-z0-9_]{0,8}$/),
);

interface TypeSpec {
  name: string;
  description: string;
  kind: "object" | "enum";
  members: { name: string; description: string; type: "string" | "int32" | "boolean" | "enum"; values: string[] }[];
  values: string[];
}

const typeSpec = fc.record({
  name: typeName,
  description: hostileText,
  kind: fc.constantFrom("object" as const, "enum" as const),
  members: fc.uniqueArray(
    fc.record({
      name: hostileText,
      description: hostileText,
      type: fc.constantFrom("string" as const, "int32" as const, "boolean" as const, "enum" as const),
      values: fc.uniqueArray(hostileText, { minLength: 1, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 4, selector: (m) => m.name },
  ),
  values: fc.uniqueArray(hostileText, { minLength: 1, maxLength: 6 }),
});

function docOf(types: TypeSpec[]): string {
  const definitions: Record<string, unknown> = {};
  for (const t of types) {
    let schema: Record<string, unknown>;
    if (t.kind === "enum") schema = { type: "string", enum: t.values };
    else {
      const properties: Record<string, unknown> = {};
      for (const m of t.members) {
        const s = m.type === "enum" ? { type: "string", enum: m.values } : { type: m.type };
        Object.defineProperty(properties, m.name, { value: { ...s, description: m.description }, enumerable: true });
      }
      schema = { type: "object", properties, required: t.members.slice(0, 1).map((m) => m.name) };
    }
    Object.defineProperty(definitions, t.name, { value: { description: t.description, ...schema }, enumerable: true });
  }
  return JSON.stringify({ $schema: S, $root: `#/definitions/${types[0]!.name}`, definitions }, null, 2);
}

const ALLOWED_TAGS = new Set([
  "remarks",
  "pattern",
  "format",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "default",
  "example",
  "see",
]);

describe("3. random descriptions, member names and enum values", () => {
  let baseExports: string[];
  beforeAll(async () => {
    const { corpus } = corpusFromTexts("probe", {
      "p.json": JSON.stringify({ $schema: S, name: "Probe", type: "string" }),
    });
    const mod = await importText(inMemorySource(resolve(corpus)));
    baseExports = Object.keys(mod)
      .filter((k) => !["validateProbe", "isProbe", "assertProbe"].includes(k))
      .sort();
  });

  it("regression: TypeScript parses and exports only the expected names; validators.js too; Markdown has no raw HTML", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(typeSpec, { minLength: 1, maxLength: 3, selector: (t) => t.name }),
        fc.context(),
        async (types, ctx) => {
          const text = docOf(types);
          ctx.log(text);
          const { corpus, diagnostics } = corpusFromTexts("hostile", { "doc.json": text });
          expect(diagnostics).toEqual([]);
          const model = resolve(corpus);
          expect(hasErrors(model.diagnostics), JSON.stringify(model.diagnostics)).toBe(false);
          const names = model.types.map((t) => t.name);
          expect(names).toHaveLength(types.length);
          const files: OutputFile[] = await renderModel(model);
          const file = (p: string) => files.find((f) => f.path === p)!.content;

          for (const f of ["types.ts", "types.strict.ts", "validators.d.ts"]) {
            expect(syntaxErrors(f, file(f)), f).toEqual([]);
            const shape = tsShape(f, file(f));
            expect(shape.unexpected, f).toEqual([]);
            for (const tag of shape.tags) expect(ALLOWED_TAGS.has(tag), `${f}: @${tag}`).toBe(true);
            if (f !== "validators.d.ts") expect([...shape.exports].sort(), f).toEqual([...names].sort());
          }
          expect(syntaxErrors("validators.js", file("validators.js"), ts.ScriptKind.JS)).toEqual([]);
          expect(syntaxErrors("runtime.js", file("runtime.js"), ts.ScriptKind.JS)).toEqual([]);

          const before = globalsSnapshot();
          // The module as generate writes it, with its runtime inlined (a data: URL has no "./runtime.js").
          const mod = await importText(inMemorySource(model));
          expect(globalsSnapshot()).toBe(before);
          expect(Object.keys(mod).sort()).toEqual(
            [...baseExports, ...names.flatMap((n) => [`validate${n}`, `is${n}`, `assert${n}`])].sort(),
          );
          for (const name of tsShape("validators.d.ts", file("validators.d.ts")).exports.filter((n) =>
            /^(validate|is|assert)/.test(n),
          )) {
            expect(Object.keys(mod), `validators.d.ts declares ${name}`).toContain(name);
          }

          // Values survive as distinct members: each is accepted, and nothing else is.
          types.forEach((t, i) => {
            const validate = mod.validators[model.types.find((m) => m.sourceName === t.name)?.name ?? names[i]!]!;
            if (t.kind === "enum") {
              for (const v of t.values) expect(validate(v).valid, JSON.stringify(v)).toBe(true);
              expect(validate(`${t.values[0]}\u0000x`).valid).toBe(false);
            } else {
              const first = t.members[0]!;
              const value =
                first.type === "string"
                  ? "s"
                  : first.type === "int32"
                    ? 1
                    : first.type === "boolean"
                      ? true
                      : first.values[0];
              const ok = validate(Object.defineProperty({}, first.name, { value, enumerable: true }));
              expect(ok.errors, JSON.stringify(first.name)).toEqual([]);
              expect(validate({}).errors).toContainEqual(
                expect.objectContaining({ code: "INSTANCE_REQUIRED_PROPERTY_MISSING", pointer: pointerTo(first.name) }),
              );
            }
          });

          for (const f of files.filter((f) => f.kind === "md")) {
            const outside = markdownOutsideCode(f.content);
            expect(outside, f.path).not.toMatch(/<script/i);
            expect(outside, f.path).not.toMatch(/<\/?[a-z][a-z0-9-]*[\s/>]/i);
            expect(outside, f.path).not.toMatch(/\]\(javascript:/i);
          }
          const json = JSON.parse(file("schema.json")) as { $defs: Record<string, { enum?: string[] }> };
          types.forEach((t) => {
            const id = model.types.find((m) => m.sourceName === t.name)!.name;
            if (t.kind === "enum") expect([...json.$defs[id]!.enum!].sort()).toEqual([...t.values].sort());
          });
        },
      ),
      { numRuns: 40, endOnFailure: true },
    );
  }, 180_000);
});
