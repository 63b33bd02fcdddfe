// Watch mode's resolve memo keeps canonical texts by parsed value and resolved types by document (the
// parse memo hands unchanged files back as the same objects): resolving through it is resolving
// without it, after an edit too, and each run gets its own copy of a kept type.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildMemos } from "../../generator/cache/build-memo.js";
import { HashIndex } from "../../generator/cache/hash-index.js";
import { corpusFromTexts, type Corpus } from "../../generator/load/read-corpus.js";
import { resolve } from "../../generator/resolve/index.js";
import { copyOf } from "../../generator/resolve/reuse.js";
import { ROOT } from "../cli/helpers.js";

const DIR = path.join(ROOT, "test", "fixtures", "resolve", "inlined-items");
const files = Object.fromEntries(readdirSync(DIR).map((f) => [f, readFileSync(path.join(DIR, f), "utf8")]));
const codes = (c: Corpus, memo?: Parameters<typeof resolve>[1]) => resolve(c, memo).diagnostics.map((d) => d.code);

describe("the resolve memo", () => {
  it("resolves as without it, and an edited document (new objects) is seen", () => {
    const memo = buildMemos(HashIndex.open()).resolve;
    const { corpus } = corpusFromTexts("c", files);
    expect(resolve(corpus, memo)).toEqual(resolve(corpus));
    expect(resolve(corpus, memo)).toEqual(resolve(corpus));
    expect(codes(corpus, memo)).toContain("SCHEMA_ITEMS_MATCH_NAMED");
    // As the parse memo gives it: unchanged documents are the same objects, the edited one is new.
    const edited = { ...files, "user-type.json": files["user-type.json"]!.replace('"Age"', '"Years"') };
    const fresh = corpusFromTexts("c", edited).corpus;
    const next: Corpus = {
      name: "c",
      documents: corpus.documents.map((d, i) => (d.file === "user-type.json" ? fresh.documents[i]! : d)),
    };
    expect(resolve(next, memo)).toEqual(resolve(fresh));
    expect(codes(next, memo)).not.toContain("SCHEMA_ITEMS_MATCH_NAMED");
  });

  it("hands each run its own copy of a kept type: rewriting one in place (reconcile) changes no later run", () => {
    const memo = buildMemos(HashIndex.open()).resolve;
    const { corpus } = corpusFromTexts("c", files);
    // The first run keeps its types, the second reuses them: each rewritten in place afterwards.
    for (const run of [resolve(corpus, memo), resolve(corpus, memo)]) {
      for (const t of run.types) {
        t.attrs.facts.push({ about: "doc", source: "test" });
        if (t.node.kind === "object") t.node.members.pop();
      }
    }
    expect(resolve(corpus, memo)).toEqual(resolve(corpus));
  });

  it("copies a parsed value's member named __proto__ as a member", () => {
    const value = JSON.parse('{"examples": [{"__proto__": {"x": 1}}]}') as { examples: object[] };
    const copy = copyOf(value);
    expect(Object.getPrototypeOf(copy.examples[0])).toBe(Object.prototype);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
  });

  it("computes a value's text once per kind", () => {
    const memo = buildMemos(HashIndex.open()).resolve;
    const value = { a: 1 };
    let computed = 0;
    const text = (kind: "body" | "value") => memo.canonical(value, kind, () => `${kind} ${++computed}`);
    const texts = [text("body"), text("body"), text("value"), text("value")];
    expect(texts).toEqual(["body 1", "body 1", "value 2", "value 2"]);
    expect(memo.canonical({ a: 1 }, "body", () => "another object")).toBe("another object");
  });

  // Identifiers are given to the whole list of symbols at once (a namespace-qualified one when two
  // share a name): the memo keeps them by the list, and any change to it gives them again.
  it("gives identifiers as without it, whatever an edit does to the list of symbols", () => {
    const memo = buildMemos(HashIndex.open()).resolve;
    const dir = (name: string) => path.join(ROOT, "test", "fixtures", "resolve", name);
    const read = (name: string) =>
      Object.fromEntries(readdirSync(dir(name)).map((f) => [f, readFileSync(path.join(dir(name), f), "utf8")]));
    const shop = read("core-namespaces")["shop.json"]!;
    const dupes = read("duplicate-names");
    const versions: Record<string, string>[] = [
      { "shop.json": shop },
      { "shop.json": shop.replace('"description": "An order."', '"description": "An order, edited."') },
      // Billing/Address renamed: Shop's Address is the only one, and no longer qualified.
      {
        "shop.json": shop
          .replaceAll("Billing/Address", "Billing/Account")
          .replace(
            '"Address": {\n        "type": "object",\n        "properties": {\n          "iban"',
            '"Account": {\n        "type": "object",\n        "properties": {\n          "iban"',
          ),
      },
      { "shop.json": shop },
      // Two documents named alike: reported (with the document's location), and again on the next run.
      dupes,
      { ...dupes, "b-second.json": `\n\n${dupes["b-second.json"]!}` },
      // A document's name: the same files and pointers, another path.
      { ...dupes, "b-second.json": dupes["b-second.json"]!.replace('"Thing"', '"Other"') },
      { ...dupes, "b-second.json": dupes["b-second.json"]!.replace('"Thing"', '"Zebra"') },
      { "shop.json": shop, ...dupes },
    ];
    const names: string[] = [];
    for (const files of versions) {
      const { corpus } = corpusFromTexts("c", files);
      const model = resolve(corpus, memo);
      expect(model).toEqual(resolve(corpus));
      names.push(model.types.map((t) => t.name).join(" "));
    }
    expect(names[2]).not.toEqual(names[1]);
    expect(names.slice(4)).toEqual([
      "Thing Thing_2",
      "Thing Thing_2",
      "Other Thing",
      "Thing Zebra",
      expect.stringContaining("Billing_Address"),
    ]);
  });

  it("keeps identifiers by their symbols, not when giving them reported a problem", () => {
    const memos = buildMemos(HashIndex.open());
    const at = [{ path: ["A", "Address"], pointer: "/definitions/A/Address", file: "a.json" }];
    let given = 0;
    const assign = (keep: boolean) => () => ({ names: [`N${++given}`], keep });
    expect(memos.resolve.names!(at, assign(true))).toEqual(["N1"]);
    expect(memos.resolve.names!([{ ...at[0]!, path: ["A", "Address"] }], assign(true))).toEqual(["N1"]);
    expect(memos.resolve.names!([{ ...at[0]!, file: "b.json" }], assign(false))).toEqual(["N2"]);
    expect(memos.resolve.names!([{ ...at[0]!, file: "b.json" }], assign(false))).toEqual(["N3"]);
    memos.prune();
    expect(memos.resolve.names!(at, assign(true))).toEqual(["N1"]);
    memos.prune();
    memos.prune();
    expect(memos.resolve.names!(at, assign(true))).toEqual(["N4"]);
  });
});
