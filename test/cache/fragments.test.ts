// The fragment memo: output through it is byte-identical to output without it, cold or warm, after
// any change to the model; a change re-emits only the fragments whose type or context changed;
// packs on disk survive a process, and a damaged or foreign pack is a miss, never an error.
import fc from "fast-check";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fragmentStore, readPack, type FragmentStore } from "../../generator/cache/fragments.js";
import { emitDocs } from "../../generator/emit/docs/index.js";
import type { EmitOptions, FragmentMemo, OutputFile } from "../../generator/emit/files.js";
import { emitJsonSchema } from "../../generator/emit/json-schema/index.js";
import { emitTypeScript } from "../../generator/emit/typescript/index.js";
import { emitValidators } from "../../generator/emit/validators/index.js";
import type { Model, NamedType } from "../../generator/ir/model.js";
import { reconciled, shop } from "../emit/docs-models.js";
import { randomModel } from "../emit/random-ir.js";
import { decision, member, model, named, obj, prim, ref } from "../helpers/ir.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-fragments-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const packDir = () => path.join(tmp, `packs-${n++}`);

const emitAll = (m: Model, options?: EmitOptions): OutputFile[] => [
  ...emitTypeScript(m, options),
  ...emitJsonSchema(m, options),
  ...emitDocs(m, options),
  ...emitValidators(m, { flavour: "js", ...options }),
  ...emitValidators(m, { flavour: "ts", ...options }),
];

/** A memo that records which fragments it had to compute, as "emitter:Type". */
function spy(store: FragmentMemo): FragmentMemo & { computed: string[] } {
  const computed: string[] = [];
  return {
    computed,
    fragment: (emitter, type, context, compute) =>
      store.fragment(emitter, type, context, () => {
        computed.push(`${emitter}:${(type as NamedType).name}`);
        return compute();
      }),
  };
}

/** The model with one type replaced (types stay sorted by name). */
const withType = (m: Model, t: NamedType): Model => ({ ...m, types: m.types.map((x) => (x.name === t.name ? t : x)) });

describe("output through the memo is the output without it", () => {
  it("for the shop and reconciled models: cold, warm, and warm from disk in a new store", () => {
    for (const m of [shop, reconciled]) {
      const dir = packDir();
      const plain = emitAll(m);
      const store = fragmentStore({ fingerprint: "f", dir });
      expect(emitAll(m, { memo: store })).toEqual(plain);
      expect(store.stats().hits).toBe(0);
      const fragments = store.stats().misses;
      expect(emitAll(m, { memo: store })).toEqual(plain);
      expect(store.stats()).toEqual({ hits: fragments, misses: fragments });
      store.flush();
      const again = fragmentStore({ fingerprint: "f", dir });
      expect(emitAll(m, { memo: again })).toEqual(plain);
      expect(again.stats()).toEqual({ hits: fragments, misses: 0 });
    }
  });

  it("through a one-run store (spill): the packs it writes as it goes make the next run warm", () => {
    for (const m of [shop, reconciled]) {
      const dir = packDir();
      const plain = emitAll(m);
      const store = fragmentStore({ fingerprint: "f", dir, spill: true });
      expect(emitAll(m, { memo: store })).toEqual(plain);
      const fragments = store.stats().misses;
      store.flush();
      // The same store reads its packs again; so does a new one, and the packs keep every entry.
      for (const s of [store, fragmentStore({ fingerprint: "f", dir, spill: true })]) {
        expect(emitAll(m, { memo: s })).toEqual(plain);
        expect(s.stats()).toEqual({ hits: fragments, misses: 0 });
        s.flush();
      }
    }
  });

  it("for random models, emitted one after another through one memo", () => {
    const store = fragmentStore({ fingerprint: "f" });
    fc.assert(
      fc.property(randomModel, (m) => {
        expect(emitAll(m, { memo: store })).toEqual(emitAll(m));
      }),
      { numRuns: 60 },
    );
  });

  it("for random models after a random one-type edit (doc, name, member, role, enum openness), warm", () => {
    const edit = fc.constantFrom("doc", "rename", "member", "role", "open");
    fc.assert(
      fc.property(randomModel, edit, fc.nat(), (m, how, pick) => {
        const store = fragmentStore({ fingerprint: "f" });
        emitAll(m, { memo: store });
        const t = m.types[pick % m.types.length]!;
        const changed = editType(m, t, how);
        expect(emitAll(changed, { memo: store })).toEqual(emitAll(changed));
      }),
      { numRuns: 80 },
    );
  });
});

