// Regression: the validators' code depended on whether two places of the IR were one object. Two
// identical inline nodes got one function when they were the same object and two when they were
// copies, so the fragment cache (keyed on the IR's value) could hand back code of the other shape.
import { describe, expect, it } from "vitest";
import { emitValidators } from "../../generator/emit/validators/index.js";
import type { Model, TypeNode } from "../../generator/ir/model.js";

const any = (): TypeNode => ({ kind: "any", attrs: { facts: [] } });
const model = (a: TypeNode, b: TypeNode): Model => ({
  name: "shared",
  diagnostics: [],
  types: [
    {
      name: "Either",
      sourceName: "Either",
      role: "shape",
      root: true,
      attrs: { facts: [] },
      node: { kind: "composition", allOf: [], anyOf: [a, b], oneOf: [], attrs: { facts: [] } },
    },
  ],
});

describe("regression: validator code depended on object identity in the IR", () => {
  it("one shared node and two equal copies give the same code, in both flavours", () => {
    const one = any();
    for (const flavour of ["js", "ts"] as const) {
      const shared = emitValidators(model(one, one), { flavour });
      const copies = emitValidators(model(any(), any()), { flavour });
      expect(shared.map((f) => f.content)).toEqual(copies.map((f) => f.content));
    }
  });
});
