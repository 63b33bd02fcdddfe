// Overrides from structgen.json: one fact, one subject, one written reason. Applied last.
import type { EnumMember, Member, NamedType, TypeNode } from "../../ir/model.js";
import { diagnostic, StructgenError } from "../../diagnostics/diagnostic.js";
import type { Override } from "../config.js";
import { claimOf, fact, resolveNode, type PolicyContext } from "../context.js";

type Target = { type: NamedType; member?: Member; items?: boolean };

function find(ctx: PolicyContext, subject: string): Target | undefined {
  const items = subject.endsWith("[]");
  const [typeName, memberName] = subject.replace(/\[\]$/, "").split(".");
  const type = typeName ? ctx.types.get(typeName) : undefined;
  if (!type) return undefined;
  if (memberName === undefined) return { type, items };
  const member = type.node.kind === "object" ? type.node.members.find((m) => m.name === memberName) : undefined;
  return member ? { type, member, items } : undefined;
}

function valuesOf(o: Override): string[] {
  if (!Array.isArray(o.value) || !o.value.every((v) => typeof v === "string")) {
    throw new StructgenError([
      diagnostic(
        "CONFIG_INVALID",
        { reason: `override ${o.subject} ${o.fact}: value must be a list of strings` },
        o.at,
      ),
    ]);
  }
  return o.value as string[];
}

/** A copy of a node that an override may rewrite: its constraints are its own too. */
function local(n: TypeNode): TypeNode {
  return n.kind === "primitive" ? { ...n, constraints: { ...n.constraints } } : { ...n };
}

export function applyOverride(ctx: PolicyContext, o: Override): void {
  const target = find(ctx, o.subject);
  if (!target) throw new StructgenError([diagnostic("OVERRIDE_UNMATCHED", { subject: o.subject, fact: o.fact }, o.at)]);
  const attrs = target.member?.attrs ?? target.type.attrs;
  const f = fact("override", o.fact, o.reason, o.at);
  let before = "";
  const node = (): TypeNode => {
    let n = target.member ? target.member.type : target.type.node;
    if (target.items) {
      const r = resolveNode(ctx, n);
      if (r.kind === "array" || r.kind === "set") {
        // Copies, so the override stays local to this member (or type): a named type's own objects are
        // shared by everything that refers to it.
        const copy = { ...r, items: local(resolveNode(ctx, r.items)) } as typeof r;
        if (target.member) target.member.type = copy;
        else target.type.node = copy;
        n = copy.items;
      }
    } else if (target.member) {
      const r = resolveNode(ctx, n);
      if (r !== n) target.member.type = n = local(r);
    }
    return n;
  };
  switch (o.fact) {
    case "required":
      if (!target.member) break;
      before = target.member.required ? "required" : "optional";
      target.member.required = o.value === true;
      break;
    case "deprecated":
      before = attrs.deprecated !== undefined ? "deprecated" : "not deprecated";
      if (o.value === false) delete attrs.deprecated;
      else attrs.deprecated = typeof o.value === "string" ? o.value : "";
      break;
    case "sensitive":
      before = attrs.sensitive ? "sensitive" : "not sensitive";
      attrs.sensitive = o.value === true;
      break;
    case "enum":
    case "knownValues": {
      const n = node();
      const values = valuesOf(o);
      const members: EnumMember[] = values.map((v) => ({ value: v, attrs: { facts: [f] } }));
      if (n.kind === "enum") {
        before = n.members.map((m) => String(m.value)).join(", ");
        n.members = members;
      } else if (n.kind === "primitive") {
        before = (n.knownValues ?? []).map((m) => String(m.value)).join(", ") || "none";
        n.knownValues = members;
      }
      break;
    }
    case "pattern":
    case "minLength":
    case "maxLength":
    case "timestamp": {
      const n = node();
      if (n.kind !== "primitive") break;
      if (o.fact === "timestamp") {
        before = n.encoding ?? "rfc3339";
        if (o.value === "epoch-seconds") n.encoding = "epoch-seconds";
        else delete n.encoding;
      } else if (o.fact === "pattern") {
        before = n.constraints.pattern?.source ?? "none";
        n.constraints.pattern = { source: String(o.value), unicode: true };
      } else {
        before = String(n.constraints[o.fact] ?? "none");
        n.constraints[o.fact] = Number(o.value);
      }
      break;
    }
  }
  attrs.facts.push(f);
  ctx.decide({
    subject: o.subject,
    kind: `override:${o.fact}`,
    claims: [claimOf("reconciled", before || "(unset)"), claimOf("override", JSON.stringify(o.value), o.at)],
    decision: `${o.fact} = ${JSON.stringify(o.value)}`,
    rule: "override",
    reason: o.reason,
    disagreement: false,
  });
}
