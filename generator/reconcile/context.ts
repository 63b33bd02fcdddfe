// What every policy receives: the model being rewritten, all evidence, and how to record.
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import type { Claim, Decision, Fact, Model, NamedType, TypeNode } from "../ir/model.js";
import { own } from "../load/parse-json.js";
import type { Evidence, ShapeClaim } from "./evidence.js";
import type { Policies } from "./config.js";

export interface PolicyContext {
  /** A private copy: policies rewrite it in place. */
  model: Model;
  /** Named types by the name the sources use. */
  types: Map<string, NamedType>;
  /** Named types by identifier (what `ref` nodes hold). */
  byName: Map<string, NamedType>;
  /** The corpus itself, as it was before reconciliation. */
  schema: Evidence;
  /** Every other source, in config order. */
  others: Evidence[];
  authority?: Evidence;
  policies: Policies;
  /**
   * What policies work out from a claim alone, filled in as they need it. Adapters build a claim whole
   * and policies only read it, so these hold while the claim lives: watch keeps them from run to run
   * (cache/build-memo.ts), where evidence and an unchanged type's claim stay the same objects.
   */
  notes(claim: ShapeClaim): ClaimNotes;
  decide(d: Decision): void;
  /** Adds a named type (imported from a source); returns its identifier. */
  addType(t: NamedType): string;
}

export type Policy = (ctx: PolicyContext) => void;

/** See PolicyContext.notes. */
export interface ClaimNotes {
  /** Whether any member's prose says it is deprecated, and whether any lists values (prose.ts). */
  says?: { deprecated: boolean; proseValues: boolean };
  /** With a type's claims, this one first: the members they disagree on the required-ness of (members.ts). */
  disagreements?: { claims: ShapeClaims; names: ReadonlySet<string> };
}

// Claims and pointers are built from slices of a source's text (a botocore model, an SDK's .d.ts):
// copies, so the model that keeps them does not keep those texts alive. One copy per location.
const owned = new WeakMap<SourceLocation, SourceLocation>();
const ownAt = (at: SourceLocation): SourceLocation => {
  let copy = owned.get(at);
  if (!copy) owned.set(at, (copy = { ...at, pointer: own(at.pointer) }));
  return copy;
};

export const fact = (source: string, about: string, claim: string, at?: Claim["at"]): Fact => ({
  about,
  source,
  claim: own(claim),
  ...(at ? { at: ownAt(at) } : {}),
});

export const claimOf = (source: string, claim: string, at?: Claim["at"]): Claim => ({
  source,
  claim: own(claim),
  ...(at ? { at: ownAt(at) } : {}),
});

export type ShapeClaims = readonly { source: string; shape: ShapeClaim }[];

// Evidence does not change while policies run: each name's claims are gathered once per run.
const claimsByRun = new WeakMap<PolicyContext, Map<string, ShapeClaims>>();

/** Every source's claim about a shape, with the corpus first. */
export function shapeClaims(ctx: PolicyContext, name: string): ShapeClaims {
  let byName = claimsByRun.get(ctx);
  if (!byName) claimsByRun.set(ctx, (byName = new Map()));
  let out = byName.get(name) as { source: string; shape: ShapeClaim }[] | undefined;
  if (out) return out;
  out = [];
  for (const e of [ctx.schema, ...ctx.others]) {
    const s = e.shapes.get(name);
    if (s) out.push({ source: e.source.id, shape: s });
  }
  byName.set(name, out);
  return out;
}

/** Follows references to the node a name finally stands for. */
export function resolveNode(ctx: PolicyContext, node: TypeNode, depth = 0): TypeNode {
  if (node.kind !== "ref" || depth > 32) return node;
  const t = ctx.byName.get(node.name);
  return t ? resolveNode(ctx, t.node, depth + 1) : node;
}

export const list = (vs: readonly string[]): string => (vs.length === 0 ? "none" : vs.join(", "));
