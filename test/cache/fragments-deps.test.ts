// Reuse by identity (watch mode): a fragment whose context is a function of its type and deps comes
// back without its context being built when they are the very objects of the last run; values built
// per run are shared while equal, values derived from one object computed once; a file assembled from
// the same parts is the last run's text. Output
// stays exactly what emitting without a memo gives after every kind of change, with types and decisions
// interned between runs as watch mode interns them (cache/build-memo.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildMemos } from "../../generator/cache/build-memo.js";
import { fragmentStore, type FragmentStore } from "../../generator/cache/fragments.js";
import { HashIndex } from "../../generator/cache/hash-index.js";
import { emitDocs } from "../../generator/emit/docs/index.js";
import type { EmitOptions, FragmentMemo, OutputFile } from "../../generator/emit/files.js";
import { emitJsonSchema } from "../../generator/emit/json-schema/index.js";
import { emitReport } from "../../generator/emit/report/index.js";
import { emitTypeScript } from "../../generator/emit/typescript/index.js";
import { emitValidators } from "../../generator/emit/validators/index.js";
import type { Decision, Model, NamedType } from "../../generator/ir/model.js";
import { reconciled, shop } from "../emit/docs-models.js";
import { randomModel } from "../emit/random-ir.js";
import { decision, enm, member, model, named, obj, prim, ref } from "../helpers/ir.js";

const emitAll = (m: Model, options?: EmitOptions): OutputFile[] => [
  ...emitTypeScript(m, options),
  ...emitJsonSchema(m, options),
  ...emitDocs(m, options),
  ...emitReport(m, options),
  ...emitValidators(m, { flavour: "js", ...options }),
  ...emitValidators(m, { flavour: "ts", ...options }),
];

const nameOf = (type: object): string => (type as NamedType).name ?? (type as Decision).subject;

/**
 * The store, recording each context it had built and each fragment it had computed, as "emitter:Name",
 * and each file assembled again, or joined (FragmentMemo.joined) as an object no earlier run got (`seen`).
 */
function spy(
  store: FragmentStore,
  seen: WeakSet<object> = new WeakSet(),
): FragmentMemo & { built: string[]; computed: string[]; assembledAgain: string[] } {
  const built: string[] = [];
  const computed: string[] = [];
  const assembledAgain: string[] = [];
  return {
    built,
    computed,
    assembledAgain,
    fragment: (emitter, type, context, compute) =>
      store.fragment(emitter, type, context, () => {
        computed.push(`${emitter}:${nameOf(type)}`);
        return compute();
      }),
    fragmentFrom: (emitter, type, deps, context, compute) =>
      store.fragmentFrom!(
        emitter,
        type,
        deps,
        () => {
          built.push(`${emitter}:${nameOf(type)}`);
          return context();
        },
        (c) => {
          computed.push(`${emitter}:${nameOf(type)}`);
          return compute(c);
        },
      ),
    fragmentsFrom: (emitter, name, types, deps, context, compute) =>
      store.fragmentsFrom!(
        emitter,
        name,
        types,
        deps,
        (i) => {
          built.push(`${emitter}:${nameOf(types[i]!)}`);
          return context(i);
        },
        (i, c) => {
          computed.push(`${emitter}:${nameOf(types[i]!)}`);
          return compute(i, c);
        },
      ),
    shared: (name, value) => store.shared!(name, value),
    derived: (of, name, compute) => store.derived!(of, name, compute),
    assembled: (name, parts, assemble) =>
      store.assembled!(name, parts, (p) => {
        assembledAgain.push(name);
        return assemble(p);
      }),
    joined: (name, head, parts, sep, tail) => {
      const joined = store.joined!(name, head, parts, sep, tail);
      if (!seen.has(joined)) assembledAgain.push(name);
      return joined;
    },
  };
}

