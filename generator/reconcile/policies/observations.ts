// Recorded live responses: values the service really sent. An enum value nobody documents is
// added (tagged "recorded") rather than rejected: the wire is the final word on what exists.
import { claimOf, fact, list, resolveNode, type Policy } from "../context.js";

export const observations: Policy = (ctx) => {
  for (const e of ctx.others) {
    for (const o of e.observations ?? []) {
      const [typeName, memberName] = o.subject.split(".");
      const t = typeName ? ctx.types.get(typeName) : undefined;
      if (!t || t.node.kind !== "object" || !memberName || typeof o.value !== "string") continue;
      const m = t.node.members.find((x) => x.name === memberName);
      if (!m) continue;
      const target = resolveNode(ctx, m.type);
      if (target.kind !== "enum") continue;
      const existing = target.members.find((x) => x.value === o.value);
      if (existing) {
        if (!existing.attrs.facts.some((f) => f.source === e.source.id))
          existing.attrs.facts.push(fact(e.source.id, "enum", "observed", o.at));
        continue;
      }
      target.members.push({ value: o.value, attrs: { facts: [fact(e.source.id, "enum", "observed", o.at)] } });
      ctx.decide({
        subject: o.subject,
        kind: "observed-value",
        claims: [
          claimOf(e.source.id, `observed ${JSON.stringify(o.value)}`, o.at),
          claimOf("sources", `list ${list(target.members.map((x) => String(x.value)))}`),
        ],
        decision: `${JSON.stringify(o.value)} added to the enum`,
        rule: "observations",
        disagreement: true,
      });
    }
  }
};
