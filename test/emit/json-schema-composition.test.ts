// Regression: a composition whose base had its own `not` (or if/then/else) lost it in the JSON Schema:
// the node's own keyword overwrote the base's. The validators, built from the IR, kept both, so ajv on
// schema.json and the validators disagreed (found by the random differential test).
import Ajv2020Module from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { nodeSchema } from "../../generator/emit/json-schema/index.js";
import type { TypeNode } from "../../generator/ir/model.js";

const Ajv2020 = (Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ?? Ajv2020Module;
const a = { facts: [] };
const prim = (primitive: "int8" | "string"): TypeNode => ({ kind: "primitive", primitive, constraints: {}, attrs: a });
const composition = (extra: Partial<Extract<TypeNode, { kind: "composition" }>>): TypeNode => ({
  kind: "composition",
  allOf: [],
  anyOf: [],
  oneOf: [],
  attrs: a,
  ...extra,
});

describe("regression: a composition's base lost its own not / if-then-else in the JSON Schema", () => {
  it("both nots hold: the base's (not an int8) and the node's own (not a string)", () => {
    const node = composition({ base: composition({ not: prim("int8") }), not: prim("string") });
    const validate = new Ajv2020({ strict: false }).compile(nodeSchema(node));
    expect(validate("text")).toBe(false);
    expect(validate(5)).toBe(false);
    expect(validate(true)).toBe(true);
  });

  it("the base's if/then stays paired, apart from the node's own if/else", () => {
    const base = composition({ if: prim("string"), then: { kind: "const", value: "yes", attrs: a } });
    const node = composition({ base, if: prim("int8"), else: { kind: "const", value: "yes", attrs: a } });
    const validate = new Ajv2020({ strict: false }).compile(nodeSchema(node));
    expect(validate("yes")).toBe(true);
    expect(validate("no")).toBe(false); // the base's then
    expect(validate(5)).toBe(true); // an int8: the node's if holds, no then
    expect(validate(true)).toBe(false); // not an int8: the node's else
  });
});