/** Watch mode between runs: types and decisions equal to the last run's come back as its objects. */
function watchLike() {
  const memos = buildMemos(HashIndex.open());
  const store = fragmentStore({ fingerprint: "f" });
  // Every text the runs got joined (spy tells those a run joined anew by them).
  const joined = new WeakSet<object>();
  const recording = (memo: FragmentMemo): FragmentMemo => ({
    ...memo,
    joined: (name, head, parts, sep, tail) => {
      const made = memo.joined!(name, head, parts, sep, tail);
      joined.add(made);
      return made;
    },
  });
  return {
    store,
    joined,
    /** One run: the model interned, emitted through the store, the run ended. */
    run(m: Model, memo: FragmentMemo = store): { model: Model; files: OutputFile[] } {
      const types = memos.types.intern(m.name, m.types);
      const r = m.reconciliation;
      const interned: Model = {
        ...m,
        types,
        ...(r ? { reconciliation: { ...r, decisions: memos.types.decisions!(m.name, r.decisions) } } : {}),
      };
      const files = emitAll(interned, { memo: recording(memo) });
      memos.prune();
      store.endRun();
      return { model: interned, files };
    },
  };
}

/** A deep copy: equal in value, no object shared (what each watch run builds before interning). */
const fresh = (m: Model): Model => structuredClone(m);

describe("fragmentFrom, shared and assembled", () => {
  it("the last run's text for the same type object and deps, without building the context", () => {
    const store = fragmentStore({ fingerprint: "f" });
    const t = named("A", obj([]));
    const dep = { x: 1 };
    let built = 0;
    const text = (deps: unknown[], value = "text") =>
      store.fragmentFrom!(
        "e",
        t,
        deps,
        () => {
          built++;
          return deps.length;
        },
        () => value,
      );
    expect(text([dep, "a"])).toBe("text");
    expect(built).toBe(1);
    store.endRun();
    expect(text([dep, "a"])).toBe("text");
    expect(built).toBe(1);
    // Another object equal in value is another dep: the context is built (and finds the key by value).
    expect(text([{ x: 1 }, "a"], "other")).toBe("text");
    expect(built).toBe(2);
    // Another emitter with the same deps: its own fragment.
    expect(
      store.fragmentFrom!(
        "f",
        t,
        [dep, "a"],
        () => null,
        () => "f's",
      ),
    ).toBe("f's");
    store.endRun();
    store.endRun();
    // Two runs later, unused in between: forgotten, so the context is built again.
    expect(text([dep, "a"])).toBe("text");
    expect(built).toBe(3);
  });

  it("a batch: the last run's texts for the same type objects and deps, found where they moved to", () => {
    const store = fragmentStore({ fingerprint: "f" });
    const [a, b, c] = ["A", "B", "C"].map((n) => named(n, obj([])));
    const built: string[] = [];
    const batch = (types: NamedType[], deps: (t: NamedType) => unknown[], value = (t: NamedType) => t.name) =>
      store.fragmentsFrom!(
        "e",
        "file",
        types,
        (i) => deps(types[i]!),
        (i) => {
          built.push(types[i]!.name);
          return types[i]!.name;
        },
        (i) => value(types[i]!),
      );
    const dep = { x: 1 };
    const same = [dep];
    expect(batch([a!, b!], () => same)).toEqual(["A", "B"]);
    store.endRun();
    // C inserted first: A and B are found where they are now, only C's context is built.
    expect(
      batch(
        [c!, a!, b!],
        () => same,
        () => "new",
      ),
    ).toEqual(["new", "A", "B"]);
    expect(built).toEqual(["A", "B", "C"]);
    store.endRun();
    // B's deps differ (another object, equal in value): its context is built and finds its key by value.
    expect(batch([c!, a!, b!], (t) => (t === b ? [{ x: 1 }] : same))).toEqual(["new", "A", "B"]);
    expect(built).toEqual(["A", "B", "C", "B"]);
    store.endRun();
    // Through fragmentFrom (no record of its own since the batch served it): the key found by value.
    expect(
      store.fragmentFrom!(
        "e",
        c!,
        same,
        () => (built.push("C"), "C"),
        () => "other",
      ),
    ).toBe("new");
    expect(built).toEqual(["A", "B", "C", "B", "C"]);
  });

  it("a one-run store (spill) builds every context: there is no next run to reuse for", () => {
    const store = fragmentStore({ fingerprint: "f", dir: "/nonexistent/structgen-test", spill: true });
    const t = named("A", obj([]));
    let built = 0;
    for (let i = 0; i < 3; i++)
      store.fragmentFrom!(
        "e",
        t,
        [],
        () => built++,
        () => "x",
      );
    expect(built).toBe(3);
  });

  it("shares a value equal to the last run's as that object, and forgets one a run did not use", () => {
    const store = fragmentStore({ fingerprint: "f" });
    const first = store.shared!("n", [["A", "AOpen"]]);
    store.endRun();
    expect(store.shared!("n", [["A", "AOpen"]])).toBe(first);
    expect(store.shared!("m", [["A", "AOpen"]])).not.toBe(first);
    store.endRun();
    const changed = [["A", "AOpen2"]];
    expect(store.shared!("n", changed)).toBe(changed);
    store.endRun();
    store.endRun();
    const again = [["A", "AOpen2"]];
    expect(store.shared!("n", again)).toBe(again);
  });

  it("derives a value once per object and name (a one-run store every time)", () => {
    const store = fragmentStore({ fingerprint: "f" });
    const spill = fragmentStore({ fingerprint: "f", dir: "/nonexistent/structgen-test", spill: true });
    const of = {};
    let computed = 0;
    const value = (s: FragmentStore, o: object, name = "n") => s.derived!(o, name, () => ({ n: ++computed }));
    const first = value(store, of);
    store.endRun();
    expect(value(store, of)).toBe(first);
    expect(value(store, of, "other")).not.toBe(first);
    expect(value(store, {})).not.toBe(first);
    expect(computed).toBe(3);
    value(spill, of);
    value(spill, of);
    expect(computed).toBe(5);
  });

  it("gives the last run's text for the same parts, and assembles again when any part differs", () => {
    const store = fragmentStore({ fingerprint: "f" });
    const join = (parts: readonly unknown[]) => parts.join(",");
    const text = store.assembled!("file", ["a", 1, "b"], join);
    store.endRun();
    expect(store.assembled!("file", ["a", 1, "b"], () => "not called")).toBe(text);
    expect(store.assembled!("file", ["a", 2, "b"], join)).toBe("a,2,b");
    const o = {};
    expect(store.assembled!("file", ["a", o], () => "first")).toBe("first");
    expect(store.assembled!("file", ["a", {}], () => "equal, not the same")).toBe("equal, not the same");
  });
});

