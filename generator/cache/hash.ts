// Content hashing for the cache: sha-256, and a canonical JSON text of IR values that two values
// share only when every emitter would see the same data in them.
import { createHash, hash, type Hash } from "node:crypto";

// One-shot hashing: a Hash object per call costs more than hashing a short text.
export const sha256 = (data: string | Buffer): string => hash("sha256", data, "hex");

/** `new Digest().add(...parts).hex()` in one call, for texts only. */
export function digestOf(...parts: string[]): string {
  let text = "";
  for (const p of parts) text += `${Buffer.byteLength(p, "utf8")}:${p}`;
  return hash("sha256", text, "hex");
}

/** A hash fed with records; each record is length-prefixed, so no two sequences of records collide. */
export class Digest {
  private readonly hash: Hash = createHash("sha256");

  add(...parts: (string | Buffer)[]): this {
    // Consecutive strings go in one update (the digest of a stream is that of its concatenation).
    let text = "";
    for (const p of parts) {
      if (typeof p === "string") text += `${Buffer.byteLength(p, "utf8")}:${p}`;
      else {
        this.hash.update(`${text}${p.length}:`, "utf8").update(p);
        text = "";
      }
    }
    if (text !== "") this.hash.update(text, "utf8");
    return this;
  }

  hex(): string {
    return this.hash.digest("hex");
  }
}

/** Thrown for a value whose JSON would lose data (a Map, a class instance, a function): not cacheable. */
export class NotCanonical extends Error {}

// Special values become strings that start with NUL; a real string that does is escaped with a
// second NUL, so the encoding stays one-to-one.
const TAG = "\u0000";

/**
 * JSON.stringify with member order kept (order can show in output) and nothing lost silently:
 * -0, NaN, ±Infinity, undefined and bigint are tagged; a Map is an array tagged "map"; any other
 * object that is not a plain object or array throws NotCanonical (the caller computes uncached).
 */
export function canonicalJson(value: unknown): string {
  // Most IR values hold nothing to tag or refuse: then the engine's JSON.stringify writes the same text.
  return plainJson(value, 0) ? JSON.stringify(value) : taggedJson(value);
}

/**
 * Nothing to tag or refuse, so JSON.stringify writes it as the replacer would: plain objects and arrays
 * of strings not starting with NUL, finite numbers other than -0, booleans and null.
 */
function plainJson(v: unknown, depth: number): boolean {
  switch (typeof v) {
    case "string":
      return v.charCodeAt(0) !== 0;
    case "number":
      return Number.isFinite(v) && !Object.is(v, -0);
    case "boolean":
      return true;
    case "object": {
      if (v === null) return true;
      if (depth > 200) return false; // the replacer path decides (and overflows as it always did)
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (!plainJson(v[i], depth + 1)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      for (const k in v) {
        // An inherited enumerable key (none on plain objects) or toJSON would change what stringify sees.
        if (!Object.prototype.hasOwnProperty.call(v, k) || k === "toJSON") return false;
        if (!plainJson((v as Record<string, unknown>)[k], depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

function taggedJson(value: unknown): string {
  // The arrays that stand for Maps: their tag (item 0) is not escaped like data.
  const maps = new WeakSet<object>();
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown): unknown {
    // `this[key]` is the value before toJSON: a Date or any class instance is refused, not flattened.
    const raw = this[key];
    if (key === "0" && maps.has(this)) return v;
    if (raw !== null && typeof raw === "object") {
      if (Array.isArray(raw)) return v;
      const proto = Object.getPrototypeOf(raw) as unknown;
      if (proto === Object.prototype || proto === null) return v;
      if (raw instanceof Map) {
        const tagged = [`${TAG}map`, ...raw.entries()];
        maps.add(tagged);
        return tagged;
      }
      throw new NotCanonical(`a ${(raw as object).constructor?.name ?? "non-plain"} object`);
    }
    switch (typeof raw) {
      case "string":
        return raw.charCodeAt(0) === 0 ? TAG + raw : raw;
      case "number":
        return Number.isFinite(raw) && !Object.is(raw, -0) ? raw : `${TAG}${Object.is(raw, -0) ? "-0" : String(raw)}`;
      case "undefined":
        return `${TAG}undefined`;
      case "bigint":
        return `${TAG}${raw.toString()}n`;
      case "function":
      case "symbol":
        throw new NotCanonical(`a ${typeof raw}`);
      default:
        return v;
    }
  });
}

/**
 * true only when canonicalJson(a) === canonicalJson(b), by a walk that builds no text: member order
 * counts, -0 is not 0, an undefined member is not an absent one. Anything that is not plain data (a
 * Map, a class instance, a function) or nests past 1000 levels is false: a miss, never a wrong match.
 */
export function sameJson(a: unknown, b: unknown, depth = 0): boolean {
  // One object: the same text (or NotCanonical both times).
  if (a === b && typeof a === "object" && a !== null) return true;
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    return Object.is(a, b) && typeof a !== "function" && typeof a !== "symbol";
  }
  if (depth > 1000) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i], depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(a) as unknown;
  if ((proto !== Object.prototype && proto !== null) || Array.isArray(b) || Object.getPrototypeOf(b) !== proto) {
    return false;
  }
  // for-in over `a` (no array built): its own keys in Object.keys order, then any inherited enumerable
  // key, which Object.keys(b) lacks, so that is a miss.
  const other = Object.keys(b);
  let i = 0;
  for (const k in a) {
    if (k !== other[i++]) return false;
    if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return i === other.length;
}
