// Random IR models covering every node kind the validators emitter handles: primitives with their
// constraints (lengths, patterns, formats, bounds, big integers, decimals, known values), enums
// (open and closed), const, any, objects (required sets, dependentRequired, patternProperties,
// propertyNames, typed additional members, member counts), maps with key schemas, arrays and sets
// (contains), tuples, tagged and inline choices, unions and compositions (allOf, anyOf, oneOf, not,
// if/then/else). References point anywhere from positions that descend into the value, and only to
// later types from positions that do not (unions, compositions, inline choices), so no type is
// defined as itself.
import fc from "fast-check";
import type { Constraints, Member, Model, NamedType, PrimitiveName, TypeNode } from "../../generator/ir/model.js";

const attrs = () => ({ facts: [] });

const PATTERNS = [
  "[a-z]+",
  "[\\p{L}\\p{N}_]{1,8}",
  "\\d{3}-\\d{4}",
  "(?:red|green|blue)",
  "[^\\s]{1,8}",
  "a.*",
  "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t ]+",
];
const NAMES = ["a", "b", "name", "Value", "kind", "a b", "x:y", "__proto__", "constructor", "$schema", "toString", ""];
const FORMAT_NAMES = ["date-time", "email", "ipv4", "hostname", "uri-reference", "uuid"];

const pattern = fc.constantFrom(...PATTERNS).map((source) => ({ source, unicode: true }));

const stringPrim: fc.Arbitrary<TypeNode> = fc
  .record(
    {
      primitive: fc.constantFrom<PrimitiveName>(
        "string",
        "string",
        "date",
        "datetime",
        "uuid",
        "uri",
        "binary",
        "jsonpointer",
        "time",
        "duration",
      ),
      min: fc.option(fc.nat(3), { nil: undefined }),
      extra: fc.option(fc.nat(6), { nil: undefined }),
      pattern: fc.option(pattern, { nil: undefined, freq: 3 }),
      format: fc.option(fc.constantFrom(...FORMAT_NAMES), { nil: undefined, freq: 5 }),
      known: fc.option(
        fc.uniqueArray(fc.constantFrom("SMS_MFA", "EMAIL_OTP", "a", "red", "2024-05-01"), {
          minLength: 1,
          maxLength: 3,
        }),
        { nil: undefined, freq: 4 },
      ),
    },
    { requiredKeys: ["primitive"] },
  )
  .map(({ primitive, min, extra, pattern: p, format, known }) => {
    const c: Constraints = {};
    if (min !== undefined) c.minLength = min;
    if (extra !== undefined) c.maxLength = (min ?? 0) + extra;
    if (p && primitive === "string") c.pattern = p;
    if (format && primitive === "string") c.format = format;
    return {
      kind: "primitive",
      primitive,
      constraints: c,
      attrs: attrs(),
      ...(known && primitive === "string" ? { knownValues: known.map((value) => ({ value, attrs: attrs() })) } : {}),
    } as TypeNode;
  });

const numberPrim: fc.Arbitrary<TypeNode> = fc
  .record({
    primitive: fc.constantFrom<PrimitiveName>("int8", "int32", "uint8", "integer", "number", "double", "float"),
    lo: fc.option(fc.integer({ min: -300, max: 300 }), { nil: undefined }),
    span: fc.option(fc.nat(500), { nil: undefined }),
    exclusive: fc.boolean(),
    multipleOf: fc.option(fc.constantFrom(1, 2, 0.5, 3), { nil: undefined, freq: 4 }),
  })
  .map(({ primitive, lo, span, exclusive, multipleOf }) => {
    const c: Constraints = {};
    if (lo !== undefined) c[exclusive ? "exclusiveMinimum" : "minimum"] = lo;
    if (lo !== undefined && span !== undefined) c[exclusive ? "exclusiveMaximum" : "maximum"] = lo + span + 1;
    if (multipleOf !== undefined) c.multipleOf = multipleOf;
    return { kind: "primitive", primitive, constraints: c, attrs: attrs() } as TypeNode;
  });

