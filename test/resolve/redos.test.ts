import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { hasNestedQuantifier } from "../../generator/resolve/redos.js";

describe("catastrophic-backtracking patterns", () => {
  it.each([
    ["(a+)+$", true],
    ["(\\w*)*x", true],
    ["^(a|aa)+$", false], // alternation overlap: not detected (documented limit), but not nested
    ["((ab)*c)*", true],
    ["(x{2,})+", true],
    ["(a+){2}", false],
    ["(:[\\w+=/,.@-]+)?", false],
    ["[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+", false],
    ["[(a+)+]", false], // inside a class, parentheses are literal
    ["\\(a+\\)+", false], // escaped parentheses
  ])("%s → %s", (p, unsafe) => {
    expect(hasNestedQuantifier(p)).toBe(unsafe);
  });

  it("flags none of the bundled Cognito patterns", () => {
    const dir = "schemas/cognito-idp";
    const patterns = new Set<string>();
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      const text = readFileSync(`${dir}/${f}`, "utf8");
      for (const m of text.matchAll(/"pattern": ("(?:[^"\\]|\\.)*")/g)) patterns.add(JSON.parse(m[1]!) as string);
    }
    expect(patterns.size).toBeGreaterThan(20);
    expect([...patterns].filter(hasNestedQuantifier)).toEqual([]);
  });
});
