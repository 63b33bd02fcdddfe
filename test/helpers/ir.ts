// Tiny builders for hand-made IR models in tests.
import type {
  Attributes,
  Claim,
  Constraints,
  Decision,
  EnumMember,
  EnumValue,
  Fact,
  Member,
  Model,
  NamedType,
  PrimitiveName,
  Reconciliation,
  TypeNode,
} from "../../generator/ir/model.js";

const a = (extra: Partial<Attributes> = {}): Attributes => ({ facts: [], ...extra });

export const prim = (
  primitive: PrimitiveName,
  constraints: Constraints = {},
  attrs: Partial<Attributes> = {},
): TypeNode => ({ kind: "primitive", primitive, constraints, attrs: a(attrs) });
export const ref = (name: string): TypeNode => ({ kind: "ref", name, attrs: a() });
export const arr = (items: TypeNode, constraints: Constraints = {}): TypeNode => ({
  kind: "array",
  items,
  constraints,
  attrs: a(),
});
export const set = (items: TypeNode): TypeNode => ({ kind: "set", items, constraints: {}, attrs: a() });
export const map = (values: TypeNode): TypeNode => ({ kind: "map", values, attrs: a() });
export const union = (...options: TypeNode[]): TypeNode => ({ kind: "union", options, attrs: a() });
export const enm = (values: EnumValue[], base: PrimitiveName = "string"): TypeNode => ({
  kind: "enum",
  base,
  members: values.map((value) => ({ value, attrs: a() })),
  attrs: a(),
});
export const obj = (members: Member[], additional: boolean | TypeNode = true): TypeNode => ({
  kind: "object",
  members,
  additional,
  attrs: a(),
});
export const member = (name: string, type: TypeNode, required = false, attrs: Partial<Attributes> = {}): Member => ({
  name,
  type,
  required,
  attrs: a(attrs),
});

/** A per-source fact, as reconciliation leaves them on enum members and known values. */
export const fact = (source: string, about: string, claim: string): Fact => ({ about, source, claim });
/** A value with its facts: `[value, [[source, claim], …]]`, all about `about`. */
export type Sourced = [EnumValue, [source: string, claim: string][]];
const sourced = (about: string, values: Sourced[]): EnumMember[] =>
  values.map(([value, facts]) => ({ value, attrs: a({ facts: facts.map(([s, c]) => fact(s, about, c)) }) }));
/** An enum whose members carry "enum" facts; open by default, as reconciled enums are. */
export const sourcedEnum = (values: Sourced[], open = true): TypeNode => ({
  kind: "enum",
  base: "string",
  members: sourced("enum", values),
  attrs: a(),
  ...(open ? { open } : {}),
});
/** A string with known values (facts about "known-value", or "knownValues" for overrides). */
export const known = (values: Sourced[], constraints: Constraints = {}, about = "known-value"): TypeNode => ({
  kind: "primitive",
  primitive: "string",
  constraints,
  attrs: a(),
  knownValues: sourced(about, values),
});
/** A datetime sent as a JSON number of epoch seconds. */
export const epochSeconds = (): TypeNode => ({
  kind: "primitive",
  primitive: "datetime",
  constraints: {},
  attrs: a(),
  encoding: "epoch-seconds",
});

export const decision = (
  subject: string,
  kind: string,
  claims: [source: string, claim: string][],
  decided: string,
  rule: string,
  extra: Partial<Pick<Decision, "disagreement" | "reason">> = {},
): Decision => ({
  subject,
  kind,
  claims: claims.map(([source, claim]): Claim => ({ source, claim })),
  decision: decided,
  rule,
  disagreement: true,
  ...extra,
});

export function named(
  name: string,
  node: TypeNode,
  opts: Partial<Omit<NamedType, "name" | "node">> & { doc?: string } = {},
): NamedType {
  const { doc, attrs, ...rest } = opts;
  return {
    name,
    sourceName: name,
    role: "shape",
    root: false,
    node,
    attrs: {
      ...a(attrs),
      ...(doc !== undefined ? { doc } : {}),
      at: { file: `schemas/${name}.json`, pointer: "", line: 1, column: 1 },
    },
    ...rest,
  };
}

export const model = (name: string, types: NamedType[], reconciliation?: Reconciliation): Model => ({
  name,
  types: [...types].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)),
  diagnostics: [],
  ...(reconciliation ? { reconciliation } : {}),
});
