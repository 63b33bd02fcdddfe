// Stage 3, reconcile: every evidence source is compared with the corpus, policies decide,
// and each decision is recorded in the IR (facts on nodes, decisions on the model).
import type { Decision, Model, NamedType } from "../ir/model.js";
import type { CorpusConfig } from "./config.js";
import type { PolicyContext, Policy } from "./context.js";
import type { Evidence } from "./evidence.js";
import { enumMembers, repairBooleanEnums } from "./policies/enums.js";
import { members, required } from "./policies/members.js";
import { observations } from "./policies/observations.js";
import { applyOverride } from "./policies/overrides.js";
import { deprecated, knownValues } from "./policies/prose.js";
import { constraints, kinds, sensitive, timestamps } from "./policies/scalars.js";
import { errorEnvelope, types } from "./policies/types.js";
import { jsonStructureEvidence, type OwnEvidenceMemo } from "./sources/json-structure.js";

/**
 * What watch mode keeps between runs (cache/build-memo.ts): what a description says, by its text, the
 * claim of a type that cannot have changed (json-structure.ts), and what policies work out from a claim
 * (context.ts PolicyContext.notes).
 */
export interface ReconcileMemo extends OwnEvidenceMemo {
  notes?: PolicyContext["notes"];
}

/** Order matters: repairs before unions, members before required-ness, overrides last. */
export const POLICIES: [string, Policy][] = [
  ["repairBooleanEnums", repairBooleanEnums],
  ["enumMembers", enumMembers],
  ["members", members],
  ["required", required],
  ["kinds", kinds],
  ["timestamps", timestamps],
  ["constraints", constraints],
  ["sensitive", sensitive],
  ["deprecatedFromProse", deprecated],
  ["knownValuesFromProse", knownValues],
  ["observations", observations],
  ["types", types],
  ["errorEnvelope", errorEnvelope],
];

/**
 * `inPlace`: the caller hands `input` over (the pipeline's fresh resolve result), so it is rewritten
 * rather than copied first. The corpus's own evidence is read from it before any policy runs, and holds
 * no object a policy changes, so the result is the same either way.
 */
export function reconcile(
  input: Model,
  evidence: Evidence[],
  config: Pick<CorpusConfig, "authority" | "policies" | "overrides">,
  options: { inPlace?: boolean; memo?: ReconcileMemo } = {},
): Model {
  const model: Model = options.inPlace ? input : structuredClone(input);
  const decisions: Decision[] = [];
  const typesBySource = new Map<string, NamedType>(model.types.map((t) => [t.sourceName, t]));
  const byName = new Map<string, NamedType>(model.types.map((t) => [t.name, t]));
  const ctx: PolicyContext = {
    model,
    types: typesBySource,
    byName,
    schema: jsonStructureEvidence(input, options.memo),
    others: evidence,
    ...(config.authority ? { authority: evidence.find((e) => e.source.id === config.authority)! } : {}),
    policies: config.policies,
    notes: options.memo?.notes ?? (() => ({})),
    decide: (d) => decisions.push(d),
    addType: (t) => {
      model.types.push(t);
      typesBySource.set(t.sourceName, t);
      byName.set(t.name, t);
      return t.name;
    },
  };
  for (const [, policy] of POLICIES) policy(ctx);
  for (const o of config.overrides) applyOverride(ctx, o);
  model.types.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  decisions.sort((a, b) =>
    a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0,
  );
  model.reconciliation = {
    sources: [ctx.schema.source, ...evidence.map((e) => e.source)].map((s) => ({
      id: s.id,
      kind: s.kind,
      description: s.description,
    })),
    ...(config.authority ? { authority: config.authority } : {}),
    decisions,
    // Which shapes the service receives and sends: the diff's read and write sides.
    ...(ctx.authority?.operations ? { operations: structuredClone(ctx.authority.operations) } : {}),
  };
  return model;
}
