// Two versions of one named type, node by node. Each difference is emitted once, at the deepest
// subject that explains it: a type that changed kind is not also reported member by member.
import type { Attributes, EnumMember, EnumValue, Member, NamedType, TypeNode } from "../ir/model.js";
import type { FactValue, RawChange } from "./change.js";
import { compareConstraints } from "./constraints.js";
import { describe, signature, type Names } from "./describe.js";
import { includes, relation } from "./domains.js";

export interface Side {
  names: Names;
  byName: Map<string, NamedType>;
}

interface Walk {
  old: Side;
  next: Side;
  /** Source name of the named type being compared. */
  type: string;
  out: RawChange[];
  /** Pairs of referenced types already compared through a changed reference (recursion stops here). */
  following: Set<string>;
}

type Node<K extends TypeNode["kind"]> = Extract<TypeNode, { kind: K }>;
type Facts = Omit<RawChange, "subject" | "type">;

const emit = (w: Walk, subject: string, c: Facts): void => {
  w.out.push({ subject, type: w.type, ...c });
};
const fact = (v: unknown): FactValue | undefined =>
  v === undefined
    ? undefined
    : v === null || ["string", "number", "boolean"].includes(typeof v)
      ? (v as FactValue)
      : JSON.stringify(v);
const facts = (old: unknown, next: unknown) => {
  const o = fact(old);
  const n = fact(next);
  return { ...(o !== undefined ? { old: o } : {}), ...(n !== undefined ? { new: n } : {}) };
};

export function compareType(old: Side, next: Side, o: NamedType, n: NamedType, out: RawChange[]): void {
  const w: Walk = { old, next, type: n.sourceName, out, following: new Set() };
  const path = n.sourceName;
  compareAttrs(w, path, ownAttrs(o.attrs, o.node), ownAttrs(n.attrs, n.node));
  if (o.role !== n.role)
    emit(w, path, { kind: "type-changed", variant: "role", detail: "role", ...facts(o.role, n.role) });
  if (!!o.abstract !== !!n.abstract) {
    emit(w, path, {
      kind: "type-changed",
      variant: n.abstract ? "abstract" : "concrete",
      detail: "abstract",
      ...facts(!!o.abstract, !!n.abstract),
    });
  }
  compareNode(w, path, o.node, n.node);
}

/** Docs, deprecation, sensitivity and default of a type, member or enum value. */
function compareAttrs(w: Walk, path: string, o: Partial<Attributes>, n: Partial<Attributes>, detail?: string): void {
  const at = detail !== undefined ? { detail } : {};
  if ((o.doc ?? "") !== (n.doc ?? "")) emit(w, path, { kind: "docs-changed", ...at, ...facts(o.doc, n.doc) });
  if (o.deprecated === undefined && n.deprecated !== undefined)
    emit(w, path, { kind: "deprecation-added", ...at, new: n.deprecated });
  else if (o.deprecated !== undefined && n.deprecated === undefined)
    emit(w, path, { kind: "deprecation-removed", ...at, old: o.deprecated });
  else if (o.deprecated !== n.deprecated)
    emit(w, path, { kind: "docs-changed", detail: detail ?? "deprecation", ...facts(o.deprecated, n.deprecated) });
  if (!!o.sensitive !== !!n.sensitive)
    emit(w, path, { kind: n.sensitive ? "sensitivity-added" : "sensitivity-removed", ...at });
  if (JSON.stringify(o.default) !== JSON.stringify(n.default))
    emit(w, path, { kind: "default-changed", ...at, ...facts(o.default, n.default) });
}

/** A type's or member's annotations, with those written on its node (core JSON Structure puts them there). */
const ownAttrs = (a: Attributes, node: TypeNode): Partial<Attributes> => ({
  doc: a.doc ?? node.attrs.doc,
  deprecated: a.deprecated ?? node.attrs.deprecated,
  sensitive: !!(a.sensitive || node.attrs.sensitive),
  default: a.default ?? node.attrs.default,
});

