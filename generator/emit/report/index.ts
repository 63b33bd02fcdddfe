// reconciliation.json: every decision with each source's claim, the rule and any override reason.
import type { Model } from "../../ir/model.js";
import type { Emitter } from "../files.js";
import { jsonFileText } from "../json-text.js";

export function reportData(model: Model) {
  const r = model.reconciliation;
  if (!r) return undefined;
  const counts: Record<string, number> = {};
  for (const d of r.decisions) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
  return {
    corpus: model.name,
    sources: r.sources,
    ...(r.authority ? { authority: r.authority } : {}),
    summary: {
      decisions: r.decisions.length,
      disagreements: r.decisions.filter((d) => d.disagreement).length,
      byKind: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
    decisions: r.decisions,
  };
}

export const emitReport: Emitter = (model) => {
  const data = reportData(model);
  return data
    ? [{ path: "reconciliation.json", kind: "json", content: jsonFileText(model.name, data), final: true }]
    : [];
};
