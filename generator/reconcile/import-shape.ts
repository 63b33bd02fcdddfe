// Shapes a source has and the corpus lacks (a member AWS added later) become IR types, so a
// member added from the model has a real type, with the source recorded as its origin.
import type { Constraints, Member, NamedType, TypeNode } from "../ir/model.js";
import { typeIdentifier } from "../ir/names.js";
import type { Evidence, ShapeClaim } from "./evidence.js";
import { toEcmaPattern } from "./pattern.js";
import { fact, type PolicyContext } from "./context.js";

/** The identifier of `shape` in the model, importing it (and what it reaches) when missing. */
export function ensureShape(ctx: PolicyContext, from: Evidence, shape: string): string | undefined {
  const existing = ctx.types.get(shape);
  if (existing) return existing.name;
  const claim = from.shapes.get(shape);
  if (!claim) return undefined;
  // The identifiers as they stand (a Set of them per import cost more than the import).
  const name = typeIdentifier(shape, ctx.byName);
  const f = fact(from.source.id, "type", `imported: not in the corpus`, claim.at);
  const t: NamedType = {
    name,
    sourceName: shape,
    role: claim.error ? "error" : "shape",
    root: false,
    node: { kind: "any", attrs: { facts: [] } },
    attrs: {
      ...(claim.doc ? { doc: claim.doc } : {}),
      ...(claim.sensitive ? { sensitive: true } : {}),
      ...(claim.at ? { at: claim.at } : {}),
      facts: [f],
    },
  };
  ctx.addType(t); // before converting, so recursive shapes find it
  t.node = nodeFor(ctx, from, claim);
  return name;
}

export function refTo(ctx: PolicyContext, from: Evidence, shape: string | undefined): TypeNode {
  const name = shape ? ensureShape(ctx, from, shape) : undefined;
  return name ? { kind: "ref", name, attrs: { facts: [] } } : { kind: "any", attrs: { facts: [] } };
}

function nodeFor(ctx: PolicyContext, from: Evidence, c: ShapeClaim): TypeNode {
  const attrs = { facts: [fact(from.source.id, "type", c.kind, c.at)] };
  const constraints: Constraints = {};
  switch (c.kind) {
    case "object": {
      const members: Member[] = Object.entries(c.members ?? {}).map(([name, m]) => ({
        name,
        type: refTo(ctx, from, m.shape),
        required: m.required === true,
        attrs: {
          ...(m.doc ? { doc: m.doc } : {}),
          ...(m.at ? { at: m.at } : {}),
          facts: [fact(from.source.id, "member", "declares", m.at)],
        },
      }));
      return { kind: "object", members, additional: true, attrs };
    }
    case "array":
      if (c.min !== undefined) constraints.minItems = c.min;
      if (c.max !== undefined) constraints.maxItems = c.max;
      return { kind: "array", items: refTo(ctx, from, c.items), constraints, attrs };
    case "map":
      return { kind: "map", values: refTo(ctx, from, c.values), attrs };
    case "enum":
      return {
        kind: "enum",
        base: "string",
        open: ctx.policies.openEnums,
        members: (c.enum ?? []).map((v) => ({
          value: v,
          attrs: { facts: [fact(from.source.id, "enum", "lists", c.at)] },
        })),
        attrs,
      };
    case "string":
      if (c.min !== undefined) constraints.minLength = c.min;
      if (c.max !== undefined) constraints.maxLength = c.max;
      if (c.pattern !== undefined && toEcmaPattern(c.pattern) !== undefined)
        constraints.pattern = { source: toEcmaPattern(c.pattern)!, unicode: /\\[pP]\{/.test(c.pattern) };
      return { kind: "primitive", primitive: "string", constraints, attrs };
    case "integer":
      if (c.min !== undefined) constraints.minimum = c.min;
      if (c.max !== undefined) constraints.maximum = c.max;
      return { kind: "primitive", primitive: "int32", constraints, attrs };
    case "long":
      return {
        kind: "primitive",
        primitive: "number",
        constraints: {
          ...(c.min !== undefined ? { minimum: c.min } : {}),
          ...(c.max !== undefined ? { maximum: c.max } : {}),
          multipleOf: 1,
        },
        attrs,
      };
    case "number":
      return { kind: "primitive", primitive: "double", constraints, attrs };
    case "boolean":
      return { kind: "primitive", primitive: "boolean", constraints, attrs };
    case "timestamp":
      return {
        kind: "primitive",
        primitive: "datetime",
        constraints,
        attrs,
        ...(c.timestampWire === "epoch-seconds" ? { encoding: "epoch-seconds" as const } : {}),
      };
    case "blob":
      return { kind: "primitive", primitive: "binary", constraints, attrs };
    default:
      return { kind: "any", attrs };
  }
}