function compareNode(w: Walk, path: string, o: TypeNode, n: TypeNode): void {
  if (o.kind === "ref" || n.kind === "ref") return compareRefs(w, path, o, n);
  if (o.kind !== n.kind) return kindChanged(w, path, o, n);
  switch (o.kind) {
    case "primitive":
      return comparePrimitive(w, path, o, n as Node<"primitive">);
    case "enum":
      return compareEnum(w, path, o, n as Node<"enum">);
    case "const":
      if (JSON.stringify(o.value) !== JSON.stringify((n as Node<"const">).value)) changed(w, path, o, n);
      return;
    case "object":
      return compareObject(w, path, o, n as Node<"object">);
    case "map": {
      const m = n as Node<"map">;
      compareNode(w, `${path}{}`, o.values, m.values);
      sameOrChanged(w, path, "keys", o.keys, m.keys);
      return compareConstraints(o.constraints, m.constraints, (c) => emit(w, path, c));
    }
    case "array":
    case "set": {
      const m = n as Node<"array" | "set">;
      compareConstraints(o.constraints, m.constraints, (c) => emit(w, path, c));
      sameOrChanged(w, path, "contains", o.contains, m.contains);
      return compareNode(w, `${path}[]`, o.items, m.items);
    }
    case "tuple":
      return compareTuple(w, path, o, n as Node<"tuple">);
    case "choice":
      return compareChoice(w, path, o, n as Node<"choice">);
    case "union":
      return compareUnion(w, path, o, n as Node<"union">);
    case "composition":
      if (sig(w.old, o) !== sig(w.next, n)) emit(w, path, { kind: "type-changed", detail: "composition" });
      return;
    case "any":
      return;
  }
}

const sig = (side: Side, node: TypeNode): string => signature(node, side.names);

/** A part compared as a whole (map keys, `contains`): any difference is one constraint change. */
function sameOrChanged(w: Walk, path: string, detail: string, o: TypeNode | undefined, n: TypeNode | undefined): void {
  const a = o ? sig(w.old, o) : "";
  const b = n ? sig(w.next, n) : "";
  if (a === b) return;
  const kind = !o ? "constraint-tightened" : !n ? "constraint-loosened" : "constraint-changed";
  emit(w, path, { kind, detail, ...facts(o && describe(o, w.old.names), n && describe(n, w.next.names)) });
}

const changed = (w: Walk, path: string, o: TypeNode, n: TypeNode, variant?: string) =>
  emit(w, path, {
    kind: "type-changed",
    ...(variant ? { variant } : {}),
    old: describe(o, w.old.names),
    new: describe(n, w.next.names),
  });

/**
 * A reference that now names another type, or a type written inline instead of by name: the
 * change of name is reported, then what the two stand for is compared at the same subject.
 */
function compareRefs(w: Walk, path: string, o: TypeNode, n: TypeNode): void {
  const a = o.kind === "ref" ? w.old.names(o.name) : undefined;
  const b = n.kind === "ref" ? w.next.names(n.name) : undefined;
  if (a !== undefined && a === b) return;
  changed(w, path, o, n, "retargeted");
  const key = `${a ?? sig(w.old, o)}\u0000${b ?? sig(w.next, n)}`;
  if (w.following.has(key)) return;
  w.following.add(key);
  const target = resolve(w.old, o);
  const other = resolve(w.next, n);
  if (target.kind === "ref" || other.kind === "ref") return; // a dangling name: nothing more to say
  compareNode(w, path, target, other);
}

function resolve(side: Side, node: TypeNode): TypeNode {
  let n = node;
  for (let i = 0; i < 64 && n.kind === "ref"; i++) {
    const t = side.byName.get(n.name);
    if (!t) break;
    n = t.node;
  }
  return n;
}

