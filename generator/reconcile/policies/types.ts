// Whole types one side has and the other lacks.
import { claimOf, fact, type Policy } from "../context.js";

/**
 * AWS JSON protocols send an error as {"__type": "<ShapeName>", "message": …}: every error
 * shape gets the optional `__type` member, so strict validation accepts real error bodies.
 */
export const errorEnvelope: Policy = (ctx) => {
  const auth = ctx.authority;
  if (!auth || (auth.protocol !== "json" && auth.protocol !== "rest-json")) return;
  for (const t of ctx.types.values()) {
    if (t.role !== "error" || t.node.kind !== "object" || t.node.members.some((m) => m.name === "__type")) continue;
    t.node.members.push({
      name: "__type",
      type: { kind: "primitive", primitive: "string", constraints: {}, attrs: { facts: [] } },
      required: false,
      attrs: {
        doc: "The error's type name, as the JSON protocol sends it.",
        facts: [fact(auth.source.id, "member", `${auth.protocol} protocol error envelope`)],
      },
    });
  }
};

export const types: Policy = (ctx) => {
  const auth = ctx.authority;
  if (!auth) return;
  for (const [name, a] of auth.shapes) {
    if (ctx.schema.shapes.has(name)) continue;
    const imported = ctx.types.has(name);
    ctx.decide({
      subject: name,
      kind: "type-missing",
      claims: [
        claimOf("json-structure", "no such type"),
        claimOf(auth.source.id, `${a.kind}${a.error ? " (error)" : ""}`, a.at),
      ],
      decision: imported
        ? `imported from ${auth.source.id} (an added member needs it)`
        : "not added: nothing in the corpus refers to it",
      rule: "types",
      disagreement: true,
    });
  }
  for (const [name, own] of ctx.schema.shapes) {
    const a = auth.shapes.get(name);
    const t = ctx.types.get(name);
    if (a && t && !!a.error !== (t.role === "error")) {
      if (a.error) t.role = "error";
      ctx.decide({
        subject: name,
        kind: "role",
        claims: [
          claimOf("json-structure", own.error ? "error shape" : "shape", own.at),
          claimOf(auth.source.id, a.error ? "exception" : "shape", a.at),
        ],
        decision: a.error ? "an error shape" : "kept as the corpus has it",
        rule: "types",
        disagreement: true,
      });
    }
    if (a) continue;
    ctx.decide({
      subject: name,
      kind: "type-extra",
      claims: [claimOf("json-structure", own.kind, own.at), claimOf(auth.source.id, "no such shape")],
      decision: "kept",
      rule: "types",
      disagreement: true,
    });
  }
};