function editType(m: Model, t: NamedType, how: string): Model {
  if (how === "doc") return withType(m, { ...t, attrs: { ...t.attrs, doc: `${t.attrs.doc ?? ""} edited` } });
  if (how === "role") return withType(m, { ...t, role: t.role === "error" ? "shape" : "error" });
  // Openness shows in the types that refer to the enum (its open alias), not only in the enum.
  if (how === "open") {
    const e = m.types.find((x) => x.node.kind === "enum") ?? t;
    return e.node.kind === "enum" ? withType(m, { ...e, node: { ...e.node, open: !e.node.open } }) : m;
  }
  if (how === "member") {
    const node = obj([member("Added", ref(m.types[0]!.name), true)]);
    return withType(m, { ...t, node });
  }
  // A rename changes every reference to the type: its referrers' text and links.
  const name = `${t.name}Renamed`;
  const json = JSON.stringify(m).replaceAll(JSON.stringify(t.name), JSON.stringify(name));
  const renamed = JSON.parse(json) as Model;
  renamed.types.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return renamed;
}

describe("a change re-emits only what it reaches", () => {
  const base = model("m", [
    named("A", obj([member("b", ref("B"), true)]), { doc: "A refers to B." }),
    named("B", obj([member("x", prim("string"))])),
    named("C", obj([member("y", prim("int32"))]), { doc: "C stands alone." }),
  ]);
  const warm = (m: Model) => {
    const store = fragmentStore({ fingerprint: "f" });
    emitAll(m, { memo: store });
    return store;
  };

  it("a leaf type's description: its two views, its $defs entry, its page and index row; nothing else", () => {
    const store = warm(base);
    const memo = spy(store);
    const changed = withType(base, { ...base.types[2]!, attrs: { ...base.types[2]!.attrs, doc: "C, edited." } });
    expect(emitAll(changed, { memo })).toEqual(emitAll(changed));
    // Not its validators: they read no description (emit/validators/bare.ts).
    expect(memo.computed.sort()).toEqual([
      "docs-index-row:C",
      "docs-page:C",
      "json-schema:C",
      "typescript:C",
      "typescript:C",
    ]);
  });

  it("B now refers to C: B's fragments and index row, and C's page (a new referrer); A's are reused", () => {
    const store = warm(base);
    const memo = spy(store);
    const b = named("B", obj([member("x", prim("string")), member("c", ref("C"))]));
    const changed = withType(base, b);
    expect(emitAll(changed, { memo })).toEqual(emitAll(changed));
    expect(memo.computed.sort()).toEqual([
      "docs-index-row:B",
      "docs-page:B",
      "docs-page:C",
      "json-schema:B",
      "typescript:B",
      "typescript:B",
      "validators:B",
      "validators:B",
    ]);
  });

  it("a reconciliation decision about one type: that type's page only", () => {
    const rec = { sources: [{ id: "botocore", kind: "botocore", description: "" }], decisions: [] };
    const before = { ...base, reconciliation: rec };
    const store = warm(before);
    const memo = spy(store);
    const d = decision("C.y", "required", [["botocore", "required"]], "required", "authority");
    const after = { ...base, reconciliation: { ...rec, decisions: [d] } };
    expect(emitAll(after, { memo })).toEqual(emitAll(after));
    expect(memo.computed).toEqual(["docs-page:C"]);
  });
});

