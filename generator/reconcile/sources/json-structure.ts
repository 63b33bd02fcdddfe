// The JSON Structure corpus as evidence: the IR the resolver built, described in the common
// claim form so policies can compare it with other sources.
import type { Model, NamedType, PrimitiveName, TypeNode } from "../../ir/model.js";
import type { Evidence, MemberClaim, ShapeClaim, ShapeKind } from "../evidence.js";
import { proseDeprecation, proseValues } from "../prose.js";

export const JSON_STRUCTURE = "json-structure";

function primitiveKind(p: PrimitiveName): ShapeKind {
  if (p === "datetime" || p === "date") return "timestamp";
  if (p === "boolean") return "boolean";
  if (p === "binary") return "blob";
  if (/^u?int(8|16|32)$|^integer$/.test(p)) return "integer";
  if (/^u?int(64|128)$/.test(p)) return "long";
  if (p === "number" || p === "float" || p === "double" || p === "float8" || p === "decimal") return "number";
  return "string";
}

/** Kind and shape name of a node as a member or item sees it. */
function shapeOf(node: TypeNode): { kind?: ShapeKind; shape?: string } {
  switch (node.kind) {
    case "ref":
      return { shape: node.name };
    case "primitive":
      return { kind: primitiveKind(node.primitive) };
    case "enum":
      return { kind: "enum" };
    case "array":
    case "set":
      return { kind: "array" };
    case "map":
      return { kind: "map" };
    case "object":
      return { kind: "object" };
    default:
      return {};
  }
}

/** What a description says, read from its text alone: the values it lists, a deprecation. */
export interface ProseFacts {
  values: string[];
  deprecated: string | undefined;
}

const NOTHING: ProseFacts = { values: [], deprecated: undefined };

/** What watch mode keeps between runs for this evidence (reconcile/index.ts ReconcileMemo). */
export interface OwnEvidenceMemo {
  /** The facts of a description read before, by its text. */
  prose(text: string, read: () => ProseFacts): ProseFacts;
  /** A type's claim computed before, for a type that cannot have changed. */
  claim?(type: NamedType, compute: () => ShapeClaim): ShapeClaim;
}

export function jsonStructureEvidence(model: Model, memo?: OwnEvidenceMemo): Evidence {
  const read = (text: string) => () => ({ values: proseValues(text), deprecated: proseDeprecation(text) });
  const prose = (text: string | undefined): ProseFacts =>
    text === undefined ? NOTHING : memo ? memo.prose(text, read(text)) : read(text)();
  // A type's own deprecation: through the memo (both facts at once), else only that one.
  const deprecation = memo ? (text: string | undefined) => prose(text).deprecated : proseDeprecation;
  const shapes = new Map<string, ShapeClaim>();
  for (const t of model.types) {
    const claim = () => claimOf(t, prose, deprecation);
    shapes.set(t.sourceName, memo?.claim ? memo.claim(t, claim) : claim());
  }
  return {
    source: { id: JSON_STRUCTURE, kind: "json-structure", description: `the ${model.name} JSON Structure files` },
    shapes,
  };
}

/** A type's claim: a function of the type alone (the prose functions read only the text they are given). */
function claimOf(
  t: NamedType,
  prose: (text: string | undefined) => ProseFacts,
  deprecation: (text: string | undefined) => string | undefined,
): ShapeClaim {
  const n = t.node;
  const base = {
    name: t.sourceName,
    ...(t.attrs.at ? { at: t.attrs.at } : {}),
    ...(t.attrs.doc ? { doc: t.attrs.doc } : {}),
  };
  let claim: ShapeClaim;
  switch (n.kind) {
    case "object": {
      const members: Record<string, MemberClaim> = {};
      for (const m of n.members) {
        const facts = prose(m.attrs.doc);
        const pv = facts.values;
        const dep = m.attrs.deprecated ?? facts.deprecated;
        // Set in place (shapeOf's object is new), in the order the claim has always had its members.
        const mc: MemberClaim = shapeOf(m.type);
        mc.required = m.required;
        if (m.attrs.doc) mc.doc = m.attrs.doc;
        if (pv.length > 0) mc.proseValues = pv;
        if (dep !== undefined) mc.deprecated = dep;
        if (m.attrs.at) mc.at = m.attrs.at;
        // A member named __proto__ stays a member.
        if (m.name === "__proto__")
          Object.defineProperty(members, m.name, { value: mc, enumerable: true, writable: true, configurable: true });
        else members[m.name] = mc;
      }
      claim = { ...base, kind: "object", members, ...(t.role === "error" ? { error: true } : {}) };
      break;
    }
    case "enum":
      claim = {
        ...base,
        kind: "enum",
        enum: n.members.map((m) => (typeof m.value === "string" ? m.value : JSON.stringify(m.value))),
      };
      break;
    case "array":
    case "set": {
      const items = shapeOf(n.items).shape;
      claim = { ...base, kind: "array", ...(items ? { items } : {}) };
      if (n.constraints.minItems !== undefined) claim.min = n.constraints.minItems;
      if (n.constraints.maxItems !== undefined) claim.max = n.constraints.maxItems;
      break;
    }
    case "map": {
      const values = shapeOf(n.values).shape;
      claim = { ...base, kind: "map", ...(values ? { values } : {}) };
      break;
    }
    case "primitive": {
      claim = { ...base, kind: primitiveKind(n.primitive) };
      const c = n.constraints;
      const lo = claim.kind === "string" ? c.minLength : c.minimum;
      const hi = claim.kind === "string" ? c.maxLength : c.maximum;
      if (lo !== undefined) claim.min = Number(lo);
      if (hi !== undefined) claim.max = Number(hi);
      if (c.pattern) claim.pattern = c.pattern.source;
      if (claim.kind === "timestamp")
        claim.timestampWire = n.encoding === "epoch-seconds" ? "epoch-seconds" : "rfc3339";
      break;
    }
    default:
      claim = { ...base, kind: "document" };
  }
  if (t.attrs.sensitive || (n.kind === "primitive" && n.attrs.sensitive)) claim.sensitive = true;
  const dep = t.attrs.deprecated ?? deprecation(t.attrs.doc);
  if (dep !== undefined) claim.deprecated = dep;
  return claim;
}
