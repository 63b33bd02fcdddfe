// Enum members: booleans that a YAML conversion made of "ON"/"OFF" are repaired from the
// authority; members are the union over every source, each tagged with who lists it.
import type { EnumMember } from "../../ir/model.js";
import { claimOf, fact, list, shapeClaims, type Policy } from "../context.js";

const FALSY = ["OFF", "NO", "FALSE", "DISABLED"];
const TRUTHY = ["ON", "YES", "TRUE", "ENABLED"];

export const repairBooleanEnums: Policy = (ctx) => {
  if (!ctx.policies.repairBooleanEnums || !ctx.authority) return;
  for (const t of ctx.types.values()) {
    const n = t.node;
    if (n.kind !== "enum") continue;
    const model = ctx.authority.shapes.get(t.sourceName)?.enum;
    if (!model) continue;
    const present = new Set(n.members.map((m) => m.value));
    for (const m of n.members) {
      if (typeof m.value !== "boolean") continue;
      const wanted = m.value ? TRUTHY : FALSY;
      const replacement = model.find((v) => wanted.includes(v.toUpperCase()) && !present.has(v));
      if (!replacement) continue;
      const was = m.value;
      m.value = replacement;
      present.add(replacement);
      m.attrs.facts.push(
        fact(ctx.authority.source.id, "enum", `repaired boolean ${was} to ${JSON.stringify(replacement)}`),
      );
      ctx.decide({
        subject: t.sourceName,
        kind: "boolean-enum-repair",
        claims: [
          claimOf("json-structure", `lists boolean ${was}`, m.attrs.at),
          claimOf(
            ctx.authority.source.id,
            `lists ${JSON.stringify(replacement)}`,
            ctx.authority.shapes.get(t.sourceName)?.at,
          ),
        ],
        decision: `${was} is ${JSON.stringify(replacement)} (a YAML conversion read the service's ${replacement} as a boolean)`,
        rule: "repairBooleanEnums",
        disagreement: true,
      });
    }
  }
};

export const enumMembers: Policy = (ctx) => {
  for (const t of ctx.types.values()) {
    const n = t.node;
    if (n.kind !== "enum") continue;
    const claims = shapeClaims(ctx, t.sourceName).filter((c) => c.shape.enum);
    const others = claims.filter((c) => c.source !== "json-structure");
    if (others.length === 0) {
      // Only when it changes: watch shares types that no step changes, frozen (cache/build-memo.ts).
      const open = ctx.policies.openEnums;
      if (n.open !== open || !Object.hasOwn(n, "open")) n.open = open;
      continue;
    }
    // The corpus's own (repaired) members count as its listing.
    const own = new Set(n.members.filter((m) => typeof m.value === "string").map((m) => m.value as string));
    const listing = new Set<string>();
    for (const c of others) for (const v of c.shape.enum!) listing.add(v);
    const useAuthority = ctx.policies.enumMembers === "authority" && ctx.authority?.shapes.get(t.sourceName)?.enum;
    const values = useAuthority
      ? [...ctx.authority!.shapes.get(t.sourceName)!.enum!]
      : [...new Set([...own, ...listing])];
    const members: EnumMember[] = values.map((v) => {
      const existing = n.members.find((m) => m.value === v);
      const m: EnumMember = existing ?? { value: v, attrs: { facts: [] } };
      for (const c of claims) {
        const lists = c.source === "json-structure" ? own.has(v) : c.shape.enum!.includes(v);
        // Only a listing counts as already said (a repair fact is not a listing).
        if (
          !m.attrs.facts.some(
            (f) => f.about === "enum" && f.source === c.source && /^(lists|omits)\b/.test(f.claim ?? ""),
          )
        )
          m.attrs.facts.push(fact(c.source, "enum", lists ? "lists" : "omits", c.shape.at));
        else if (c.source === "json-structure" && !lists)
          m.attrs.facts.push(fact(c.source, "enum", "omits", c.shape.at));
      }
      return m;
    });
    const differing = claims.filter((c) => {
      const set = c.source === "json-structure" ? own : new Set(c.shape.enum);
      return set.size !== values.length || values.some((v) => !set.has(v));
    });
    n.members = members;
    n.open = ctx.policies.openEnums;
    if (differing.length > 0) {
      ctx.decide({
        subject: t.sourceName,
        kind: "enum-members",
        claims: claims.map((c) =>
          claimOf(c.source, `lists ${list(c.source === "json-structure" ? [...own] : c.shape.enum!)}`, c.shape.at),
        ),
        decision: `members: ${list(values)}${ctx.policies.openEnums ? "; open at run time (unknown values are drift, rejected in strict mode)" : ""}`,
        rule: useAuthority ? "enumMembers=authority" : "enumMembers=union",
        disagreement: true,
      });
    }
  }
};
