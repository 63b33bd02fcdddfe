// Tiny builders for hand-made IR models in tests.
import type {
  Attributes, Constraints, EnumValue, Member, Model, NamedType, PrimitiveName, TypeNode,
} from "../../generator/ir/model.js";

const a = (extra: Partial<Attributes> = {}): Attributes => ({ facts: [], ...extra });

export const prim = (primitive: PrimitiveName, constraints: Constraints = {}, attrs: Partial<Attributes> = {}): TypeNode =>
  ({ kind: "primitive", primitive, constraints, attrs: a(attrs) });
export const ref = (name: string): TypeNode => ({ kind: "ref", name, attrs: a() });
export const arr = (items: TypeNode, constraints: Constraints = {}): TypeNode => ({ kind: "array", items, constraints, attrs: a() });
export const set = (items: TypeNode): TypeNode => ({ kind: "set", items, constraints: {}, attrs: a() });
export const map = (values: TypeNode): TypeNode => ({ kind: "map", values, attrs: a() });
export const union = (...options: TypeNode[]): TypeNode => ({ kind: "union", options, attrs: a() });
export const enm = (values: EnumValue[], base: PrimitiveName = "string"): TypeNode =>
  ({ kind: "enum", base, members: values.map((value) => ({ value, attrs: a() })), attrs: a() });
export const obj = (members: Member[], additional: boolean | TypeNode = true): TypeNode => ({ kind: "object", members, additional, attrs: a() });
export const member = (name: string, type: TypeNode, required = false, attrs: Partial<Attributes> = {}): Member =>
  ({ name, type, required, attrs: a(attrs) });

export function named(name: string, node: TypeNode, opts: Partial<Omit<NamedType, "name" | "node">> & { doc?: string } = {}): NamedType {
  const { doc, attrs, ...rest } = opts;
  return {
    name,
    sourceName: name,
    role: "shape",
    root: false,
    node,
    attrs: { ...a(attrs), ...(doc !== undefined ? { doc } : {}), at: { file: `schemas/${name}.json`, pointer: "", line: 1, column: 1 } },
    ...rest,
  };
}

export const model = (name: string, types: NamedType[]): Model =>
  ({ name, types: [...types].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)), diagnostics: [] });
