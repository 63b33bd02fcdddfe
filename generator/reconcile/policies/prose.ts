// Facts from prose: deprecation ("no longer supported"), known values of plain string members
// ("The possible values in this list are HASH_KEY and RANGE_KEY"), and what prose says
// about enum members (evidence only: prose does not decide membership).
import type { EnumMember, Member, NamedType, TypeNode } from "../../ir/model.js";
import { claimOf, fact, list, resolveNode, shapeClaims, type Policy, type PolicyContext } from "../context.js";
import type { ShapeClaims } from "../context.js";
import type { ShapeClaim } from "../evidence.js";

type MemberEvidence = {
  source: string;
  doc?: string;
  deprecated?: string;
  proseValues?: string[];
  at?: Member["attrs"]["at"];
};

type Says = "deprecated" | "proseValues";

/** Whether any member of a claim says it is deprecated, and whether any lists values. */
function says(claim: ShapeClaim): Record<Says, boolean> {
  const s = { deprecated: false, proseValues: false };
  for (const m of Object.values(claim.members ?? {})) {
    if (m.deprecated !== undefined) s.deprecated = true;
    if (m.proseValues !== undefined && m.proseValues.length > 0) s.proseValues = true;
  }
  return s;
}

/** Whether any source's claim about the type says `key` of any member (else no member need be asked). */
function anyMemberSays(ctx: PolicyContext, claims: ShapeClaims, key: Says): boolean {
  for (const c of claims) {
    const notes = ctx.notes(c.shape);
    if ((notes.says ??= says(c.shape))[key]) return true;
  }
  return false;
}

/** Whether any source's claim about member `m` has `key` (before building its evidence). */
function anySays(claims: ShapeClaims, m: Member, key: Says): boolean {
  for (const c of claims) {
    const v = c.shape.members?.[m.name]?.[key];
    if (key === "deprecated" ? v !== undefined : v !== undefined && v.length > 0) return true;
  }
  return false;
}

/** `claims`: shapeClaims of the member's type (computed once per type, not per member). */
function memberEvidence(claims: ShapeClaims, m: Member): MemberEvidence[] {
  return claims
    .map((c) => ({ source: c.source, m: c.shape.members?.[m.name] }))
    .filter((c) => c.m !== undefined)
    .map((c) => ({ source: c.source, ...c.m! }));
}

export const deprecated: Policy = (ctx) => {
  if (!ctx.policies.deprecatedFromProse) return;
  for (const t of ctx.types.values()) {
    if (t.node.kind !== "object") continue;
    const claims = shapeClaims(ctx, t.sourceName);
    if (!anyMemberSays(ctx, claims, "deprecated")) continue;
    for (const m of t.node.members) {
      if (m.attrs.deprecated !== undefined || !anySays(claims, m, "deprecated")) continue;
      const ev = memberEvidence(claims, m);
      const saying = ev.filter((e) => e.deprecated !== undefined);
      m.attrs.deprecated = saying[0]!.deprecated!;
      m.attrs.facts.push(...saying.map((e) => fact(e.source, "deprecated", e.deprecated!, e.at)));
      ctx.decide({
        subject: `${t.sourceName}.${m.name}`,
        kind: "deprecated",
        claims: ev.map((e) =>
          claimOf(e.source, e.deprecated !== undefined ? `prose: "${e.deprecated}"` : "not marked", e.at),
        ),
        decision: "deprecated (from prose; no source flags it)",
        rule: "deprecatedFromProse",
        disagreement: saying.length !== ev.length,
      });
    }
  }
};

/** A string member, or an array of strings, whose prose lists values gets those as known values. */
export const knownValues: Policy = (ctx) => {
  if (!ctx.policies.knownValuesFromProse) return;
  for (const t of ctx.types.values()) {
    if (t.node.kind !== "object") continue;
    const claims = shapeClaims(ctx, t.sourceName);
    if (!anyMemberSays(ctx, claims, "proseValues")) continue;
    for (const m of t.node.members) {
      // Prose that lists no values says nothing here, whatever the member's type.
      if (!anySays(claims, m, "proseValues")) continue;
      const target = resolveNode(ctx, m.type);
      const stringItems = (target.kind === "array" || target.kind === "set") && resolveNode(ctx, target.items);
      const isString = (n: TypeNode | false): n is Extract<TypeNode, { kind: "primitive" }> =>
        !!n && n.kind === "primitive" && n.primitive === "string";
      const ev = memberEvidence(claims, m);
      if (target.kind === "enum") {
        proseAboutEnum(ctx, t, m, target, ev);
        continue;
      }
      if (!isString(target) && !isString(stringItems)) continue;
      const listing = ev.filter((e) => (e.proseValues ?? []).length > 0);
      if (listing.length === 0) continue;
      const values = [...new Set(listing.flatMap((e) => e.proseValues!))];
      const known: EnumMember[] = values.map((v) => ({
        value: v,
        attrs: {
          facts: ev.map((e) =>
            fact(e.source, "known-value", (e.proseValues ?? []).includes(v) ? "lists" : "omits", e.at),
          ),
        },
      }));
      const base = isString(target) ? target : (stringItems as Extract<TypeNode, { kind: "primitive" }>);
      const str: TypeNode = {
        ...base,
        knownValues: known,
        attrs: {
          facts: [fact("reconcile", "known-values", `from the prose of ${list(listing.map((e) => e.source))}`)],
        },
      };
      m.type = isString(target) ? str : { ...(target as Extract<TypeNode, { kind: "array" }>), items: str };
      ctx.decide({
        subject: isString(target) ? `${t.sourceName}.${m.name}` : `${t.sourceName}.${m.name}[]`,
        kind: "known-values",
        claims: ev.map((e) =>
          claimOf(
            e.source,
            (e.proseValues ?? []).length > 0 ? `prose lists ${list(e.proseValues!)}` : "prose lists none",
            e.at,
          ),
        ),
        decision: `known values ${list(values)}; any other string is accepted (drift), rejected in strict mode`,
        rule: "knownValuesFromProse",
        disagreement: ev.some((e) => (e.proseValues ?? []).length !== values.length),
      });
    }
  }
};

function proseAboutEnum(
  ctx: PolicyContext,
  t: NamedType,
  m: Member,
  e: Extract<TypeNode, { kind: "enum" }>,
  ev: MemberEvidence[],
): void {
  const listing = ev.filter((x) => (x.proseValues ?? []).length > 0);
  if (listing.length === 0) return;
  const members = e.members.map((x) => String(x.value));
  const gaps = listing.filter(
    (x) => members.some((v) => !x.proseValues!.includes(v)) || x.proseValues!.some((v) => !members.includes(v)),
  );
  if (gaps.length === 0) return;
  ctx.decide({
    subject: `${t.sourceName}.${m.name}`,
    kind: "enum-prose",
    claims: listing.map((x) => {
      const omits = members.filter((v) => !x.proseValues!.includes(v));
      return claimOf(
        x.source,
        `prose lists ${list(x.proseValues!)}${omits.length > 0 ? `; omits ${list(omits)}` : ""}`,
        x.at,
      );
    }),
    decision: `prose is evidence, not a definition: members stay ${list(members)}`,
    rule: "enumMembers",
    disagreement: true,
  });
}