function kindChanged(w: Walk, path: string, o: TypeNode, n: TypeNode): void {
  // A set is an array of distinct items: only uniqueness changed.
  if ((o.kind === "array" || o.kind === "set") && (n.kind === "array" || n.kind === "set")) {
    const unique = (x: Node<"array" | "set">) => ({
      ...x.constraints,
      uniqueItems: x.kind === "set" || x.constraints.uniqueItems === true,
    });
    compareConstraints(unique(o), unique(n), (c) => emit(w, path, c));
    sameOrChanged(w, path, "contains", o.contains, n.contains);
    return compareNode(w, `${path}[]`, o.items, n.items);
  }
  // An enum admits some values of its base primitive: to the primitive widens, from it narrows.
  if (o.kind === "enum" && n.kind === "primitive" && includes(n, baseOf(o))) return changed(w, path, o, n, "widened");
  if (o.kind === "primitive" && n.kind === "enum" && includes(o, baseOf(n))) return changed(w, path, o, n, "narrowed");
  changed(w, path, o, n);
}

const baseOf = (e: Node<"enum">): Node<"primitive"> => ({
  kind: "primitive",
  primitive: e.base,
  constraints: {},
  attrs: { facts: [] },
});

function comparePrimitive(w: Walk, path: string, o: Node<"primitive">, n: Node<"primitive">): void {
  if (o.primitive !== n.primitive || o.encoding !== n.encoding) {
    const r = relation(o, n);
    changed(w, path, o, n, r === "other" ? undefined : r);
    if (r === "other") return;
  }
  compareConstraints(o.constraints, n.constraints, (c) => emit(w, path, c));
  if (o.knownValues || n.knownValues) {
    const { added, removed } = valueSets(o.knownValues ?? [], n.knownValues ?? []);
    for (const v of added) emit(w, path, { kind: "known-value-added", new: v });
    for (const v of removed) emit(w, path, { kind: "known-value-removed", old: v });
  }
}

/** Values by their JSON text, so "1" and 1 stay apart. */
function valueSets(
  o: EnumMember[],
  n: EnumMember[],
): { added: EnumValue[]; removed: EnumValue[]; common: [EnumMember, EnumMember][] } {
  const key = (m: EnumMember) => JSON.stringify(m.value);
  const before = new Map(o.map((m) => [key(m), m]));
  const after = new Map(n.map((m) => [key(m), m]));
  return {
    added: n.filter((m) => !before.has(key(m))).map((m) => m.value),
    removed: o.filter((m) => !after.has(key(m))).map((m) => m.value),
    common: n.filter((m) => before.has(key(m))).map((m) => [before.get(key(m))!, m]),
  };
}

function compareEnum(w: Walk, path: string, o: Node<"enum">, n: Node<"enum">): void {
  if (o.base !== n.base) return changed(w, path, o, n);
  const { added, removed, common } = valueSets(o.members, n.members);
  for (const v of added) emit(w, path, { kind: "enum-value-added", variant: n.open ? "open" : "closed", new: v });
  for (const v of removed) emit(w, path, { kind: "enum-value-removed", old: v });
  for (const [a, b] of common) compareAttrs(w, path, a.attrs, b.attrs, `value ${JSON.stringify(b.value)}`);
  if (!!o.open !== !!n.open) emit(w, path, { kind: n.open ? "enum-opened" : "enum-closed" });
}

