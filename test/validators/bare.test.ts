// The validators are a function of a type's structure alone (emit/validators/bare.ts): descriptions,
// source locations, facts and examples change none of their code, and a type whose description was
// edited keeps its code through the fragment memo (a watch rebuild after a description edit wrote
// the validator of the edited type again, about a millisecond of its time).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fragmentStore } from "../../generator/cache/fragments.js";
import { emitValidators } from "../../generator/emit/validators/index.js";
import { bareType } from "../../generator/emit/validators/bare.js";
import type { Attributes, Model, NamedType, TypeNode } from "../../generator/ir/model.js";
import { member, model, named, obj, prim, union } from "../helpers/ir.js";
import { randomModel } from "../helpers/random-ir.js";

/** Every `attrs` below `value` replaced by `attrs(path)`: the IR holds no data object of its own there. */
function withAttrs<T>(value: T, attrs: (path: string) => Attributes, at = ""): T {
  if (Array.isArray(value)) return value.map((v, i) => withAttrs(v, attrs, `${at}/${i}`)) as T;
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = k === "attrs" ? attrs(`${at}/${k}`) : withAttrs(v, attrs, at + "/" + k);
  return out as T;
}

const emptied = <T>(v: T): T => withAttrs(v, () => ({ facts: [] }));
const noted = (m: Model): Model =>
  withAttrs(m, (p) => ({
    doc: `about ${p}`,
    deprecated: "",
    sensitive: true,
    examples: [p],
    at: { file: `${p}.json`, pointer: p, line: p.length, column: 3 },
    facts: [{ about: "doc", source: "s", claim: p }],
  }));

const texts = (m: Model, options = {}) => emitValidators(m, options).map((f) => [f.path, f.content]);

describe("validators read no attributes", () => {
  it("bareType keeps every field but the attributes, at every depth (random IR)", () => {
    fc.assert(
      fc.property(randomModel, (m) => {
        for (const t of noted(m).types) expect(bareType(t)).toEqual({ ...emptied(t) });
      }),
      { numRuns: 40 },
    );
  });

  it("the same code whatever the attributes say (random IR)", () => {
    fc.assert(
      fc.property(randomModel, (m) => {
        expect(texts(noted(m))).toEqual(texts(emptied(m)));
      }),
      { numRuns: 60 },
    );
  });

  it("regression: two inline nodes that differ only in their descriptions get one function, as equal ones do", () => {
    const described = (doc: string): TypeNode => ({
      ...obj([member("a", prim("string"), true)]),
      attrs: { doc, facts: [] },
    });
    const either = (a: TypeNode, b: TypeNode) => model("m", [named("Either", union(a, b))]);
    const code = (m: Model) => texts(m).find(([p]) => p === "validators.js")![1]!;
    expect(code(either(described("one"), described("two")))).toBe(code(either(described("x"), described("x"))));
  });

  it("regression: a description edit keeps the type's validator code in the memo (none computed again)", () => {
    const store = fragmentStore({ fingerprint: "f" });
    const first = model("m", [named("A", obj([member("a", prim("string"), true)]), { doc: "before" })]);
    const before = texts(first, { memo: store });
    store.endRun();
    const edited: Model = {
      ...first,
      types: first.types.map((t): NamedType => ({ ...t, attrs: { ...t.attrs, doc: "after" } })),
    };
    expect(texts(edited, { memo: store })).toEqual(before);
    expect(store.stats().misses).toBe(0);
    expect(store.stats().hits).toBeGreaterThan(0);
  });
});
