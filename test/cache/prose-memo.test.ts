// Watch mode's prose memo: what a description says (values it lists, a deprecation) is read once per
// text, and the corpus's evidence built through it is the evidence built without it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildMemos } from "../../generator/cache/build-memo.js";
import { HashIndex } from "../../generator/cache/hash-index.js";
import { corpusFromTexts } from "../../generator/load/read-corpus.js";
import { jsonStructureEvidence } from "../../generator/reconcile/sources/json-structure.js";
import { resolve } from "../../generator/resolve/index.js";
import { ROOT } from "../cli/helpers.js";

const DIR = path.join(ROOT, "test", "fixtures", "reconcile-other", "dynamodb-slice");
const files = Object.fromEntries(readdirSync(DIR).map((f) => [f, readFileSync(path.join(DIR, f), "utf8")]));

describe("the prose memo", () => {
  it("gives the evidence computed without it, reading each description once", () => {
    const memo = buildMemos(HashIndex.open()).reconcile;
    const model = resolve(corpusFromTexts("c", files).corpus);
    const read = new Map<string, number>();
    const counting = {
      prose: (text: string, facts: Parameters<typeof memo.prose>[1]) =>
        memo.prose(text, () => (read.set(text, (read.get(text) ?? 0) + 1), facts())),
    };
    const plain = jsonStructureEvidence(model);
    expect(jsonStructureEvidence(model, counting)).toEqual(plain);
    expect(jsonStructureEvidence(model, counting)).toEqual(plain);
    expect(read.size).toBeGreaterThan(0);
    expect([...read.values()].every((n) => n === 1)).toBe(true);
    // Some description here lists values or says deprecated: the memo carries what it says.
    const said = [...plain.shapes.values()].flatMap((s) => Object.values(s.members ?? {}));
    expect(said.some((m) => m.proseValues !== undefined)).toBe(true);
  });
});
