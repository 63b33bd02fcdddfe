// compareModels on hand-made IR: what no fixture dialect writes directly (tuples, compositions,
// big-integer bounds, recursion through renamed references) and how directions combine.
import { describe, expect, it } from "vitest";
import type { Model, NamedType, Operation, TypeNode } from "../../generator/ir/model.js";
import { CHANGE_KINDS, type Change } from "../../generator/diff/change.js";
import { compareModels } from "../../generator/diff/compare.js";
import { RULES, ruleFor } from "../../generator/diff/rules.js";
import { arr, enm, map, member, model, named, obj, prim, ref, set } from "../helpers/ir.js";

type Want = Partial<Change> & Pick<Change, "subject" | "kind">;
type Row = [title: string, { old: NamedType[]; new: NamedType[]; want: Want[] }];

const one = (node: TypeNode, extra: Partial<NamedType> = {}) => [named("T", node, extra)];
const tuple = (...names: string[]): TypeNode => ({
  kind: "tuple",
  elements: names.map((n) => member(n, prim("string"), true)),
  attrs: { facts: [] },
});
const composition = (allOf: TypeNode[]): TypeNode => ({
  kind: "composition",
  allOf,
  anyOf: [],
  oneOf: [],
  attrs: { facts: [] },
});
const choice = (selector?: string): TypeNode => ({
  kind: "choice",
  options: [{ name: "a", type: prim("string") }],
  ...(selector ? { selector } : {}),
  attrs: { facts: [] },
});
const known = (values: string[]): TypeNode =>
  ({ ...prim("string"), knownValues: values.map((value) => ({ value, attrs: { facts: [] } })) }) as TypeNode;

