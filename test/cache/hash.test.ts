// The cache's keys: canonical JSON never gives two different values the same text, and a digest's
// records never run into each other.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, Digest, digestOf, NotCanonical, sameJson, sha256 } from "../../generator/cache/hash.js";

describe("canonicalJson", () => {
  it("tells apart what JSON.stringify would merge", () => {
    const pairs: [unknown, unknown][] = [
      [{ a: 0 }, { a: -0 }],
      [{ a: undefined }, {}],
      [{ a: undefined }, { a: "\u0000undefined" }],
      [[undefined], [null]],
      [{ a: NaN }, { a: null }],
      [{ a: Infinity }, { a: "\u0000Infinity" }],
      [new Map([["k", 1]]), [["k", 1]]],
      [new Map([["k", 1]]), ["\u0000map", ["k", 1]]],
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
      [{ s: "\u0000x" }, { s: "x" }],
      [{ big: 1n }, { big: "\u00001n" }],
    ];
    for (const [a, b] of pairs) expect(canonicalJson(a), `${String(a)}`).not.toBe(canonicalJson(b));
  });

  it("is one-to-one on JSON-like values (random pairs differ in text exactly when they differ)", () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: "small" },
        fc.constantFrom(0, -0, 1, NaN, null, true, undefined, "", "\u0000", "\u0000map", "\u0000undefined"),
        fc.string({ maxLength: 3 }),
        fc.array(tie("v"), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom("a", "b", "__proto__"), tie("v"), { maxKeys: 2 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, value, (a, b) => {
        const same = canonicalJson(a) === canonicalJson(b);
        expect(same).toBe(sameValue(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it("writes plain values as JSON.stringify does, and tags them wherever they sit among plain ones", () => {
    const plain = { a: [1, "x", null, true, { b: 2.5 }], c: {}, "": [] };
    expect(canonicalJson(plain)).toBe(JSON.stringify(plain));
    const tagged = `${JSON.stringify(plain).slice(0, -1)},"d":[{"e":"\\u0000-0"}]}`;
    expect(canonicalJson({ ...plain, d: [{ e: -0 }] })).toBe(tagged);
    expect(canonicalJson(Object.assign(Object.create(null), { a: 1 }))).toBe('{"a":1}');
    expect(canonicalJson({ toJSON: "x" })).toBe('{"toJSON":"x"}');
  });

  it("refuses what it cannot represent: class instances, functions, Dates", () => {
    class Node {
      kind = "x";
    }
    for (const v of [new Node(), { f: () => 1 }, { d: new Date(0) }, new Set([1]), { s: Symbol("s") }]) {
      expect(() => canonicalJson(v)).toThrow(NotCanonical);
    }
  });
});

describe("sameJson", () => {
  it("is true exactly when the canonical texts are the same (random pairs, and copies)", () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: "small" },
        fc.constantFrom(0, -0, 1, NaN, null, true, undefined, 1n, "", "\u0000", "\u0000undefined"),
        fc.string({ maxLength: 3 }),
        fc.array(tie("v"), { maxLength: 3 }),
        // As JSON.parse makes them (a null-prototype object is only ever matched by another).
        fc.dictionary(fc.constantFrom("a", "b", "__proto__"), tie("v"), { maxKeys: 2, noNullPrototype: true }),
      ),
    })).v;
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(sameJson(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("tells apart what JSON.stringify would merge, and matches nothing that is not plain data", () => {
    expect(sameJson({ a: 0 }, { a: -0 })).toBe(false);
    expect(sameJson({ a: undefined }, {})).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson([undefined], [null])).toBe(false);
    expect(sameJson({ 0: "x" }, ["x"])).toBe(false);
    expect(sameJson(Object.create(null), {})).toBe(false);
    class Node {
      kind = "x";
    }
    expect(sameJson(new Node(), new Node())).toBe(false);
    expect(sameJson(new Map([["k", 1]]), new Map([["k", 1]]))).toBe(false);
    const f = () => 1;
    expect(sameJson({ f }, { f })).toBe(false);
  });

  it("is false when Object.prototype has an enumerable key (a miss, never a wrong match)", () => {
    const key = "polluted";
    Object.defineProperty(Object.prototype, key, { value: 1, enumerable: true, configurable: true, writable: true });
    let equal: boolean, unequal: boolean;
    try {
      // Asserted once the prototype is clean again.
      equal = sameJson({ a: 1 }, { a: 1 });
      unequal = sameJson({ a: 1 }, { a: 2 });
    } finally {
      delete (Object.prototype as Record<string, unknown>)[key];
    }
    expect([equal, unequal]).toEqual([false, false]);
    expect(sameJson({ a: 1 }, { a: 1 })).toBe(true);
  });
});

describe("Digest", () => {
  it("digestOf and sha256 hash the same records as Digest", () => {
    const parts = ["structgen", "", "é\u0000x", "a".repeat(5000)];
    expect(digestOf(...parts)).toBe(new Digest().add(...parts).hex());
    expect(digestOf()).toBe(new Digest().hex());
    expect(sha256("é")).toBe(sha256(Buffer.from("é")));
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("keeps records apart: ('ab', 'c') is not ('a', 'bc'), strings and bytes agree", () => {
    expect(new Digest().add("ab", "c").hex()).not.toBe(new Digest().add("a", "bc").hex());
    expect(new Digest().add("é").hex()).toBe(new Digest().add(Buffer.from("é")).hex());
    expect(new Digest().add("").hex()).not.toBe(new Digest().hex());
  });
});

/** Same value in every respect an emitter could see: kinds, -0, key order, own keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false;
  if (typeof a === "number") return Object.is(a, b);
  if (a === null || b === null || typeof a !== "object") return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every((k, i) => k === kb[i] && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
