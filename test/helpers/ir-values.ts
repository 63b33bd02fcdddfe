// Values for a type of an IR model: mostly valid (so checks reach deep into the value), then
// mutated (a part replaced by another JSON value, a member dropped or added). Deterministic from
// a seed, so a property test's failure can be replayed.
import type { Model, NamedType, TypeNode } from "../../generator/ir/model.js";

/** A small deterministic random source (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Strings for patterned and free-text members: the generator keeps those a pattern accepts. */
const STRINGS = [
  "a",
  "alice",
  "Alice_1",
  "a b",
  "",
  "x".repeat(40),
  "x".repeat(300),
  "😀",
  "😀".repeat(129),
  "e\u0301",
  "\u0000",
  "123",
  "-12.5",
  "a-b",
  "A",
  "abc@example.com",
  "+1",
  "us-east-1_abc123",
  "\t",
  "SMS_MFA",
  "CONFIRMED",
  "2024-05-01T12:34:56Z",
  "2024-02-30",
  "12:34:56",
  "P1D",
  "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
  "https://example.com/x",
  "/a/b~0",
  "QUJD",
  "9223372036854775807",
  "9223372036854775808",
  "arn:aws:iam::123456789012:role/x",
  "\u2028",
  "a/b~c",
];

/** Other JSON values that replace a part of a value. */
const REPLACEMENTS: unknown[] = [
  null,
  0,
  -1,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  1e21,
  "",
  "x",
  "😀",
  true,
  false,
  [],
  {},
  [1, "a"],
  { a: 1 },
  "CONFIRMED",
  256,
];

function stringFor(node: Extract<TypeNode, { kind: "primitive" }>, r: () => number): string {
  const c = node.constraints;
  const known = node.knownValues?.map((m) => m.value).filter((v): v is string => typeof v === "string") ?? [];
  if (known.length > 0 && r() < 0.6) return pick(r, known);
  switch (node.primitive) {
    case "datetime":
      return pick(r, ["2024-05-01T12:34:56Z", "2024-05-01T12:34:56.5+01:00", "2024-13-01T00:00:00Z"]);
    case "date":
      return pick(r, ["2024-05-01", "2024-02-29", "2023-02-29"]);
    case "time":
      return pick(r, ["12:34:56", "23:59:60Z", "24:00:00"]);
    case "duration":
      return pick(r, ["P1D", "PT1H30M", "P"]);
    case "uuid":
      return pick(r, ["0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f"]);
    case "uri":
      return pick(r, ["https://example.com/a?b#c", "a b", "%zz"]);
    case "jsonpointer":
      return pick(r, ["/a/b~0", "", "a"]);
    case "binary":
      return pick(r, ["QUJD", "QUI=", "QQ", "@@@@"]);
    case "decimal":
      return pick(r, ["12.34", "-0.5", "1e3", "12345678901234567890.123", String(c.minimum ?? "0")]);
    case "int64":
    case "int128":
    case "uint64":
    case "uint128":
      return pick(r, [
        "0",
        "-1",
        "9223372036854775807",
        "9223372036854775808",
        "340282366920938463463374607431768211455",
        String(c.minimum ?? "1"),
        String(c.maximum ?? "2"),
        "01",
      ]);
    default: {
      let pool = STRINGS;
      if (c.pattern) {
        let re: RegExp | undefined;
        try {
          re = new RegExp(`^(?:${c.pattern.source})$`, "u");
        } catch {
          re = undefined;
        }
        const fits = re ? STRINGS.filter((s) => re!.test(s)) : [];
        if (fits.length > 0 && r() < 0.8) pool = fits;
      }
      const min = c.minLength ?? 0;
      const max = c.maxLength ?? Infinity;
      const sized = pool.filter((s) => [...s].length >= min && [...s].length <= max);
      return pick(r, sized.length > 0 && r() < 0.9 ? sized : pool);
    }
  }
}

const INT_RANGE: Record<string, [number, number]> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  integer: [-(2 ** 31), 2 ** 31 - 1],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 2 ** 32 - 1],
};

function primitive(node: Extract<TypeNode, { kind: "primitive" }>, r: () => number): unknown {
  const p = node.primitive;
  const c = node.constraints;
  if (p === "datetime" && node.encoding === "epoch-seconds")
    return pick(r, [1714566896, 1714566896.123, 0, "2024-05-01T12:34:56Z"]);
  if (p === "boolean") return r() < 0.9 ? r() < 0.5 : "true";
  if (p === "null") return r() < 0.9 ? null : 0;
  const range = INT_RANGE[p];
  if (range) {
    const lo = c.minimum !== undefined ? Number(c.minimum) : range[0];
    const hi = c.maximum !== undefined ? Number(c.maximum) : range[1];
    return pick(r, [lo, hi, Math.round((lo + hi) / 2), lo - 1, hi + 1, 1.5, Math.min(hi, Math.max(lo, 7))]);
  }
  if (p === "number" || p === "double" || p === "float" || p === "float8") {
    const lo = c.minimum !== undefined ? Number(c.minimum) : -1e6;
    const hi = c.maximum !== undefined ? Number(c.maximum) : 1e6;
    return pick(r, [lo, hi, (lo + hi) / 2, 0.5, 3, 1e39, -2.5]);
  }
  return stringFor(node, r);
}