function compareObject(w: Walk, path: string, o: Node<"object">, n: Node<"object">): void {
  const before = new Map(o.members.map((m) => [m.name, m]));
  const after = new Map(n.members.map((m) => [m.name, m]));
  const closed = n.additional === false ? "-closed" : "";
  for (const m of o.members) {
    if (!after.has(m.name)) emit(w, `${path}.${m.name}`, { kind: "member-removed", old: memberFact(w.old, m) });
  }
  for (const m of n.members) {
    const was = before.get(m.name);
    const at = `${path}.${m.name}`;
    if (!was) {
      emit(w, at, {
        kind: "member-added",
        variant: `${m.required ? "required" : "optional"}${closed}`,
        new: memberFact(w.next, m),
      });
      continue;
    }
    if (was.required !== m.required)
      emit(w, at, { kind: m.required ? "member-required" : "member-optional", ...facts(req(was), req(m)) });
    compareAttrs(w, at, ownAttrs(was.attrs, was.type), ownAttrs(m.attrs, m.type));
    compareNode(w, at, was.type, m.type);
  }
  compareAdditional(w, path, o.additional, n.additional);
  for (const k of ["requiredSets", "dependentRequired"] as const) {
    if (JSON.stringify(o[k]) !== JSON.stringify(n[k]))
      emit(w, path, { kind: "constraint-changed", detail: k, ...facts(o[k], n[k]) });
  }
  for (const k of ["patternProperties", "propertyNames"] as const) {
    if (JSON.stringify(o[k] && stripped(w.old, o[k])) !== JSON.stringify(n[k] && stripped(w.next, n[k]))) {
      emit(w, path, { kind: "type-changed", detail: k });
    }
  }
  compareConstraints(o.constraints, n.constraints, (c) => emit(w, path, c));
}

const stripped = (side: Side, v: unknown): unknown => JSON.parse(signature(v as TypeNode, side.names));

const req = (m: Member): string => (m.required ? "required" : "optional");
const memberFact = (side: Side, m: Member): string => `${describe(m.type, side.names)}, ${req(m)}`;

/** `additionalProperties`: false admits nothing undeclared, true anything, a type what it admits. */
function compareAdditional(w: Walk, path: string, o: boolean | TypeNode, n: boolean | TypeNode): void {
  if (typeof o === "object" && typeof n === "object") return compareNode(w, `${path}{}`, o, n);
  if (o === n) return;
  const label = (v: boolean | TypeNode, side: Side) => (typeof v === "boolean" ? v : describe(v, side.names));
  const rank = (v: boolean | TypeNode) => (v === false ? 0 : v === true ? 2 : 1);
  const kind = rank(n) > rank(o) ? "constraint-loosened" : "constraint-tightened";
  emit(w, path, { kind, detail: "additionalProperties", old: label(o, w.old), new: label(n, w.next) });
}

function compareTuple(w: Walk, path: string, o: Node<"tuple">, n: Node<"tuple">): void {
  const names = (t: Node<"tuple">) => t.elements.map((e) => e.name).join(",");
  if (names(o) !== names(n))
    return emit(w, path, { kind: "type-changed", detail: "elements", old: names(o), new: names(n) });
  o.elements.forEach((e, i) => compareNode(w, `${path}.${e.name}`, e.type, n.elements[i]!.type));
}

function compareChoice(w: Walk, path: string, o: Node<"choice">, n: Node<"choice">): void {
  if (o.selector !== n.selector)
    return emit(w, path, { kind: "type-changed", detail: "selector", ...facts(o.selector, n.selector) });
  const before = new Map(o.options.map((x) => [x.name, x]));
  const after = new Map(n.options.map((x) => [x.name, x]));
  for (const x of o.options) if (!after.has(x.name)) emit(w, path, { kind: "option-removed", old: x.name });
  for (const x of n.options) {
    const was = before.get(x.name);
    if (!was) emit(w, path, { kind: "option-added", new: x.name });
    else compareNode(w, `${path}.${x.name}`, was.type, x.type);
  }
}

function compareUnion(w: Walk, path: string, o: Node<"union">, n: Node<"union">): void {
  const before = new Set(o.options.map((x) => sig(w.old, x)));
  const after = new Set(n.options.map((x) => sig(w.next, x)));
  for (const x of o.options)
    if (!after.has(sig(w.old, x))) emit(w, path, { kind: "option-removed", old: describe(x, w.old.names) });
  for (const x of n.options)
    if (!before.has(sig(w.next, x))) emit(w, path, { kind: "option-added", new: describe(x, w.next.names) });
}