const ROWS: Row[] = [
  [
    "int64 bounds written as strings compare exactly",
    {
      old: one(prim("int64", { maximum: "9007199254740993" })),
      new: one(prim("int64", { maximum: "9007199254740992" })),
      want: [
        {
          subject: "T",
          kind: "constraint-tightened",
          detail: "maximum",
          old: "9007199254740993",
          new: "9007199254740992",
        },
      ],
    },
  ],
  [
    "a multiple of the old step tightens",
    {
      old: one(prim("int32", { multipleOf: 2 })),
      new: one(prim("int32", { multipleOf: 6 })),
      want: [{ subject: "T", kind: "constraint-tightened", detail: "multipleOf" }],
    },
  ],
  [
    "a divisor of the old step loosens",
    {
      old: one(prim("int32", { multipleOf: 6 })),
      new: one(prim("int32", { multipleOf: 3 })),
      want: [{ subject: "T", kind: "constraint-loosened", detail: "multipleOf" }],
    },
  ],
  [
    "an unrelated step changes",
    {
      old: one(prim("int32", { multipleOf: 2 })),
      new: one(prim("int32", { multipleOf: 3 })),
      want: [{ subject: "T", kind: "constraint-changed", detail: "multipleOf" }],
    },
  ],
  [
    "a lower bound that appears tightens",
    {
      old: one(prim("string")),
      new: one(prim("string", { minLength: 2 })),
      want: [{ subject: "T", kind: "constraint-tightened", detail: "minLength", new: 2 }],
    },
  ],
  [
    "a pattern that goes away loosens",
    {
      old: one(prim("string", { pattern: { source: "[a-z]+", unicode: false } })),
      new: one(prim("string")),
      want: [{ subject: "T", kind: "constraint-loosened", detail: "pattern", old: "[a-z]+" }],
    },
  ],
  [
    "a set became an array",
    {
      old: one(set(prim("string"))),
      new: one(arr(prim("string"))),
      want: [{ subject: "T", kind: "constraint-loosened", detail: "uniqueItems", severity: "warning" }],
    },
  ],
  [
    "an enum became its base primitive: widened",
    {
      old: one(enm(["a", "b"])),
      new: one(prim("string")),
      want: [{ subject: "T", kind: "type-changed", severity: "warning", read: "warning", write: "safe" }],
    },
  ],
  [
    "a string became an enum: narrowed",
    {
      old: one(prim("string")),
      new: one(enm(["a"])),
      want: [{ subject: "T", kind: "type-changed", severity: "breaking", read: "safe", write: "breaking" }],
    },
  ],
  [
    "a string became a uuid: narrowed",
    {
      old: one(prim("string")),
      new: one(prim("uuid")),
      want: [{ subject: "T", kind: "type-changed", old: "string", new: "uuid", write: "breaking", read: "safe" }],
    },
  ],
  [
    "int64 became decimal: widened",
    {
      old: one(prim("int64")),
      new: one(prim("decimal")),
      want: [{ subject: "T", kind: "type-changed", read: "warning", write: "safe" }],
    },
  ],
  [
    "int32 became int64: another wire form",
    {
      old: one(prim("int32")),
      new: one(prim("int64")),
      want: [{ subject: "T", kind: "type-changed", read: "breaking", write: "breaking" }],
    },
  ],
  [
    "known values appear on a string",
    {
      old: one(prim("string")),
      new: one(known(["A_B", "C_D"])),
      want: [
        { subject: "T", kind: "known-value-added", new: "A_B" },
        { subject: "T", kind: "known-value-added", new: "C_D" },
      ],
    },
  ],
  [
    'enum values keep their JSON type: 1 and "1" differ',
    {
      old: one(enm(["1"])),
      new: one(enm([1], "int32")),
      want: [{ subject: "T", kind: "type-changed", old: "enum of 1 string value", new: "enum of 1 int32 value" }],
    },
  ],
  [
    "tuple elements renamed",
    {
      old: one(tuple("x", "y")),
      new: one(tuple("x", "z")),
      want: [{ subject: "T", kind: "type-changed", detail: "elements", old: "x,y", new: "x,z" }],
    },
  ],
  [
    "tuple element retyped",
    {
      old: one(tuple("x")),
      new: one({ kind: "tuple", elements: [member("x", prim("int32"), true)], attrs: { facts: [] } }),
      want: [{ subject: "T.x", kind: "type-changed", old: "string", new: "int32" }],
    },
  ],
  [
    "composition changed",
    {
      old: one(composition([ref("A")])),
      new: one(composition([ref("B")])),
      want: [{ subject: "T", kind: "type-changed", detail: "composition" }],
    },
  ],
  [
    "choice selector changed",
    {
      old: one(choice()),
      new: one(choice("kind")),
      want: [{ subject: "T", kind: "type-changed", detail: "selector", new: "kind" }],
    },
  ],
  [
    "map keys constrained",
    {
      old: one(map(prim("string"))),
      new: one({ ...map(prim("string")), keys: prim("string", { maxLength: 8 }) } as TypeNode),
      want: [{ subject: "T", kind: "constraint-tightened", detail: "keys", new: "string" }],
    },
  ],
  [
    "additional members typed instead of closed: loosened",
    {
      old: one(obj([], false)),
      new: one(obj([], prim("string"))),
      want: [{ subject: "T", kind: "constraint-loosened", detail: "additionalProperties", old: false, new: "string" }],
    },
  ],
  [
    "typed additional members retyped",
    {
      old: one(obj([], prim("string"))),
      new: one(obj([], prim("int32"))),
      want: [{ subject: "T{}", kind: "type-changed" }],
    },
  ],
  [
    "alternative required sets changed",
    {
      old: one({
        ...obj([member("a", prim("string")), member("b", prim("string"))]),
        requiredSets: [["a"], ["b"]],
      } as TypeNode),
      new: one({
        ...obj([member("a", prim("string")), member("b", prim("string"))]),
        requiredSets: [["a"]],
      } as TypeNode),
      want: [{ subject: "T", kind: "constraint-changed", detail: "requiredSets" }],
    },
  ],
  [
    "const value changed",
    {
      old: one({ kind: "const", value: "v1", attrs: { facts: [] } }),
      new: one({ kind: "const", value: "v2", attrs: { facts: [] } }),
      want: [{ subject: "T", kind: "type-changed", old: 'const "v1"', new: 'const "v2"' }],
    },
  ],
  [
    "type became an error shape",
    {
      old: one(obj([])),
      new: one(obj([]), { role: "error" }),
      want: [{ subject: "T", kind: "type-changed", detail: "role", old: "shape", new: "error", severity: "safe" }],
    },
  ],
  [
    "type became abstract",
    {
      old: one(obj([])),
      new: one(obj([]), { abstract: true }),
      want: [{ subject: "T", kind: "type-changed", detail: "abstract", write: "breaking", read: "safe" }],
    },
  ],
  [
    "inline type replaced by a reference to the same shape",
    {
      old: [
        named("T", obj([member("m", prim("string", { maxLength: 5 }))])),
        named("S", prim("string", { maxLength: 5 })),
      ],
      new: [named("T", obj([member("m", ref("S"))])), named("S", prim("string", { maxLength: 5 }))],
      want: [{ subject: "T.m", kind: "type-changed", old: "string", new: "S", severity: "safe" }],
    },
  ],
  [
    "recursive types behind a renamed reference: compared once, no endless walk",
    {
      old: [
        named("T", obj([member("next", ref("A"))])),
        named("A", obj([member("next", ref("A")), member("v", prim("string"))])),
      ],
      new: [
        named("T", obj([member("next", ref("B"))])),
        named("A", obj([member("next", ref("A")), member("v", prim("string"))])),
        named("B", obj([member("next", ref("B")), member("v", prim("int32"))])),
      ],
      want: [
        { subject: "B", kind: "type-added" },
        { subject: "T.next", kind: "type-changed", old: "A", new: "B" },
        { subject: "T.next.next", kind: "type-changed", old: "A", new: "B" },
        { subject: "T.next.v", kind: "type-changed", old: "string", new: "int32" },
      ],
    },
  ],
];

