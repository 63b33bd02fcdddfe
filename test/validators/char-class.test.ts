// A pattern that is one character class repeated is matched by a table of its ASCII members
// (leaves.ts classTable, runtime.js inClass); the pattern itself decides everything else. The
// table must agree with the pattern on every string.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classTable } from "../../generator/emit/validators/leaves.js";
import { runtime } from "../helpers/runtime.js";

const inClass = runtime["inClass"] as (s: string, m: readonly number[], re: RegExp) => boolean;

// The bundled corpus's class patterns, and classes that are easy to get wrong.
const CLASSES = [
  "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
  "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+",
  "[\\S]+",
  "[\\w\\s+=,.@-]+",
  "[\\x21\\x23-\\x5B\\x5D-\\x7E]+",
  "[0-9]+",
  "[\\s\\S]*",
  "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*",
  "[A-Za-z0-9-_=.]+",
  "[^a-z]+",
  "[\\]\\\\]*",
  "[[]+",
  "[^]*",
  "[]*",
  "[\\u{1F600}a]+",
  "[\\cJ\\0]+",
];

const strings = fc.oneof(
  fc.string({ unit: "grapheme-ascii", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.string({
    unit: fc.constantFrom("a", "Z", "0", " ", "\t", "\n", "\\", "]", "[", "_", "-", "é", "😀", "\ud800"),
    maxLength: 8,
  }),
);

describe("character-class patterns: a table for ASCII, the pattern for the rest", () => {
  it.each(CLASSES)("%s: inClass agrees with the pattern on every string", (cls) => {
    const pattern = `^(?:${cls})$`;
    const re = new RegExp(pattern, "u");
    const table = classTable(pattern);
    expect(table, "recognised as one class").toBeDefined();
    for (let c = 0; c < 128; c++) {
      const s = String.fromCharCode(c).repeat(3);
      expect(inClass(s, table!, re), JSON.stringify(s)).toBe(re.test(s));
    }
    expect(inClass("", table!, re)).toBe(re.test(""));
    fc.assert(
      fc.property(strings, (s) => inClass(s, table!, re) === re.test(s)),
      { numRuns: 300 },
    );
  });

  const NOT_ONE_CLASS = ["^(?:[a-z]+x)$", "^(?:[a-z]|b+)$", "^(?:[a-z]+)+$", "^(?:[a-z]{2,})$", "[a-z]+"];
  it.each([...NOT_ONE_CLASS, "^(?:^[a-z]+$)$", "^(?:(?:[a-z])+)$"])(
    "%s is not one class repeated: no table, the pattern decides",
    (pattern) => {
      expect(classTable(pattern)).toBeUndefined();
    },
  );
});