const bigPrim: fc.Arbitrary<TypeNode> = fc
  .record({
    primitive: fc.constantFrom<PrimitiveName>("int64", "uint64", "int128", "decimal"),
    bounds: fc.constantFrom<Constraints>(
      {},
      { minimum: "10" },
      { maximum: "9223372036854775806", exclusiveMinimum: "-5" },
      { minimum: "-1000.5" },
    ),
    decimal: fc.constantFrom<Constraints>({}, { precision: 6, scale: 2 }),
  })
  .map(
    ({ primitive, bounds, decimal }) =>
      ({
        kind: "primitive",
        primitive,
        constraints: { ...bounds, ...(primitive === "decimal" ? decimal : {}) },
        attrs: attrs(),
      }) as TypeNode,
  );

const leaf: fc.Arbitrary<TypeNode> = fc.oneof(
  { weight: 4, arbitrary: stringPrim },
  { weight: 3, arbitrary: numberPrim },
  { weight: 1, arbitrary: bigPrim },
  {
    weight: 1,
    arbitrary: fc.constantFrom<TypeNode>(
      { kind: "primitive", primitive: "boolean", constraints: {}, attrs: attrs() },
      { kind: "primitive", primitive: "null", constraints: {}, attrs: attrs() },
      { kind: "primitive", primitive: "datetime", constraints: {}, attrs: attrs(), encoding: "epoch-seconds" },
      { kind: "any", attrs: attrs() },
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.uniqueArray(fc.oneof(fc.constantFrom("A", "B", "CONFIRMED", "a b", ""), fc.constantFrom(1, 2, true, null)), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.boolean(),
      )
      .map(([values, open]) => {
        const strings = values.filter((v) => typeof v === "string");
        const members = (open && strings.length > 0 ? strings : values).map((value) => ({ value, attrs: attrs() }));
        return {
          kind: "enum",
          base: "string",
          members,
          attrs: attrs(),
          ...(open && strings.length > 0 ? { open: true } : {}),
        } as TypeNode;
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("x", 3, true, null)
      .map((value) => ({ kind: "const", value, attrs: attrs() }) as TypeNode),
  },
);

interface Ctx {
  /** How many types the model has; `self` is the index of the type being built. */
  count: number;
  self: number;
}

function node(ctx: Ctx, depth: number, descends: boolean): fc.Arbitrary<TypeNode> {
  const later = Array.from({ length: ctx.count }, (_, i) => i).filter((i) => descends || i > ctx.self);
  const ref =
    later.length > 0
      ? fc.constantFrom(...later).map((i) => ({ kind: "ref", name: `T${i}`, attrs: attrs() }) as TypeNode)
      : leaf;
  if (depth <= 0) return fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 1, arbitrary: ref });
  const sub = (d: boolean) => node(ctx, depth - 1, d);
  return fc.oneof(
    { weight: 5, arbitrary: leaf },
    { weight: 2, arbitrary: ref },
    { weight: 3, arbitrary: object(ctx, depth) },
    {
      weight: 1,
      arbitrary: fc
        .record({
          values: sub(true),
          keys: fc.option(stringPrim, { nil: undefined }),
          min: fc.option(fc.nat(2), { nil: undefined }),
        })
        .map(
          ({ values, keys, min }) =>
            ({
              kind: "map",
              values,
              attrs: attrs(),
              ...(keys ? { keys } : {}),
              ...(min !== undefined ? { constraints: { minProperties: min, maxProperties: min + 2 } } : {}),
            }) as TypeNode,
        ),
    },
    { weight: 2, arbitrary: array(sub) },
    {
      weight: 1,
      arbitrary: fc.array(fc.tuple(fc.constantFrom("x", "y", "z"), sub(true)), { minLength: 1, maxLength: 3 }).map(
        (es) =>
          ({
            kind: "tuple",
            elements: es.map(([name, type], i) => ({ name: `${name}${i}`, type, required: true, attrs: attrs() })),
            attrs: attrs(),
          }) as TypeNode,
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .uniqueArray(fc.tuple(fc.constantFrom("cat", "dog", "__proto__", "a b"), sub(true)), {
          minLength: 1,
          maxLength: 3,
          selector: ([n]) => n,
        })
        .map(
          (os) => ({ kind: "choice", options: os.map(([name, type]) => ({ name, type })), attrs: attrs() }) as TypeNode,
        ),
    },
    { weight: 1, arbitrary: inlineChoice(ctx, depth) },
    {
      weight: 2,
      arbitrary: fc
        .array(sub(false), { minLength: 1, maxLength: 3 })
        .map((options) => ({ kind: "union", options, attrs: attrs() }) as TypeNode),
    },
    { weight: 2, arbitrary: composition(sub) },
  );
}

function member(ctx: Ctx, depth: number): fc.Arbitrary<Member> {
  return fc
    .record({ name: fc.constantFrom(...NAMES), type: node(ctx, depth - 1, true), required: fc.boolean() })
    .map((m) => ({ ...m, attrs: attrs() }));
}

function object(ctx: Ctx, depth: number): fc.Arbitrary<TypeNode> {
  return fc
    .record({
      members: fc.uniqueArray(member(ctx, depth), { maxLength: 4, selector: (m) => m.name }),
      additional: fc.oneof({ weight: 3, arbitrary: fc.boolean() }, { weight: 1, arbitrary: leaf }),
      sets: fc.option(fc.constant(true), { nil: undefined, freq: 6 }),
      dependent: fc.option(fc.constant(true), { nil: undefined, freq: 6 }),
      patterns: fc.option(
        fc.uniqueArray(fc.tuple(fc.constantFrom("^x", "[0-9]", "^_"), leaf), {
          minLength: 1,
          maxLength: 2,
          selector: ([p]) => p,
        }),
        { nil: undefined, freq: 5 },
      ),
      names: fc.option(stringPrim, { nil: undefined, freq: 6 }),
      count: fc.option(fc.nat(3), { nil: undefined, freq: 6 }),
    })
    .map(({ members, additional, sets, dependent, patterns, names, count }) => {
      const names2 = members.map((m) => m.name);
      const o: TypeNode = { kind: "object", members, additional, attrs: attrs() };
      if (sets && names2.length >= 2) {
        o.requiredSets = [[names2[0]!], [names2[1]!]];
        for (const m of members) m.required = false;
      }
      if (dependent && names2.length >= 2) o.dependentRequired = { [names2[0]!]: [names2[1]!, "zz"] };
      if (patterns)
        o.patternProperties = patterns.map(([source, type]) => ({ pattern: { source, unicode: true }, type }));
      if (names) o.propertyNames = names;
      if (count !== undefined) o.constraints = { minProperties: count, maxProperties: count + 2 };
      return o;
    });
}

function array(sub: (descends: boolean) => fc.Arbitrary<TypeNode>): fc.Arbitrary<TypeNode> {
  return fc
    .record({
      kind: fc.constantFrom<"array" | "set">("array", "set"),
      items: sub(true),
      min: fc.option(fc.nat(2), { nil: undefined }),
      extra: fc.option(fc.nat(3), { nil: undefined }),
      contains: fc.option(
        fc.tuple(leaf, fc.option(fc.nat(2), { nil: undefined }), fc.option(fc.nat(2), { nil: undefined })),
        { nil: undefined, freq: 4 },
      ),
    })
    .map(({ kind, items, min, extra, contains }) => {
      const constraints: Constraints = {};
      if (min !== undefined) constraints.minItems = min;
      if (extra !== undefined) constraints.maxItems = (min ?? 0) + extra;
      const out: TypeNode = { kind, items, constraints, attrs: attrs() };
      if (contains) {
        const [c, minC, maxC] = contains;
        out.contains = c;
        if (minC !== undefined) constraints.minContains = Math.max(1, minC);
        if (maxC !== undefined) constraints.maxContains = Math.max(constraints.minContains ?? 1, maxC);
      }
      return out;
    });
}

function inlineChoice(ctx: Ctx, depth: number): fc.Arbitrary<TypeNode> {
  // Options may declare the selector themselves, or leave it to the choice (as JSON Structure's
  // inline unions do, the selector coming from the choice's own base).
  const option = fc
    .tuple(
      fc.uniqueArray(member(ctx, depth), { maxLength: 2, selector: (m) => m.name }),
      fc.boolean(),
      fc.constantFrom<boolean | TypeNode>(true, true, false),
    )
    .map(([members, declares, additional]): TypeNode => ({
      kind: "object",
      members: [
        ...(declares
          ? [
              {
                name: "kind",
                type: { kind: "primitive", primitive: "string", constraints: {}, attrs: attrs() },
                required: true,
                attrs: attrs(),
              } as Member,
            ]
          : []),
        ...members.filter((m) => m.name !== "kind"),
      ],
      additional,
      attrs: attrs(),
    }));
  return fc
    .uniqueArray(fc.tuple(fc.constantFrom("circle", "square", "line"), option), {
      minLength: 1,
      maxLength: 3,
      selector: ([n]) => n,
    })
    .map(
      (os) =>
        ({
          kind: "choice",
          selector: "kind",
          options: os.map(([name, type]) => ({ name, type })),
          attrs: attrs(),
        }) as TypeNode,
    );
}

function composition(sub: (descends: boolean) => fc.Arbitrary<TypeNode>): fc.Arbitrary<TypeNode> {
  const some = fc.array(sub(false), { maxLength: 2 });
  return (
    fc
      .record({
        base: fc.option(sub(false), { nil: undefined }),
        allOf: some,
        anyOf: some,
        oneOf: some,
        not: fc.option(sub(false), { nil: undefined, freq: 3 }),
        cond: fc.option(
          fc.tuple(sub(false), fc.option(sub(false), { nil: undefined }), fc.option(sub(false), { nil: undefined })),
          { nil: undefined, freq: 3 },
        ),
      })
      // The JSON Schema emitter spreads a base's keywords into the composition's schema, so a base
      // that is itself conditional loses its not/if to the composition's own: no such pairs here.
      .map(({ base, allOf, anyOf, oneOf, not: n, cond: cd }) => {
        const clash = base?.kind === "composition" && (base.not || base.if || base.then || base.else);
        return { base, allOf, anyOf, oneOf, not: clash ? undefined : n, cond: clash ? undefined : cd };
      })
      .map(
        ({ base, allOf, anyOf, oneOf, not, cond }) =>
          ({
            kind: "composition",
            ...(base ? { base } : {}),
            allOf,
            anyOf,
            oneOf,
            ...(not ? { not } : {}),
            ...(cond
              ? { if: cond[0], ...(cond[1] ? { then: cond[1] } : {}), ...(cond[2] ? { else: cond[2] } : {}) }
              : {}),
            attrs: attrs(),
          }) as TypeNode,
      )
  );
}

/** A model of 1–4 types, T0 … Tn. */
export const randomModel: fc.Arbitrary<Model> = fc.integer({ min: 1, max: 4 }).chain((count) =>
  fc.tuple(...Array.from({ length: count }, (_, self) => node({ count, self }, 3, false))).map((nodes): Model => ({
    name: "random",
    types: nodes.map((n, i): NamedType => ({
      name: `T${i}`,
      sourceName: `T${i}`,
      role: "shape",
      root: i === 0,
      node: n,
      attrs: attrs(),
    })),
    diagnostics: [],
  })),
);
