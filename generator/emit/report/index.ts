// reconciliation.json: every decision with each source's claim, the rule and any override reason.
import type { Model } from "../../ir/model.js";
import { fragmentsFrom, joinedOf, outputFile, type EmitOptions, type Emitter, type Text } from "../files.js";
import { filledEnds, jsonFileText, jsonItemText } from "../json-text.js";

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

/**
 * reconciliation.json as jsonFileText prints it whole, built from one fragment per decision: each is
 * a non-empty object, so `decisions` breaks and each prints alone on its lines, four spaces in.
 */
function reportText(model: Model, data: NonNullable<ReturnType<typeof reportData>>, options?: EmitOptions): Text {
  const empty = jsonFileText(model.name, { ...data, decisions: [] });
  if (data.decisions.length === 0) return empty;
  // An item reads its decision alone.
  const name = `report\0${model.name}`;
  const decisions = data.decisions;
  const none: unknown[] = [];
  const items = fragmentsFrom(
    options,
    "report",
    name,
    decisions,
    () => none,
    () => null,
    (i) => jsonItemText(decisions[i]!, 4),
  );
  // The report with no decisions, then the decisions in its list.
  const { head, sep, tail } = filledEnds(empty, "[]");
  return joinedOf(options, name, head, items, sep, tail);
}

export const emitReport: Emitter = (model, options) => {
  const data = reportData(model);
  if (!data) return [];
  return [outputFile("reconciliation.json", "json", reportText(model, data, options))];
};