export class ValueGen {
  private readonly types: Map<string, NamedType>;
  constructor(model: Model) {
    this.types = new Map(model.types.map((t) => [t.name, t]));
  }

  value(node: TypeNode, r: () => number, depth: number): unknown {
    // Types that require themselves (tuples, required members) end in a stand-in.
    if (depth < -2) return pick(r, REPLACEMENTS);
    switch (node.kind) {
      case "ref": {
        const t = this.types.get(node.name);
        return t ? this.value(t.node, r, depth) : null;
      }
      case "any":
        return pick(r, REPLACEMENTS);
      case "const":
        return r() < 0.9 ? node.value : "other";
      case "enum":
        return r() < 0.85 && node.members.length > 0 ? pick(r, node.members).value : pick(r, ["UNLISTED", 3, ""]);
      case "primitive":
        return primitive(node, r);
      case "object": {
        const out: Record<string, unknown> = {};
        const set = (k: string, v: unknown) =>
          Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
        const sets = node.requiredSets;
        const chosen = sets && sets.length > 0 ? new Set(pick(r, sets)) : undefined;
        for (const m of node.members) {
          const wanted = m.required || chosen?.has(m.name) || (depth > 0 && r() < 0.6);
          // Past the depth, required members get a stand-in (a recursive type may require itself).
          if (wanted) set(m.name, depth > 0 ? this.value(m.type, r, depth - 1) : pick(r, REPLACEMENTS));
        }
        if (r() < 0.1) set("zzExtra", 1);
        return out;
      }
      case "map": {
        const out: Record<string, unknown> = {};
        const n = depth > 0 ? Math.floor(r() * 3) : 0;
        for (let i = 0; i < n; i++)
          out[pick(r, ["k1", "k2", "a/b~c", "Name", "ab"])] = this.value(node.values, r, depth - 1);
        return out;
      }
      case "array":
      case "set": {
        const n = depth > 0 ? Math.floor(r() * 4) : 0;
        const items = Array.from({ length: n }, () => this.value(node.items, r, depth - 1));
        if (node.kind === "set" && items.length > 0 && r() < 0.2) items.push(items[0]);
        return items;
      }
      case "tuple": {
        const items = node.elements.map((e) => this.value(e.type, r, depth - 1));
        if (r() < 0.1) items.pop();
        if (r() < 0.1) items.push(1);
        return items;
      }
      case "choice": {
        const o = pick(r, node.options);
        if (node.selector === undefined) return { [o.name]: this.value(o.type, r, depth - 1) };
        const v = this.value(o.type, r, depth);
        if (v && typeof v === "object" && !Array.isArray(v))
          (v as Record<string, unknown>)[node.selector] = r() < 0.9 ? o.name : "nope";
        return v;
      }
      case "union":
        return this.value(pick(r, node.options), r, depth);
      case "composition": {
        const parts = [...(node.base ? [node.base] : []), ...node.allOf, ...node.anyOf, ...node.oneOf];
        return parts.length > 0 ? this.value(pick(r, parts), r, depth) : pick(r, REPLACEMENTS);
      }
    }
  }

  /** A value for the type, then 0–2 random mutations. */
  sample(type: string, seed: number, depth = 4): unknown {
    const r = rng(seed);
    const v = this.value(this.types.get(type)!.node, r, depth);
    const n = r() < 0.4 ? 0 : Math.floor(r() * 3);
    let out = v;
    for (let i = 0; i < n; i++) out = mutate(out, r);
    return out;
  }
}

/** Replaces a random part (or the whole), drops a member, or adds one. */
export function mutate(v: unknown, r: () => number): unknown {
  if (v === null || typeof v !== "object" || r() < 0.15) return pick(r, REPLACEMENTS);
  if (Array.isArray(v)) {
    if (v.length === 0) return r() < 0.5 ? [pick(r, REPLACEMENTS)] : v;
    const i = Math.floor(r() * v.length);
    const copy = [...v];
    copy[i] = mutate(copy[i], r);
    return copy;
  }
  const keys = Object.keys(v);
  const copy: Record<string, unknown> = {};
  for (const k of keys)
    Object.defineProperty(copy, k, {
      value: (v as Record<string, unknown>)[k],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  const roll = r();
  if (keys.length === 0 || roll < 0.2) {
    const k = pick(r, ["zzExtra", "$schema", "__proto__", "Name"]);
    Object.defineProperty(copy, k, {
      value: pick(r, REPLACEMENTS),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else if (roll < 0.4) delete copy[pick(r, keys)];
  else {
    const k = pick(r, keys);
    Object.defineProperty(copy, k, { value: mutate(copy[k], r), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