describe("compareModels on hand-made models", () => {
  it.each(ROWS)("%s", (_title, { old, new: next, want }) => {
    const changes = compareModels(model("m", old), model("m", next));
    const fields = (w: Want) => Object.keys(w) as (keyof Change)[];
    expect(changes.map((c, i) => Object.fromEntries(fields(want[i] ?? c).map((f) => [f, c[f]])))).toEqual(want);
  });

  it("reports nothing for a model compared with a deep copy of itself", () => {
    const types = ROWS.flatMap(([, r]) => r.new).map((t, i) => ({
      ...t,
      name: `${t.name}${i}`,
      sourceName: `${t.sourceName}${i}`,
    }));
    expect(compareModels(model("m", types), structuredClone(model("m", types)))).toEqual([]);
  });
});

describe("directions from operations", () => {
  const ops = (...o: Operation[]) => ({ sources: [], decisions: [], operations: o });
  const types = (status: string[]) => [
    named("In", obj([member("s", ref("Status"))])),
    named("Out", obj([member("s", ref("Status"))])),
    named("Status", enm(status)),
  ];
  const withOps = (status: string[], ...o: Operation[]): Model => ({
    ...model("m", types(status)),
    reconciliation: ops(...o),
  });
  const put = { name: "Put", input: "In", errors: [] };
  const get = { name: "Get", output: "Out", errors: [] };

  it("a type reached from an input and an output is both: the worse side counts", () => {
    const [c] = compareModels(withOps(["a"], put, get), withOps(["a", "b"], put, get));
    expect(c).toMatchObject({
      subject: "Status",
      kind: "enum-value-added",
      direction: "both",
      read: "breaking",
      severity: "breaking",
    });
  });

  it("a type only written: the read side does not count", () => {
    const [c] = compareModels(withOps(["a"], put), withOps(["a", "b"], put));
    expect(c).toMatchObject({ direction: "write", severity: "safe" });
  });

  it("the direction is the union over both versions' operations", () => {
    const changes = compareModels(withOps(["a"], put), withOps(["a", "b"], put, get));
    expect(changes.find((c) => c.subject === "Status")).toMatchObject({ direction: "both", severity: "breaking" });
    expect(changes.find((c) => c.subject === "Get()")).toMatchObject({ kind: "operation-added", severity: "safe" });
  });

  it("without operations the direction is unknown and both sides count", () => {
    const [c] = compareModels(model("m", types(["a", "b"])), model("m", types(["a"])));
    expect(c).toMatchObject({
      kind: "enum-value-removed",
      direction: "unknown",
      read: "warning",
      write: "breaking",
      severity: "breaking",
    });
  });
});

describe("the impact table", () => {
  it("judges every kind, refined by variant where the context decides", () => {
    const rows = Object.keys(RULES);
    for (const k of CHANGE_KINDS)
      expect(
        rows.some((r) => r === k || r.startsWith(`${k}:`)),
        k,
      ).toBe(true);
    for (const r of rows) expect(CHANGE_KINDS).toContain(r.split(":")[0]);
  });

  it("the issue's rules", () => {
    expect(ruleFor({ kind: "member-removed" })).toMatchObject({ read: "breaking", write: "breaking" });
    expect(ruleFor({ kind: "member-added", variant: "optional" })).toMatchObject({ read: "safe", write: "safe" });
    expect(ruleFor({ kind: "member-required" })).toMatchObject({ read: "safe", write: "breaking" });
    expect(ruleFor({ kind: "enum-value-added", variant: "closed" })).toMatchObject({ read: "breaking", write: "safe" });
    expect(ruleFor({ kind: "enum-value-added", variant: "open" })).toMatchObject({ read: "warning", write: "safe" });
    expect(ruleFor({ kind: "constraint-loosened" })).toMatchObject({ read: "warning", write: "safe" });
    expect(ruleFor({ kind: "constraint-tightened" })).toMatchObject({ read: "safe", write: "breaking" });
  });

  it("a kind that needs a variant refuses to be judged without one", () => {
    expect(() => ruleFor({ kind: "member-added" })).toThrow(/no impact rule/);
  });
});
