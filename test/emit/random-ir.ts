// Random IR models for layout tests: every node kind the TypeScript emitter writes, with long and
// odd names, long enum lists, quotes and non-ASCII text, so lines land on both sides of 120 columns.
import fc from "fast-check";
import type { Attributes, EnumValue, Model, NamedType, PrimitiveName, TypeNode } from "../../generator/ir/model.js";

const a = (doc?: string): Attributes => ({ facts: [], ...(doc !== undefined ? { doc } : {}) });

const words = ["Alpha", "Beta", "Configuration", "Authentication", "Provider", "Setting", "Type", "X"];
const longName = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 9 }).map((w) => w.join(""));
const text = fc.oneof(
  longName,
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'say "hi"',
    "it's",
    `"'"`,
    "ünïcode",
    "日本語テキスト",
    "emoji 😀 ok",
    "a\\b",
    "*/ x",
    "</script>",
    "\u2028",
    "@tag",
  ),
);
const value: fc.Arbitrary<EnumValue> = fc.oneof(
  { weight: 6, arbitrary: text },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(1e21, -1e-7, 0.5),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom<EnumValue>(true, false, null) },
);
const doc = fc.option(
  fc.oneof(text, fc.constantFrom("Line one.\nLine two, longer.", "A description ending with spaces   ")),
  { nil: undefined },
);
const primitive = fc.constantFrom<PrimitiveName>(
  "string",
  "int32",
  "int64",
  "boolean",
  "null",
  "double",
  "datetime",
  "uuid",
  "decimal",
);

function nodeArb(refs: string[]): fc.Arbitrary<TypeNode> {
  const ref = fc.constantFrom(...refs).map((name): TypeNode => ({ kind: "ref", name, attrs: a() }));
  const leaf: fc.Arbitrary<TypeNode> = fc.oneof(
    ref,
    fc.tuple(primitive, fc.boolean()).map(([p, epoch]): TypeNode => ({
      kind: "primitive",
      primitive: p,
      constraints: {},
      attrs: a(),
      ...(p === "datetime" && epoch ? { encoding: "epoch-seconds" as const } : {}),
    })),
    fc.uniqueArray(text, { minLength: 1, maxLength: 14 }).map((vs): TypeNode => ({
      kind: "primitive",
      primitive: "string",
      constraints: {},
      attrs: a(),
      knownValues: vs.map((v) => ({ value: v, attrs: a() })),
    })),
    fc
      .tuple(fc.uniqueArray(value, { maxLength: 16, selector: (v) => JSON.stringify(v) }), fc.boolean())
      .map(([vs, open]): TypeNode => ({
        kind: "enum",
        base: "string",
        members: vs.map((v) => ({ value: v, attrs: a() })),
        attrs: a(),
        ...(open ? { open } : {}),
      })),
    value.map((v): TypeNode => ({ kind: "const", value: v, attrs: a() })),
    fc.constant<TypeNode>({ kind: "any", attrs: a() }),
  );
  const { node } = fc.letrec<{ node: TypeNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      leaf,
      fc.array(tie("node"), { maxLength: 5 }).map((options): TypeNode => ({ kind: "union", options, attrs: a() })),
      fc
        .tuple(tie("node"), fc.boolean())
        .map(([items, isSet]): TypeNode => ({ kind: isSet ? "set" : "array", items, constraints: {}, attrs: a() })),
      tie("node").map((values): TypeNode => ({ kind: "map", values, attrs: a() })),
      fc
        .tuple(
          fc.uniqueArray(fc.tuple(fc.oneof(longName, text), tie("node"), fc.boolean(), doc), {
            maxLength: 4,
            selector: ([n]) => n,
          }),
          fc.boolean(),
        )
        .map(([ms, extra]): TypeNode => ({
          kind: "object",
          members: ms.map(([name, type, required, d]) => ({ name, type, required, attrs: a(d) })),
          additional: extra ? { kind: "any", attrs: a() } : false,
          attrs: a(),
        })),
      fc
        .uniqueArray(fc.tuple(fc.oneof(longName, text), tie("node")), { maxLength: 4, selector: ([n]) => n })
        .map((es): TypeNode => ({
          kind: "tuple",
          elements: es.map(([name, type]) => ({ name, type, required: true, attrs: a() })),
          attrs: a(),
        })),
      fc
        .tuple(
          fc.uniqueArray(fc.tuple(fc.oneof(longName, text), tie("node")), { maxLength: 4, selector: ([n]) => n }),
          fc.option(text, { nil: undefined }),
        )
        .map(([os, selector]): TypeNode => ({
          kind: "choice",
          options: os.map(([name, type]) => ({ name, type })),
          attrs: a(),
          ...(selector !== undefined ? { selector } : {}),
        })),
      fc
        .tuple(
          fc.option(tie("node"), { nil: undefined }),
          fc.array(tie("node"), { maxLength: 2 }),
          fc.array(tie("node"), { maxLength: 3 }),
        )
        .map(([base, allOf, anyOf]): TypeNode => ({
          kind: "composition",
          ...(base ? { base } : {}),
          allOf,
          anyOf,
          oneOf: [],
          attrs: a(),
        })),
    ),
  }));
  return node;
}

/** A model of 1–4 types (every view, as if an AWS SDK source took part) that refer to each other. */
export const randomModel: fc.Arbitrary<Model> = fc
  .uniqueArray(longName, { minLength: 1, maxLength: 4 })
  .chain((names) =>
    fc.tuple(
      fc.constant(names),
      fc.array(fc.tuple(nodeArb(names), doc, fc.boolean()), { minLength: names.length, maxLength: names.length }),
    ),
  )
  .map(([names, nodes]): Model => {
    const types: NamedType[] = names.map((name, i) => {
      const [node, d, error] = nodes[i]!;
      return { name, sourceName: name, role: error ? "error" : "shape", root: i === 0, node, attrs: a(d) };
    });
    types.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    return {
      name: "random",
      types,
      diagnostics: [],
      reconciliation: { sources: [{ id: "sdk", kind: "aws-sdk", description: "" }], decisions: [] },
    };
  });
