// A required member's primitive type has its type test and plain comparisons written out where the member is
// read (compounds.ts requiredIs, leaves.ts leafHead); its function, called after, decides the rest, and is not
// called when nothing is left. Each row: the member's type, what A$is reads, and values with their verdicts.
import { describe, expect, it } from "vitest";
import { emitValidators } from "../../generator/emit/validators/index.js";
import type { TypeNode } from "../../generator/ir/model.js";
import { enm, member, model, named, obj, prim, ref } from "../helpers/ir.js";
import { validatorsOf } from "../helpers/runtime.js";

const rows: [string, TypeNode, string[], [unknown, boolean][]][] = [
  [
    "a string with a minimum length 1 and a pattern: the type test and the empty string, then the rest (L$rest)",
    prim("string", { minLength: 1, maxLength: 3, pattern: { source: "^[a-z]+$", unicode: false } }),
    ['  if (typeof u !== "string" || u.length === 0) return false;', "  if (!L$rest(u, q + 8)) return false;"],
    [
      ["ab", true],
      ["", false],
      ["abcd", false],
      ["A", false],
      [1, false],
      [undefined, false],
    ],
  ],
  [
    "an integer with bounds: all of its check, no call",
    prim("int32", { minimum: 1, maximum: 60 }),
    ['  if (typeof u !== "number" || !Number.isInteger(u) || u < 1 || u > 60) return false;'],
    [
      [1, true],
      [60, true],
      [0, false],
      [61, false],
      [1.5, false],
      ["1", false],
      [null, false],
    ],
  ],
  [
    "null: its test fails an absent member too",
    prim("null"),
    ["  if (u !== null) return false;"],
    [
      [null, true],
      [0, false],
    ],
  ],
  [
    "a closed enum: nothing to write out, the presence test and the call",
    enm(["on", "off"]),
    ["  if (u === undefined) return false;", "  if (!L$is(u, q + 8)) return false;"],
    [
      ["on", true],
      ["no", false],
      [true, false],
    ],
  ],
];

describe("a required member's primitive type, written out", () => {
  it.each(rows)("%s", async (_, node, lines, values) => {
    const m = model("m", [named("A", obj([member("l", ref("L"), true)])), named("L", node)]);
    const code = emitValidators(m).find((f) => f.path === "validators.js")!.content;
    const body = code.slice(code.indexOf("function A$is("), code.indexOf("\n}\n", code.indexOf("function A$is(")));
    const all = body.split("\n");
    const read = all.slice(all.findIndex((l) => /^ {2}(?:const )?u = x\.l;$/.test(l)) + 1);
    expect(read.slice(0, lines.length)).toEqual(lines);
    if (lines.length === 1) expect(body).not.toContain("L$is(");
    // L's check without the head is written (by L) only when a member calls it.
    expect(code.includes("function L$rest(")).toBe(lines.some((l) => l.includes("L$rest(")));
    const mod = await validatorsOf(m);
    for (const [value, valid] of values) {
      const of = { l: value };
      expect([mod.isA!(of), mod.validateA!(of).valid], JSON.stringify(value)).toEqual([valid, valid]);
    }
    // Absent, and present only where JSON does not see it (inherited): invalid either way.
    expect(mod.isA!({})).toBe(false);
    expect(mod.isA!(Object.create({ l: values[0]![0] }))).toBe(false);
  });
});
