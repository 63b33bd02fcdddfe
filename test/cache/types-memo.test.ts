// Watch mode's type memo: a named type whose canonical JSON is unchanged comes back as the earlier
// run's object (so memos keyed by object hit); any change, however small, gives the new object.
import { describe, expect, it } from "vitest";
import { buildMemos } from "../../generator/cache/build-memo.js";
import { HashIndex } from "../../generator/cache/hash-index.js";
import type { Decision, NamedType } from "../../generator/ir/model.js";

const named = (name: string, doc: string): NamedType => ({
  name,
  sourceName: name,
  role: "shape",
  root: true,
  node: { kind: "primitive", type: "string", attrs: { facts: [] } } as unknown as NamedType["node"],
  attrs: { doc, facts: [] },
});

describe("the type memo", () => {
  it("gives back the earlier object for an equal type and the new one for a changed type", () => {
    const memo = buildMemos(HashIndex.open());
    const first = [named("A", "a"), named("B", "b")];
    expect(memo.types.intern("c", first)).toEqual(first);
    memo.prune();
    const second = [named("A", "a"), named("B", "b, edited")];
    const kept = memo.types.intern("c", second);
    expect(kept[0]).toBe(first[0]);
    expect(kept[1]).toBe(second[1]);
    memo.prune();
    // Another corpus with a type of the same name is not matched against this one's.
    const other = [named("A", "x")];
    expect(memo.types.intern("d", other)[0]).toBe(other[0]);
  });

  it("gives back the earlier decision for an equal one, by subject and kind, and the new one for a change", () => {
    const memo = buildMemos(HashIndex.open());
    const decision = (subject: string, decision: string): Decision => ({
      subject,
      kind: "required",
      claims: [],
      decision,
      rule: "required=authority",
      disagreement: true,
    });
    const first = [decision("A.x", "required"), decision("A.x", "optional"), decision("B.y", "required")];
    memo.types.decisions!("c", first);
    memo.prune();
    // One inserted before the others: they are still matched by subject, kind and order.
    const second = [decision("A.w", "required"), ...first.map((d) => ({ ...d })), decision("B.y", "x")];
    const kept = memo.types.decisions!("c", second);
    expect(kept[1]).toBe(first[0]);
    expect(kept[2]).toBe(first[1]);
    expect(kept[3]).toBe(first[2]);
    expect(kept[0]).toBe(second[0]);
    expect(kept[4]).toBe(second[4]);
    second[3]!.decision = "optional";
    memo.prune();
    expect(memo.types.decisions!("c", [...second])[3]).toBe(second[3]);
  });

  it("forgets a type a run did not produce", () => {
    const memo = buildMemos(HashIndex.open());
    const first = [named("A", "a")];
    memo.types.intern("c", first);
    memo.prune();
    memo.types.intern("c", []);
    memo.prune();
    expect(memo.types.intern("c", [named("A", "a")])[0]).not.toBe(first[0]);
  });
});
