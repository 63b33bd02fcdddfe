// A pattern that is one character class repeated is matched by its widest ASCII run and a table of
// its ASCII members (leaves.ts classTable and widestRun, runtime.js inClass); the pattern itself
// decides everything else. Both must agree with the pattern on every string.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classTable, widestRun } from "../../generator/emit/validators/leaves.js";
import { runtime } from "../helpers/runtime.js";

const inClass = runtime["inClass"] as (s: string, lo: number, hi: number, m: readonly number[], re: RegExp) => boolean;

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
  // Past 64 characters the pattern decides alone.
  fc.string({ unit: fc.constantFrom("a", "0", " ", "é", "😀"), minLength: 60, maxLength: 70 }),
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
    const [lo, hi] = widestRun(table!);
    for (let c = lo; c <= hi; c++) expect(re.test(String.fromCharCode(c)), `run member ${c}`).toBe(true);
    const matches = (s: string): boolean => inClass(s, lo, hi, table!, re);
    for (let c = 0; c < 128; c++) {
      const s = String.fromCharCode(c).repeat(3);
      expect(matches(s), JSON.stringify(s)).toBe(re.test(s));
    }
    expect(matches("")).toBe(re.test(""));
    fc.assert(
      fc.property(strings, (s) => matches(s) === re.test(s)),
      { numRuns: 300 },
    );
  });

  it.each([
    ["^(?:[0-9]+)$", [48, 57]],
    ["^(?:[\\x21\\x23-\\x5B\\x5D-\\x7E]+)$", [35, 91]],
    ["^(?:[\\cJ\\0]+)$", [0, 0]],
    ["^(?:[]*)$", [1, 0]],
  ] as const)("%s: the widest run of the class is %j", (pattern, run) => {
    expect(widestRun(classTable(pattern)!)).toEqual(run);
  });

  const NOT_ONE_CLASS = ["^(?:[a-z]+x)$", "^(?:[a-z]|b+)$", "^(?:[a-z]+)+$", "^(?:[a-z]{2,})$", "[a-z]+"];
  it.each([...NOT_ONE_CLASS, "^(?:^[a-z]+$)$", "^(?:(?:[a-z])+)$"])(
    "%s is not one class repeated: no table, the pattern decides",
    (pattern) => {
      expect(classTable(pattern)).toBeUndefined();
    },
  );
});
