// Scalar facts: timestamp wire format, lengths/ranges/patterns, sensitivity, and kinds.
import type { TypeNode } from "../../ir/model.js";
import { claimOf, fact, shapeClaims, type Policy, type PolicyContext } from "../context.js";
import type { ShapeClaim } from "../evidence.js";
import { toEcmaPattern } from "../pattern.js";

export const timestamps: Policy = (ctx) => {
  if (ctx.policies.timestamps !== "protocol" || !ctx.authority) return;
  for (const t of ctx.types.values()) {
    const n = t.node;
    const a = ctx.authority.shapes.get(t.sourceName);
    if (n.kind !== "primitive" || a?.kind !== "timestamp" || a.timestampWire !== "epoch-seconds") continue;
    if (n.encoding === "epoch-seconds") continue;
    n.primitive = "datetime";
    n.encoding = "epoch-seconds";
    n.attrs.facts.push(fact(ctx.authority.source.id, "timestamp", "epoch seconds (JSON protocol)", a.at));
    ctx.decide({
      subject: t.sourceName,
      kind: "timestamp",
      claims: [
        claimOf("json-structure", `${JSON.stringify(n.primitive)} (RFC 3339 string)`, t.attrs.at),
        claimOf(ctx.authority.source.id, "timestamp; the json protocol sends epoch seconds", a.at),
        ...shapeClaims(ctx, t.sourceName)
          .filter(
            (c) =>
              c.source !== "json-structure" && c.source !== ctx.authority!.source.id && c.shape.kind === "timestamp",
          )
          .map((c) => claimOf(c.source, "timestamp", c.shape.at)),
      ],
      decision: "wire view: a JSON number of epoch seconds (fractions allowed); SDK view: Date",
      rule: "timestamps=protocol",
      disagreement: true,
    });
  }
};

function setBound(
  ctx: PolicyContext,
  subject: string,
  node: TypeNode,
  which: "min" | "max" | "pattern",
  a: ShapeClaim,
  own: ShapeClaim | undefined,
  source: string,
): void {
  if (node.kind !== "primitive" && node.kind !== "array" && node.kind !== "set") return;
  const isString = node.kind === "primitive" && node.primitive === "string";
  const isNumber = node.kind === "primitive" && !isString;
  const key =
    which === "pattern"
      ? "pattern"
      : node.kind !== "primitive"
        ? which === "min"
          ? "minItems"
          : "maxItems"
        : isNumber
          ? which === "min"
            ? "minimum"
            : "maximum"
          : which === "min"
            ? "minLength"
            : "maxLength";
  if (which === "pattern" && !isString) return;
  const ours = which === "pattern" ? own?.pattern : own?.[which];
  const theirs = which === "pattern" ? a.pattern : a[which];
  if (ours === theirs || theirs === undefined) return;
  const ecma = which === "pattern" ? toEcmaPattern(String(theirs)) : theirs;
  if (ecma === undefined) {
    ctx.decide({
      subject,
      kind: `constraint:${key}`,
      claims: [
        claimOf("json-structure", ours === undefined ? "none" : JSON.stringify(ours), own?.at),
        claimOf(source, JSON.stringify(theirs), a.at),
      ],
      decision: `${key} kept as the corpus has it: ${JSON.stringify(theirs)} is not an ECMA-262 pattern`,
      rule: `constraints=${ctx.policies.constraints}`,
      disagreement: true,
    });
    return;
  }
  if (ctx.policies.constraints === "authority") {
    const c = node.constraints as Record<string, unknown>;
    if (which === "pattern") c[key] = { source: ecma, unicode: /\\[pP]\{/.test(String(ecma)) };
    else c[key] = theirs;
    node.attrs.facts.push(fact(source, key, String(theirs), a.at));
  }
  ctx.decide({
    subject,
    kind: `constraint:${key}`,
    claims: [
      claimOf("json-structure", ours === undefined ? "none" : JSON.stringify(ours), own?.at),
      claimOf(source, JSON.stringify(theirs), a.at),
    ],
    decision:
      ctx.policies.constraints === "authority"
        ? `${key} ${JSON.stringify(theirs)} (the newer model)`
        : `${key} kept as the corpus has it`,
    rule: `constraints=${ctx.policies.constraints}`,
    disagreement: true,
  });
}

export const constraints: Policy = (ctx) => {
  if (!ctx.authority) return;
  for (const t of ctx.types.values()) {
    const a = ctx.authority.shapes.get(t.sourceName);
    const own = ctx.schema.shapes.get(t.sourceName);
    // A type imported from the authority already has its constraints: nothing to compare.
    if (!a || !own) continue;
    for (const w of ["min", "max", "pattern"] as const)
      setBound(ctx, t.sourceName, t.node, w, a, own, ctx.authority.source.id);
  }
};

export const sensitive: Policy = (ctx) => {
  if (ctx.policies.sensitive !== "union") return;
  for (const t of ctx.types.values()) {
    const claims = shapeClaims(ctx, t.sourceName);
    const marking = claims.filter((c) => c.shape.sensitive);
    if (marking.length === 0 || marking.length === claims.length) continue;
    t.attrs.sensitive = true;
    t.attrs.facts.push(...marking.map((c) => fact(c.source, "sensitive", "sensitive", c.shape.at)));
    ctx.decide({
      subject: t.sourceName,
      kind: "sensitive",
      claims: claims.map((c) => claimOf(c.source, c.shape.sensitive ? "sensitive" : "not marked", c.shape.at)),
      decision: "sensitive (any source marking it is enough)",
      rule: "sensitive=union",
      disagreement: true,
    });
  }
};

const KIND_OF: Record<string, string> = {
  ref: "?",
  primitive: "scalar",
  enum: "enum",
  object: "object",
  map: "map",
  array: "array",
  set: "array",
};

/** A `long` is a JSON number in AWS's JSON protocols, wider than the int32 the corpus says. */
export const kinds: Policy = (ctx) => {
  if (!ctx.authority) return;
  for (const t of ctx.types.values()) {
    const n = t.node;
    const a = ctx.authority.shapes.get(t.sourceName);
    const own = ctx.schema.shapes.get(t.sourceName);
    if (!a || !own || own.kind === a.kind) continue;
    if (own.kind === "timestamp" && a.kind === "timestamp") continue;
    let decision = `kept as the corpus has it (${KIND_OF[n.kind] ?? n.kind})`;
    if (n.kind === "primitive" && a.kind === "long" && own.kind === "integer") {
      n.primitive = "number";
      n.constraints = { ...n.constraints, multipleOf: 1 };
      delete n.constraints.minimum;
      delete n.constraints.maximum;
      if (a.min !== undefined) n.constraints.minimum = a.min;
      if (a.max !== undefined) n.constraints.maximum = a.max;
      decision = "an integer JSON number of any size (a long in the json protocol)";
    }
    ctx.decide({
      subject: t.sourceName,
      kind: "kind",
      claims: [claimOf("json-structure", own.kind, own.at), claimOf(ctx.authority.source.id, a.kind, a.at)],
      decision,
      rule: "kinds",
      disagreement: true,
    });
  }
};
