// A set's items are compared as JSON values (deep equality, member order aside). Short lists are
// compared pair by pair (no allocation, as boolean checks promise); long ones by canonical text.
// Both ways must be the same relation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runtime } from "../helpers/runtime.js";

const duplicate = runtime["duplicate"] as (a: unknown[], type: string) => number;
const filler = (n: number) => Array.from({ length: n }, (_, i) => ({ filler: i }));

describe("set duplicates", () => {
  it("objects are equal whatever their member order; undefined members are absent", () => {
    for (const pad of [0, 20]) {
      expect(duplicate([{ a: 1, b: [1, { c: 2 }] }, ...filler(pad), { b: [1, { c: 2 }], a: 1 }], "")).toBeGreaterThan(
        0,
      );
      expect(duplicate([{ a: 1 }, ...filler(pad), { a: 1, b: undefined }], "")).toBeGreaterThan(0);
      expect(duplicate([{ a: 1 }, ...filler(pad), { a: "1" }, [1], ["1"]], "")).toBe(-1);
    }
  });

  it("with a scalar item type only items of that type count, as in ajv", () => {
    expect(duplicate([1.5, 1.5, "x"], "integer")).toBe(-1);
    expect(duplicate([2, "2", 2], "integer")).toBe(2);
  });

  it("property: short and long lists agree", () => {
    const item = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(1, "1", [1], { a: 1 }, { b: 2, a: 1 }, null, -0, 0),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), (items) => {
        expect(duplicate([...items, ...filler(20)], "") >= 0).toBe(duplicate(items, "") >= 0);
      }),
      { numRuns: 1_000 },
    );
  });
});