describe("a run through the last run's objects writes what emitting afresh writes", () => {
  const base = model(
    "m",
    [
      named("A", obj([member("b", ref("B"), true), member("e", ref("E")), member("l", ref("L"), true)]), {
        doc: "A refers to B, E and L.",
      }),
      named("B", obj([member("x", prim("string"))]), { doc: "B." }),
      named("C", obj([member("y", prim("int32"))]), { doc: "C stands alone." }),
      named("E", { ...enm(["on", "off"]), open: true }),
      // A required member's primitive type: A's boolean check writes L's test and bounds out.
      named("L", prim("int32", { minimum: 1 })),
      // A string type no required member names yet: it writes no S$rest.
      named("S", prim("string", { pattern: { source: "^[a-z]+$", unicode: false } })),
    ],
    {
      sources: [{ id: "botocore", kind: "botocore", description: "botocore" }],
      authority: "botocore",
      decisions: [decision("B.x", "required", [["botocore", "optional"]], "optional", "authority")],
    },
  );
  const withType = (m: Model, t: NamedType): Model => ({
    ...m,
    types: [...m.types.filter((x) => x.name !== t.name), t].sort((x, y) => (x.name < y.name ? -1 : 1)),
  });
  const withDecisions = (m: Model, decisions: Decision[]): Model => ({
    ...m,
    reconciliation: { ...m.reconciliation!, decisions },
  });
  const edits: [string, (m: Model) => Model][] = [
    ["a description", (m) => withType(m, { ...m.types[2]!, attrs: { ...m.types[2]!.attrs, doc: "C, edited." } })],
    // B's page, and A's (whose diagram shows B's references) and the referrers' lists.
    ["a referenced type", (m) => withType(m, named("B", obj([member("x", prim("string")), member("c", ref("C"))])))],
    ["a new referrer", (m) => withType(m, named("D", obj([member("c", ref("C"))])))],
    ["a type removed", (m) => ({ ...m, types: m.types.filter((t) => t.name !== "B") })],
    ["an enum closed (its open alias gone)", (m) => withType(m, named("E", enm(["on", "off"])))],
    // A's validator writes L's bounds out: they are part of A's code.
    ["a primitive a required member's check writes out", (m) => withType(m, named("L", prim("int32", { minimum: 2 })))],
    // S now writes S$rest, which C's new required member calls.
    [
      "a string type a required member comes to name",
      (m) => withType(m, named("C", obj([member("y", prim("int32")), member("s", ref("S"), true)]))),
    ],
    [
      "a decision changed",
      (m) => withDecisions(m, [decision("B.x", "required", [["botocore", "required"]], "required", "authority")]),
    ],
    [
      "a decision added",
      (m) => withDecisions(m, [...m.reconciliation!.decisions, decision("C", "type-missing", [], "", "import")]),
    ],
    [
      "a source's description",
      (m) => ({
        ...m,
        reconciliation: { ...m.reconciliation!, sources: [{ id: "botocore", kind: "botocore", description: "new" }] },
      }),
    ],
    [
      "a type renamed",
      (m) => {
        const json = JSON.stringify(m).replaceAll('"C"', '"Renamed"');
        const renamed = JSON.parse(json) as Model;
        renamed.types.sort((x, y) => (x.name < y.name ? -1 : 1));
        return renamed;
      },
    ],
  ];

  it.each(edits)("after %s, and after undoing it", (_, change) => {
    const w = watchLike();
    w.run(fresh(base));
    w.run(fresh(base));
    const changed = change(fresh(base));
    expect(w.run(fresh(changed)).files).toEqual(emitAll(changed));
    expect(w.run(fresh(base)).files).toEqual(emitAll(base));
  });

  it("for the shop and reconciled models, and random models after random edits, run after run", () => {
    for (const m of [shop, reconciled]) {
      const w = watchLike();
      for (let i = 0; i < 3; i++) expect(w.run(fresh(m)).files).toEqual(emitAll(m));
    }
    const how = fc.constantFrom("doc", "rename", "member", "open", "remove");
    fc.assert(
      fc.property(randomModel, fc.array(fc.tuple(how, fc.nat()), { maxLength: 3 }), (m, changes) => {
        const w = watchLike();
        w.run(fresh(m));
        let next = m;
        for (const [change, pick] of changes) {
          next = randomEdit(next, change, pick);
          expect(w.run(fresh(next)).files).toEqual(emitAll(next));
        }
      }),
      { numRuns: 40 },
    );
  });

  // A page's diagram shows the references among its nodes: the type, what it refers to, its referrers.
  const refsTo = (name: string, ...to: string[]) => named(name, obj(to.map((n) => member(n.toLowerCase(), ref(n)))));
  it.each([
    // B's page: A (a referrer) now refers to C too, which B's page shows; B and its referrers are unchanged.
    ["a referrer's", [refsTo("A", "B"), refsTo("B", "C"), refsTo("C")], refsTo("A", "B", "C")],
    // A's page: B (which A refers to) now refers to C, which A refers to as well.
    ["a referenced type's", [refsTo("A", "B", "C"), refsTo("B"), refsTo("C")], refsTo("B", "C")],
    // A's page: the type A's dangling reference names is added (a link and a diagram node now).
    ["a missing type (added)", [refsTo("A", "Z"), refsTo("B")], refsTo("Z")],
    // X's page: a type added whose page file name takes one a type X refers to had ("FOO" before "foo").
    ["a page file name's", [refsTo("X", "foo"), refsTo("Foo"), refsTo("foo")], refsTo("FOO")],
  ])("after a change to %s: a page's links and diagram", (_, types, edited) => {
    const before = model("m", types);
    const after = model("m", [...types.filter((t) => t.name !== edited.name), edited]);
    const w = watchLike();
    w.run(fresh(before));
    expect(w.run(fresh(after)).files).toEqual(emitAll(after));
  });

  it("builds the context only of fragments whose type or deps changed", () => {
    const w = watchLike();
    w.run(fresh(base));
    const memo = spy(w.store);
    const changed = edits[0]![1](fresh(base));
    w.run(fresh(changed), memo);
    // C's description: its own fragments only (the index row's context is its page's file name). Its
    // validators are keyed on it bare (emit/validators/bare.ts): a context built, nothing computed.
    expect([...new Set(memo.built)].sort()).toEqual([
      "docs-index-row:C",
      "docs-page:C",
      "json-schema:C",
      "typescript:C",
      "validators:C",
    ]);
    expect([...new Set(memo.computed)].sort()).toEqual([
      "docs-index-row:C",
      "docs-page:C",
      "json-schema:C",
      "typescript:C",
    ]);
    const unchanged = spy(w.store);
    w.run(fresh(changed), unchanged);
    expect(unchanged.built).toEqual([]);
    expect(unchanged.computed).toEqual([]);
  });

  it("files a change does not reach are the last run's texts, not assembled again", () => {
    const w = watchLike();
    w.run(fresh(base));
    const memo = spy(w.store, w.joined);
    w.run(fresh(edits[0]![1](fresh(base))), memo);
    // C's description is in the types files, schema.json, its page and the index's row: those only (the
    // index once for its tables, once with its banner).
    expect(memo.assembledAgain.map((name) => name.split("\0")[0]).sort()).toEqual([
      "docs-file",
      "docs-index",
      "json-schema",
      "typescript",
      "typescript",
    ]);
  });

  it("a referenced type changed: the pages showing its references build their context again", () => {
    const w = watchLike();
    w.run(fresh(base));
    const memo = spy(w.store);
    w.run(fresh(edits[1]![1](fresh(base))), memo);
    const pages = memo.built.filter((b) => b.startsWith("docs-page:")).sort();
    // B itself, A (B is in its diagram), C (B now refers to it).
    expect(pages).toEqual(["docs-page:A", "docs-page:B", "docs-page:C"]);
  });
});

/** One random edit of a random model's type (models keep at least one type). */
function randomEdit(m: Model, how: string, pick: number): Model {
  const t = m.types[pick % m.types.length]!;
  const others = m.types.filter((x) => x !== t);
  const sorted = (types: NamedType[]) => [...types].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  if (how === "doc") return { ...m, types: sorted([...others, { ...t, attrs: { ...t.attrs, doc: "edited" } }]) };
  if (how === "member") {
    const node = obj([member("Added", ref(m.types[0]!.name), true)]);
    return { ...m, types: sorted([...others, { ...t, node }]) };
  }
  if (how === "open") {
    const node = t.node.kind === "enum" ? { ...t.node, open: !t.node.open } : enm(["x"]);
    return { ...m, types: sorted([...others, { ...t, node }]) };
  }
  if (how === "remove") return others.length > 0 ? { ...m, types: others } : m;
  const json = JSON.stringify(m).replaceAll(JSON.stringify(t.name), JSON.stringify(`${t.name}Renamed`));
  const renamed = JSON.parse(json) as Model;
  return { ...renamed, types: sorted(renamed.types) };
}
