// Members and required-ness: the authority's members are added where the corpus lacks them;
// required comes from the authority; kinds that disagree are settled by the wire protocol.
import { claimOf, fact, shapeClaims, type Policy, type PolicyContext, type ShapeClaims } from "../context.js";
import { refTo } from "../import-shape.js";

export const members: Policy = (ctx) => {
  const auth = ctx.authority;
  if (!auth) return;
  for (const t of [...ctx.types.values()]) {
    const n = t.node;
    const a = auth.shapes.get(t.sourceName);
    if (n.kind !== "object" || !a?.members) continue;
    const have = new Set(n.members.map((m) => m.name));
    for (const [name, m] of Object.entries(a.members)) {
      if (have.has(name)) continue;
      const add = ctx.policies.addMissingMembers;
      if (add) {
        n.members.push({
          name,
          type: refTo(ctx, auth, m.shape),
          required: m.required === true,
          attrs: {
            ...(m.doc ? { doc: m.doc } : {}),
            ...(m.at ? { at: m.at } : {}),
            facts: [
              fact(auth.source.id, "member", "declares", m.at),
              fact("json-structure", "member", "omits", t.attrs.at),
            ],
          },
        });
      }
      ctx.decide({
        subject: `${t.sourceName}.${name}`,
        kind: "member-missing",
        claims: [
          claimOf("json-structure", "no such member", t.attrs.at),
          claimOf(auth.source.id, `member of shape ${m.shape ?? "?"}${m.required ? ", required" : ""}`, m.at),
        ],
        decision: add ? `added from ${auth.source.id}` : "not added",
        rule: `addMissingMembers=${add}`,
        disagreement: true,
      });
    }
    for (const m of n.members) {
      const am = a.members[m.name];
      if (am?.shape && m.type.kind === "ref" && have.has(m.name)) {
        const own = ctx.byName.get(m.type.name)?.sourceName ?? m.type.name;
        if (own !== am.shape) {
          const adopt = ctx.policies.constraints === "authority";
          if (adopt) m.type = { ...refTo(ctx, auth, am.shape), attrs: m.type.attrs };
          ctx.decide({
            subject: `${t.sourceName}.${m.name}`,
            kind: "member-shape",
            claims: [
              claimOf("json-structure", `shape ${own}`, m.attrs.at),
              claimOf(auth.source.id, `shape ${am.shape}`, am.at),
            ],
            decision: adopt ? `shape ${am.shape} (the newer model)` : `shape ${own} kept`,
            rule: `constraints=${ctx.policies.constraints}`,
            disagreement: true,
          });
        }
      }
      if (am || !have.has(m.name)) continue;
      ctx.decide({
        subject: `${t.sourceName}.${m.name}`,
        kind: "member-extra",
        claims: [claimOf("json-structure", "declares it", m.attrs.at), claimOf(auth.source.id, "no such member", a.at)],
        decision: "kept (optional members cost nothing on the wire)",
        rule: "members",
        disagreement: true,
      });
    }
  }
};

export const required: Policy = (ctx) => {
  for (const t of ctx.types.values()) {
    const n = t.node;
    if (n.kind !== "object") continue;
    const shapes = shapeClaims(ctx, t.sourceName);
    const names = disagreeing(ctx, shapes);
    if (names.size === 0) continue;
    for (const m of n.members) {
      if (!names.has(m.name)) continue;
      const claims = shapes
        .map((c) => ({ source: c.source, m: c.shape.members?.[m.name] }))
        .filter(
          (c): c is { source: string; m: NonNullable<typeof c.m> } => c.m !== undefined && c.m.required !== undefined,
        );
      if (claims.length < 2 || claims.every((c) => c.m.required === claims[0]!.m.required)) continue;
      const authority = ctx.authority && claims.find((c) => c.source === ctx.authority!.source.id);
      const decided = ctx.policies.required === "authority" && authority ? authority.m.required! : m.required;
      m.required = decided;
      m.attrs.facts.push(fact(authority?.source ?? "json-structure", "required", decided ? "required" : "optional"));
      ctx.decide({
        subject: `${t.sourceName}.${m.name}`,
        kind: "required",
        claims: claims.map((c) => claimOf(c.source, c.m.required ? "required" : "optional", c.m.at)),
        decision: decided ? "required" : "optional",
        rule: `required=${ctx.policies.required}`,
        disagreement: true,
      });
    }
  }
};

/** The names of members that two of `shapes` say are required and not required. */
function disagreeing(ctx: PolicyContext, shapes: ShapeClaims): ReadonlySet<string> {
  if (shapes.length < 2) return NONE;
  // A function of the claims: noted with the first, for the same list of claims.
  const notes = ctx.notes(shapes[0]!.shape);
  const known = notes.disagreements;
  if (known && known.claims.length === shapes.length && known.claims.every((c, i) => c.shape === shapes[i]!.shape))
    return known.names;
  let names: Set<string> | undefined;
  for (const c of shapes) {
    for (const name of Object.keys(c.shape.members ?? {}))
      if (!names?.has(name) && disagree(shapes, name)) (names ??= new Set()).add(name);
  }
  notes.disagreements = { claims: shapes, names: names ?? NONE };
  return notes.disagreements.names;
}

const NONE: ReadonlySet<string> = new Set();

/** Whether two sources say whether member `name` is required, and not alike (nothing built to tell). */
function disagree(shapes: ShapeClaims, name: string): boolean {
  let first: boolean | undefined;
  for (const c of shapes) {
    const r = c.shape.members?.[name]?.required;
    if (r === undefined) continue;
    if (first === undefined) first = r;
    else if (r !== first) return true;
  }
  return false;
}