describe("keys by type object and context value", () => {
  it("a fresh context equal in value finds the text; one differing in order, -0 or undefined does not", () => {
    const store = fragmentStore({ fingerprint: "f" });
    const t = named("A", obj([]));
    let computed = 0;
    const text = (context: unknown) => store.fragment("e", t, context, () => `text ${++computed}`);
    expect(text({ a: 0, b: [1] })).toBe("text 1");
    expect(text({ a: 0, b: [1] })).toBe("text 1");
    expect(text({ b: [1], a: 0 })).toBe("text 2");
    expect(text({ a: -0, b: [1] })).toBe("text 3");
    expect(text({ a: 0, b: [1], c: undefined })).toBe("text 4");
    expect(text({ a: 0, b: [1] })).toBe("text 1");
    // Another emitter, same type and context: another fragment.
    expect(store.fragment("other", t, { a: 0, b: [1] }, () => "other")).toBe("other");
    // Many contexts later (more than a type object remembers), the first is still found by its text.
    for (let i = 0; i < 20; i++) text({ i });
    expect(text({ a: 0, b: [1] })).toBe("text 1");
    // An equal type in another object: found by content.
    expect(store.fragment("e", named("A", obj([])), { a: 0, b: [1] }, () => "again")).toBe("text 1");
  });
});

describe("packs on disk", () => {
  const packs = (dir: string) => readdirSync(dir).sort();
  const fill = (dir: string): FragmentStore => {
    const store = fragmentStore({ fingerprint: "f", dir });
    emitAll(shop, { memo: store });
    store.flush();
    return store;
  };

  it("one pack per emitter, written whole (no temporary files left), read back by the next store", () => {
    const dir = packDir();
    fill(dir);
    expect(packs(dir)).toEqual([
      "docs-index-row.pack",
      "docs-page.pack",
      "json-schema.pack",
      "typescript.pack",
      "validators.pack",
    ]);
    const next = fragmentStore({ fingerprint: "f", dir });
    emitAll(shop, { memo: next });
    expect(next.stats().misses).toBe(0);
  });

  it("another fingerprint (other code) shares no entry", () => {
    const dir = packDir();
    fill(dir);
    const other = fragmentStore({ fingerprint: "g", dir });
    emitAll(shop, { memo: other });
    expect(other.stats().hits).toBe(0);
  });

  it("a corrupt, truncated, emptied or foreign pack is a miss, and the output is still exact", () => {
    const damage: [string, (text: string) => string][] = [
      ["a flipped byte", (t) => t.slice(0, 200) + (t[200] === "a" ? "b" : "a") + t.slice(201)],
      ["truncated", (t) => t.slice(0, t.length >> 1)],
      ["empty", () => ""],
      ["foreign", () => "not a pack\n[]"],
      ["a valid header over other entries", (t) => `${t.split("\n")[0]}\n[["k","v"]]`],
    ];
    const plain = emitAll(shop);
    for (const [what, spoil] of damage) {
      const dir = packDir();
      fill(dir);
      for (const f of packs(dir)) writeFileSync(path.join(dir, f), spoil(readFileSync(path.join(dir, f), "utf8")));
      const store = fragmentStore({ fingerprint: "f", dir });
      expect(emitAll(shop, { memo: store }), what).toEqual(plain);
      expect(store.stats().hits, what).toBe(0);
    }
  });

  it("keeps exactly the entries the last run used", () => {
    const dir = packDir();
    fill(dir);
    const entries = () => readPack(path.join(dir, "typescript.pack")).size;
    expect(entries()).toBe(shop.types.length * 2);
    const store = fragmentStore({ fingerprint: "f", dir });
    emitAll(model("shop", shop.types.slice(0, 2)), { memo: store });
    store.flush();
    expect(entries()).toBe(4);
  });
});
