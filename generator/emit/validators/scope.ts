// What one named type's code is built in: its constants, its helper functions (one per inline
// compound node, numbered in the order they are met), and the runtime helpers it calls. Everything
// here is named after the type, so a type's text depends on that type (and the primitives whose tests
// its required members write out, which the scope is given) alone.
import type { EnumValue, TypeNode } from "../../ir/model.js";
import { jsString, numberLiteral, type Value, Writer } from "./layout.js";

export type Flavour = "js" | "ts";

/** Values nested deeper are rejected (INSTANCE_MAX_DEPTH_EXCEEDED); runtime.js states the same. */
export const MAX_DEPTH = 512;

/** Compound nodes get functions of their own; the rest are checked inline. */
export const COMPOUND = new Set<TypeNode["kind"]>([
  "object",
  "map",
  "array",
  "set",
  "tuple",
  "choice",
  "union",
  "composition",
]);

export interface Pending {
  /** e.g. "T$is3" / "T$check3" share the suffix "3" ("" for the type's own node). */
  suffix: string;
  node: TypeNode;
}

/** Enum values in a stable order: strings by code unit, then other values by their JSON text. */
export function sortedEnumValues(values: EnumValue[]): EnumValue[] {
  const key = (v: EnumValue) => (typeof v === "string" ? `0${v}` : `1${JSON.stringify(v)}`);
  return [...values].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function literal(v: EnumValue): string {
  if (typeof v === "string") return jsString(v);
  if (typeof v === "number") return numberLiteral(v);
  return String(v);
}

export class Scope {
  readonly constants = new Writer();
  /** Runtime names the code uses (the module imports exactly these). */
  readonly runtime = new Set<string>();
  readonly queue: Pending[] = [];
  private readonly seen = new Map<string, string>();
  private fnCount = 0;
  private constCount = 0;

  /**
   * `leaves`: the primitive types that required members refer to, by name: their tests are written out where
   * the member is read (compounds.ts requiredIs), so they are part of this type's text.
   */
  constructor(
    readonly name: string,
    readonly flavour: Flavour,
    private readonly leaves: ReadonlyMap<string, TypeNode> = new Map(),
  ) {}

  /** A leaf type's node, when this type's code writes its check out (see the constructor). */
  leafOf(name: string): TypeNode | undefined {
    return this.leaves.get(name);
  }

  /** A runtime helper by name, recorded for the import list. */
  rt(helper: string): string {
    this.runtime.add(helper);
    return helper;
  }

  private readonly suffixes = new Map<string, string>();
  private readonly keys = new WeakMap<TypeNode, string>();
  private readonly anyOfs = new Map<TypeNode, TypeNode>();

  /**
   * The suffix of the functions that check an inline node (both scheduled once per node). Nodes are
   * told apart by their JSON, not by object identity: the code must be a function of the IR's value
   * (the fragment cache keys on it), whether or not two places share one object.
   */
  fn(node: TypeNode): string {
    let key = this.keys.get(node);
    if (key === undefined) {
      key = JSON.stringify(node);
      this.keys.set(node, key);
    }
    let suffix = this.suffixes.get(key);
    if (suffix === undefined) {
      suffix = String(++this.fnCount);
      this.suffixes.set(key, suffix);
      this.queue.push({ suffix, node });
    }
    return suffix;
  }

  /** A composition's anyOf as one union node (the same object each time it is asked for). */
  anyOf(composition: Extract<TypeNode, { kind: "composition" }>): TypeNode {
    let u = this.anyOfs.get(composition);
    if (!u) {
      u = { kind: "union", options: composition.anyOf, attrs: { facts: [] } };
      this.anyOfs.set(composition, u);
    }
    return u;
  }

  isName = (suffix: string): string => `${this.name}$is${suffix}`;
  checkName = (suffix: string): string => `${this.name}$check${suffix}`;

  /** A module constant named after the type; the same value twice is one constant. */
  constant(kind: string, value: Value, type?: string): string {
    const key = `${kind}:${JSON.stringify(value)}:${type ?? ""}`;
    const hit = this.seen.get(key);
    if (hit) return hit;
    const name = `${this.name}$${kind}${++this.constCount}`;
    this.seen.set(key, name);
    const pure = (v: Value): Value =>
      "call" in v
        ? { call: { ...v.call, callee: `/*#__PURE__*/ ${v.call.callee}` } }
        : "callee" in v
          ? { ...v, callee: `/*#__PURE__*/ ${v.callee}` }
          : v;
    if (type !== undefined && this.flavour === "js") this.constants.line(`/** @type {${type}} */`);
    const decl = type !== undefined && this.flavour === "ts" ? `const ${name}: ${type}` : `const ${name}`;
    this.constants.constant(decl, pure(value));
    return name;
  }

  /** Sorted values as a frozen array constant (messages and drift's `known`). */
  values(values: EnumValue[]): string {
    return this.constant("v", { callee: "Object.freeze", array: values.map(literal) });
  }

  /** A set of values for membership tests. */
  set(values: EnumValue[]): string {
    const list = this.values(values);
    return this.constant("s", { call: { callee: "new Set", args: [list] } }, "ReadonlySet<unknown>");
  }

  text(value: string): string {
    return this.constant("t", { text: jsString(value) });
  }
}
