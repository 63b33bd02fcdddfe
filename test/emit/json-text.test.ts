// json-text.ts writes prettier's JSON layout directly. Its risky cases are at the edge of the width: a
// group that fits only without the "," after it, wide characters, and groups nested in members and items.
// prettier is the oracle; jsonMemberText and jsonItemText must print what jsonText prints in place.
import fc from "fast-check";
import prettier from "prettier";
import { describe, expect, it } from "vitest";
import { jsonItemText, jsonMemberText, jsonText } from "../../generator/emit/json-text.js";

const OPTIONS = { printWidth: 120, parser: "json", filepath: "x.json" } as const;
const prettierJson = (text: string) => prettier.format(text, OPTIONS);

/** Strings whose width lands near the line's end: ASCII, wide (2 columns), emoji, DEL, combining. */
const edgeString = fc
  .tuple(fc.integer({ min: 0, max: 118 }), fc.constantFrom("a", "語", "😀", "\u007f", "e\u0301", '"', "\\"))
  .map(([n, c]) => c.repeat(Math.max(0, Math.floor(n / 2))) + "x".repeat(n % 7));

const edgeValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    edgeString,
    fc.integer(),
    fc.array(edgeString, { maxLength: 6 }),
    fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 40 }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(edgeString, tie("value"), { maxKeys: 4 }),
  ),
})).value;

describe("json-text (prettier's JSON layout without a document)", () => {
  it("prints what prettier prints for values at the edge of the width", async () => {
    await fc.assert(
      fc.asyncProperty(edgeValue, async (v) => {
        const text = jsonText({ k: v, list: [v, v], inner: { deeper: [v] } });
        expect(text).toBe(await prettierJson(text));
      }),
      { numRuns: 300 },
    );
  });

  it("a group that fits only without its trailing comma breaks (and the last one stays flat)", async () => {
    const fill = (n: number) => ["x".repeat(n)];
    // `  "a": ["…"]` is 2 + 5 + 4 + n columns: with n = 109 the member ends at column 120.
    const text = jsonText({ a: fill(109), b: fill(109) });
    expect(text).toBe(await prettierJson(text));
    expect(text).toContain(`"a": [\n`);
    expect(text).toContain(`"b": ["${"x".repeat(109)}"]\n`);
  });

  it("members and items print in place as jsonText prints them", () => {
    fc.assert(
      fc.property(edgeValue, (v) => {
        const whole = jsonText({ defs: { name: v }, items: [{ v }, { w: v }] });
        expect(whole).toContain(`\n${jsonMemberText("name", v, 4)}\n`);
        expect(whole).toContain(`\n${jsonItemText({ v }, 4)},\n`);
      }),
      { numRuns: 300 },
    );
  });
});
